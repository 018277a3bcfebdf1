import { describe, expect, it } from "vitest";
import { releaseReport, type ReleaseRecord } from "../../../lib/validation/releases";

const rec = (p: Partial<ReleaseRecord>): ReleaseRecord => ({
  model: "m",
  gpu: "b200",
  engine: "trtllm",
  weights: "fp8",
  engineVersion: "1.0",
  ttftMeasuredOverPredicted: 1,
  tpotMeasuredOverPredicted: 1,
  ...p,
});
const many = (n: number, p: Partial<ReleaseRecord>) => Array.from({ length: n }, () => rec(p));

describe("releaseReport", () => {
  it("takes medians per engine and release, recorded releases in numeric order, unrecorded last", () => {
    const r = releaseReport([
      rec({ engineVersion: "1.10", ttftMeasuredOverPredicted: 2 }),
      rec({ engineVersion: null, ttftMeasuredOverPredicted: 3 }),
      rec({ engineVersion: "1.9", ttftMeasuredOverPredicted: 1, tpotMeasuredOverPredicted: 0.5 }),
      rec({ engineVersion: "1.9", ttftMeasuredOverPredicted: 2, tpotMeasuredOverPredicted: 1.5 }),
      rec({ engine: "vllm", engineVersion: "0.12.0", ttftMeasuredOverPredicted: 0.8 }),
    ]);
    expect(r.releases.map((x) => [x.engine, x.release, x.rows])).toEqual([
      ["trtllm", "1.9", 2],
      ["trtllm", "1.10", 1],
      ["trtllm", null, 1],
      ["vllm", "0.12.0", 1],
    ]);
    // medians of two values are their mean: TTFT (1 + 2) / 2, TPOT (0.5 + 1.5) / 2
    expect(r.releases[0]!.ttftRatio).toBeCloseTo(1.5, 12);
    expect(r.releases[0]!.tpotRatio).toBeCloseTo(1, 12);
  });

  it("compares the releases of one setup with enough rows each, ignoring unrecorded releases and other setups", () => {
    const records = [
      ...many(5, { engineVersion: "1.1", ttftMeasuredOverPredicted: 2.4 }),
      ...many(5, { engineVersion: "1.2", ttftMeasuredOverPredicted: 1.2 }),
      ...many(5, { engineVersion: "1.3", ttftMeasuredOverPredicted: 1.6 }),
      // too few rows to take part
      ...many(4, { engineVersion: "1.4", ttftMeasuredOverPredicted: 9 }),
      // not recorded: no release to compare
      ...many(9, { engineVersion: null, ttftMeasuredOverPredicted: 0.1 }),
      // another setup (GPU) with a single release
      ...many(6, { gpu: "h200-sxm", engineVersion: "1.1", ttftMeasuredOverPredicted: 5 }),
      // a second setup: another precision, two releases 1.5× apart
      ...many(5, { weights: "fp4", engineVersion: "1.1", ttftMeasuredOverPredicted: 0.6 }),
      ...many(5, { weights: "fp4", engineVersion: "1.2", ttftMeasuredOverPredicted: 0.9 }),
    ];
    const r = releaseReport(records);
    expect(r.spreads).toHaveLength(2);
    const [a, b] = r.spreads;
    expect([a!.weights, a!.slow.release, a!.fast.release]).toEqual(["fp8", "1.1", "1.2"]);
    expect(a!.ttftFactor).toBeCloseTo(2.4 / 1.2, 12);
    expect([b!.weights, b!.slow.release, b!.fast.release]).toEqual(["fp4", "1.2", "1.1"]);
    expect(b!.ttftFactor).toBeCloseTo(0.9 / 0.6, 12);
    // median of the two factors 2 and 1.5
    expect(r.medianTtftFactor).toBeCloseTo(1.75, 12);
  });

  it("has no spread when no setup has two releases with enough rows", () => {
    const r = releaseReport([...many(5, { engineVersion: "1.1" }), ...many(4, { engineVersion: "1.2" })]);
    expect(r.spreads).toEqual([]);
    expect(r.medianTtftFactor).toBeNull();
  });
});
