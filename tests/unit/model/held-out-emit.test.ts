import { describe, expect, it } from "vitest";
import { emitCalibration, tsLiteral, type EmitInput } from "../../../lib/model/calib/emit";
import { roundHeldOut, type HeldOutSummary } from "../../../lib/model/calib/held-out";
import { roundHardware, type HardwareHeldOut } from "../../../lib/model/calib/held-out-hardware";
import { PRIOR_FACTORS } from "../../../lib/model/engines";

const group = (rows: number, tpot: number, ttft: number) => ({
  rows,
  predictedShare: 1,
  tpotMdape: tpot,
  ttftMdape: ttft,
  tpotWithin25: 0.7,
  ttftWithin25: 0.3,
});

const summary: HeldOutSummary = {
  band: 0.25,
  overall: group(30, 0.123456, 0.4),
  // keys deliberately out of order: the file sorts them
  byModel: { "z--Model-B": group(20, 0.2, 0.5), "a--Model-A": group(10, 0.1, 0.3) },
  byGpu: { "h100-sxm": group(30, 0.123456, 0.4) },
  byEngine: { vllm: group(30, 0.123456, 0.4) },
  byWeights: { fp8: group(30, 0.123456, 0.4) },
  byMoe: { dense: group(10, 0.1, 0.3), MoE: group(20, 0.2, 0.5) },
  byHarnessEngine: { InferenceMAX: group(30, 0.123456, 0.4), "InferenceMAX vllm": group(30, 0.123456, 0.4) },
  moeSmallBatch: {
    rows: 4,
    maxOvershoot: 2.123456,
    medianRatio: 1.03,
    maxDecodeOvershoot: 1.512345,
    over: [{ id: "run-7", overshoot: 2.123456, ttftPredMs: 186.123456, tpotPredMs: 8.2345678 }],
  },
  targets: {
    tpotMdape: { value: 0.123456, limit: 0.15, kind: "max", met: true },
    ttftMdape: { value: 0.4, limit: 0.25, kind: "max", met: false },
    predictedShare: { value: 1, limit: 0.95, kind: "min", met: true },
    moeMaxOvershoot: { value: 2.123456, limit: 2, kind: "max", met: false },
    allMet: false,
  },
};

const hardware: HardwareHeldOut = {
  unseenGpu: {
    overall: group(30, 0.187654, 0.33),
    byGpu: { "h200-sxm": group(10, 0.2, 0.4), "h100-sxm": group(20, 0.1, 0.3) },
    byEngine: { vllm: group(30, 0.187654, 0.33) },
    byMoe: { dense: group(30, 0.187654, 0.33) },
  },
  unseenGeneration: {
    overall: group(30, 0.145678, 0.37),
    byGpu: { "h100-sxm": group(30, 0.145678, 0.37) },
    byEngine: { vllm: group(30, 0.145678, 0.37) },
    byMoe: { dense: group(30, 0.145678, 0.37) },
  },
};

const input = (
  heldOut: HeldOutSummary | null | undefined,
  heldOutHardware?: HardwareHeldOut | null,
  heldOutRegimes?: Record<string, { rows: number; tpotMdape: number; ttftMdape: number }> | null,
): EmitInput => ({
  generatedOn: "2026-01-02",
  source: "test.csv",
  rowsUsed: 30,
  rowsPerKey: { "vllm:hopper": 30 },
  fitError: { tpotMdape: 0.1, ttftMdape: 0.3 },
  factors: { "vllm:hopper": { ...PRIOR_FACTORS } },
  fitted: ["bwEff", "flopEff"],
  heldOut,
  heldOutHardware,
  heldOutRegimes,
});

/** The object literal assigned to an export, evaluated as JavaScript (the literal has no type syntax). */
function parseExport(text: string, name: string, type: string): unknown {
  const m = new RegExp(`export const ${name}: ${type} \\| null = ([\\s\\S]*?);\\n(?:\\n|$)`).exec(text);
  if (!m) throw new Error(`no ${name} export`);
  return new Function(`return (${m[1]});`)() as unknown;
}
const parseHeldOut = (text: string) => parseExport(text, "HELD_OUT", "HeldOutSummary");
const parseHardware = (text: string) => parseExport(text, "HELD_OUT_HARDWARE", "HardwareHeldOut");
const parseRegimes = (text: string) => parseExport(text, "HELD_OUT_REGIMES", "HeldOutRegimes");

