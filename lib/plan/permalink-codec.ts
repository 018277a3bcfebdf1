/**
 * The permalink wire format, independent of what it carries:
 *
 *   token  = "v1." base64url(header ‖ packed)
 *   header = varint(rawLength) ‖ varint(packedLength) ‖ crc32(raw) (4 bytes, big-endian)
 *   packed = LZW(raw) with the v1 preset dictionary
 *   raw    = UTF-8 of canonical JSON [schemaVersion, value] (object keys sorted)
 *
 * The lengths tell a truncated link (fewer bytes than announced) from a tampered one
 * (right length, wrong checksum). Decoding never throws anything but PermalinkError.
 */
import { crc32, fromBase64Url, readVarint, toBase64Url, writeVarint } from "./bytes";
import { lzwCompress, lzwDecompress } from "./lzw";

export const PERMALINK_FORMAT_VERSION = 1;
/** Links longer than this are refused before any work (URLs past ~8 KB break in proxies anyway). */
export const PERMALINK_MAX_CHARS = 16_384;
const MAX_RAW_BYTES = 1 << 18;

export type PermalinkErrorCode = "empty" | "format" | "version" | "truncated" | "corrupted" | "schema";

/** Why a link cannot be opened, in words for the page, plus field errors when the schema rejects it. */
export class PermalinkError extends Error {
  constructor(
    readonly code: PermalinkErrorCode,
    message: string,
    readonly issues: readonly { field: string; message: string }[] = [],
  ) {
    super(message);
    this.name = "PermalinkError";
  }
}

/**
 * Words that plan inputs repeat, trained into the LZW dictionary before a v1 payload.
 * Part of the v1 format: changing it breaks existing v1 links (make a v2 instead).
 */
const PRESET_V1_TEXT =
  '[1,{"allowedGpus":["a100-80gb","h100-sxm","h200-sxm","b200","l40s","mi300x"],"budget":{"maxUsdPerMonth":null,' +
  '"maxUsdPerMillionTokens":null},"constraints":{"engines":["vllm","sglang","trtllm"],"headroom":0.2,"precisions":' +
  '["bf16","fp8","int4","fp4"],"providers":[],"redundancy":"n+1","term":"on-demand"},"model":"llama-3.1-70b","slo":' +
  '{"e2eP95Ms":null,"preset":"chat","tpotP95Ms":50,"ttftP50Ms":200,"ttftP95Ms":500,"minTokensPerSecondPerUser":null},' +
  '"traffic":{"dailyActiveUsers":50000,"mode":"dau","monthlyGrowth":0,"peakRps":null,"peakToAverage":3,' +
  '"requestsPerUserPerDay":10},"workload":{"inputTokens":{"mean":1024,"p95":4096},"outputTokens":{"mean":256,' +
  '"p95":1024},"prefixCacheHitRate":0,"systemPromptTokens":0},"hfConfigJson":null,"kv":"fp8","weights":"fp8","true","false"}]';
const PRESET_V1 = new TextEncoder().encode(PRESET_V1_TEXT);

/** JSON with object keys sorted, so equal values give equal links. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
    }
    return v;
  });
}

export function encodePayload(value: unknown, schemaVersion: string | number): string {
  const raw = new TextEncoder().encode(canonicalJson([schemaVersion, value]));
  const packed = lzwCompress(raw, PRESET_V1);
  const header: number[] = [];
  writeVarint(raw.length, header);
  writeVarint(packed.length, header);
  const crc = crc32(raw);
  header.push((crc >>> 24) & 0xff, (crc >>> 16) & 0xff, (crc >>> 8) & 0xff, crc & 0xff);
  const bytes = new Uint8Array(header.length + packed.length);
  bytes.set(header, 0);
  bytes.set(packed, header.length);
  return `v${PERMALINK_FORMAT_VERSION}.${toBase64Url(bytes)}`;
}

const DAMAGED = "This link is damaged: it was changed or mistyped after it was made, so Atlas cannot trust what it says.";
const CUT = "This link is incomplete: it looks cut short (perhaps by an e-mail or chat client). Copy the whole link and try again.";

/** Token → [schemaVersion, value]. Throws PermalinkError with code empty | format | version | truncated | corrupted. */
export function decodePayload(token: string): { schemaVersion: unknown; value: unknown } {
  const t = token.trim();
  if (t === "") throw new PermalinkError("empty", "This link carries no plan.");
  if (t.length > PERMALINK_MAX_CHARS) {
    throw new PermalinkError("format", `This link is too long to be an Atlas plan link (over ${PERMALINK_MAX_CHARS} characters).`);
  }
  const m = /^v(\d{1,4})\.([A-Za-z0-9_-]*)$/.exec(t);
  if (!m) throw new PermalinkError("format", "This is not an Atlas plan link (it should start with v1. followed by letters and digits).");
  const version = Number(m[1]);
  if (version !== PERMALINK_FORMAT_VERSION) {
    const when = version < PERMALINK_FORMAT_VERSION ? "an older" : "a newer";
    throw new PermalinkError(
      "version",
      `This link was made by ${when} version of Atlas (link format v${version}); this version reads v${PERMALINK_FORMAT_VERSION} links.`,
    );
  }
  const bytes = fromBase64Url(m[2]!);
  if (!bytes) throw new PermalinkError("truncated", CUT);
  const rawLen = readVarint(bytes, 0);
  const packedLen = rawLen && readVarint(bytes, rawLen.next);
  if (!rawLen || !packedLen || bytes.length < packedLen.next + 4) throw new PermalinkError("truncated", CUT);
  const start = packedLen.next + 4;
  if (bytes.length < start + packedLen.value) throw new PermalinkError("truncated", CUT);
  if (bytes.length > start + packedLen.value || rawLen.value > MAX_RAW_BYTES) throw new PermalinkError("corrupted", DAMAGED);
  const at = packedLen.next;
  const crc = ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
  const raw = lzwDecompress(bytes.subarray(start), PRESET_V1, rawLen.value);
  if (!raw || raw.length !== rawLen.value || crc32(raw) !== crc) throw new PermalinkError("corrupted", DAMAGED);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(raw));
  } catch {
    throw new PermalinkError("corrupted", DAMAGED);
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw new PermalinkError("corrupted", DAMAGED);
  return { schemaVersion: parsed[0], value: parsed[1] };
}
