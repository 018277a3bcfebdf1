import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lzCompress, lzDecompress } from "../../../lib/plan/lz";

const enc = (s: string) => new TextEncoder().encode(s);

describe("lz (LZ77 with a preset)", () => {
  it("round-trips arbitrary bytes, with and without a preset", () => {
    const preset = enc('{"model":"llama-3.1-70b","gpu":"h100-sxm"}');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (b) => {
        expect(lzDecompress(lzCompress(b))).toEqual(b);
        expect(lzDecompress(lzCompress(b, preset), preset)).toEqual(b);
      }),
      { numRuns: 200 },
    );
  });

  it("round-trips repetitive text (overlapping copies) and long literal runs", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.integer({ min: 1, max: 300 }), (s, n) => {
        const b = enc(s.repeat(n));
        expect(lzDecompress(lzCompress(b))).toEqual(b);
      }),
    );
    // 70,000 distinct-ish bytes: literal runs longer than one 65,536-byte token
    let x = 7;
    const noise = new Uint8Array(70_000).map(() => ((x = (x * 1103515245 + 12345) >>> 0), x >>> 24));
    expect(lzDecompress(lzCompress(noise))).toEqual(noise);
  });

  it("data equal to the preset costs a few bytes", () => {
    const preset = enc('{"allowedGpus":["h100-sxm","h200-sxm"],"model":"llama-3.1-70b"}');
    // 63 bytes; one copy token: varint((63 − 4) × 2 + 1 = 119) + varint(distance 63) = 2 bytes
    expect(lzCompress(preset, preset)).toEqual(Uint8Array.from([119, 63]));
  });

  it("refuses copies from before the start, runaway output and cut tokens", () => {
    expect(lzDecompress(Uint8Array.from([1, 5]))).toBeNull(); // copy 4 bytes from 5 back of nothing
    expect(lzDecompress(Uint8Array.from([0]))).toBeNull(); // a 1-byte literal run with no byte
    expect(lzDecompress(lzCompress(enc("x".repeat(1000))), undefined, 100)).toBeNull();
  });
});
