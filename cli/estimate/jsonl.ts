/**
 * `atlas estimate --jsonl`: one request JSON per line in, one result JSON per line out, same order, each with the
 * request's `id`. A bad line answers {"id":…,"error":"…"} and the rest go on. Built for throughput: stdin is read
 * in chunks and split by hand, output is batched into ~64 KB writes that respect back-pressure.
 */
import { readFileSync } from "node:fs";
import { runEstimate } from "../../lib/run-estimate";
import { writeAndDrain, type CliIo } from "../io";

const FLUSH_AT = 64 * 1024;

/** The id of a line that is not valid JSON, when one can still be seen in it. */
function sniffId(line: string): string | number | null {
  const m = /"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(line);
  if (!m) return null;
  try {
    return JSON.parse(m[1]!) as string | number;
  } catch {
    return null;
  }
}

function errorLine(id: unknown, error: string, errors?: readonly { field: string; message: string }[]): string {
  return JSON.stringify(errors ? { id: id ?? null, error, errors } : { id: id ?? null, error });
}

export interface JsonlStats {
  lines: number;
  errors: number;
}

/**
 * Answers one line (no trailing newline). `defaults` (from flags) fill fields the line leaves out.
 */
export function answerLine(line: string, defaults: Record<string, unknown>, explain: boolean, readHfConfig: (p: string) => unknown): { text: string; ok: boolean } {
  let req: unknown;
  try {
    req = JSON.parse(line);
  } catch (e) {
    return { text: errorLine(sniffId(line), `malformed JSON: ${e instanceof Error ? e.message : String(e)}`), ok: false };
  }
  if (typeof req !== "object" || req === null || Array.isArray(req)) {
    return { text: errorLine(null, "each line must be a JSON object (one estimate request)"), ok: false };
  }
  const id = (req as { id?: unknown }).id;
  const merged = defaults === EMPTY ? req : { ...defaults, ...req };
  const r = runEstimate(merged, { explain, readHfConfig });
  if (!r.ok) {
    return { text: errorLine(id, r.errors.map((e) => `${e.field}: ${e.message}`).join("; "), r.errors), ok: false };
  }
  // Splice the id in front of the result's own JSON rather than copying the object (hot path).
  const rest = JSON.stringify(r.result);
  return { text: `{"id":${r.input.id === undefined ? "null" : JSON.stringify(r.input.id)},${rest.slice(1)}`, ok: true };
}

const EMPTY: Record<string, unknown> = {};

export async function runJsonl(io: CliIo, defaults: Record<string, unknown>, explain: boolean): Promise<JsonlStats> {
  const configs = new Map<string, unknown>();
  const readHfConfig = (p: string) => {
    if (!configs.has(p)) configs.set(p, JSON.parse(readFileSync(p, "utf8")));
    return configs.get(p);
  };
  const base = Object.keys(defaults).length === 0 ? EMPTY : defaults;
  const stats: JsonlStats = { lines: 0, errors: 0 };
  let pending = "";
  let out = "";

  const handle = (raw: string) => {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line.trim() === "") return;
    stats.lines++;
    const a = answerLine(line, base, explain, readHfConfig);
    if (!a.ok) stats.errors++;
    out += a.text + "\n";
  };

  for await (const chunk of io.stdin as AsyncIterable<string | Buffer>) {
    const text = pending + (typeof chunk === "string" ? chunk : chunk.toString("utf8"));
    let start = 0;
    for (let nl = text.indexOf("\n", start); nl !== -1; nl = text.indexOf("\n", start)) {
      handle(text.slice(start, nl));
      start = nl + 1;
      if (out.length >= FLUSH_AT) {
        await writeAndDrain(io.stdout, out);
        out = "";
      }
    }
    pending = text.slice(start);
  }
  if (pending.length > 0) handle(pending.charCodeAt(0) === 0xfeff ? pending.slice(1) : pending);
  if (out.length > 0) await writeAndDrain(io.stdout, out);
  return stats;
}
