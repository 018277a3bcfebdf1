import { describe, expect, it } from "vitest";
import { getGpu } from "../../../lib/catalog";
import { fitAll } from "../../../lib/model/calib/fit-all";
import { leaveOneGenerationOut, leaveOneGpuOut, summariseHardware } from "../../../lib/model/calib/held-out-hardware";
import { predictRows } from "../../../lib/model/calib/lomo";
import type { CalibRow } from "../../../lib/model/calib/rows";
import { LLAMA_70B, LLAMA_8B } from "./fixtures";

const EVALS = 40; // a short fit: these tests check which rows each fit sees, not the fitted values

const ctx = {
  models: new Map([
    ["llama-8b", LLAMA_8B],
    ["llama-70b", LLAMA_70B],
  ]),
  gpus: new Map(["h100-sxm", "h200-sxm", "b200", "gb200"].map((id) => [id, getGpu(id)!])),
};

/** Synthetic closed-loop rows on four GPUs (two per generation class); measured figures are made-up but plausible. */
function rows(scale: (gpu: string) => number = () => 1): CalibRow[] {
  const out: CalibRow[] = [];
  let i = 0;
  for (const gpu of ["h100-sxm", "h200-sxm", "b200", "gb200"]) {
    for (const arch of ["llama-8b", "llama-70b"]) {
      for (const c of [1, 8, 64]) {
        for (const [isl, osl] of [[1024, 1024], [8192, 1024]] as const) {
          const tp = arch === "llama-70b" ? 4 : 1;
          const base = (arch === "llama-70b" ? 9 : 4) * (gpu === "h100-sxm" ? 1.4 : gpu === "h200-sxm" ? 1.1 : 0.7);
          out.push({
            id: `r${i++}`, modelPath: arch, arch, gpu, engine: "vllm", weights: "bf16", tp, pp: 1, dp: 1,
            moeTp: undefined, moeEp: undefined, isl, osl, concurrency: c,
            tpotMs: base * (1 + c / 64) * scale(gpu),
            ttftMs: (20 + (isl / 1024) * base * 6 * (1 + c / 16)) * scale(gpu),
            source: "synthetic", engineVersion: null,
          });
        }
      }
    }
  }
  return out;
}

const predictionsOf = (recs: ReturnType<typeof predictRows>, gpu: string) =>
  recs.filter((r) => r.gpu === gpu).map((r) => [r.id, r.tpotPred, r.ttftPred]);

describe("leave-one-GPU-out", () => {
  const clean = leaveOneGpuOut(rows(), ctx, EVALS);

  it("predicts every row once, each by a fit that did not see its GPU", () => {
    expect(clean.map((r) => r.id).sort()).toEqual(rows().map((r) => r.id).sort());
    // tripling the H200's measurements changes no H200 prediction (its rows are not in the fit that predicts them)…
    const skewed = leaveOneGpuOut(rows((g) => (g === "h200-sxm" ? 3 : 1)), ctx, EVALS);
    expect(predictionsOf(skewed, "h200-sxm")).toEqual(predictionsOf(clean, "h200-sxm"));
    // …but does change the H100 predictions, whose fit includes the H200 rows
    expect(predictionsOf(skewed, "h100-sxm")).not.toEqual(predictionsOf(clean, "h100-sxm"));
  });

  it("skips a GPU that is the only one of its generation class (leave-one-generation-out covers it)", () => {
    const hopperOnlyB200 = rows().filter((r) => r.gpu !== "gb200");
    const res = leaveOneGpuOut(hopperOnlyB200, ctx, EVALS);
    expect(res.some((r) => r.gpu === "b200")).toBe(false);
    expect(res.filter((r) => r.gpu === "h100-sxm").length).toBe(12);
  });
});

describe("leave-one-generation-out", () => {
  const all = rows();
  const res = leaveOneGenerationOut(all, ctx, EVALS);

  it("predicts the Blackwell rows with the engine's Hopper factors, fitted on Hopper rows only", () => {
    const hopper = all.filter((r) => r.gpu.startsWith("h"));
    const blackwell = all.filter((r) => !r.gpu.startsWith("h"));
    const fitted = fitAll(hopper, ctx, EVALS).factors;
    const expected = predictRows(blackwell, ctx, { "vllm:blackwell": fitted["vllm:hopper"]! });
    const got = res.filter((r) => !r.gpu.startsWith("h"));
    expect(got.map((r) => [r.id, r.tpotPred, r.ttftPred])).toEqual(expected.map((r) => [r.id, r.tpotPred, r.ttftPred]));
    // not the priors: the Hopper fit moved the factors
    const priors = predictRows(blackwell, ctx, {});
    expect(got.map((r) => r.tpotPred)).not.toEqual(priors.map((r) => r.tpotPred));
  });

  it("summarises both hold-outs per GPU, engine and dense/MoE, adding up to the rows predicted", () => {
    const s = summariseHardware(leaveOneGpuOut(all, ctx, EVALS), res);
    expect(s.unseenGeneration.overall.rows).toBe(all.length);
    expect(Object.keys(s.unseenGeneration.byGpu)).toEqual(["b200", "gb200", "h100-sxm", "h200-sxm"]);
    expect(Object.values(s.unseenGpu.byGpu).reduce((a, g) => a + g.rows, 0)).toBe(s.unseenGpu.overall.rows);
    expect(Object.keys(s.unseenGpu.byMoe)).toEqual(["dense"]);
  });
});
