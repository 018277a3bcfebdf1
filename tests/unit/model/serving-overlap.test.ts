import { describe, expect, it } from "vitest";
import { DOCUMENTED_FACTORS, profileFor } from "../../../lib/model/engines";
import type { EngineFactors } from "../../../lib/model/engine-types";
import { resolveLayout } from "../../../lib/model/layout";
import { serve } from "../../../lib/model/serving";
import { buildSetup } from "../../../lib/model/setup";
import { H100_SXM, LLAMA_8B } from "./fixtures";

const BIG = 1e9;

function setup(engine: "trtllm" | "vllm", f: Partial<EngineFactors> = {}) {
  const base = profileFor(engine, H100_SXM).factors;
  const l = resolveLayout(LLAMA_8B, H100_SXM, { tp: 1, pp: 1, dp: 1 });
  return buildSetup(LLAMA_8B, H100_SXM, l, { ...base, ttftOverheadS: 0.05, ...f }, "fp8", "bf16");
}

describe("overlap scheduling: a new request joins one iteration after the one already scheduled", () => {
  it("is documented for TRT-LLM and SGLang (on by default), not for vLLM", () => {
    const doc = (e: string) => DOCUMENTED_FACTORS.find((d) => d.engine === e && d.factor === "overlapSteps");
    expect(doc("trtllm")?.value).toBe(1);
    expect(doc("sglang")?.value).toBe(1);
    expect(doc("vllm")).toBeUndefined();
    expect(profileFor("trtllm", H100_SXM).factors.overlapSteps).toBe(1);
    expect(profileFor("sglang", H100_SXM).factors.overlapSteps).toBe(1);
    expect(profileFor("vllm", H100_SXM).factors.overlapSteps).toBe(0);
  });

  it("adds one mean iteration t̄ to TTFT on the mixed schedule while others run, and nothing to TPOT at low load", () => {
    const on = serve(setup("trtllm"), 2, BIG, 1024, 256);
    const off = serve(setup("trtllm", { overlapSteps: 0 }), 2, BIG, 1024, 256);
    expect(on.waitOverlap).toBeCloseTo(on.tpot, 12);
    expect(off.waitOverlap).toBe(0);
    // both wait half the running iteration
    expect(on.waitRunning).toBeCloseTo(on.tpot / 2, 12);
    expect(off.waitRunning).toBeCloseTo(off.tpot / 2, 12);
    // the other request decodes through this one's wait either way: TPOT moves by < 0.1 % (its share of life decoding)
    expect(Math.abs(on.tpot / off.tpot - 1)).toBeLessThan(1e-3);
    expect((on.ttft - off.ttft) / on.tpot).toBeCloseTo(1, 2);
    expect(serve(setup("vllm"), 2, BIG, 1024, 256).waitOverlap).toBe(0);
  });

  it("alone (C = 1) a request waits only for the decode step launched for its predecessor, and only with overlap", () => {
    const on = serve(setup("trtllm"), 1, BIG, 1024, 256);
    const off = serve(setup("trtllm", { overlapSteps: 0 }), 1, BIG, 1024, 256);
    // nothing is scheduled after that step, and without an overlap scheduler the engine is idle
    expect(on.waitOverlap).toBe(0);
    expect(on.waitRunning).toBeCloseTo(on.decode.t / 2, 12);
    expect(off.waitRunning).toBe(0);
    expect(on.ttft - off.ttft).toBeCloseTo(on.decode.t / 2, 12);
    // with one output token the iteration is the prefill itself, yet the wasted step is still a decode step
    const single = serve(setup("trtllm"), 1, BIG, 2048, 1);
    expect(single.waitRunning).toBeCloseTo(single.decode.t / 2, 12);
    expect(single.waitRunning).toBeLessThan(single.prefill.t / 4);
    expect(serve(setup("vllm"), 1, BIG, 1024, 256).waitRunning).toBe(0);
  });

  it("costs throughput only through the longer request life (Little's law)", () => {
    const on = serve(setup("trtllm"), 32, BIG, 1024, 256);
    const off = serve(setup("trtllm", { overlapSteps: 0 }), 32, BIG, 1024, 256);
    expect(on.ttft).toBeGreaterThan(off.ttft);
    expect(on.requestsPerSecond).toBeLessThan(off.requestsPerSecond);
    expect(on.requestsPerSecond).toBeGreaterThan(0.98 * off.requestsPerSecond);
  });
});
