/**
 * LZW over bytes with variable-width codes (9…16 bits) and an optional preset: the
 * dictionary is first trained on `preset` (without emitting anything), so short texts
 * that reuse its words — JSON keys — compress from the first byte. Encoder and decoder
 * must use the same preset. Pure TS; small and fast for the few-KB payloads of permalinks.
 */

const MAX_CODES = 1 << 16;

/** Width of code number k for a dictionary that starts at `d0` entries. */
function widthFor(d0: number, k: number): number {
  const maxCode = Math.min(d0 + k, MAX_CODES - 1);
  return 32 - Math.clz32(maxCode);
}

interface Dict {
  /** (prefix code × 256 + byte) → code */
  readonly map: Map<number, number>;
  readonly prefix: number[];
  readonly last: number[];
}

function baseDict(): Dict {
  const prefix: number[] = [];
  const last: number[] = [];
  for (let i = 0; i < 256; i++) {
    prefix.push(-1);
    last.push(i);
  }
  return { map: new Map(), prefix, last };
}

function add(d: Dict, w: number, c: number): void {
  if (d.prefix.length >= MAX_CODES) return;
  d.map.set(w * 256 + c, d.prefix.length);
  d.prefix.push(w);
  d.last.push(c);
}

/** Trained dictionaries by preset array (presets are module constants, so identity works). */
const trained = new WeakMap<Uint8Array, Dict>();

function presetDict(preset: Uint8Array): Dict {
  const cached = trained.get(preset);
  if (cached) return cached;
  const d = baseDict();
  let w = -1;
  for (const c of preset) {
    if (w < 0) {
      w = c;
      continue;
    }
    const hit = d.map.get(w * 256 + c);
    if (hit !== undefined) w = hit;
    else {
      add(d, w, c);
      w = c;
    }
  }
  trained.set(preset, d);
  return d;
}

function clone(d: Dict): Dict {
  return { map: new Map(d.map), prefix: [...d.prefix], last: [...d.last] };
}

const NO_PRESET = new Uint8Array();

export function lzwCompress(data: Uint8Array, preset: Uint8Array = NO_PRESET): Uint8Array {
  const d = clone(presetDict(preset));
  const d0 = d.prefix.length;
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  let k = 0;
  const emit = (code: number) => {
    const width = widthFor(d0, k++);
    acc = acc * 2 ** width + code;
    bits += width;
    while (bits >= 8) {
      bits -= 8;
      const div = 2 ** bits;
      out.push(Math.floor(acc / div) & 0xff);
      acc %= div;
    }
  };
  let w = -1;
  for (const c of data) {
    if (w < 0) {
      w = c;
      continue;
    }
    const hit = d.map.get(w * 256 + c);
    if (hit !== undefined) w = hit;
    else {
      emit(w);
      add(d, w, c);
      w = c;
    }
  }
  if (w >= 0) emit(w);
  if (bits > 0) out.push((acc * 2 ** (8 - bits)) & 0xff);
  return Uint8Array.from(out);
}

/** Inverse of lzwCompress; null on a code that cannot occur (corrupted input) or output over `maxLength`. */
export function lzwDecompress(
  packed: Uint8Array,
  preset: Uint8Array = NO_PRESET,
  maxLength = 1 << 20,
): Uint8Array | null {
  const d = clone(presetDict(preset));
  const d0 = d.prefix.length;
  const out: number[] = [];
  const spell = (code: number): number[] => {
    const s: number[] = [];
    for (let c = code; c >= 0; c = d.prefix[c]!) s.push(d.last[c]!);
    return s.reverse();
  };
  let pos = 0;
  let acc = 0;
  let bits = 0;
  let prev: number[] | null = null;
  let prevCode = -1;
  for (let k = 0; ; k++) {
    const width = widthFor(d0, k);
    while (bits < width && pos < packed.length) {
      acc = acc * 256 + packed[pos++]!;
      bits += 8;
    }
    if (bits < width) break; // the rest is padding
    const div = 2 ** (bits - width);
    const code = Math.floor(acc / div);
    acc %= div;
    bits -= width;
    let entry: number[];
    if (code < d.prefix.length) entry = spell(code);
    else if (prev && code === d.prefix.length) entry = [...prev, prev[0]!];
    else return null;
    if (prev) add(d, prevCode, entry[0]!);
    for (const b of entry) out.push(b);
    if (out.length > maxLength) return null;
    prev = entry;
    prevCode = code;
  }
  if (acc !== 0) return null; // padding must be zero bits
  return Uint8Array.from(out);
}
