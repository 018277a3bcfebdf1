import { describe, expect, it } from "vitest";
import { rowInput, scoreRow } from "../../../lib/validation/score";
import { blackwellGpu, env, figures, measured } from "./fixtures";

/** The fixture environment with one more Blackwell GPU under a catalog id a recipe rule names. */
function withGpu(gpuId: string, f: Parameters<typeof env>[0]) {
  const e = env(f);
  return { ...e, getGpu: (id: string) => (id === gpuId ? { ...blackwellGpu, id: gpuId } : e.getGpu(id)) };
}

describe("scoreRow", () => {
  it("compares predicted with measured and classifies the regime", () => {
    const s = scoreRow(
      measured({ tpotMs: 20, ttftMs: 200, concurrency: 4, isl: 8192, osl: 1024, gpu: "blackwell-x", model: "moe-x" }),
      env(() => figures({ tpotMs: 25, ttftMs: 150 })),
    );
    // TPOT 25 / 20 − 1 = +0.25 ; TTFT 150 / 200 − 1 = −0.25
    expect(s.tpotErr).toBeCloseTo(0.25, 12);
    expect(s.ttftErr).toBeCloseTo(-0.25, 12);
    expect(s.problem).toBeNull();
    expect(s.regime).toEqual({
      arch: "moe",
      batch: "b1-8",
      context: "ctx-gt8k",
      generation: "blackwell",
      engine: "vllm",
    });
  });

  it("does not predict a run whose recipe used a feature the estimator lacks (disaggregated serving), and says why", () => {
    let called = false;
    const disagg = measured({
      hfModel: "deepseek-ai/DeepSeek-R1",
      gpu: "gb200",
      engine: "trtllm",
      tp: 8,
      source: "id=x; source_file=2026-04-06.csv; measured=2026-02-05",
    });
    const s = scoreRow(disagg, withGpu("gb200", () => ((called = true), figures())));
    expect(called).toBe(false);
    expect(s.problem).toContain("disaggregated prefill/decode");
    expect(s.tpotErr).toBeNull();
  });

  it("does not predict a run the environment finds measured faster than its hardware allows, and says why", () => {
    let called = false;
    let seen: unknown;
    const e = {
      ...env(() => ((called = true), figures())),
      inconsistent: (run: unknown, _m: unknown, _g: unknown, lengthScale: number) => ((seen = { run, lengthScale }), "measured faster than the hardware allows (x)"),
    };
    const s = scoreRow(measured({ ttftMs: 700, tpotMs: 13, isl: 15000, osl: 500, concurrency: 416, tp: 2 }), e);
    expect(called).toBe(false);
    expect(s.problem).toBe("measured faster than the hardware allows (x)");
    expect(s.tpotErr).toBeNull();
    // the check sees the measured figures, the parallelism predicted and fixed lengths (scale 1)
    expect(seen).toMatchObject({ run: { ttftMs: 700, tpotMs: 13, isl: 15000, concurrency: 416, tp: 2 }, lengthScale: 1 });
    // a run it takes at its word is predicted as before
    const ok = scoreRow(measured({ tpotMs: 20, ttftMs: 200 }), { ...e, inconsistent: () => null });
    expect(ok.problem).toBeNull();
    expect(called).toBe(true);
  });

  it("predicts a speculative-decoding (MTP) run with the drafts its recipe set", () => {
    let seen: unknown;
    const mtp = measured({
      hfModel: "deepseek-ai/DeepSeek-R1",
      gpu: "b200",
      engine: "trtllm",
      engineVersion: "1.2.0rc6.post3",
      tp: 8,
      source: "id=x; source_file=2026-04-06.csv; measured=2026-02-05",
    });
    const s = scoreRow(mtp, withGpu("b200", ({ input }) => ((seen = input), figures())));
    expect(s.problem).toBeNull();
    expect(seen).toMatchObject({ mtpDraftTokens: 3 });
    // the same setup on the standard runs' tag runs without drafts
    scoreRow({ ...mtp, engineVersion: "1.2.0rc6.post2" }, withGpu("b200", ({ input }) => ((seen = input), figures())));
    expect((seen as { mtpDraftTokens?: number }).mtpDraftTokens).toBeUndefined();
  });

  it("passes the row's parallelism and workload to the estimator", () => {
    let seen: unknown;
    scoreRow(
      measured({ tp: 4, dp: 2, moeTp: 1, moeEp: 8, isl: 2000, osl: 500, concurrency: 64, weights: "fp8", engine: "trtllm" }),
      env(({ input }) => {
        seen = input;
        return figures();
      }),
    );
    expect(seen).toMatchObject({
      model: "dense-x",
      gpu: "hopper-x",
      engine: "trtllm",
      weights: "fp8",
      tp: 4,
      pp: 1,
      dp: 2,
      moeTp: 1,
      moeEp: 8,
      isl: 2000,
      osl: 500,
      concurrency: 64,
    });
  });

  it("predicts upstream tp × ep rows at the parallelism the calibration cleans them to", () => {
    let seen: unknown;
    // HGX (NVLink domain 8): tp 64 = 8 × 8 with moe 8 × 8 is recorded tp × ep for tp 8, ep 8 (lib/model/calib/rows.ts)
    const s = scoreRow(
      measured({ tp: 64, dp: 1, moeTp: 8, moeEp: 8 }),
      env(({ input }) => {
        seen = input;
        return figures();
      }),
    );
    expect(seen).toMatchObject({ tp: 8, dp: 1, moeTp: 1, moeEp: 8 });
    expect(s.remapped).toEqual({ tp: 8, dp: 1, moeTp: 1, moeEp: 8 });
    // within the domain nothing changes
    expect(scoreRow(measured({ tp: 8, moeTp: 8, moeEp: 1 }), env(() => figures())).remapped).toBeNull();
  });

  it("predicts wide NVL72 rows (tp = moe tp = 36 on 128 heads) attention-data-parallel, as the calibration does", () => {
    let seen: unknown;
    // blackwell-x has a 72-GPU NVLink domain; moe-x has 128 heads: 36 cannot split them (rule 2 of normaliseRow)
    const row = measured({ model: "moe-x", gpu: "blackwell-x", tp: 36, dp: 1, moeTp: 36, moeEp: 1 });
    const s = scoreRow(
      row,
      env(({ input }) => {
        seen = input;
        return figures();
      }),
    );
    expect(seen).toMatchObject({ tp: 1, dp: 36, moeTp: 36, moeEp: 1 });
    expect(s.remapped).toEqual({ tp: 1, dp: 36, moeTp: 36, moeEp: 1 });
    expect(s.problem).toBeNull();
  });

  it("does not count a configuration the estimator says does not fit", () => {
    const s = scoreRow(measured(), env(() => figures({ fits: false, problems: ["weights exceed memory"] })));
    expect(s.tpotErr).toBeNull();
    expect(s.problem).toBe("estimator: does not fit (weights exceed memory)");
  });

  it("names a model missing from the catalog and never calls the estimator", () => {
    const s = scoreRow(
      measured({ model: null, hfModel: "org/unknown" }),
      env(() => {
        throw new Error("must not be called");
      }),
    );
    expect(s.regime).toBeNull();
    expect(s.problem).toBe("model org/unknown not in the catalog");
  });

  it("turns an estimator exception into the row's problem", () => {
    const s = scoreRow(
      measured(),
      env(() => {
        throw new Error("boom");
      }),
    );
    expect(s.problem).toBe("estimator error: boom");
  });

  it("rejects a request the schema refuses, naming the field", () => {
    const r = rowInput(measured({ tp: 0 }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatch(/^request rejected: tp:/);
  });
});
