import type { ApiPrice } from "./types";

/**
 * Hosted-API list prices (USD per million tokens), for comparison with self-hosting.
 * Transcribed from shared/reference/api-prices.json; `dateSeen` is when the source read the page (prices move).
 * usdPerMillionInput is null where the source did not capture it.
 */
export const API_PRICES: readonly ApiPrice[] = [
  // cached input $1.25/M; Same values in many code price tables (find_string). gpt-4o-2024-05-13 was $5/$15.
  { provider: "OpenAI", model: "gpt-4o", usdPerMillionInput: 2.5, usdPerMillionOutput: 10.0, dateSeen: "2024-2025 list (undated crate)", source: "docs.rs openai-models 0.1.1 src/lib.rs ('From https://openai.com/api/pricing/')" },
  // cached input $0.075/M
  { provider: "OpenAI", model: "gpt-4o-mini", usdPerMillionInput: 0.15, usdPerMillionOutput: 0.6, dateSeen: "2024-2025 list", source: "docs.rs openai-models 0.1.1 src/lib.rs ('From https://openai.com/api/pricing/')" },
  // cached input $0.5/M; Source notes OpenAI's own pricing page no longer lists gpt-4.x (only gpt-5.4/5.5) but the models remain billable. Cached price per adk-model crate (75% off).
  { provider: "OpenAI", model: "gpt-4.1", usdPerMillionInput: 2.0, usdPerMillionOutput: 8.0, dateSeen: "2026-05-07", source: "https://raw.githubusercontent.com/Sraleik/undetermini/HEAD/PRICING.md (verified 2026-05-07 vs aipricing.guru + pricepertoken.com)" },
  { provider: "OpenAI", model: "gpt-4.1-mini", usdPerMillionInput: 0.4, usdPerMillionOutput: 1.6, dateSeen: "2026-05-07", source: "https://raw.githubusercontent.com/Sraleik/undetermini/HEAD/PRICING.md" },
  // cached input $0.5/M; Launch price (2025-04-16) was $10/$40, cache $2.50 (RooCodeInc/Roo-Code PR #2691); cut 80% in June 2025.
  { provider: "OpenAI", model: "o3", usdPerMillionInput: 2.0, usdPerMillionOutput: 8.0, dateSeen: "post-2025-06 list", source: "code price tables (find_string ids 56709579626, 70946594035; one notes 'LiteLLM confirms o3 is $2/$8')" },
  // cached input $0.275/M
  { provider: "OpenAI", model: "o4-mini", usdPerMillionInput: 1.1, usdPerMillionOutput: 4.4, dateSeen: "2025-04-17", source: "https://github.com/RooCodeInc/Roo-Code/pull/2691.patch" },
  // cached input $0.25/M; Context: current flagship tier in the stored snapshot.
  { provider: "OpenAI", model: "gpt-5.4", usdPerMillionInput: 2.5, usdPerMillionOutput: 15.0, dateSeen: "2026-05-04", source: "api-evangelist/openai plans/openai-plans-pricing.yml (sources developers.openai.com/api/docs/pricing)" },
  // cached input $0.5/M
  { provider: "OpenAI", model: "gpt-5.5", usdPerMillionInput: 5.0, usdPerMillionOutput: 30.0, dateSeen: "2026-05-04", source: "api-evangelist/openai plans/openai-plans-pricing.yml" },
  // cached input $0.3/M; 5-min cache write $3.75, 1-h $6. Sonnet 4.6 >200K-token prompts: $6 in / $22.50 out (api-evangelist/anthropic, marked 'generated', low confidence).
  { provider: "Anthropic", model: "claude-sonnet-4 / 4.5 / 4.6", usdPerMillionInput: 3.0, usdPerMillionOutput: 15.0, dateSeen: "undated (page lists Opus 4.6)", source: "https://platform.claude.com/docs/zh-CN/about-claude/pricing (official pricing table, undated stored copy listing up to Opus 4.6)" },
  // cached input $0.1/M
  { provider: "Anthropic", model: "claude-haiku-4.5", usdPerMillionInput: 1.0, usdPerMillionOutput: 5.0, dateSeen: "undated", source: "https://platform.claude.com/docs/zh-CN/about-claude/pricing (official pricing table, undated stored copy listing up to Opus 4.6)" },
  // cached input $0.5/M
  { provider: "Anthropic", model: "claude-opus-4.5 / 4.6", usdPerMillionInput: 5.0, usdPerMillionOutput: 25.0, dateSeen: "undated", source: "https://platform.claude.com/docs/zh-CN/about-claude/pricing (official pricing table, undated stored copy listing up to Opus 4.6)" },
  // cached input $1.5/M
  { provider: "Anthropic", model: "claude-opus-4 / 4.1", usdPerMillionInput: 15.0, usdPerMillionOutput: 75.0, dateSeen: "undated", source: "https://platform.claude.com/docs/zh-CN/about-claude/pricing (official pricing table, undated stored copy listing up to Opus 4.6)" },
  // tier: prompts <= 200k tokens; cached input $0.125/M; > 200k-token prompts: $2.50 input / $15 output.
  { provider: "Google", model: "gemini-2.5-pro", usdPerMillionInput: 1.25, usdPerMillionOutput: 10.0, dateSeen: "2026-09-20", source: "api-evangelist/gemini plans/gemini-plans-pricing.yml @3a1090a (verbatim from https://ai.google.dev/gemini-api/docs/pricing, read 2026-09-20) (input); output from code price tables (find_string ids 70946594035, 63048093731)" },
  { provider: "Google", model: "gemini-2.5-flash", usdPerMillionInput: 0.3, usdPerMillionOutput: 2.5, dateSeen: "2026-09-20", source: "api-evangelist/gemini plans/gemini-plans-pricing.yml @3a1090a (verbatim from https://ai.google.dev/gemini-api/docs/pricing, read 2026-09-20) (input, text/image/video; audio $1.00); output from code price table (find_string id 63048093731)" },
  // Input price not in the captured subset of the pricing page; left null.
  { provider: "Google", model: "gemini-2.5-flash-lite", usdPerMillionInput: null, usdPerMillionOutput: 0.4, dateSeen: "2026-09-20", source: "api-evangelist/gemini plans/gemini-plans-pricing.yml @3a1090a (verbatim from https://ai.google.dev/gemini-api/docs/pricing, read 2026-09-20) (output $0.40)" },
  // tier: prompts <= 200k tokens; > 200k: $4 / $18.
  { provider: "Google", model: "gemini-3.1-pro-preview", usdPerMillionInput: 2.0, usdPerMillionOutput: 12.0, dateSeen: "2026-09-20", source: "api-evangelist/gemini plans/gemini-plans-pricing.yml @3a1090a (verbatim from https://ai.google.dev/gemini-api/docs/pricing, read 2026-09-20)" },
  // cached input $0.07/M; Cache-miss input 0.27, cache-hit 0.07. 64K context at the time.
  { provider: "DeepSeek", model: "deepseek-chat (DeepSeek-V3)", usdPerMillionInput: 0.27, usdPerMillionOutput: 1.1, dateSeen: "2025 (V3 era)", source: "https://api-docs.deepseek.com/quick_start/pricing-details-usd" },
  // cached input $0.14/M
  { provider: "DeepSeek", model: "deepseek-reasoner (DeepSeek-R1)", usdPerMillionInput: 0.55, usdPerMillionOutput: 2.19, dateSeen: "2025 (R1 era)", source: "https://api-docs.deepseek.com/quick_start/pricing-details-usd" },
  // cached input $0.028/M; Later uniform V3.2 pricing replaced the V3/R1 prices above; 128K context.
  { provider: "DeepSeek", model: "deepseek-chat / deepseek-reasoner (DeepSeek-V3.2)", usdPerMillionInput: 0.28, usdPerMillionOutput: 0.42, dateSeen: "2025-12-09", source: "https://raw.githubusercontent.com/RooCodeInc/Roo-Code/main/packages/types/src/providers/deepseek.ts ('Updated Dec 9, 2025')" },
  // Listed as '~$0.88/$0.88 per 1M (e.g., Llama 3.3 70B)'.
  { provider: "Together AI", model: "Llama 3.3 70B Instruct Turbo", usdPerMillionInput: 0.88, usdPerMillionOutput: 0.88, dateSeen: "2026-05-08", source: "api-evangelist/together-ai plans/together-ai-plans-pricing.yml (together.ai/pricing)" },
  // Matches Fireworks' '>16B parameters' base tier.
  { provider: "Fireworks AI", model: "llama-v3p3-70b-instruct", usdPerMillionInput: 0.9, usdPerMillionOutput: 0.9, dateSeen: "undated", source: "https://www.lava.so/docs/gateway/providers/fireworks (gateway listing of Fireworks list prices)" },
  // cached input $0.28/M
  { provider: "Fireworks AI", model: "DeepSeek V3 family", usdPerMillionInput: 0.56, usdPerMillionOutput: 1.68, dateSeen: "undated (page lists Kimi K2.6, DeepSeek V4)", source: "https://docs.fireworks.ai/serverless/pricing (official; standard tier input / cached / output)" },
  // cached input $0.015/M
  { provider: "Fireworks AI", model: "gpt-oss-120b", usdPerMillionInput: 0.15, usdPerMillionOutput: 0.6, dateSeen: "undated", source: "https://docs.fireworks.ai/serverless/pricing (official; standard tier input / cached / output)" },
  // cached input $0.035/M
  { provider: "Fireworks AI", model: "gpt-oss-20b", usdPerMillionInput: 0.07, usdPerMillionOutput: 0.3, dateSeen: "undated", source: "https://docs.fireworks.ai/serverless/pricing (official; standard tier input / cached / output)" },
];
