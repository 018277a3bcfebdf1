import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lzwCompress, lzwDecompress } from "../../../lib/plan/lzw";

const enc = (s: string) => new TextEncoder().encode(s);

describe("lzw", () => {
  it("round-trips arbitrary bytes, with and without a preset", () => {
    const preset = enc('{"model":"llama-3.1-70b","gpu":"h100-sxm"}');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (b) => {
        expect(lzwDecompress(lzwCompress(b))).toEqual(b);
        expect(lzwDecompress(lzwCompress(b, preset), preset)).toEqual(b);
      }),
      { numRuns: 200 },
    );
  });

  it("round-trips text with long repeats (the KwKwK case)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.integer({ min: 1, max: 300 }), (s, n) => {
        const b = enc(s.repeat(n));
        expect(lzwDecompress(lzwCompress(b))).toEqual(b);
      }),
    );
    const aaaa = enc("a".repeat(5000));
    expect(lzwDecompress(lzwCompress(aaaa))).toEqual(aaaa);
  });

  it("round-trips past a full 65,536-entry dictionary", () => {
    // 200 kB of pseudo-random bytes adds one entry per emitted code: > 65,536 entries
    let x = 12345;
    const big = new Uint8Array(200_000).map(() => ((x = (x * 1103515245 + 12345) >>> 0), x >>> 24));
    expect(lzwDecompress(lzwCompress(big), undefined, 1 << 20)).toEqual(big);
  });

  it("a preset shrinks text that reuses its words", () => {
    const preset = enc('{"allowedGpus":["h100-sxm","h200-sxm"],"model":"llama-3.1-70b"}');
    const text = enc('{"allowedGpus":["h200-sxm"],"model":"llama-3.1-70b"}');
    expect(lzwCompress(text, preset).length).toBeLessThan(lzwCompress(text).length);
  });

  it("refuses a code that cannot occur instead of guessing", () => {
    // First code is 9 bits; 0b111111111 = 511 > 255 (only single bytes exist yet)
    expect(lzwDecompress(Uint8Array.from([0xff, 0x80]))).toBeNull();
  });

  it("refuses output past maxLength", () => {
    expect(lzwDecompress(lzwCompress(enc("x".repeat(1000))), undefined, 100)).toBeNull();
  });
});
