import { describe, expect, it } from "vitest";
import { getGpu, getModel } from "../../../lib/catalog";
import {
  compareFieldRun,
  fieldReport,
  impliedStackLatency,
  meanLengths,
  type FieldEstimate,
  type FieldRequest,
  type FieldRun,
} from "../../../lib/validation/field-compare";
import { FIELD_RUNS } from "../../../lib/validation/field-runs.data";
import { liveField } from "../../../lib/validation/live";

/** Flags a modelled run's serving command may carry (field-runs.data.ts says what each sets). */
const MODELLED_FLAGS = new Set([
  "-tp", "-pp", "--tp-size", "--tp", "--tp_size", "--ep_size", "--enable-expert-parallel", "--max-num-batched-tokens",
  "--max_num_tokens", "--max-model-len", "--max_seq_len", "--enable_chunked_prefill", "--host", "--port", "--model-path", "--model",
]);

const flagsOf = (cmd: string) => cmd.split(/\s+/).filter((t) => t.startsWith("-") && t !== "-m").map((t) => t.split("=")[0]!);
const flagValue = (cmd: string, names: readonly string[]) => {
  const t = cmd.split(/\s+/);
  for (let i = 0; i < t.length; i++) {
    const [k, v] = t[i]!.split("=");
    if (names.includes(k!)) return Number(v ?? t[i + 1]);
  }
  return null;
};

describe("the transcribed GPUStack runs", () => {
  it("each run is one result block of a page at a commit, with a unique id", () => {
    const ids = new Set(FIELD_RUNS.map((r) => r.id));
    expect(ids.size).toBe(FIELD_RUNS.length);
    expect(FIELD_RUNS.length).toBeGreaterThan(100);
    for (const r of FIELD_RUNS) {
      expect(r.source.repo).toBe("gpustack/gpustack");
      expect(r.source.commit, r.id).toMatch(/^[0-9a-f]{40}$/);
      expect(r.source.path, r.id).toMatch(/^docs\/performance-lab\/[^/]+\/[^/]+\.md$/);
      expect(r.source.section.length).toBeGreaterThan(3);
    }
  });

  it("the figures of every block agree with each other: output tok/s = generated tokens / duration (catches a mistyped digit)", () => {
    for (const r of FIELD_RUNS) {
      expect(r.requests, r.id).toBeGreaterThan(0);
      const implied = r.totalGeneratedTokens / r.durationS;
      expect(Math.abs(implied / r.measured.outputTokPerS - 1), r.id).toBeLessThan(0.02);
      expect(r.measured.ttftMs, r.id).toBeGreaterThan(0);
      expect(r.measured.tpotMs, r.id).toBeGreaterThan(0);
    }
  });

  it("a run is predicted only when every flag of its command is one the estimator takes, and the inputs are the command's", () => {
    for (const r of FIELD_RUNS) {
      const unknown = flagsOf(r.servingCommand).filter((f) => !MODELLED_FLAGS.has(f));
      if (unknown.length > 0) expect(r.unmodelled, `${r.id}: ${unknown.join(" ")}`).toBeTruthy();
      if (r.unmodelled) continue;
      expect(getModel(r.model), r.id).toBeDefined();
      expect(getGpu(r.gpu), r.id).toBeDefined();
      expect(r.tp, r.id).toBe(flagValue(r.servingCommand, ["-tp", "--tp-size", "--tp", "--tp_size"]) ?? 1);
      expect(r.pp ?? 1, r.id).toBe(flagValue(r.servingCommand, ["-pp"]) ?? 1);
      if (/-FP8\b/.test(r.servingCommand)) expect(r.weights, r.id).toBe("fp8");
      if (/-AWQ\b/.test(r.servingCommand)) expect(r.weights, r.id).toBe("int4");
      if (/gpt-oss/.test(r.servingCommand)) expect(r.weights, r.id).toBe("fp4");
      if (r.servingCommand.includes("--enable-expert-parallel")) expect(r.moeEp, r.id).toBe(r.tp);
      const budget = flagValue(r.servingCommand, ["--max-num-batched-tokens", "--max_num_tokens"]);
      expect(r.prefillChunkTokens ?? null, r.id).toBe(budget);
    }
    expect(FIELD_RUNS.filter((r) => !r.unmodelled).length).toBeGreaterThan(80);
  });
});

const run = (o: Partial<FieldRun>): FieldRun => ({
  id: "t",
  source: { repo: "gpustack/gpustack", path: "docs/performance-lab/x/h100.md", commit: "0".repeat(40), section: "s" },
  servingCommand: "vllm serve X",
  hardware: "NVIDIA H100 GPUs",
  engine: "vllm",
  engineVersion: "0.11.0",
  model: "qwen3-8b",
  gpu: "h100-sxm",
  tp: 1,
  weights: "bf16",
  dataset: "sharegpt",
  requests: 1000,
  maxConcurrency: null,
  totalInputTokens: 215_312,
  totalGeneratedTokens: 196_000,
  durationS: 100,
  measured: { ttftMs: 50, tpotMs: 10, outputTokPerS: 2000 },
  ...o,
});

