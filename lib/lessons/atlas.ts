import type { Component } from "./meters";
import type { Scenario, ScenarioKey } from "./scenario";

/**
 * Atlas: the parts of one transformer, five sections, one card per part. This file is the table of contents and
 * each card's live bits (which meters, which diagram, which knob); the prose lives with the pages
 * (app/learn/atlas/_content). Summaries are templates: {params}, {flops}, {bytes}, {kv} become the card's meters,
 * {x:key} an extra figure, so the line always carries the scenario's numbers.
 */
export const SECTION_IDS = ["vocabulary", "norm", "attention", "ffn", "stack"] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export interface AtlasSection {
  readonly id: SectionId;
  readonly title: string;
  readonly blurb: string;
}

/** Symbolic dimensions a diagram may name; resolved against the scenario's model by `dimsOf`. */
export type Dim = "1" | "B" | "d" | "V" | "qh" | "kvh" | "dff" | "de" | "N" | "E" | "k" | "L" | "La";

export type DiagramSpec =
  | { readonly kind: "tokens" }
  | { readonly kind: "matmul"; readonly x: Dim; readonly w: readonly [Dim, Dim]; readonly y: Dim; readonly wLabel: string }
  | { readonly kind: "op"; readonly glyph: string; readonly inLabel: string; readonly outLabel: string }
  | { readonly kind: "scores" }
  | { readonly kind: "cache" }
  | { readonly kind: "experts" }
  | { readonly kind: "stack" };

export interface Knob<K extends ScenarioKey = ScenarioKey> {
  readonly field: K;
  readonly value: Scenario[K];
  /** The "try it" prompt: names the knob and what to watch. No numbers (they are live). */
  readonly prompt: string;
}

export interface AtlasCard {
  readonly slug: string;
  readonly section: SectionId;
  readonly title: string;
  readonly component: Component;
  readonly summary: string;
  readonly diagram: DiagramSpec;
  readonly knob: Knob;
}

export const SECTIONS: readonly AtlasSection[] = [
  {
    id: "vocabulary",
    title: "Vocabulary",
    blurb: "Text in, text out: token IDs, the embedding table that turns them into vectors, the LM head that turns vectors back into scores, and the pick.",
  },
  {
    id: "norm",
    title: "Norm",
    blurb: "Tiny layers that keep activations on scale. Almost no parameters, no real cost — worth knowing why.",
  },
  {
    id: "attention",
    title: "Attention",
    blurb: "Where a token looks back at the context: projections, rotary positions, scores, softmax, and the KV cache it reads every step.",
  },
  {
    id: "ffn",
    title: "FFN",
    blurb: "Most of the weights live here: gate, up and down projections, SwiGLU, and in MoE models the router and its experts.",
  },
  {
    id: "stack",
    title: "Stack × autoregress",
    blurb: "One layer's bill, times L layers, times every output token — and the KV cache, the state that grows as you go.",
  },
];

const knob = <K extends ScenarioKey>(field: K, value: Scenario[K], prompt: string): Knob =>
  ({ field, value, prompt }) as unknown as Knob;

