import { describe, expect, it } from "vitest";
import { getGpu, getModel } from "../../../lib/catalog";
import { estimateConfig } from "../../../lib/model/estimate";
import { estimateInputSchema, type EstimateInputRaw } from "../../../lib/plan/estimate-input";

const H100 = getGpu("h100-sxm")!;
const LLAMA_8B = getModel("llama-3.1-8b")!;

/** Long prompts, short answers, many in flight: vLLM with a 2048-token prefill budget (its default on A100). */
const rag = (o: Partial<EstimateInputRaw> = {}) =>
  estimateConfig({
    model: LLAMA_8B,
    gpu: H100,
    input: estimateInputSchema.parse({ model: "x", gpu: "x", engine: "vllm", weights: "bf16", isl: 4000, osl: 20, concurrency: 128, prefillChunkTokens: 2048, ...o }),
    explain: true,
  });

describe("the prefill budget bounds a closed loop (mixed schedule)", () => {
  it("when the replacements' prompts need more than K tokens an iteration, requests finish at K / ISL per iteration", () => {
    const r = rag();
    expect(r.fits).toBe(true);
    // 128 in flight, 19 decode iterations each: unbounded they would need 128 · 4000 / 19 ≈ 27,000 prompt tokens an
    // iteration; the budget takes 2048, so 2048 / 4000 = 0.512 requests start (and finish) per iteration
    const perIteration = 2048 / 4000;
    expect(r.outputTokensPerSecond).toBeCloseTo((perIteration / (r.tpotMs / 1e3)) * 20, 4);
    // only K · (OSL − 1) / ISL ≈ 9.7 sequences decode at a time, and the estimate says so
    const note = r.notes!.find((n) => n.startsWith("Prefill-bound"))!;
    expect(note).toContain("only 9.7 requests decode at a time");
    expect(note).toContain("prefill budget of 2048 (prefillChunkTokens)");
    // what bounds the loop is the prefill chunk every iteration carries, and its matmuls are compute-bound
    expect(rag({ concurrency: 100 }).binding).toBe("compute"); // (at 128 the KV cache, which holds 116, binds first)
    expect(rag({ isl: 1024, osl: 256, concurrency: 64, prefillChunkTokens: 8192 }).binding).not.toBe("compute");
  });

  it("the requests beyond the budget wait for it before their first token (Little's law holds)", () => {
    const a = rag({ concurrency: 128 });
    const b = rag({ concurrency: 256 });
    // same completion rate, twice the requests in flight: the extra 128 wait 128 / X longer
    const x = (r: typeof a) => r.outputTokensPerSecond / 20;
    expect(x(b)).toBeCloseTo(x(a), 6);
    expect((b.ttftMs - a.ttftMs) / 1e3).toBeCloseTo(128 / x(a), 3);
    for (const [r, c] of [[a, 128], [b, 256]] as const) expect(c / ((r.ttftMs + 19 * r.tpotMs) / 1e3)).toBeCloseTo(x(r), 4);
  });

  it("a larger budget never lowers throughput (the bound and free regimes meet within 1 %), and one large enough lifts the bound", () => {
    let last = 0;
    for (const k of [1024, 2048, 4096, 8192, 16384, 65536]) {
      const r = rag({ prefillChunkTokens: k });
      expect(r.outputTokensPerSecond, `K = ${k}`).toBeGreaterThanOrEqual(last * 0.99);
      last = r.outputTokensPerSecond;
    }
    // bound and compute-bound, the prompts cost what they cost: twice the budget, twice the iteration, about the same
    // requests per second (within 10 %)
    const ratio = rag({ prefillChunkTokens: 2048 }).outputTokensPerSecond / rag({ prefillChunkTokens: 1024 }).outputTokensPerSecond;
    expect(ratio).toBeGreaterThan(1);
    expect(ratio).toBeLessThan(1.1);
    // 16 in flight · 4000 / 19 ≈ 3,370 tokens an iteration fit a 65,536-token budget: not bound
    const free = rag({ concurrency: 16, prefillChunkTokens: 65536 });
    expect(free.notes?.some((n) => n.startsWith("Prefill-bound")) ?? false).toBe(false);
  });

  it("short prompts are never bound: a chat workload at C = 64 runs as before", () => {
    const r = rag({ isl: 1024, osl: 256, concurrency: 64, prefillChunkTokens: 8192 });
    expect(r.notes?.some((n) => n.startsWith("Prefill-bound")) ?? false).toBe(false);
    const ttft = r.derivations!.find((d) => d.key === "ttft")!;
    // the budget term (second to last) is zero
    expect(ttft.substituted).toMatch(/\+ 0 µs \+ \S+ \S+ = /);
  });

  it("the first-token derivation shows the wait for the budget", () => {
    const r = rag();
    const ttft = r.derivations!.find((d) => d.key === "ttft")!;
    expect(ttft.formula).toContain("prefill-budget wait");
    // the wait for the budget is most of the first token: C / X − (OSL − 1) · TPOT
    const x = r.outputTokensPerSecond / 20;
    expect(r.ttftMs / 1e3).toBeCloseTo(128 / x - 19 * (r.tpotMs / 1e3), 3);
  });
});
