import { describe, expect, it } from "vitest";
import { mdape, median, relativeError, shareWithin, summarize } from "../../../lib/validation/stats";

describe("relativeError", () => {
  it("is predicted / measured − 1", () => {
    // 25 / 20 − 1 = 0.25 ; 15 / 20 − 1 = −0.25
    expect(relativeError(25, 20)).toBeCloseTo(0.25, 12);
    expect(relativeError(15, 20)).toBeCloseTo(-0.25, 12);
  });
  it("is null for non-positive or non-finite values", () => {
    expect(relativeError(0, 20)).toBeNull();
    expect(relativeError(10, 0)).toBeNull();
    expect(relativeError(Number.NaN, 1)).toBeNull();
    expect(relativeError(Number.POSITIVE_INFINITY, 1)).toBeNull();
  });
});

describe("median / mdape / shareWithin", () => {
  it("takes the middle value, or the mean of the middle two", () => {
    expect(median([3, 1, 2])).toBe(2);
    // sorted 1, 2, 4, 10 → (2 + 4) / 2 = 3
    expect(median([10, 1, 4, 2])).toBe(3);
    expect(median([])).toBeNull();
  });
  it("MdAPE is the median of absolute errors", () => {
    // |errors| = 0.1, 0.3, 0.05, 0.5 → sorted 0.05, 0.1, 0.3, 0.5 → (0.1 + 0.3) / 2 = 0.2
    expect(mdape([0.1, -0.3, 0.05, -0.5])).toBeCloseTo(0.2, 12);
  });
  it("counts errors inside the band, edges included", () => {
    // 0.25 and −0.25 are inside, −0.26 and 0.5 are not → 2 / 4
    expect(shareWithin([0.25, -0.25, -0.26, 0.5], 0.25)).toBe(0.5);
    expect(shareWithin([], 0.25)).toBeNull();
  });
});

describe("summarize", () => {
  it("counts a row as predicted only when both errors exist", () => {
    const s = summarize([
      { tpotErr: 0.1, ttftErr: -0.2 },
      { tpotErr: -0.3, ttftErr: 0.4 },
      { tpotErr: 0.05, ttftErr: 0.1 },
      { tpotErr: null, ttftErr: null },
    ]);
    expect(s.rows).toBe(4);
    expect(s.predicted).toBe(3);
    expect(s.sharePredicted).toBeCloseTo(0.75, 12);
    // TPOT |e| = 0.1, 0.3, 0.05 → median 0.1 ; signed 0.1, −0.3, 0.05 → median 0.05
    expect(s.tpotMdape).toBeCloseTo(0.1, 12);
    expect(s.tpotBias).toBeCloseTo(0.05, 12);
    // TTFT |e| = 0.2, 0.4, 0.1 → median 0.2 ; signed −0.2, 0.4, 0.1 → median 0.1
    expect(s.ttftMdape).toBeCloseTo(0.2, 12);
    expect(s.ttftBias).toBeCloseTo(0.1, 12);
    // within ±25 %: TPOT 0.1, 0.05 → 2/3 ; TTFT −0.2, 0.1 → 2/3
    expect(s.tpotWithinBand).toBeCloseTo(2 / 3, 12);
    expect(s.ttftWithinBand).toBeCloseTo(2 / 3, 12);
  });
});