export const CARDS: readonly AtlasCard[] = [
  {
    slug: "token-ids",
    section: "vocabulary",
    title: "Token IDs",
    component: "tokenizer",
    summary: "Free on the GPU: the tokenizer runs on the CPU and picks from {x:lesson.vocab} IDs.",
    diagram: { kind: "tokens" },
    knob: knob("model", "qwen3-8b", "Switch the model to Qwen3 8B and compare the vocabulary size with Llama's."),
  },
  {
    slug: "embedding",
    section: "vocabulary",
    title: "Embedding table",
    component: "embedding",
    summary: "{params} parameters, but a step reads only one row per token: {bytes}.",
    diagram: { kind: "matmul", x: "1", w: ["V", "d"], y: "d", wLabel: "E (lookup)" },
    knob: knob("concurrency", 64, "Raise concurrency to 64: the rows read grow with the batch, the table does not."),
  },
  {
    slug: "lm-head",
    section: "vocabulary",
    title: "LM head",
    component: "lmHead",
    summary: "{params} parameters read in full every step ({bytes}) for {flops} per token.",
    diagram: { kind: "matmul", x: "d", w: ["d", "V"], y: "V", wLabel: "W_head" },
    knob: knob("model", "llama-3.1-8b", "Switch to Llama 3.1 8B: same vocabulary, a smaller d — and the head becomes a much bigger share of the model."),
  },
  {
    slug: "sampling",
    section: "vocabulary",
    title: "Softmax and sampling",
    component: "sampling",
    summary: "{x:lesson.logits} scores become probabilities and one token is picked — microseconds, no weights.",
    diagram: { kind: "op", glyph: "top-k", inLabel: "V logits", outLabel: "1 token" },
    knob: knob("model", "gpt-oss-120b", "Switch to gpt-oss-120b and compare the number of logits a pick sorts through."),
  },
  {
    slug: "rmsnorm",
    section: "norm",
    title: "RMSNorm",
    component: "rmsnorm",
    summary: "{params} parameters in all — {bytes} a step. Cheap, and on every path.",
    diagram: { kind: "op", glyph: "x / rms(x) · γ", inLabel: "d", outLabel: "d" },
    knob: knob("model", "llama-3.1-405b", "Switch to Llama 3.1 405B: more layers and a wider d, still a rounding error next to the matrices."),
  },
  {
    slug: "layernorm",
    section: "norm",
    title: "LayerNorm",
    component: "layernorm",
    summary: "The older norm: subtract the mean, divide by the spread, scale and shift. Same size class: {params} here.",
    diagram: { kind: "op", glyph: "(x − μ) / σ · γ + β", inLabel: "d", outLabel: "d" },
    knob: knob("weights", "fp4", "Set weights to FP4: the matrices shrink, the norms stay 16-bit."),
  },
  {
    slug: "qkv",
    section: "attention",
    title: "Q, K, V projections",
    component: "qkv",
    summary: "{params} parameters, {flops} per token; each token also writes {kv} of K and V to the cache.",
    diagram: { kind: "matmul", x: "d", w: ["d", "qh"], y: "qh", wLabel: "W_q, W_k, W_v" },
    knob: knob("kv", "fp8", "Set the KV cache to FP8: the projections cost the same, the bytes each token leaves behind halve."),
  },
  {
    slug: "rope",
    section: "attention",
    title: "RoPE",
    component: "rope",
    summary: "No parameters, no bytes: a rotation of Q and K by the token's position, done in registers.",
    diagram: { kind: "op", glyph: "rotate(q, k; pos)", inLabel: "q, k", outLabel: "q′, k′" },
    knob: knob("isl", 32000, "Set the context to 32k tokens: RoPE costs nothing more, but everything it lets attention reach does."),
  },
  {
    slug: "scores",
    section: "attention",
    title: "Q·Kᵀ scores",
    component: "scores",
    summary: "{flops} per token to score the context; reading the keys costs {bytes} a step.",
    diagram: { kind: "scores" },
    knob: knob("isl", 16000, "Set the context to 16k tokens and watch the score FLOPs and the key bytes grow in step with it."),
  },
  {
    slug: "softmax",
    section: "attention",
    title: "Softmax",
    component: "softmax",
    summary: "{x:lesson.scores} scores per token turned into weights that sum to one — fused into the attention kernel.",
    diagram: { kind: "op", glyph: "exp(s − max) / Σ", inLabel: "N scores", outLabel: "N weights" },
    knob: knob("isl", 64000, "Set the context to 64k: the number of scores per token grows with it."),
  },
  {
    slug: "attention-v",
    section: "attention",
    title: "Attention · V: the KV-cache reader",
    component: "attnV",
    summary: "Every step reads the values of every cached token: {bytes} at this batch and context.",
    diagram: { kind: "cache" },
    knob: knob("concurrency", 32, "Raise concurrency to 32: weights are shared by the batch, but each user's cache is read separately."),
  },
  {
    slug: "output-projection",
    section: "attention",
    title: "Output projection",
    component: "attnO",
    summary: "{params} parameters folding the heads back into d: {flops} per token, {bytes} a step.",
    diagram: { kind: "matmul", x: "qh", w: ["qh", "d"], y: "d", wLabel: "W_o" },
    knob: knob("gpus", 4, "Set GPUs to 4: with tensor parallelism each GPU holds a quarter of W_o, and an all-reduce follows."),
  },
  {
    slug: "gate-up",
    section: "ffn",
    title: "Gate and up projections",
    component: "gateUp",
    summary: "The biggest matrices in the model: {params} parameters, {bytes} read a step.",
    diagram: { kind: "matmul", x: "d", w: ["d", "dff"], y: "dff", wLabel: "W_gate, W_up" },
    knob: knob("weights", "bf16", "Set weights to BF16: the same FLOPs, twice the bytes every step."),
  },
  {
    slug: "swiglu",
    section: "ffn",
    title: "SwiGLU activation",
    component: "swiglu",
    summary: "The FFN activation — silu(gate) ⊙ up in a SwiGLU model — over {x:lesson.ffnWidth} channels per layer: elementwise, fused, free next to the matmuls.",
    diagram: { kind: "op", glyph: "silu(g) ⊙ u", inLabel: "2 × d_ff", outLabel: "d_ff" },
    knob: knob("model", "qwen3-32b", "Switch to Qwen3 32B and compare its FFN width."),
  },
  {
    slug: "down",
    section: "ffn",
    title: "Down projection",
    component: "down",
    summary: "Back from d_ff to d: {params} parameters, {flops} per token.",
    diagram: { kind: "matmul", x: "dff", w: ["dff", "d"], y: "d", wLabel: "W_down" },
    knob: knob("weights", "fp4", "Set weights to FP4 and watch the bytes per step fall while the FLOPs stay."),
  },
  {
    slug: "moe",
    section: "ffn",
    title: "MoE router and experts",
    component: "moe",
    summary: "{params} expert parameters, but a step reads only the experts the batch touches: {bytes}.",
    diagram: { kind: "experts" },
    knob: knob("model", "qwen3-30b-a3b", "Switch to Qwen3 30B-A3B, then raise concurrency: watch the experts touched climb towards all of them."),
  },
  {
    slug: "layer-bill",
    section: "stack",
    title: "The per-layer bill, × L × tokens",
    component: "layer",
    summary: "{params} parameters; each token costs {flops} and each step streams {bytes}.",
    diagram: { kind: "stack" },
    knob: knob("osl", 2000, "Set output tokens to 2,000: the per-step bill is the same, paid for every extra token."),
  },
  {
    slug: "kv-cache",
    section: "stack",
    title: "The KV cache: state that grows",
    component: "kvCache",
    summary: "{kv} per token of context; one request holds {x:lesson.kvPerRequest}.",
    diagram: { kind: "cache" },
    knob: knob("isl", 32000, "Set the context to 32k tokens and watch how many requests still fit."),
  },
];

export function sectionOf(id: string): AtlasSection | undefined {
  return SECTIONS.find((s) => s.id === id);
}

export function cardsOf(section: SectionId): AtlasCard[] {
  return CARDS.filter((c) => c.section === section);
}

export function getCard(section: string, slug: string): AtlasCard | undefined {
  return CARDS.find((c) => c.section === section && c.slug === slug);
}

export function cardPath(c: AtlasCard): string {
  return `/learn/atlas/${c.section}/${c.slug}`;
}

/** Previous and next card in reading order (across sections). */
export function neighbours(c: AtlasCard): { prev: AtlasCard | null; next: AtlasCard | null } {
  const i = CARDS.indexOf(c);
  return { prev: i > 0 ? (CARDS[i - 1] ?? null) : null, next: i >= 0 && i < CARDS.length - 1 ? (CARDS[i + 1] ?? null) : null };
}
