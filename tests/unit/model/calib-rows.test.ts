import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../lib/model/calib/csv";
import { distinctRuns, mapCsvRecord, normaliseRow, runKey, type CalibRow } from "../../../lib/model/calib/rows";

const base: CalibRow = {
  id: "a",
  modelPath: "deepseek-ai/DeepSeek-R1",
  arch: "deepseek-ai--DeepSeek-R1",
  gpu: "h200-sxm",
  engine: "trtllm",
  weights: "fp8",
  tp: 8,
  pp: 1,
  dp: 1,
  moeTp: 1,
  moeEp: 8,
  isl: 1024,
  osl: 1024,
  concurrency: 64,
  ttftMs: 310.25,
  tpotMs: 21.5,
  source: "file A",
  engineVersion: "1.0.0",
};

describe("distinctRuns: the same run recorded twice counts once", () => {
  it("drops a record with the same setup and figures (another file, another id), keeps real repeats", () => {
    const again = { ...base, id: "b", source: "file B" }; // same run, recorded in a second file
    const repeat = { ...base, id: "c", ttftMs: 420, tpotMs: 23 }; // same setup, measured again: a real repeat
    const other = { ...base, id: "d", concurrency: 128 }; // another setup with the same figures
    const out = distinctRuns([base, again, repeat, other]);
    expect(out.map((r) => r.id)).toEqual(["a", "c", "d"]);
  });

  it("figures equal to 1 µs (TTFT) and 0.1 µs (TPOT) are the same run; beyond that they are not", () => {
    expect(runKey({ ...base, ttftMs: 310.2504 })).toBe(runKey(base));
    expect(runKey({ ...base, ttftMs: 310.252 })).not.toBe(runKey(base));
    expect(runKey({ ...base, tpotMs: 21.50004 })).toBe(runKey(base));
    expect(runKey({ ...base, tpotMs: 21.5002 })).not.toBe(runKey(base));
  });

  it("an HGX tp×ep record equals the n-GPU record once normaliseRow maps it back", () => {
    const wide = normaliseRow({ ...base, id: "w", tp: 64, moeTp: 8, moeEp: 8 }, 8);
    expect(distinctRuns([base, wide]).map((r) => r.id)).toEqual(["a"]);
  });

  const csv = path.resolve(process.cwd(), "../shared/calibration/aic-silicon-agg.csv");
  it.skipIf(!existsSync(csv))("on the calibration file: 1,483 records are 1,380 distinct runs (needs ../shared)", () => {
    // Independent count: a Python script over the raw CSV applying the same tp×ep rule and keying on setup + figures
    // gave 1,380 (75 records repeat a run verbatim, 28 more once the tp×ep records are mapped back).
    const rows = parseCsv(readFileSync(csv, "utf8"))
      .map(mapCsvRecord)
      .flatMap((m) => (m.ok ? [m.row] : []))
      .map((r) => normaliseRow(r, r.gpu === "gb200" ? 72 : 8));
    expect(rows.length).toBe(1483);
    expect(distinctRuns(rows).length).toBe(1380);
  });
});
