import { describe, expect, it } from "vitest";
import { comparePublicRow, summarizePublic, summarizePublicByGpu, UNSTATED_BATCH_CAP } from "../../../lib/validation/public-compare";
import type { PublicRow } from "../../../lib/validation/types";
import { env, figures } from "./fixtures";

function pub(over: Partial<PublicRow> = {}): PublicRow {
  return {
    row: 1,
    modelName: "Dense X",
    model: "dense-x",
    modelNote: null,
    gpuName: "H",
    gpu: "hopper-x",
    engine: "trtllm",
    engineLabel: "TensorRT-LLM",
    weights: "fp8",
    kv: "fp8",
    numGpus: 2,
    tp: 2,
    pp: 1,
    dp: 1,
    moeTp: null,
    moeEp: null,
    isl: 128,
    osl: 128,
    concurrency: 64,
    metric: "output_tps_total",
    value: 1000,
    unit: "tok/s",
    suspect: false,
    source: "s",
    sourceDetail: "d",
    notes: "n",
    ...over,
  };
}

describe("comparePublicRow", () => {
  it("compares system throughput, scaling the replica to the measured GPU count", () => {
    // replica of 1 GPU at 600 tok/s, measured system of 2 GPUs → 1200 predicted; 1200 / 1000 − 1 = 0.2
    const c = comparePublicRow(pub(), env(() => figures({ outputTokensPerSecond: 600, gpusPerReplica: 1 })));
    expect(c.predicted).toBeCloseTo(1200, 9);
    expect(c.err).toBeCloseTo(0.2, 12);
    expect(c.mode).toBe("stated");
    expect(c.concurrencyUsed).toBe(64);
  });

  it("asks for the MTP draft tokens a published run used", () => {
    let seen: unknown;
    comparePublicRow(pub({ mtpDraftTokens: 3 }), env(({ input }) => ((seen = input), figures())));
    expect(seen).toMatchObject({ mtpDraftTokens: 3 });
    comparePublicRow(pub(), env(({ input }) => ((seen = input), figures())));
    expect((seen as { mtpDraftTokens?: number }).mtpDraftTokens).toBeUndefined();
  });

  it("maps latency metrics to TTFT and TPOT", () => {
    const e = env(() => figures({ ttftMs: 30, tpotMs: 12 }));
    // 30 / 40 − 1 = −0.25 ; 12 / 10 − 1 = 0.2
    expect(comparePublicRow(pub({ metric: "ttft_ms", value: 40 }), e).err).toBeCloseTo(-0.25, 12);
    expect(comparePublicRow(pub({ metric: "itl_ms", value: 10 }), e).err).toBeCloseTo(0.2, 12);
  });

  it("compares an in-process static-batch first-token latency (gptSessionBenchmark) with the prefill time", () => {
    const e = env(() => figures({ ttftMs: 120, prefillMs: 8 }));
    const session = pub({ metric: "ttft_ms", value: 10, engineLabel: "TensorRT-LLM 0.9.0 (gptSessionBenchmark)" });
    // 8 / 10 − 1 = −0.2 (the served 120 ms would be +1100 %)
    expect(comparePublicRow(session, e).predicted).toBe(8);
    expect(comparePublicRow(session, e).err).toBeCloseTo(-0.2, 12);
    // a served harness keeps the TTFT of a served request
    expect(comparePublicRow({ ...session, engineLabel: "TensorRT-LLM 1.0 (trtllm-bench throughput, PyTorch backend)" }, e).predicted).toBe(120);
  });

  it("predicts an unstated batch at the largest concurrency that fits, capped", () => {
    const asked: number[] = [];
    const e = env(({ input }) => {
      asked.push(input.concurrency);
      return figures({ maxConcurrency: 5000.7, outputTokensPerSecondPerGpu: 900 });
    });
    const c = comparePublicRow(pub({ concurrency: null, metric: "output_tps_per_gpu", value: 1000 }), e);
    // probe at 1, then min(2048, floor(5000.7)) = 2048
    expect(asked).toEqual([1, UNSTATED_BATCH_CAP]);
    expect(c.mode).toBe("capacity");
    expect(c.err).toBeCloseTo(-0.1, 12);
  });

  it("reports a configuration that does not fit instead of a figure", () => {
    const c = comparePublicRow(pub(), env(() => figures({ fits: false, problems: ["too big"] })));
    expect(c.err).toBeNull();
    expect(c.problem).toBe("estimator: does not fit (too big)");
  });
});

describe("summarizePublic", () => {
  it("groups by metric and mode and leaves suspect figures out", () => {
    const e = env(() => figures({ outputTokensPerSecond: 550 }));
    // errors: 2 × 550 / 1000 − 1 = 0.1 ; 2 × 550 / 2200 − 1 = −0.5 ; the suspect row is skipped
    const list = [
      comparePublicRow(pub({ value: 1000 }), e),
      comparePublicRow(pub({ value: 2200 }), e),
      comparePublicRow(pub({ value: 1, suspect: true }), e),
    ];
    const [g] = summarizePublic(list);
    expect(g?.rows).toBe(2);
    // |0.1|, |−0.5| → median (0.1 + 0.5) / 2 = 0.3
    expect(g?.mdape).toBeCloseTo(0.3, 12);
    expect(g?.withinBand).toBe(0.5);
  });
});

describe("summarizePublicByGpu", () => {
  it("groups every metric by GPU, marks the GPUs no calibration run measured, and leaves suspect figures out", () => {
    const e = env(() => figures({ outputTokensPerSecond: 550 }));
    const list = [
      // hopper-x: errors 0.1 and −0.5 (as above)
      comparePublicRow(pub({ value: 1000 }), e),
      comparePublicRow(pub({ value: 2200 }), e),
      comparePublicRow(pub({ value: 1, suspect: true }), e),
      // blackwell-x: 2 × 550 / 1100 − 1 = 0
      comparePublicRow(pub({ gpu: "blackwell-x", value: 1100 }), e),
    ];
    const [b, h] = summarizePublicByGpu(list, new Set(["hopper-x"]));
    expect(b).toMatchObject({ gpu: "blackwell-x", calibrated: false, rows: 1, predicted: 1, mdape: 0 });
    expect(h).toMatchObject({ gpu: "hopper-x", calibrated: true, rows: 2, predicted: 2 });
    expect(h?.mdape).toBeCloseTo(0.3, 12);
    // median signed error (0.1 − 0.5) / 2 = −0.2: the estimate is low
    expect(h?.bias).toBeCloseTo(-0.2, 12);
  });
});
