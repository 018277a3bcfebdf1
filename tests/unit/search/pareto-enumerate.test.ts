import { describe, expect, it } from "vitest";
import { getGpu, getModel } from "../../../lib/catalog";
import { enumerateLayouts, layoutLabel } from "../../../lib/search/enumerate";
import { paretoIndices } from "../../../lib/search/pareto";

describe("Pareto front", () => {
  it("keeps the points nothing beats on both axes (lower is better)", () => {
    const pts = [
      { x: 1, y: 5 }, // front
      { x: 2, y: 3 }, // front
      { x: 3, y: 4 }, // beaten by (2, 3)
      { x: 4, y: 1 }, // front
      { x: 4, y: 2 }, // beaten by (4, 1)
    ];
    expect(paretoIndices(pts, true, true)).toEqual([0, 1, 3]);
  });
  it("handles higher-is-better axes and skips non-finite points", () => {
    const pts = [
      { x: 10, y: 100 }, // front (most y)
      { x: 20, y: 80 }, // front
      { x: 15, y: 70 }, // beaten by (20, 80)
      { x: 30, y: 10 }, // front (most x)
      { x: Infinity, y: 1000 },
    ];
    expect(paretoIndices(pts, false, false)).toEqual([0, 1, 3]);
  });
});

describe("layout enumeration", () => {
  it("dense Llama 3.1 70B on 8-GPU H100 nodes: TP 1–8 × PP 1–8, all valid", () => {
    // 64 heads, 8 KV heads, 80 layers: every tp ∈ {1,2,4,8} divides both; every pp ≤ 8 ≤ 80 → 4 · 4 = 16
    const e = enumerateLayouts(getModel("llama-3.1-70b")!, getGpu("h100-sxm")!);
    expect(e.valid).toHaveLength(16);
    expect(e.invalid).toHaveLength(0);
    expect(e.valid.map((l) => l.gpus).sort((a, b) => b - a)[0]).toBe(64);
  });
  it("MoE on a 72-GPU NVLink domain: TP / TP+EP / DEP per stage size, impossible splits counted", () => {
    const m = getModel("mixtral-8x7b")!;
    expect([m.attention.numHeads, m.moe?.numExperts]).toEqual([32, 8]);
    // stage sizes 1..64 (7); shapes: 1 + 3·6 = 19; × 4 pp = 76 layouts.
    // invalid shapes: s=64: TP64 (64 ∤ 32 heads), TP64+EP64, DEP64 (64 ∤ 8 experts) = 3;
    // s=32: TP32+EP32, DEP32 = 2; s=16: TP16+EP16, DEP16 = 2 → 7 shapes · 4 pp = 28 invalid, 48 valid
    const e = enumerateLayouts(m, getGpu("gb200")!);
    expect(e.valid.length + e.invalid.length).toBe(76);
    expect(e.invalid).toHaveLength(28);
    expect(e.invalid[0]!.problem).toMatch(/divide/);
  });
  it("labels layouts", () => {
    expect(layoutLabel({ tp: 4, pp: 1, dp: 1, moeEp: 1 })).toBe("TP4");
    expect(layoutLabel({ tp: 1, pp: 1, dp: 1, moeEp: 1 })).toBe("TP1");
    expect(layoutLabel({ tp: 1, pp: 1, dp: 8, moeEp: 8 })).toBe("DP8·EP8");
    expect(layoutLabel({ tp: 8, pp: 2, dp: 1, moeEp: 1 })).toBe("TP8·PP2");
  });
});
