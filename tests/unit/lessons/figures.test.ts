import { describe, expect, it } from "vitest";
import { need, scenarioFigures } from "../../../lib/lessons/figures";
import { DEFAULT_SCENARIO } from "../../../lib/lessons/scenario";
import { stageFigures } from "../../../lib/lessons/stage-figures";

/**
 * Hand arithmetic for the default scenario (Llama 3.1 70B, FP8, 2× H100 SXM, TP 2, one user, ISL 1000, OSL 500):
 *  params: embedding = head = 128,256 × 8,192 = 1,050,673,152; attention 80·(8192·8192·2 + 2·8192·1024) = 12,079,595,520;
 *          FFN 80·3·8192·28,672 = 56,371,445,760; norms 80·2·8192 + 8192 = 1,318,912; total 70,553,706,496.
 *  FLOPs per token = 2 × 70,553,706,496 = 141,107,412,992.
 *  weights: linears (12.08e9 + 56.37e9 = 68.45e9) at FP8 ≈ 1 B + 16-bit embedding, head, norms (2.10e9 · 2 B) ≈ 72.67 GB.
 *  per layer = (72.67e9 − 4.20e9) / 80 ≈ 0.856 GB.
 *  KV per token at 16 bit (vLLM keeps a BF16 cache unless asked): 2·80·8·128·2 = 327,680 B.
 *  bytes per output token at one user ≈ linears 68.45e9 + LM head 1.05e9·2 B + KV at the mean context
 *  (1000 + 500/2 = 1250 tokens · 327,680 B = 0.41e9) ≈ 70.96 GB.
 */
describe("scenario figures: default scenario against hand arithmetic", () => {
  const f = scenarioFigures(DEFAULT_SCENARIO);

  it("FLOPs per output token = 2 × params", () => {
    expect(need(f, "flops.decodePerToken").value).toBe(141_107_412_992);
  });

  it("weights ≈ 72.7 GB, ≈ 0.856 GB per layer", () => {
    expect(need(f, "weights.total").value / 72.67e9).toBeCloseTo(1, 2);
    expect(need(f, "weights.perLayer").value / 0.856e9).toBeCloseTo(1, 2);
  });

  it("KV per token 327,680 B; one request of 1,500 tokens 491.5 MB", () => {
    expect(need(f, "kv.bytesPerToken").value).toBe(327_680);
    // 327,680 · 1,500 = 491,520,000
    expect(need(f, "lesson.kvPerRequest").value).toBe(491_520_000);
  });

  it("bytes per output token at one user ≈ 71 GB (weights streamed once per token)", () => {
    const b = need(f, "lesson.bytesPerToken").value;
    expect(b / 70.96e9).toBeGreaterThan(0.98);
    expect(b / 70.96e9).toBeLessThan(1.02);
  });

  it("replica bandwidth = 2 × 3.35 TB/s", () => {
    expect(need(f, "lesson.bandwidth").value).toBeCloseTo(6.7e12, -9);
  });

  it("derivations carry their substituted arithmetic", () => {
    expect(need(f, "lesson.bytesPerToken").substituted).toMatch(/÷ 1 = /);
    expect(need(f, "lesson.kvPerRequest").formula).toContain("ISL + OSL");
  });

  it("more users share the weight reads: bytes per token fall by more than 10× at 64 users", () => {
    const many = scenarioFigures({ ...DEFAULT_SCENARIO, concurrency: 64 });
    expect(many.batch).toBe(64);
    expect(need(many, "lesson.bytesPerToken").value).toBeLessThan(need(f, "lesson.bytesPerToken").value / 10);
  });

  it("an FP8 KV cache halves KV per token", () => {
    const g = scenarioFigures({ ...DEFAULT_SCENARIO, kv: "fp8" });
    // 2·80·8·128·1 = 163,840
    expect(need(g, "kv.bytesPerToken").value).toBe(163_840);
  });

  it("is memoised: the same scenario gives the same object", () => {
    expect(scenarioFigures({ ...DEFAULT_SCENARIO })).toBe(f);
  });
});

describe("stage figures", () => {
  const f = scenarioFigures(DEFAULT_SCENARIO);
  const s = stageFigures(f);

  it("ridge point of an H100 SXM at FP8 = 1,979 TFLOP/s ÷ 3.35 TB/s ≈ 591 FLOP/B", () => {
    expect(s.ridge.value).toBeCloseTo(1979e12 / 3.35e12, 6);
  });

  it("decode sits far below the ridge and prefill above it", () => {
    // decode at one user: ≈ 2 FLOP per FP8 weight byte
    expect(s.decodeIntensity.value).toBeLessThan(5);
    expect(s.prefillIntensity.value).toBeGreaterThan(s.ridge.value / 2);
  });

  it("an output token takes far more GPU time than an input token, and costs more", () => {
    expect(s.timeRatio.value).toBeGreaterThan(10);
    expect(s.costRatio.value).toBeGreaterThan(1);
  });

  it("the bandwidth ceiling binds, not the compute ceiling", () => {
    expect(s.computeCeiling.value).toBeGreaterThan(10 * s.bandwidthCeiling.value);
    expect(s.mathBusy.value).toBeLessThan(0.1);
  });

  it("per-token prefill time = prefill time ÷ ISL", () => {
    expect(s.prefillPerToken.value).toBeCloseTo(s.prefillTime.value / 1000, 12);
  });
});
