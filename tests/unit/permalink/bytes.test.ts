import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crc32, fromBase64Url, readVarint, toBase64Url, writeVarint } from "../../../lib/plan/bytes";

const enc = (s: string) => new TextEncoder().encode(s);

describe("base64url", () => {
  it("matches RFC 4648 test vectors (padding dropped, url alphabet)", () => {
    // RFC 4648 §10: "f"→"Zg==", "fo"→"Zm8=", "foo"→"Zm9v", "foob"→"Zm9vYg==", "fooba"→"Zm9vYmE=", "foobar"→"Zm9vYmFy"
    expect(["", "f", "fo", "foo", "foob", "fooba", "foobar"].map((s) => toBase64Url(enc(s)))).toEqual([
      "",
      "Zg",
      "Zm8",
      "Zm9v",
      "Zm9vYg",
      "Zm9vYmE",
      "Zm9vYmFy",
    ]);
    // 0xFB 0xFF → standard "+/8=" → url-safe "-_8"
    expect(toBase64Url(Uint8Array.from([0xfb, 0xff]))).toBe("-_8");
  });
  it("round-trips any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
        expect(fromBase64Url(toBase64Url(b))).toEqual(b);
      }),
    );
  });
  it("rejects characters outside the alphabet and impossible lengths", () => {
    expect(fromBase64Url("Zm9v+")).toBeNull();
    expect(fromBase64Url("Zm9v=")).toBeNull();
    expect(fromBase64Url("Zm9vY")).toBeNull(); // 5 = 4k+1 chars cannot come from whole bytes
  });
});

describe("crc32", () => {
  it("gives the standard check value", () => {
    // CRC-32/ISO-HDLC check value for "123456789" is 0xCBF43926 (zlib, PNG)
    expect(crc32(enc("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });
});

describe("varint", () => {
  it("encodes LEB128: 300 → AC 02", () => {
    // 300 = 0b1_0010_1100 → low 7 bits 0101100 | 0x80 = 0xAC, then 0b10 = 0x02
    const out: number[] = [];
    writeVarint(300, out);
    expect(out).toEqual([0xac, 0x02]);
    expect(readVarint(Uint8Array.from(out), 0)).toEqual({ value: 300, next: 2 });
  });
  it("round-trips and refuses a varint cut short", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (n) => {
        const out: number[] = [];
        writeVarint(n, out);
        expect(readVarint(Uint8Array.from(out), 0)?.value).toBe(n);
      }),
    );
    expect(readVarint(Uint8Array.from([0x80, 0x80]), 0)).toBeNull();
  });
});
