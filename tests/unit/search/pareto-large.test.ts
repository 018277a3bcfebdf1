import { describe, expect, it } from "vitest";
import { paretoIndices, type XY } from "../../../lib/search/pareto";
import { compareRecs, deploymentKey, rankFeasible } from "../../../lib/search/run-plan";
import type { Rec } from "../../../lib/search/search";

/** A seeded generator (mulberry32), so a failure reproduces. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The definition, O(n²): i is on the front when no other point is at least as good on both axes and strictly better
 * on one, and no earlier point sits at the same place (the first of equal points counts); sorted by x ascending.
 */
function naiveFront(pts: readonly XY[], lowerX: boolean, lowerY: boolean): number[] {
  const sx = lowerX ? 1 : -1;
  const sy = lowerY ? 1 : -1;
  const ok = (p: XY) => Number.isFinite(p.x) && Number.isFinite(p.y);
  const out: number[] = [];
  pts.forEach((p, i) => {
    if (!ok(p)) return;
    const beaten = pts.some((q, j) => {
      if (j === i || !ok(q)) return false;
      const dx = sx * (q.x - p.x);
      const dy = sy * (q.y - p.y);
      if (dx === 0 && dy === 0) return j < i;
      return dx <= 0 && dy <= 0;
    });
    if (!beaten) out.push(i);
  });
  return out.sort((a, b) => pts[a]!.x - pts[b]!.x);
}

describe("Pareto front on many points (the sample-front pruning path)", () => {
  for (const [seed, lowerX, lowerY] of [
    [1, true, true],
    [2, false, false],
    [3, true, false],
    [4, false, true],
  ] as const) {
    it(`matches the definition on 6,000 points with ties and non-finite ones (seed ${seed}, lower x ${lowerX}, lower y ${lowerY})`, () => {
      const r = rng(seed);
      const pts: XY[] = [];
      for (let i = 0; i < 6000; i++) {
        // coarse values make exact ties in x, in y and in both; a few non-finite points
        // around a trade-off curve (better x costs y), so the front holds many points
        const x = Math.round(r() * 400) / 4;
        const t = lowerX === lowerY ? 100 - x : x;
        const y = r() < 0.002 ? Number.NaN : t + Math.round(r() * 20) / 2;
        pts.push({ x, y });
      }
      const front = paretoIndices(pts, lowerX, lowerY);
      expect(front.length).toBeGreaterThan(3);
      expect(front).toEqual(naiveFront(pts, lowerX, lowerY));
    });
  }
});

describe("rankFeasible", () => {
  it("equals ranking every feasible record and keeping each deployment's first", () => {
    const r = rng(7);
    const gpus = ["a", "b", "c"].map((id) => ({ id }));
    const recs: Rec[] = [];
    for (let i = 0; i < 3000; i++) {
      const shape = {
        gpu: gpus[Math.floor(r() * 3)]!,
        layout: { tp: 1 << Math.floor(r() * 3), pp: 1, dp: 1, moeEp: 1 },
        weights: r() < 0.5 ? "fp8" : "bf16",
      };
      // coarse costs and latencies: many exact ties, broken by the record's place
      recs.push({ shape, violations: r() < 0.3 ? 1 : 0, costMonth: Math.round(r() * 20), ttft95: Math.round(r() * 5), tpot95: Math.round(r() * 3) } as unknown as Rec);
    }
    const naive: Rec[] = [];
    const seen = new Set<string>();
    for (const x of recs.filter((x) => x.violations === 0).sort(compareRecs)) {
      const k = deploymentKey(x);
      if (seen.has(k)) continue;
      seen.add(k);
      naive.push(x);
    }
    const ranked = rankFeasible(recs);
    expect(ranked.length).toBe(naive.length);
    expect(ranked.length).toBeGreaterThan(10);
    // the same records (by identity), in the same order
    expect(ranked.every((x, i) => x === naive[i])).toBe(true);
  });
});
