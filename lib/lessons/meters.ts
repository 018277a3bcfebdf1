import type { Derivation } from "../model";
import { expectedDistinctExperts, linearStatePerSeqPerGpu } from "../model";
import { formatWithUnit } from "../format";
import { composed, derived, need, type ScenarioFigures } from "./figures";

/**
 * The four live meters on an Atlas card: parameters, FLOPs per generated token, bytes read per decode step (whole
 * replica, at the scenario's batch) and KV-cache bytes per token of context. A meter is a Derivation, or null where the
 * quantity does not apply to that part of the model (RoPE has no parameters to read; the tokenizer runs on the CPU).
 *
 * Every value is the core's (lib/model) or a share of one: a component's FLOPs are 2 per parameter per token (one
 * multiply-add), its bytes are its weight bytes, and a split of a fused figure (gate+up vs down, K vs V) goes by the
 * parameter shapes. No latency or cost equation lives here.
 */
export type MeterKind = "params" | "flops" | "bytes" | "kv";
export const METER_KINDS: readonly MeterKind[] = ["params", "flops", "bytes", "kv"];
export const METER_LABELS: Readonly<Record<MeterKind, string>> = {
  params: "Parameters",
  flops: "FLOPs per token",
  bytes: "Bytes per step",
  kv: "KV bytes per token",
};

export type Meters = Readonly<Record<MeterKind, Derivation | null>> & {
  /** Extra figures a card wants beside the four (experts touched, logits per token …). */
  readonly extra: readonly Derivation[];
};

export const COMPONENTS = [
  "tokenizer",
  "embedding",
  "lmHead",
  "sampling",
  "rmsnorm",
  "layernorm",
  "qkv",
  "rope",
  "scores",
  "softmax",
  "attnV",
  "attnO",
  "gateUp",
  "swiglu",
  "down",
  "moe",
  "layer",
  "kvCache",
] as const;
export type Component = (typeof COMPONENTS)[number];

const count = (key: string, label: string, value: number, formula: string, substituted: string): Derivation => ({
  key,
  label,
  value,
  unit: "1",
  formula,
  substituted,
});

function none(extra: Derivation[] = []): Meters {
  return { params: null, flops: null, bytes: null, kv: null, extra };
}

/** Share of the attention core's decode FLOPs and KV bytes that the scores (Q·Kᵀ) take; the rest is attention·V. */
function scoreShare(f: ScenarioFigures): { flops: number; bytes: number } {
  const a = f.model.attention;
  if (a.kind === "gqa") return { flops: 0.5, bytes: 0.5 };
  // Absorbed MLA decode: scores over latent + rope key 2·n·(r_kv + h_r), values over the latent 2·n·r_kv; the latent
  // is read once and serves both, so its bytes are counted with the scores.
  const qk = a.kvLoraRank + a.qkRopeHeadDim;
  return { flops: qk / (qk + a.kvLoraRank), bytes: 1 };
}

/** FFN matrices a token passes through, split gate+up vs down by the number of matrices (3 gated, 2 plain). */
function ffnShare(f: ScenarioFigures, part: "gateUp" | "down"): number {
  const mats = f.model.ffn.gated ? 3 : 2;
  return part === "down" ? 1 / mats : (mats - 1) / mats;
}

