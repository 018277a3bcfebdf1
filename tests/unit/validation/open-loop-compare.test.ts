import { describe, expect, it } from "vitest";
import { compareOpenLoop, openLoopPoints, summariseOpenLoop, type OpenLoopSetup } from "../../../lib/validation/open-loop-compare";

const NOTE = (q: string) => `offered request rate QPS=${q} (not a concurrency cap; INF = all at once); achieved 2 req/s; mean values; 500 requests`;
const rec = (q: string, metric: string, value: number, over: Record<string, string> = {}) => ({
  source: "docs", source_detail: "Online Serving table", model: "Llama-3.1-8B", gpu: "H100", num_gpus: "1", tp: "1", pp: "1", ep: "",
  precision: "BF16", engine: "TensorRT-LLM 0.14.0 via Triton", isl: "467", osl: "101", concurrency: "", metric, value: String(value), unit: "", notes: NOTE(q), ...over,
});

describe("published open-loop runs against the estimate at their rate", () => {
  it("groups one point per setup and finite rate, with its TTFT, ITL and achieved rate; skips INF, unknown models and closed loops", () => {
    const pts = openLoopPoints([
      rec("2", "ttft_ms", 20), rec("2", "itl_ms", 7), rec("2", "requests_per_s", 2),
      rec("4", "ttft_ms", 22),
      rec("INF", "ttft_ms", 900),
      rec("2", "ttft_ms", 30, { model: "Falcon-180B" }),
      rec("2", "ttft_ms", 30, { concurrency: "8" }),
    ]);
    expect(pts).toHaveLength(2);
    expect(pts[0]).toMatchObject({ model: "llama-3.1-8b", gpu: "h100-sxm", tp: 1, weights: "bf16", isl: 467, osl: 101, rate: 2, achieved: 2, ttftMs: 20, itlMs: 7 });
    expect(pts[1]).toMatchObject({ rate: 4, ttftMs: 22, itlMs: null, achieved: null });
  });

  it("predicts at the steady state and leaves a saturated point out of the latency errors", () => {
    const pts = openLoopPoints([rec("2", "ttft_ms", 50), rec("2", "itl_ms", 10), rec("400", "ttft_ms", 900), rec("400", "itl_ms", 40)]);
    // a stand-in replica: TTFT 40 ms, TPOT 10 ms + 0.1 ms per request in flight, room for 64 (E2E(1) = 1.05 s)
    const est = (s: OpenLoopSetup, c: number) => {
      expect(s).toEqual({ model: "llama-3.1-8b", gpu: "h100-sxm", engine: "trtllm", weights: "bf16", tp: 1, isl: 467, osl: 101 });
      return { fits: true, maxConcurrency: 64, ttftMs: 40, tpotMs: 10 + 0.1 * c };
    };
    const cs = compareOpenLoop(pts, est);
    // 2 req/s: N ≥ 2·(1.04 + 0.01·N) → N ≥ 2.08/0.98 = 2.12 → 3 (2·1.07 = 2.14 ≤ 3; at 2: 2.12 > 2)
    expect(cs[0]!.inFlight).toBe(3);
    expect(cs[0]!.ttftErr).toBeCloseTo(40 / 50 - 1, 12);
    expect(cs[0]!.itlErr).toBeCloseTo(10.3 / 10 - 1, 12);
    // 400 req/s cannot be carried by 64 in flight (E2E(64) = 1.68 s → 38 req/s at most)
    expect(cs[1]!.predictedSaturated).toBe(true);
    expect(cs[1]!.ttftErr).toBeNull();
    const s = summariseOpenLoop(cs);
    expect(s).toMatchObject({ points: 2, compared: 1 });
    expect(s.ttftMdape).toBeCloseTo(0.2, 12);
    expect(s.ttftBias).toBeCloseTo(-0.2, 12);
    expect(s.saturated).toEqual([{ rate: 400, measuredTtftMs: 900, label: "llama-3.1-8b on 1 × h100-sxm, 467/101" }]);
  });
});
