import { gunzipSync, gzipSync } from "node:zlib";

/**
 * How large JSON is kept in a text column. A plan result is ~0.5 MB of JSON (options with
 * their derivations, Pareto samples) that gzip shrinks ~8×; results over 4 KiB are stored as
 * "gz:" + base64(gzip(json)). JSON never starts with "gz:", so older plain rows still read
 * back unchanged. Callers only ever see the JSON text.
 */
const PREFIX = "gz:";
const MIN_BYTES = 4096;

export function packJson(json: string): string {
  if (json.length < MIN_BYTES) return json;
  return PREFIX + gzipSync(Buffer.from(json, "utf8"), { level: 6 }).toString("base64");
}

export function unpackJson(stored: string): string {
  if (!stored.startsWith(PREFIX)) return stored;
  return gunzipSync(Buffer.from(stored.slice(PREFIX.length), "base64")).toString("utf8");
}
