import { describe, expect, it } from "vitest";
import { CALIBRATION, HELD_OUT, HELD_OUT_HARDWARE } from "../../../lib/model/calibration.generated";
import type { HeldOutGroup } from "../../../lib/model/calib/held-out";

const sum = (r: Readonly<Record<string, HeldOutGroup>>, f: (g: HeldOutGroup) => number) =>
  Object.values(r).reduce((a, g) => a + f(g), 0);

describe("the committed HELD_OUT figures (lib/model/calibration.generated.ts)", () => {
  it("are present (written by npm run calibrate)", () => {
    expect(HELD_OUT, "HELD_OUT is null: run `npm run calibrate`").not.toBeNull();
  });
  if (!HELD_OUT) return;
  const h = HELD_OUT;

  it("cover the same rows as the fit, and every breakdown adds up to the overall row count", () => {
    // every distinct run is held out; the fit used the runs it can predict (the rest: speculative decoding, calib/harness)
    expect(h.overall.rows).toBe(Object.values(CALIBRATION.rowsPerProfile).reduce((a, n) => a + n, 0));
    expect(h.overall.rows * h.overall.predictedShare).toBeCloseTo(CALIBRATION.rowsUsed, 0);
    for (const by of [h.byModel, h.byGpu, h.byEngine, h.byWeights, h.byMoe]) {
      expect(Object.keys(by).length).toBeGreaterThan(0);
      expect(sum(by, (g) => g.rows)).toBe(h.overall.rows);
      // predicted rows add up too (shares are rounded to 4 significant digits: each product is off by < 0.05 · rows/1000)
      expect(sum(by, (g) => g.rows * g.predictedShare)).toBeCloseTo(h.overall.rows * h.overall.predictedShare, 0);
    }
    expect(Object.keys(h.byMoe).every((k) => k === "MoE" || k === "dense")).toBe(true);
    expect(h.moeSmallBatch.rows).toBeLessThanOrEqual(h.byMoe.MoE?.rows ?? 0);
  });

  it("states the ±25 % band of its within-shares", () => {
    expect(h.band).toBe(0.25);
  });

  it("holds fractions in [0, 1] and keys in sorted order", () => {
    for (const by of [h.byModel, h.byGpu, h.byEngine, h.byWeights, h.byMoe, { overall: h.overall }]) {
      expect(Object.keys(by)).toEqual([...Object.keys(by)].sort());
      for (const g of Object.values(by)) {
        for (const x of [g.predictedShare, g.tpotWithin25, g.ttftWithin25]) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
        }
        expect(g.tpotMdape).toBeGreaterThanOrEqual(0);
        expect(g.ttftMdape).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it("judges the targets from the overall figures against the issue-3 limits", () => {
    const t = h.targets;
    expect(t.tpotMdape).toMatchObject({ value: h.overall.tpotMdape, limit: 0.15, kind: "max" });
    expect(t.ttftMdape).toMatchObject({ value: h.overall.ttftMdape, limit: 0.25, kind: "max" });
    expect(t.predictedShare).toMatchObject({ value: h.overall.predictedShare, limit: 0.95, kind: "min" });
    expect(t.moeMaxOvershoot).toMatchObject({ value: h.moeSmallBatch.maxOvershoot, limit: 2, kind: "max" });
    expect(t.tpotMdape.met).toBe(h.overall.tpotMdape <= 0.15);
    expect(t.ttftMdape.met).toBe(h.overall.ttftMdape <= 0.25);
    expect(t.predictedShare.met).toBe(h.overall.predictedShare >= 0.95);
    expect(t.moeMaxOvershoot.met).toBe(h.moeSmallBatch.maxOvershoot <= 2);
    expect(t.allMet).toBe(t.tpotMdape.met && t.ttftMdape.met && t.predictedShare.met && t.moeMaxOvershoot.met);
  });
});

describe("the committed HELD_OUT_HARDWARE figures (lib/model/calibration.generated.ts)", () => {
  it("are present (written by npm run calibrate)", () => {
    expect(HELD_OUT_HARDWARE, "HELD_OUT_HARDWARE is null: run `npm run calibrate`").not.toBeNull();
  });
  if (!HELD_OUT_HARDWARE) return;
  const hw = HELD_OUT_HARDWARE;

  it("hold every fitted GPU out once: both hold-outs cover the fit's rows, and each breakdown adds up", () => {
    // every GPU of the calibration shares its generation class with another (H100/H200, B200/GB200), so none is skipped
    for (const split of [hw.unseenGpu, hw.unseenGeneration]) {
      expect(split.overall.rows).toBe(HELD_OUT!.overall.rows);
      expect(split.overall.rows * split.overall.predictedShare).toBeCloseTo(CALIBRATION.rowsUsed, 0);
      expect(Object.keys(split.byGpu)).toEqual(Object.keys(HELD_OUT!.byGpu));
      for (const by of [split.byGpu, split.byEngine, split.byMoe]) expect(sum(by, (g) => g.rows)).toBe(split.overall.rows);
    }
  });
});