export function metersFor(component: Component, f: ScenarioFigures): Meters {
  const { model: m, core, step, stageGpus: G, batch: B } = f;
  const p = core.setup.md.params;
  const wb = core.setup.wb;
  const L = m.layers;
  const kvToken = need(f, "kv.bytesPerToken");
  // Hybrid models (linear-attention layers): only L_attn layers have Q, K, V, O and a KV cache; a decode step also
  // reads and writes back each sequence's linear-attention state, which is neither K nor V.
  const hybrid = m.linearAttention !== null && m.layerKinds.linear > 0;
  const La = hybrid ? m.layerKinds.full + m.layerKinds.sliding : L;
  const stateTraffic = hybrid ? step.decodeTokens * 2 * linearStatePerSeqPerGpu(core.setup) * core.setup.layout.pp : 0;
  const attnKv = step.bytesKv - stateTraffic;
  const layersSym = hybrid ? "L_attn" : "L";
  const perStep = (key: string, label: string, bytesPerGpu: number, what: string): Derivation =>
    composed(key, label, bytesPerGpu * G, "B", `${what} per GPU × GPUs per stage`, [[bytesPerGpu, "B"], [G, "1"]], " × ");
  const perToken = (key: string, label: string, flopsPerGpuStep: number, what: string): Derivation =>
    derived(
      key,
      label,
      (flopsPerGpuStep * G) / B,
      "FLOP",
      `${what} per GPU per step × GPUs per stage ÷ batch`,
      `${formatWithUnit(flopsPerGpuStep, "FLOP")} × ${G} ÷ ${B}`,
    );
  const twoPer = (key: string, label: string, params: number): Derivation =>
    composed(key, label, 2 * params, "FLOP", "2 FLOP (one multiply-add) × parameters used", [[2, "1"], [params, "1"]], " × ");

  switch (component) {
    case "tokenizer":
      return none([
        count("lesson.vocab", "Vocabulary size", m.vocabSize, "V (token IDs 0 … V−1)", `${m.vocabSize}`),
      ]);
    case "embedding":
      return {
        params: need(f, "params.embedding"),
        flops: null,
        bytes: composed(
          "lesson.embeddingBytes",
          "Embedding rows read per step",
          B * m.hiddenSize * 2,
          "B",
          "batch × d × 2 B (one 16-bit row per token)",
          [[B, "1"], [m.hiddenSize, "1"], [2, "B"]],
          " × ",
        ),
        kv: null,
        extra: [],
      };
    case "lmHead":
      return {
        params: m.tiedEmbeddings
          ? count("lesson.lmHeadTied", "LM head parameters (tied: shares the embedding)", p.embedding, "V · d, shared with the embedding", `${m.vocabSize} · ${m.hiddenSize}`)
          : need(f, "params.lmHead"),
        flops: perToken("lesson.lmHeadFlops", "LM head FLOPs per token", step.flopsLmHead, "LM head FLOPs"),
        bytes: perStep("lesson.lmHeadBytes", "LM head bytes per step", step.bytesLmHead, "LM head bytes"),
        kv: null,
        extra: [],
      };
    case "sampling":
      return none([count("lesson.logits", "Logits per token", m.vocabSize, "V scores, one per vocabulary entry", `${m.vocabSize}`)]);
    case "rmsnorm":
    case "layernorm":
      return {
        params: (m.ffnFreeLayers ?? 0) > 0
          ? count("lesson.norms", "Norm parameters", p.norms, "2·d per layer − d per layer with no FFN block + d (final)", `2 · ${m.hiddenSize} · ${L} − ${m.hiddenSize} · ${m.ffnFreeLayers} + ${m.hiddenSize}`)
          : count("lesson.norms", "Norm parameters", p.norms, "2·d per layer + d (final) (+ latent norms)", `2 · ${m.hiddenSize} · ${L} + ${m.hiddenSize} …`),
        flops: null,
        bytes: composed("lesson.normBytes", "Norm weights read per step", wb.norms, "B", "norm parameters × 2 B", [[p.norms, "1"], [2, "B"]], " × "),
        kv: null,
        extra: [],
      };
    case "qkv": {
      const params = La * (p.attnQ + p.attnK + p.attnV);
      // their share of the attention weight bytes (a hybrid's also hold the linear-attention projections)
      const share = hybrid ? params / p.attention : (p.attnQ + p.attnK + p.attnV) / p.attentionPerLayer;
      return {
        params: count("lesson.qkvParams", "Q, K, V projection parameters", params, `${layersSym} · (W_q + W_k + W_v)`, `${La} · (${p.attnQ} + ${p.attnK} + ${p.attnV})`),
        flops: twoPer("lesson.qkvFlops", "Q, K, V FLOPs per token", params),
        bytes: composed("lesson.qkvBytes", "Q, K, V weight bytes per step", wb.attention * share, "B", "attention weight bytes × (Q+K+V share)", [[wb.attention, "B"], [share, "1"]], " × "),
        kv: kvToken,
        extra: [],
      };
    }
    case "rope":
      return none();
    case "scores": {
      const sh = scoreShare(f);
      return {
        params: null,
        flops: perToken("lesson.scoresFlops", "Q·Kᵀ FLOPs per token", step.flopsAttnCore * sh.flops, "score FLOPs"),
        bytes: perStep("lesson.scoresBytes", "Keys read per step", attnKv * sh.bytes, "K-cache bytes"),
        kv: kvToken,
        extra: [count("lesson.context", "Tokens each new token attends to (mean)", f.context, "ISL + OSL / 2", `${f.scenario.isl} + ${f.scenario.osl} / 2`)],
      };
    }
    case "softmax": {
      const a = m.attention;
      const scores = a.numHeads * f.context * (m.layerKinds.full + m.layerKinds.sliding);
      return none([count("lesson.scores", "Attention scores per token", scores, "heads × context × attention layers", `${a.numHeads} · ${f.context} · ${m.layerKinds.full + m.layerKinds.sliding}`)]);
    }
    case "attnV": {
      const sh = scoreShare(f);
      return {
        params: null,
        flops: perToken("lesson.attnVFlops", "attention·V FLOPs per token", step.flopsAttnCore * (1 - sh.flops), "attention·V FLOPs"),
        bytes: perStep("lesson.attnVBytes", "Values read per step", attnKv * (1 - sh.bytes), "V-cache bytes"),
        kv: kvToken,
        extra: [],
      };
    }
    case "attnO": {
      const params = La * p.attnO;
      const share = hybrid ? params / p.attention : p.attnO / p.attentionPerLayer;
      return {
        params: count("lesson.oParams", "Output projection parameters", params, `${layersSym} · W_o`, `${La} · ${p.attnO}`),
        flops: twoPer("lesson.oFlops", "Output projection FLOPs per token", params),
        bytes: composed("lesson.oBytes", "W_o bytes per step", wb.attention * share, "B", "attention weight bytes × (O share)", [[wb.attention, "B"], [share, "1"]], " × "),
        kv: null,
        extra: [],
      };
    }
    case "gateUp":
    case "down": {
      const share = ffnShare(f, component);
      const activeExperts = m.moe ? p.moeLayers * m.moe.expertsPerToken * p.expertParams : 0;
      const allParams = (p.ffn + p.sharedExperts + p.experts) * share;
      const usedParams = (p.ffn + p.sharedExperts + activeExperts) * share;
      // dense FFN + shared experts per GPU over all stages, as the step counts them
      const ffnBytes = (core.setup.wg.ffn + core.setup.wg.sharedExperts) * core.layout.pp;
      return {
        params: count(
          `lesson.${component}Params`,
          component === "down" ? "Down-projection parameters" : m.ffn.gated ? "Gate and up projection parameters" : "Up projection parameters (this FFN has no gate)",
          allParams,
          "(dense FFN + shared experts + routed experts) × matrix share",
          `(${p.ffn} + ${p.sharedExperts} + ${p.experts}) × ${share.toFixed(3)}`,
        ),
        flops: twoPer(`lesson.${component}Flops`, component === "down" ? "Down FLOPs per token" : "Gate and up FLOPs per token", usedParams),
        bytes: composed(
          `lesson.${component}Bytes`,
          component === "down" ? "Down weights read per step" : "Gate and up weights read per step",
          (ffnBytes + step.bytesExperts) * G * share,
          "B",
          "(dense FFN + shared + touched experts) bytes per GPU × GPUs per stage × matrix share",
          [[ffnBytes + step.bytesExperts, "B"], [G, "1"], [share, "1"]],
          " × ",
        ),
        kv: null,
        extra: [],
      };
    }
    case "swiglu": {
      // no dense FFN (every FFN is MoE): a token's products are its k experts' channels and the shared experts'
      const e = m.moe && m.moe.moeLayers + (m.ffnFreeLayers ?? 0) >= m.layers ? m.moe : null;
      // an ungated FFN (Nemotron-H: relu² on the up projection) applies its activation per channel, no gate product
      const what = m.ffn.gated ? "one gate × up product" : "one relu² per channel: this FFN has no gate, so SwiGLU does not apply";
      const label = m.ffn.gated ? "Elementwise products per token per layer" : "Elementwise activations per token per MoE layer";
      return none([
        e
          ? count(
              "lesson.ffnWidth",
              label,
              e.expertsPerToken * e.expertFfnSize + e.sharedExperts * e.sharedExpertFfnSize,
              `k · d_e + s · d_s (every FFN is MoE: ${what} per channel of the token's experts)`,
              `${e.expertsPerToken} · ${e.expertFfnSize} + ${e.sharedExperts} · ${e.sharedExpertFfnSize}`,
            )
          : count("lesson.ffnWidth", label, m.ffn.intermediateSize, `d_ff (${what} each)`, `${m.ffn.intermediateSize}`),
      ]);
    }
    case "moe": {
      if (!m.moe) return { ...none(), params: count("lesson.experts", "Routed-expert parameters", 0, "dense model", "0") };
      const touched = expectedDistinctExperts(m.moe.numExperts, m.moe.expertsPerToken, B);
      return {
        params: need(f, "params.experts"),
        flops: perToken("lesson.expertFlops", "Expert FLOPs per token", step.flopsExperts, "expert FLOPs"),
        bytes: perStep("lesson.expertBytes", "Expert bytes read per step", step.bytesExperts, "expert bytes"),
        kv: null,
        extra: [
          {
            key: "lesson.expertsTouched",
            label: "Distinct experts touched per layer per step",
            value: touched,
            unit: "1",
            formula: "E · (1 − (1 − k/E)^B)",
            substituted: `${m.moe.numExperts} · (1 − (1 − ${m.moe.expertsPerToken}/${m.moe.numExperts})^${B}) = ${touched.toFixed(1)}`,
          },
          need(f, "params.active"),
        ],
      };
    }
    case "layer":
      return {
        params: need(f, "params.total"),
        flops: need(f, "flops.decodePerToken"),
        bytes: need(f, "lesson.bytesPerStep"),
        kv: kvToken,
        extra: [need(f, "weights.perLayer")],
      };
    case "kvCache":
      return {
        params: null,
        flops: null,
        bytes: hybrid
          ? perStep("lesson.kvBytesRead", "KV cache read, and linear-attention state read and written, per step", step.bytesKv, "KV and state bytes")
          : perStep("lesson.kvBytesRead", "KV cache read per step", step.bytesKv, "KV bytes"),
        kv: kvToken,
        extra: [need(f, "lesson.kvPerRequest"), need(f, "maxConcurrency")],
      };
  }
}
