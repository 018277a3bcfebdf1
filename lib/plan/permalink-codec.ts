/**
 * The permalink wire format, independent of what it carries:
 *
 *   token  = "v1." base64url(header ‖ packed)
 *   header = varint(rawLength) ‖ varint(packedLength) ‖ crc32(raw) (4 bytes, big-endian)
 *   packed = LZ77(raw) with the v1 preset dictionary (lib/plan/lz.ts)
 *   raw    = UTF-8 of canonical JSON [schemaVersion, value] (object keys sorted)
 *
 * The lengths tell a truncated link (fewer bytes than announced) from a tampered one
 * (right length, wrong checksum). Decoding never throws anything but PermalinkError.
 */
import { crc32, fromBase64Url, readVarint, toBase64Url, writeVarint } from "./bytes";
import { lzCompress, lzDecompress } from "./lz";

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
 * History the v1 payload may copy from (an LZ77 preset dictionary): the default plan
 * (schema v1, canonical JSON), then the other keys and common values. The default plan
 * encodes to ~18 characters, a typical edited plan to ~100. Part of the v1 format — a
 * fixed literal, not derived from the schema: changing it breaks existing v1 links
 * (make a v2 instead).
 */
const DEFAULTS_V1 =
  '[1,{"budget":{"engines":["vllm","sglang","trtllm"],"gpus":[],"headroomPct":20,"kvPrecisions":["bf16","fp8"],"p' +
  'recisions":["bf16","fp8"],"pricingTerm":"on-demand","providers":[],"redundancy":"n+1"},"slo":{"preset":"chat",' +
  '"tpotP95Ms":50,"ttftP50Ms":400,"ttftP95Ms":1000},"traffic":{"dailyActiveUsers":50000,"mode":"users","monthlyGr' +
  'owthPct":0,"peakToAverage":3,"requestsPerUserPerDay":10},"workload":{"inputTokens":1000,"inputTokensP95":3000,' +
  '"model":"llama-3.1-70b","outputTokens":300,"outputTokensP95":800,"prefixCacheHitRate":0,"systemPromptTokens":0' +
  '}}]';
const EXTRAS_V1 =
  '[1,{"budget":{"engines":["sglang","trtllm","vllm"],"gpus":["h100-sxm","h200-sxm","b200","a100-80gb","l40s","mi' +
  '300x","gb200","h100-nvl"],"headroomPct":0,"kvPrecisions":["fp8","int8","fp4"],"maxUsdPerMillionTokens":1,"maxU' +
  'sdPerMonth":100000,"precisions":["fp8","int4","fp4"],"pricingTerm":"1yr","3yr","spot","providers":["aws","gcp"' +
  ',"azure","coreweave","lambda","runpod"],"redundancy":"none"},"slo":{"e2eP95Ms":10000,"minTokensPerSecondPerUse' +
  'r":20,"preset":"coding-agent","rag","batch","custom","tpotP95Ms":30,"ttftP50Ms":200,"ttftP95Ms":500},"traffic"' +
  ':{"mode":"peak","monthlyGrowthPct":10,"peakRequestsPerSecond":100,"peakToAverage":2},"workload":{"hfConfigJson' +
  '":{"architectures":["LlamaForCausalLM"],"hidden_size":4096,"intermediate_size":14336,"num_attention_heads":32,' +
  '"num_hidden_layers":32,"num_key_value_heads":8,"vocab_size":128256},"inputTokens":2000,"model":"llama-3.1-8b",' +
  '"qwen3-32b","deepseek-v3","gpt-oss-120b","outputTokens":500,"prefixCacheHitRate":0.5,"systemPromptTokens":500}' +
  '}]';
const PRESET_V1_TEXT = DEFAULTS_V1 + EXTRAS_V1;
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
  const packed = lzCompress(raw, PRESET_V1);
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
  const raw = lzDecompress(bytes.subarray(start), PRESET_V1, rawLen.value);
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
