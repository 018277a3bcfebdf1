import { describe, expect, it } from "vitest";
import { exercises } from "../../../lib/model/calib/fit-all";
import type { CalibRow } from "../../../lib/model/calib/rows";
import { DOCUMENTED_FACTORS, profileFor } from "../../../lib/model/engines";
import { estimateConfig } from "../../../lib/model/estimate";
import { resolveLayout } from "../../../lib/model/layout";
import { serve } from "../../../lib/model/serving";
import { buildSetup } from "../../../lib/model/setup";
import { decodeStep, mixedStep } from "../../../lib/model/step";
import { DEEPSEEK_V3, H100_SXM, LLAMA_8B, input, sglangLlama8bSetup } from "./fixtures";

const BIG = 1e9; // KV capacity no test reaches

const sglangSetup = sglangLlama8bSetup;

describe("prefill-first scheduling runs a closed loop in synchronised waves", () => {
  it("is SGLang's documented behaviour and no other engine's", () => {
    const doc = DOCUMENTED_FACTORS.find((d) => d.engine === "sglang" && d.factor === "prefillFirst");
    expect(doc?.value).toBe(1);
    expect(profileFor("sglang", H100_SXM).factors.prefillFirst).toBe(1);
    expect(profileFor("vllm", H100_SXM).factors.prefillFirst).toBe(0);
    expect(profileFor("trtllm", H100_SXM).factors.prefillFirst).toBe(0);
    expect(serve(sglangSetup(), 16, BIG, 1024, 256).schedule).toBe("waves");
    expect(serve(sglangSetup({ prefillFirst: 0 }), 16, BIG, 1024, 256).schedule).toBe("mixed");
  });

  it("every documented factor cites a plain https link (the page renders it as one)", () => {
    for (const d of DOCUMENTED_FACTORS) {
      expect(d.source, `${d.engine}.${d.factor}`).toMatch(/^https:\/\/\S+$/);
      expect(new URL(d.source).protocol).toBe("https:");
    }
  });

  it("64 prompts of 1024 tokens at K = 8192: 8 passes of 8 prompts, first tokens on pass 4.5 on average", () => {
    const s = sglangSetup();
    expect(s.f.prefillChunkTokens).toBe(8192); // SGLang's documented chunk on 80 GB Hopper GPUs
    const srv = serve(s, 64, BIG, 1024, 257);
    expect(srv.prefillPasses).toBe(8);
    expect(srv.meanPrefillPass).toBe(4.5);
    const pass = mixedStep(s, 0, 0, 8192, 1024, 8192, 1).t;
    const dec = decodeStep(s, 64, 1024 + 257 / 2).t;
    // SGLang's overlap scheduler had already scheduled one decode iteration when the wave arrived
    expect(s.f.overlapSteps).toBe(1);
    expect(srv.waitOverlap).toBeCloseTo(dec, 12);
    expect(srv.ttft).toBeCloseTo(0.05 + dec + 4.5 * pass, 12);
    // after its first token a request waits for the 8 − 4.5 = 3.5 passes left, spread over its 256 later tokens
    expect(srv.tpot).toBeCloseTo(dec + (3.5 * pass) / 256, 12);
  });

  it("every request of a wave ends together: TTFT + (OSL − 1)·TPOT is the wave's cycle, and sets the throughput", () => {
    const s = sglangSetup();
    const srv = serve(s, 64, BIG, 1024, 257);
    const pass = srv.mixed.t;
    const cycle = 0.05 + srv.decode.t + 8 * pass + 256 * srv.decode.t;
    expect(srv.ttft + 256 * srv.tpot).toBeCloseTo(cycle, 12);
    expect(srv.outputTokensPerSecond).toBeCloseTo((64 * 257) / cycle, 6);
  });

  it("a prompt longer than K spans ⌈ISL/K⌉ passes of its own", () => {
    const s = sglangSetup();
    const srv = serve(s, 4, BIG, 20000, 100);
    expect(srv.prefillChunks).toBe(3);
    expect(srv.prefillPasses).toBe(12);
    expect(srv.meanPrefillPass).toBe(7.5); // 3 · (4 + 1)/2
    expect(srv.mixed.prefillTokens).toBeCloseTo(20000 / 3, 9);
  });

  it("a wave that fits one pass stalls nobody's decode", () => {
    const s = sglangSetup();
    const srv = serve(s, 4, BIG, 1024, 500);
    expect(srv.prefillPasses).toBe(1);
    expect(srv.tpot).toBe(srv.decode.t);
    expect(srv.mixed.prefillTokens).toBe(4096);
  });

  it("moves prefill time from TPOT into TTFT against the mixed schedule at high concurrency", () => {
    // the mixed schedule with a vLLM-like burst share (β = 0.06): most requests arrive staggered
    const waves = serve(sglangSetup({ burstFactor: 0.06 }), 128, BIG, 4096, 128);
    const mixed = serve(sglangSetup({ prefillFirst: 0, burstFactor: 0.06 }), 128, BIG, 4096, 128);
    expect(waves.ttft).toBeGreaterThan(2 * mixed.ttft);
    expect(waves.tpot).toBeLessThan(mixed.tpot);
  });

  it("runs attention-DP ranks in step, each with its share of the wave; the derivation names the schedule", () => {
    const l = resolveLayout(DEEPSEEK_V3, H100_SXM, { tp: 1, pp: 1, dp: 8 });
    const base = profileFor("sglang", H100_SXM).factors;
    const s = buildSetup(DEEPSEEK_V3, H100_SXM, l, { ...base, ttftOverheadS: 0.05 }, "fp8", "bf16");
    // 64 requests over 8 ranks: 8 prompts of 1024 tokens per rank fill one pass of 8192 tokens
    const srv = serve(s, 64, BIG, 1024, 256);
    expect(srv.schedule).toBe("waves");
    expect(srv.prefillPasses).toBe(1);
    expect(srv.mixed.prefillTokens).toBe(8192);
    // the ranks' passes meet in the MoE layers: 8 ranks · 8192 tokens through the experts
    expect(srv.mixed.t).toBeCloseTo(mixedStep(s, 0, 0, 8192, 1024, 8 * 8192, 1).t, 12);
    expect(srv.ttft).toBeCloseTo(0.05 + srv.decode.t + srv.mixed.t, 12);
    expect(srv.waitDpBalance).toBe(0);
    const waves = estimateConfig({
      model: LLAMA_8B,
      gpu: H100_SXM,
      input: input({ engine: "sglang", weights: "fp8", tp: 1, isl: 1024, osl: 256, concurrency: 64 }),
      explain: true,
    });
    const ttft = waves.derivations?.find((d) => d.key === "ttft");
    expect(ttft?.formula).toContain("j̄ · t_pass");
    expect(ttft?.value).toBeCloseTo(waves.ttftMs / 1e3, 9);
    const mixed = estimateConfig({
      model: LLAMA_8B,
      gpu: H100_SXM,
      input: input({ engine: "vllm", weights: "fp8", tp: 1, isl: 1024, osl: 256, concurrency: 64 }),
      explain: true,
    });
    expect(mixed.derivations?.find((d) => d.key === "ttft")?.formula).toContain("β");
  });
});

