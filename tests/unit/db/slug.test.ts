import { describe, expect, it } from "vitest";
import { isSlug, newSlug, SLUG_LENGTH } from "../../../db/slug";

describe("newSlug", () => {
  it("is 12 base62 characters and accepted by isSlug", () => {
    for (let i = 0; i < 200; i++) {
      const s = newSlug();
      expect(s).toHaveLength(SLUG_LENGTH);
      expect(isSlug(s)).toBe(true);
    }
  });

  it("does not repeat over 10,000 draws", () => {
    // 10^4 draws from 62^12 ≈ 3.2e21: P(any repeat) ≈ n²/2N ≈ 1.6e-14
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) seen.add(newSlug());
    expect(seen.size).toBe(10_000);
  });

  it("uses the whole alphabet roughly evenly", () => {
    // 12,000 draws × 12 chars = 144,000 chars; 62 symbols → expected ≈ 2,323 each.
    // A modulo bias toward the first 8 symbols would give them 5/4 the rest; bounds ±20 % catch it.
    const counts = new Map<string, number>();
    for (let i = 0; i < 12_000; i++) for (const c of newSlug()) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(62);
    for (const n of counts.values()) {
      expect(n).toBeGreaterThan(2323 * 0.8);
      expect(n).toBeLessThan(2323 * 1.2);
    }
  });

  it("rejects non-slugs", () => {
    for (const s of ["", "abc", "AAAAAAAAAAAA!", "AAAAAAAAAAA-", "AAAAAAAAAAAAA", "../etc/passw"]) {
      expect(isSlug(s)).toBe(false);
    }
  });
});
