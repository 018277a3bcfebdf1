import { describe, expect, it } from "vitest";
import { getGpu } from "../../../lib/catalog";
import { forwardInTime, measuredMonth, summariseTime } from "../../../lib/model/calib/held-out-time";
import type { CalibRow } from "../../../lib/model/calib/rows";
import { LLAMA_70B, LLAMA_8B } from "./fixtures";

const EVALS = 40; // a short fit: these tests check which rows each fit sees, not the fitted values

const ctx = {
  models: new Map([
    ["llama-8b", LLAMA_8B],
    ["llama-70b", LLAMA_70B],
  ]),
  gpus: new Map(["h100-sxm", "b200"].map((id) => [id, getGpu(id)!])),
};

const MONTHS = ["2025-10", "2025-11", "2026-01"] as const;

/** Synthetic rows measured in three months, plus undated ones; `scale` multiplies one month's measured figures. */
function rows(scale: (month: string | null) => number = () => 1): CalibRow[] {
  const out: CalibRow[] = [];
  let i = 0;
  for (const month of [...MONTHS, null]) {
    for (const arch of ["llama-8b", "llama-70b"]) {
      for (const gpu of ["h100-sxm", "b200"]) {
        for (const c of [1, 16, 64]) {
          const base = (arch === "llama-70b" ? 9 : 4) * (gpu === "h100-sxm" ? 1.4 : 0.7);
          const source = month
            ? `source_file=2026-04-06.csv; model=x; silicon_concurrency=${c}; measured=${month}-14T00:00:00.000Z; wip=False`
            : "source_file=h100_sxm/vllm/0.12.0/x.csv; silicon_concurrency=1";
          out.push({
            id: `r${i++}`, modelPath: arch, arch, gpu, engine: "vllm", weights: "bf16", tp: arch === "llama-70b" ? 4 : 1,
            pp: 1, dp: 1, moeTp: undefined, moeEp: undefined, isl: 1024, osl: 1024, concurrency: c,
            tpotMs: base * (1 + c / 64) * scale(month),
            ttftMs: (20 + base * 6 * (1 + c / 16)) * scale(month),
            source, engineVersion: null,
          });
        }
      }
    }
  }
  return out;
}

describe("measuredMonth", () => {
  it("reads the month of a source's measured= field", () => {
    expect(measuredMonth("source_file=2026-03-25.csv; model=DeepSeek-R1; measured=2026-03-25T16:34:14Z; wip=False")).toBe("2026-03");
    expect(measuredMonth("source_file=b200_sxm/trtllm/1.3.0rc1/x.csv; gtl_job_id=1; measured=2026-03-17; image=y")).toBe("2026-03");
    expect(measuredMonth("measured=2025-11-10T00:00:00.000Z")).toBe("2025-11");
  });
  it("is null where the source records no date (the file name's date is not the run's)", () => {
    expect(measuredMonth("source_file=h100_sxm/vllm/0.12.0/Qwen_Qwen3-32B.csv; silicon_concurrency=4")).toBeNull();
    expect(measuredMonth("source_file=2026-04-06.csv; model=x")).toBeNull();
    expect(measuredMonth("unmeasured=2026-01-01")).toBeNull();
  });
});

describe("forwardInTime", () => {
  const clean = forwardInTime(rows(), ctx, EVALS);
  const preds = (folds: typeof clean, month: string) =>
    folds.find((f) => f.month === month)!.results.map((r) => [r.id, r.tpotPred, r.ttftPred]);

  it("predicts every dated month after the first, each with a fit on the months before it", () => {
    expect(clean.map((f) => f.month)).toEqual(["2025-11", "2026-01"]);
    expect(clean.map((f) => f.trainRuns)).toEqual([12, 24]);
    expect(clean.map((f) => f.unseenArchs)).toEqual([[], []]);
    expect(clean.every((f) => f.results.length === 12 && f.results.every((r) => r.source.includes(`measured=${f.month}`)))).toBe(true);
  });

  it("no fit sees the month it predicts, a later month, or an undated run", () => {
    // tripling January's and the undated runs' measurements changes no prediction of November or January…
    const skewed = forwardInTime(rows((m) => (m === "2026-01" || m === null ? 3 : 1)), ctx, EVALS);
    expect(preds(skewed, "2025-11")).toEqual(preds(clean, "2025-11"));
    expect(preds(skewed, "2026-01")).toEqual(preds(clean, "2026-01"));
    // …but tripling November's changes January's predictions, whose fit includes November
    const novSkewed = forwardInTime(rows((m) => (m === "2025-11" ? 3 : 1)), ctx, EVALS);
    expect(preds(novSkewed, "2025-11")).toEqual(preds(clean, "2025-11"));
    expect(preds(novSkewed, "2026-01")).not.toEqual(preds(clean, "2026-01"));
  });

  it("summarises each month and counts the undated runs", () => {
    const s = summariseTime(clean, rows());
    expect(s.undatedRuns).toBe(12);
    expect(s.months.map((m) => [m.month, m.trainRuns, m.rows])).toEqual([
      ["2025-11", 12, 12],
      ["2026-01", 24, 12],
    ]);
    expect(s.overall.rows).toBe(24);
    expect(Object.keys(s.byModel).sort()).toEqual(["llama-70b", "llama-8b"]);
  });

  it("names the models a month measures that no earlier month did", () => {
    // the 70B is first measured in November: October's fit predicts it as a new model as well as a new month
    const later70b = rows().filter((r) => !(r.arch === "llama-70b" && r.source.includes("measured=2025-10")));
    const folds = forwardInTime(later70b, ctx, EVALS);
    expect(folds.map((f) => [f.month, f.trainRuns, f.unseenArchs])).toEqual([
      ["2025-11", 6, ["llama-70b"]],
      ["2026-01", 18, []],
    ]);
  });
});