describe("the burst share and the attention-DP wait are not fitted where waves replace them", () => {
  const row = (over: Partial<CalibRow>): CalibRow =>
    ({
      id: "r", arch: "dense", gpu: "h100-sxm", engine: "sglang", weights: "fp8", isl: 1000, osl: 1000, concurrency: 8,
      tp: 1, pp: 1, dp: 1, ttftMs: 100, tpotMs: 10, source: "test", ...over,
    }) as CalibRow;
  const ctx = { models: new Map([["dense", LLAMA_8B]]), gpus: new Map([["h100-sxm", H100_SXM]]) };

  it("SGLang rows exercise neither; vLLM and TRT-LLM rows exercise β always and w_dp with attention DP", () => {
    expect(exercises("burstFactor", row({}), ctx)).toBe(false);
    expect(exercises("burstFactor", row({ dp: 4 }), ctx)).toBe(false);
    expect(exercises("dpBalanceSteps", row({ dp: 4 }), ctx)).toBe(false);
    expect(exercises("dpBalanceSteps", row({ engine: "trtllm", dp: 4 }), ctx)).toBe(true);
    expect(exercises("burstFactor", row({ engine: "vllm" }), ctx)).toBe(true);
    expect(exercises("burstFactor", row({ engine: "trtllm" }), ctx)).toBe(true);
  });
});
