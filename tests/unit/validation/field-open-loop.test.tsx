import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FieldOpenLoop } from "../../../app/validate/_components/FieldOpenLoop";
import { getGpu, getModel } from "../../../lib/catalog";
import { FIELD_OPEN_LOOP_RUNS } from "../../../lib/validation/field-open-loop.data";
import {
  compareFieldOpenLoop,
  fieldOpenLoopReport,
  measuredTokenMs,
  openLoopLengths,
  type FieldOpenLoopEstimator,
  type FieldOpenLoopRun,
} from "../../../lib/validation/field-open-loop";
import { hybridFigures } from "../../../lib/validation/field-open-loop";
import { confidenceForInput, liveFieldOpenLoop } from "../../../lib/validation/live";

const RUN: FieldOpenLoopRun = {
  id: "t", source: { repo: "o/r", path: "p.md", commit: "0".repeat(40), section: "s" }, servingCommand: "vllm serve x",
  hardware: "one GPU", engine: "vllm", engineVersion: "0.17.1", model: "qwen3.5-35b-a3b", gpu: "h200-sxm", tp: 1,
  weights: "fp8", rate: 2, requests: 1000, totalInputTokens: 342_058, totalGeneratedTokens: 101_000, durationS: 500,
  measured: { ttftMs: 80, meanLatencyS: 1.28, requestsPerS: 2, peakConcurrency: 5 },
};

/** A replica whose figures do not depend on the concurrency: TTFT 100 ms, TPOT 10 ms, up to `cMax` in flight. */
const flat = (cMax: number): FieldOpenLoopEstimator => () => ({ fits: true, maxConcurrency: cMax, ttftMs: 100, tpotMs: 10 });

describe("field open-loop comparison", () => {
  it("takes the time per output token from the means: (mean latency − mean TTFT) / (OSL − 1)", () => {
    expect(openLoopLengths(RUN)).toEqual({ isl: 342, osl: 101 });
    // (1,280 − 80) / 100
    expect(measuredTokenMs(RUN)).toBeCloseTo(12, 10);
  });

  it("predicts at the offered rate: E2E 0.1 + 100 · 0.01 = 1.1 s, so 3 in flight at 2 req/s", () => {
    const c = compareFieldOpenLoop(RUN, flat(64));
    expect(c.predicted).toMatchObject({ saturated: false, inFlight: 3, ttftMs: 100, tpotMs: 10 });
    expect(c.predicted!.latencyS).toBeCloseTo(1.1, 10);
    expect(c.ttftErr).toBeCloseTo(100 / 80 - 1, 10);
    expect(c.tokenErr).toBeCloseTo(10 / 12 - 1, 10);
    expect(c.latencyErr).toBeCloseTo(1.1 / 1.28 - 1, 10);
  });

  it("a replica that cannot carry the rate is saturated, with no errors to compare", () => {
    // at most 2 in flight: 2 / 1.1 s = 1.8 req/s < 2 offered
    const c = compareFieldOpenLoop(RUN, flat(2));
    expect(c.predicted?.saturated).toBe(true);
    expect([c.ttftErr, c.tokenErr, c.latencyErr]).toEqual([null, null, null]);
  });

  it("an unmodelled run is never estimated, and an estimator that throws or does not fit leaves the run unpredicted", () => {
    let calls = 0;
    const counting: FieldOpenLoopEstimator = (req, o) => (calls++, flat(64)(req, o));
    expect(compareFieldOpenLoop({ ...RUN, unmodelled: "a flag" }, counting).predicted).toBeNull();
    expect(calls).toBe(0);
    expect(compareFieldOpenLoop(RUN, () => { throw new Error("no such setup"); }).predicted).toBeNull();
    expect(compareFieldOpenLoop(RUN, () => ({ fits: false, maxConcurrency: 0, ttftMs: NaN, tpotMs: NaN })).predicted).toBeNull();
  });

  it("passes the run's setup and the serving-stack latency to the estimator", () => {
    const seen: unknown[] = [];
    fieldOpenLoopReport([{ ...RUN, prefillChunkTokens: 16384 }], (req, o) => (seen.push({ ...req, o }), flat(64)(req, o)));
    expect(seen[0]).toMatchObject({ model: "qwen3.5-35b-a3b", gpu: "h200-sxm", engine: "vllm", weights: "fp8", tp: 1, isl: 342, osl: 101, concurrency: 1, prefillChunkTokens: 16384, o: undefined });
    expect(seen.some((s) => (s as { o?: number }).o === 0)).toBe(true);
  });
});