describe("emitCalibration with held-out figures", () => {
  const text = emitCalibration(input(summary));

  it("is deterministic: the same input gives the same text", () => {
    expect(emitCalibration(input(summary))).toBe(text);
    // key order of the input does not matter
    const reordered = { ...summary, byModel: { "a--Model-A": summary.byModel["a--Model-A"]!, "z--Model-B": summary.byModel["z--Model-B"]! } };
    expect(emitCalibration(input(reordered))).toBe(text);
  });

  it("writes the figures rounded to 4 significant digits, keys sorted", () => {
    // 0.123456 → 0.1235, 2.123456 → 2.123
    expect(text).toContain("tpotMdape: 0.1235");
    expect(text).toContain("maxOvershoot: 2.123");
    expect(text).not.toContain("0.123456");
    expect(text.indexOf('"a--Model-A"')).toBeLessThan(text.indexOf('"z--Model-B"'));
    expect(text).toContain('import type { HeldOutSummary } from "./calib/held-out";');
  });

  it("parses back to the rounded summary", () => {
    const back = parseHeldOut(text) as HeldOutSummary;
    expect(back).toEqual(roundHeldOut(summary));
    expect(back.overall.tpotMdape).toBe(0.1235);
    expect(back.byModel["z--Model-B"]!.rows).toBe(20);
    // the run over the MoE limit comes back with its id and rounded predictions
    expect(back.moeSmallBatch.over).toEqual([{ id: "run-7", overshoot: 2.123, ttftPredMs: 186.1, tpotPredMs: 8.235 }]);
    // rounded 0.1235 ≤ 0.15 → met; 0.4 > 0.25 → not met
    expect(back.targets.tpotMdape.met).toBe(true);
    expect(back.targets.ttftMdape.met).toBe(false);
    expect(back.targets.allMet).toBe(false);
  });

  it("writes HELD_OUT = null when the summary is absent", () => {
    expect(emitCalibration(input(null))).toMatch(/export const HELD_OUT: HeldOutSummary \| null = null;\n/);
    expect(parseHeldOut(emitCalibration(input(null)))).toBeNull();
    expect(emitCalibration(input(undefined))).toBe(emitCalibration(input(null)));
  });

  it("writes the hardware hold-outs rounded, keys sorted, and null when absent", () => {
    expect(parseHardware(text)).toBeNull();
    const withHw = emitCalibration(input(summary, hardware));
    const back = parseHardware(withHw) as HardwareHeldOut;
    expect(back).toEqual(roundHardware(hardware));
    expect(back.unseenGpu.overall.tpotMdape).toBe(0.1877);
    expect(back.unseenGeneration.overall.tpotMdape).toBe(0.1457);
    expect(Object.keys(back.unseenGpu.byGpu)).toEqual(["h100-sxm", "h200-sxm"]);
    // HELD_OUT still parses beside it
    expect(parseHeldOut(withHw)).toEqual(roundHeldOut(summary));
  });

  it("writes the held-out errors per regime rounded, ids sorted, and null when absent", () => {
    expect(parseRegimes(text)).toBeNull();
    const t = emitCalibration(input(summary, null, { regime_moe: { rows: 3, tpotMdape: 0.287654, ttftMdape: 0.4 }, regime_all: { rows: 5, tpotMdape: 0.1, ttftMdape: 0.3 } }));
    expect(parseRegimes(t)).toEqual({ regime_all: { rows: 5, tpotMdape: 0.1, ttftMdape: 0.3 }, regime_moe: { rows: 3, tpotMdape: 0.2877, ttftMdape: 0.4 } });
    expect(t.indexOf("regime_all")).toBeLessThan(t.indexOf("regime_moe"));
  });
});

describe("tsLiteral", () => {
  it("sorts keys, quotes non-identifiers, keeps NaN and puts scalar-only objects on one line", () => {
    expect(tsLiteral({ b: 1, a: NaN, "c-d": true })).toBe('{ a: NaN, b: 1, "c-d": true }');
    expect(tsLiteral({ x: { y: "s" } })).toBe('{\n  x: { y: "s" },\n}');
    expect(new Function(`return ${tsLiteral({ a: NaN })};`)()).toEqual({ a: NaN });
    expect(() => tsLiteral({ a: () => 1 })).toThrow(/unsupported/);
  });

  it("keeps arrays in their order: scalars on one line, objects one per line", () => {
    expect(tsLiteral({ a: ["z", "b"], e: [] })).toBe('{\n  a: ["z", "b"],\n  e: [],\n}');
    expect(tsLiteral({ e: [], n: 1 })).toBe("{ e: [], n: 1 }");
    const months = { months: [{ m: "2026-01", k: [] }, { m: "2025-11", k: ["x"] }] };
    const text = tsLiteral(months);
    expect(text).toBe('{\n  months: [\n    { k: [], m: "2026-01" },\n    {\n      k: ["x"],\n      m: "2025-11",\n    },\n  ],\n}');
    expect(new Function(`return ${text};`)()).toEqual(months);
  });
});
