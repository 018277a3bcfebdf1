/**
 * LZ77 over bytes with a preset dictionary (zlib's idea): the preset is history the
 * data may copy from, so a plan close to the default plan shrinks to a few bytes.
 * Pure TS, greedy longest match; sized for permalink payloads (a few KB).
 *
 * Tokens, each starting with a LEB128 varint v:
 *   v even → literal run of (v >> 1) + 1 bytes, which follow;
 *   v odd  → copy (v >> 1) + MIN_MATCH bytes from `distance` back (a varint that follows);
 *            the copy may overlap its own output (run-length style).
 */
import { readVarint, writeVarint } from "./bytes";

const MIN_MATCH = 4;
const NO_PRESET = new Uint8Array();

const key3 = (b: Uint8Array, i: number) => (b[i]! << 16) | (b[i + 1]! << 8) | b[i + 2]!;

export function lzCompress(data: Uint8Array, preset: Uint8Array = NO_PRESET): Uint8Array {
  const buf = new Uint8Array(preset.length + data.length);
  buf.set(preset, 0);
  buf.set(data, preset.length);
  const chains = new Map<number, number[]>();
  const index = (i: number) => {
    if (i + 2 >= buf.length) return;
    const k = key3(buf, i);
    const c = chains.get(k);
    if (c) c.push(i);
    else chains.set(k, [i]);
  };
  for (let i = 0; i < preset.length; i++) index(i);

  const out: number[] = [];
  let lit = preset.length;
  const flush = (end: number) => {
    for (let s = lit; s < end; ) {
      const n = Math.min(end - s, 1 << 16);
      writeVarint((n - 1) * 2, out);
      for (let j = s; j < s + n; j++) out.push(buf[j]!);
      s += n;
    }
  };
  let i = preset.length;
  while (i < buf.length) {
    let bestLen = 0;
    let bestDist = 0;
    if (i + 2 < buf.length) {
      const cands = chains.get(key3(buf, i)) ?? [];
      // newest first: equal lengths prefer the shorter distance
      for (let c = cands.length - 1; c >= 0; c--) {
        const p = cands[c]!;
        let l = 0;
        while (i + l < buf.length && buf[p + l] === buf[i + l]) l++;
        if (l > bestLen) {
          bestLen = l;
          bestDist = i - p;
        }
      }
    }
    if (bestLen >= MIN_MATCH) {
      flush(i);
      writeVarint((bestLen - MIN_MATCH) * 2 + 1, out);
      writeVarint(bestDist, out);
      for (let j = i; j < i + bestLen; j++) index(j);
      i += bestLen;
      lit = i;
    } else {
      index(i);
      i++;
    }
  }
  flush(buf.length);
  return Uint8Array.from(out);
}

/** Inverse of lzCompress; null on a token that cannot be right (corrupted) or output over `maxLength`. */
export function lzDecompress(packed: Uint8Array, preset: Uint8Array = NO_PRESET, maxLength = 1 << 20): Uint8Array | null {
  const out: number[] = Array.from(preset);
  const limit = preset.length + maxLength;
  let pos = 0;
  while (pos < packed.length) {
    const t = readVarint(packed, pos);
    if (!t) return null;
    pos = t.next;
    if (t.value % 2 === 0) {
      const n = t.value / 2 + 1;
      if (pos + n > packed.length || out.length + n > limit) return null;
      for (let j = 0; j < n; j++) out.push(packed[pos + j]!);
      pos += n;
    } else {
      const n = (t.value - 1) / 2 + MIN_MATCH;
      const d = readVarint(packed, pos);
      if (!d || d.value < 1 || d.value > out.length || out.length + n > limit) return null;
      pos = d.next;
      const from = out.length - d.value;
      for (let j = 0; j < n; j++) out.push(out[from + j]!);
    }
  }
  return Uint8Array.from(out.slice(preset.length));
}