describe("the transcribed runs (GPUStack, Qwen3.5-35B-A3B on one H200)", () => {
  it("are internally consistent: catalog ids, a pinned commit, requests/s = requests / duration, latency above TTFT", () => {
    expect(new Set(FIELD_OPEN_LOOP_RUNS.map((r) => r.id)).size).toBe(FIELD_OPEN_LOOP_RUNS.length);
    for (const r of FIELD_OPEN_LOOP_RUNS) {
      expect(getModel(r.model), r.id).toBeDefined();
      expect(getGpu(r.gpu), r.id).toBeDefined();
      expect(r.source.commit).toMatch(/^[0-9a-f]{40}$/);
      expect(Math.abs(r.measured.requestsPerS / (r.requests / r.durationS) - 1), r.id).toBeLessThan(0.02);
      expect(r.measured.meanLatencyS * 1e3, r.id).toBeGreaterThan(r.measured.ttftMs);
    }
  });

  it("the current core predicts the eight runs with modelled settings, every figure finite, per token within 25 % at the median", () => {
    const rep = liveFieldOpenLoop();
    expect(rep.calibratedSummary.runs).toBe(16);
    expect(rep.calibratedSummary.predicted).toBe(8);
    for (const c of rep.calibrated.filter((x) => x.predicted)) {
      for (const v of [c.predicted!.ttftMs, c.predicted!.tpotMs, c.predicted!.latencyS]) expect(Number.isFinite(v) && v > 0).toBe(true);
    }
    // a model no fit saw: a regression guard on the out-of-sample decode time, not a target
    expect(rep.calibratedSummary.token.mdape!).toBeLessThan(0.25);
  });
});

describe("the badge of a hybrid model", () => {
  it("the runs earn a level under the rules every regime is judged by: 8 runs, per token 18 %, TTFT 50 % → medium", () => {
    const h = hybridFigures(liveFieldOpenLoop())!;
    expect(h.rows).toBe(8);
    expect(h.tokenMdape!).toBeGreaterThan(0.15); // above the high limit …
    expect(h.tokenMdape!).toBeLessThanOrEqual(0.3); // … within the medium one
    expect(h.level).toBe("medium");
    expect(h.reasons.join("; ")).toContain("over 8 rows");
    expect(hybridFigures(fieldOpenLoopReport([], flat(1)))).toBeUndefined();
  });

  it("an estimate of Qwen3.5 says its layers were judged on those runs; Qwen3 32B's does not", () => {
    const q = { gpu: "h200-sxm", engine: "vllm" as const, isl: 1000, osl: 300, concurrency: 16 };
    const hybrid = confidenceForInput({ ...q, model: "qwen3.5-35b-a3b" });
    expect(hybrid.reasons.at(-1)).toMatch(/^linear-attention \(hybrid\) layers, which no calibration run had: medium on 8 third-party runs/);
    expect(["low", "medium"]).toContain(hybrid.level);
    expect(confidenceForInput({ ...q, model: "qwen3-32b" }).reasons.join(" ")).not.toContain("linear-attention");
  });
});

describe("/validate section", () => {
  const html = renderToString(<FieldOpenLoop report={liveFieldOpenLoop()} />).replace(/<!-- -->/g, "").replace(/&#x27;/g, "'");
  it("shows one row per predicted run, the runs that fell behind their rate, and why the rest are not predicted", () => {
    expect((html.match(/data-testid="field-open-loop-row"/g) ?? []).length).toBe(8);
    expect(html).toContain("SGLang at 8 req/s (6.72 completed)");
    expect(html).toContain("vLLM at 16 req/s (12.38 completed)");
    expect(html).not.toContain("vLLM at 8 req/s (");
    expect(html).toContain("Not predicted (4): MTP speculative decoding");
    // the level the badges of hybrid models are held to, with its figures
    expect(html).toMatch(/data-testid="field-open-loop-badge"[^>]*>[^<]*held to the level[^<]*<strong>medium<\/strong> \(TPOT MdAPE 18/);
    // the architecture words come from the catalog entry
    expect(html).toContain("Qwen3.5 35B-A3B is a hybrid: 30 of its 40 layers are Gated DeltaNet linear attention with a fixed recurrent state, 40 carry 256 experts, and no calibration run measured a model like it.");
    expect(html).toContain("https://github.com/gpustack/gpustack/blob/bf31830fb78016f719c6321058aca91e2277430b/docs/performance-lab/qwen3.5-35b-a3b/h200-latency.md");
    // the catalog's Mamba-2 hybrids are named as having no measured run
    expect(html).toMatch(/Mamba-2 \(state-space\) layers instead — Nemotron 3 Nano 30B-A3B in the catalog[^<]*has no measured run at all, so its badge is low/);
  });

  it("renders nothing without runs", () => {
    expect(renderToString(<FieldOpenLoop report={fieldOpenLoopReport([], flat(1))} />)).toBe("");
  });
});
