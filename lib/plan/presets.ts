/**
 * SLO presets for the wizard's second step, each with the reasoning behind its numbers and the request shape it
 * usually comes with (offered in step 1's "typical workload" button; applying a preset sets only the SLOs).
 */
import type { PlanInput } from "./schema";

export type SloPresetId = "chat" | "coding-agent" | "rag" | "batch";

export interface SloPreset {
  readonly id: SloPresetId;
  readonly name: string;
  /** Why these targets, in two or three sentences. */
  readonly explanation: string;
  readonly slo: Omit<PlanInput["slo"], "preset">;
  readonly workload: Pick<PlanInput["workload"], "inputTokens" | "inputTokensP95" | "outputTokens" | "outputTokensP95" | "systemPromptTokens" | "prefixCacheHitRate">;
}

export const SLO_PRESETS: readonly SloPreset[] = [
  {
    id: "chat",
    name: "Chat assistant",
    explanation:
      "People wait for the first word: under about half a second feels instant, a second is tolerable at the tail. After that the stream only has to outpace reading (4–8 words/s), so 50 ms per token (20 tokens/s) is comfortable.",
    slo: { ttftP50Ms: 400, ttftP95Ms: 1000, tpotP95Ms: 50 },
    workload: { inputTokens: 1000, inputTokensP95: 3000, outputTokens: 300, outputTokensP95: 800, systemPromptTokens: 400, prefixCacheHitRate: 0.9 },
  },
  {
    id: "coding-agent",
    name: "Coding agent",
    explanation:
      "An agent chains many calls, each reading a large repository context, and a person waits for the whole chain: decode speed dominates, so TPOT is tight (20 ms, 50 tokens/s). Long prompts make a few seconds of TTFT acceptable.",
    slo: { ttftP95Ms: 3000, tpotP95Ms: 20, e2eP95Ms: 30_000 },
    workload: { inputTokens: 8000, inputTokensP95: 24_000, outputTokens: 500, outputTokensP95: 1500, systemPromptTokens: 2000, prefixCacheHitRate: 0.8 },
  },
  {
    id: "rag",
    name: "Retrieval-augmented answers",
    explanation:
      "Retrieved passages make prompts several times longer than the answer, so prefill sets TTFT; 1.5 s at p95 leaves room for the retrieval step before it. Answers are read as they stream, like chat.",
    slo: { ttftP50Ms: 700, ttftP95Ms: 1500, tpotP95Ms: 50 },
    workload: { inputTokens: 4000, inputTokensP95: 8000, outputTokens: 250, outputTokensP95: 600, systemPromptTokens: 300, prefixCacheHitRate: 0.9 },
  },
  {
    id: "batch",
    name: "Batch summarisation",
    explanation:
      "Nobody watches the stream: only throughput and cost matter. A loose floor of 5 tokens/s per request and a 10-minute end-to-end bound keep jobs moving while letting the planner batch as deep as memory allows.",
    slo: { minTokensPerSecondPerUser: 5, e2eP95Ms: 600_000 },
    workload: { inputTokens: 6000, inputTokensP95: 12_000, outputTokens: 400, outputTokensP95: 800, systemPromptTokens: 200, prefixCacheHitRate: 0.5 },
  },
];

export function getSloPreset(id: string): SloPreset | undefined {
  return SLO_PRESETS.find((p) => p.id === id);
}