/** A stand-in estimator that records what it was asked. */
function stub(maxConcurrency: number, est: Partial<FieldEstimate> = {}) {
  const calls: { req: FieldRequest; overhead: number | undefined }[] = [];
  const estimate = (req: FieldRequest, overhead: number | undefined): FieldEstimate => {
    calls.push({ req, overhead });
    return { fits: true, problems: [], ttftMs: 40 + (overhead ?? 30), tpotMs: 8, outputTokensPerSecond: 2500, maxConcurrency, ...est };
  };
  return { estimate, calls };
}

describe("compareFieldRun", () => {
  it("a closed-loop run is predicted at its concurrency, with its mean lengths, and all three figures compared", () => {
    const s = stub(5000);
    const c = compareFieldRun(run({ maxConcurrency: 4, requests: 100, totalInputTokens: 23_260, totalGeneratedTokens: 22_061 }), s.estimate);
    expect(c.mode).toBe("closed loop");
    expect(c.concurrencyUsed).toBe(4);
    expect(s.calls.at(-1)!.req).toMatchObject({ concurrency: 4, isl: 233, osl: 221, arrivals: "staggered" });
    expect(c.ttftErr).toBeCloseTo(70 / 50 - 1, 9);
    expect(c.tpotErr).toBeCloseTo(8 / 10 - 1, 9);
    expect(c.throughputErr).toBeCloseTo(2500 / 2000 - 1, 9);
  });

  it("a burst (all at once) runs at the lesser of its requests and the estimate's capacity; its first token is not compared", () => {
    expect(compareFieldRun(run({}), stub(5000).estimate).concurrencyUsed).toBe(1000); // the requests
    expect(compareFieldRun(run({}), stub(256).estimate).concurrencyUsed).toBe(256); // e.g. vLLM's batch limit on A100
    expect(compareFieldRun(run({}), stub(63.7).estimate).concurrencyUsed).toBe(63); // the KV cache
    const c = compareFieldRun(run({}), stub(5000).estimate);
    expect(c.mode).toBe("all at once");
    expect(c.ttftErr).toBeNull();
    expect(c.predicted!.ttftMs).toBeNull();
    expect(c.tpotErr).not.toBeNull();
  });

  it("fixed-length random prompts arrive together, ShareGPT's one at a time; the budget and layout reach the estimator", () => {
    const s = stub(5000);
    compareFieldRun(run({ dataset: "random", tp: 4, pp: 2, moeEp: 4, prefillChunkTokens: 2048 }), s.estimate);
    expect(s.calls.at(-1)!.req).toMatchObject({ arrivals: "together", tp: 4, pp: 2, moeEp: 4, prefillChunkTokens: 2048 });
  });

  it("an unmodelled run is not sent to the estimator; one that does not fit names why", () => {
    const s = stub(5000);
    const c = compareFieldRun(run({ unmodelled: "torch.compile is not modelled" }), s.estimate);
    expect(s.calls).toHaveLength(0);
    expect(c.predicted).toBeNull();
    expect(c.problem).toBe("torch.compile is not modelled");
    const d = compareFieldRun(run({}), stub(0, { fits: false, problems: ["Does not fit: 90 GB"] }).estimate);
    expect(d.problem).toBe("does not fit: Does not fit: 90 GB");
  });

  it("mean lengths are total tokens over requests, to whole tokens", () => {
    expect(meanLengths(run({ requests: 984, totalInputTokens: 212_894, totalGeneratedTokens: 193_865 }))).toEqual({ isl: 216, osl: 197 });
  });

  it("the stack latency the runs imply is measured TTFT − the estimate without one, beside the calibrated one", () => {
    const runs = [run({ id: "a", maxConcurrency: 4, measured: { ttftMs: 100, tpotMs: 10, outputTokPerS: 500 } }), run({ id: "b", maxConcurrency: 8, measured: { ttftMs: 80, tpotMs: 10, outputTokPerS: 900 } })];
    const rep = fieldReport(runs, stub(5000).estimate);
    const [v] = impliedStackLatency(rep);
    // the stub's GPU time is 40 ms: gaps 60 and 40 ms, median 50; its calibrated t_0 is 30 ms
    expect(v).toEqual({ engine: "vllm", runs: 2, medianMs: 50, calibratedMs: 30 });
  });
});

describe("the shipped runs through the current core", () => {
  const r = liveField();
  it("predicts nearly every modelled run, with finite figures", () => {
    const modelled = FIELD_RUNS.filter((x) => !x.unmodelled).length;
    expect(r.calibratedSummary.predicted).toBeGreaterThanOrEqual(modelled - 2);
    for (const c of r.calibrated) if (c.predicted) for (const v of [c.predicted.tpotMs, c.predicted.outputTokPerS]) expect(Number.isFinite(v), c.run.id).toBe(true);
  });

  it("on the closed-loop runs the decode speed holds: TPOT within 25 % on the median run", () => {
    const closed = r.byMode.find((g) => g.key === "closed loop")!.summary;
    expect(closed.predicted).toBeGreaterThanOrEqual(10);
    expect(closed.tpot.mdape!).toBeLessThan(0.25);
  });
});
