import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectedDistinctExperts } from "../../../lib/model/moe";

describe("expected distinct experts E·(1 − (1 − k/E)^B)", () => {
  it("B = 1 touches exactly k", () => {
    expect(expectedDistinctExperts(256, 8, 1)).toBeCloseTo(8, 12);
  });
  it("DeepSeek (E=256, k=8) at B = 8: 256·(1 − (31/32)^8) ≈ 57.5", () => {
    // (31/32)^8 = 0.775524…; 256 · 0.224476 = 57.47
    expect(expectedDistinctExperts(256, 8, 8)).toBeCloseTo(57.47, 1);
  });
  it("Mixtral (E=8, k=2) at B = 64 touches essentially all 8", () => {
    // 8·(1 − 0.75^64) = 8 − 8·1.0e-8
    expect(expectedDistinctExperts(8, 2, 64)).toBeCloseTo(8, 6);
  });
  it("property: between k and E for B ≥ 1, and non-decreasing in B", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 512 }), fc.integer({ min: 1, max: 16 }), fc.integer({ min: 1, max: 4096 }), (E, kRaw, B) => {
        const k = Math.min(kRaw, E);
        const x = expectedDistinctExperts(E, k, B);
        const y = expectedDistinctExperts(E, k, B + 1);
        return x >= k - 1e-9 && x <= E + 1e-9 && y >= x - 1e-9;
      }),
    );
  });
});
