import { describe, expect, it } from "vitest";
import { kvBytesForContext, kvBytesPerToken } from "../../../lib/model/kv";
import { resolveLayout } from "../../../lib/model/layout";
import { WEIGHT_BITS, KV_BYTES } from "../../../lib/model/precision";
import { linearPrecisions, weightBytes, weightBytesPerGpu } from "../../../lib/model/weights";
import { A100_80, B200, DEEPSEEK_V3, GPT_OSS_120B, H100_SXM, LLAMA_70B, MIXTRAL_8X7B } from "./fixtures";

describe("bits per weight incl. scales", () => {
  it("NVFP4 = 4 + 8/16 = 4.5, INT4 g128 = 4 + 32/128 = 4.25, FP8 block = 8 + 32/16384", () => {
    expect(WEIGHT_BITS.fp4).toBe(4.5);
    expect(WEIGHT_BITS.int4).toBe(4.25);
    expect(WEIGHT_BITS.fp8).toBeCloseTo(8.001953125, 9);
    expect(WEIGHT_BITS.bf16).toBe(16);
  });
});

describe("weight bytes", () => {
  it("Llama-70B at bf16 = 2 B × 70,553,706,496 params", () => {
    expect(weightBytes(LLAMA_70B, "bf16").total).toBe(141_107_412_992);
  });

  it("Llama-70B at fp8: linears 8.002 bits, embedding/head/norms 16 bits", () => {
    const w = weightBytes(LLAMA_70B, "fp8");
    // linears = attention 12,079,595,520 + FFN 56,371,445,760 = 68,451,041,280 params × 8.001953125/8 B
    //         = 68,467,752,960 B; 16-bit: (2·1,050,673,152 + 1,318,912) · 2 = 4,205,330,432 B
    expect(w.total).toBeCloseTo(68_467_752_960 + 4_205_330_432, -3);
    // per layer: (total − emb − head)/80 = (68,467,752,960 + 2,637,824)/80 ≈ 855.9 MB
    expect(w.perLayer / 1e6).toBeCloseTo(855.9, 0);
  });

  it("MoE at fp4 keeps attention at fp8 on FP8-capable GPUs, bf16 otherwise", () => {
    expect(linearPrecisions(DEEPSEEK_V3, "fp4", B200)).toEqual({ dense: "fp8", experts: "fp4" });
    expect(linearPrecisions(DEEPSEEK_V3, "fp4", A100_80)).toEqual({ dense: "bf16", experts: "fp4" });
    expect(linearPrecisions(LLAMA_70B, "fp4", B200)).toEqual({ dense: "fp4", experts: "fp4" });
    // DeepSeek experts at fp4: 653,908,770,816 · 4.5/8 = 367,823,683,584 B
    expect(weightBytes(DEEPSEEK_V3, "fp4", B200).experts).toBe(367_823_683_584);
  });

  it("per GPU: TP2 halves the linears and vocab-parallel embedding/head; norms replicate", () => {
    const l = resolveLayout(LLAMA_70B, H100_SXM, { tp: 2, pp: 1, dp: 1 });
    const g = weightBytesPerGpu(LLAMA_70B, "bf16", l);
    // (141,107,412,992 − 2,637,824 norms) / 2 + 2,637,824 = 70,555,025,408
    expect(g.total).toBe(70_555_025_408);
  });

  it("MoE experts split over moeTp × moeEp; attention replicated over dp", () => {
    const l = resolveLayout(MIXTRAL_8X7B, H100_SXM, { tp: 1, pp: 1, dp: 4, moeEp: 4 });
    const g = weightBytesPerGpu(MIXTRAL_8X7B, "bf16", l);
    // experts 45,097,156,608 · 2 B / 4 = 22,548,578,304; attention 1,342,177,280 · 2 B on every rank
    expect(g.experts).toBe(22_548_578_304);
    expect(g.attention).toBe(2_684_354_560);
  });
});

describe("KV cache", () => {
  it("Llama-70B GQA at 16 bit: 2 · 80 · 8 · 128 · 2 B = 327,680 B per token", () => {
    expect(kvBytesPerToken(LLAMA_70B, KV_BYTES.bf16)).toBe(327_680);
  });
  it("DeepSeek MLA at fp8: (512 + 64) · 61 · 1 B = 35,136 B per token", () => {
    expect(kvBytesPerToken(DEEPSEEK_V3, KV_BYTES.fp8)).toBe(35_136);
  });
  it("sliding-window layers stop growing at the window", () => {
    // gpt-oss: 18 full + 18 sliding (w = 128) layers, 2·8·64 = 1024 elements per layer-token, bf16
    // n = 1000: (18·1000 + 18·128) = 20,304 layer-tokens · 1024 · 2 B = 41,582,592 B
    expect(kvBytesForContext(GPT_OSS_120B, 2, 1000)).toBe(41_582_592);
    // n = 100 (< window): 36 · 100 · 1024 · 2 = 7,372,800
    expect(kvBytesForContext(GPT_OSS_120B, 2, 100)).toBe(7_372_800);
  });
  it("linear-attention layers hold a fixed state, independent of context", () => {
    const hybrid = {
      ...LLAMA_70B,
      layerKinds: { full: 20, sliding: 0, linear: 60 },
      linearAttention: { numKeyHeads: 16, numValueHeads: 32, keyHeadDim: 128, valueHeadDim: 128, convKernel: 4 },
    };
    // per linear layer: 32·128·128 = 524,288 state + 3 · (2·16·128 + 32·128) = 3 · 8192 = 24,576 conv → 548,864
    // context 1000 at 2 B: full 20·1000·2048·2 = 81,920,000; linear 60 · 548,864 · 2 = 65,863,680
    expect(kvBytesForContext(hybrid, 2, 1000)).toBe(81_920_000 + 65_863_680);
    expect(kvBytesForContext(hybrid, 2, 2000) - kvBytesForContext(hybrid, 2, 1000)).toBe(81_920_000);
  });
});

describe("MXFP4 checkpoints (fp4Format mxfp4: gpt-oss)", () => {
  const MX = { ...GPT_OSS_120B, fp4Format: "mxfp4" as const };

  it("experts at 4 + 8/32 = 4.25 bits instead of NVFP4's 4.5; everything else unchanged", () => {
    const nv = weightBytes(GPT_OSS_120B, "fp4", B200);
    const mx = weightBytes(MX, "fp4", B200);
    // same expert parameter count, bits 4.25 vs 4.5 → bytes ratio 4.25 / 4.5 exactly
    expect(mx.experts / nv.experts).toBeCloseTo(4.25 / 4.5, 12);
    expect(mx.attention).toBe(nv.attention);
    expect(mx.embedding).toBe(nv.embedding);
    expect(linearPrecisions(MX, "fp4", B200)).toEqual({ dense: "fp8", experts: "fp4", expertFormat: "mxfp4" });
    // other precisions of the same model are not affected
    expect(linearPrecisions(MX, "fp8", B200)).toEqual({ dense: "fp8", experts: "fp8" });
  });
});

