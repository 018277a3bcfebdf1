/**
 * HTTP plumbing for the plan routes: a size-limited JSON body reader and the error
 * shapes. Every failure is a 4xx with `{ error, errors: [{ field, message }] }`; routes
 * wrap their work in `guard` so nothing escapes as a 500 with a stack.
 */
import { PLANNER_RETRY_AFTER_S } from "../_server/plan-pool";
import { isPoolOverload } from "../_server/worker-pool";

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** 64 KiB: a plan input with a pasted config.json is a few KiB; titles and notes are capped far below. */
export const MAX_BODY_BYTES = 64 * 1024;

const NO_STORE = { "cache-control": "no-store" };

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

export function errorResponse(status: number, error: string, errors: readonly FieldError[] = []): Response {
  return json({ error, errors }, status);
}

export type BodyResult = { ok: true; value: unknown } | { ok: false; response: Response };

/**
 * Reads a JSON body of at most `limit` bytes without buffering more than that: a
 * Content-Length over the limit is refused before reading, and a streamed body is cut
 * off as soon as it passes the limit. 415 unless the body is declared application/json
 * (which also keeps cross-site HTML forms from posting here).
 */
export async function readJsonBody(req: Request, limit = MAX_BODY_BYTES): Promise<BodyResult> {
  const tooLarge = (): BodyResult => ({
    ok: false,
    response: errorResponse(413, `request body is larger than ${limit} bytes`, [
      { field: "(body)", message: `must be at most ${limit} bytes` },
    ]),
  });
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type.trim())) {
    return {
      ok: false,
      response: errorResponse(415, "send the body as JSON with Content-Type: application/json", [
        { field: "(body)", message: "Content-Type must be application/json" },
      ]),
    };
  }
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) return tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        return tooLarge();
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, response: errorResponse(400, "body is not valid UTF-8", [{ field: "(body)", message: "must be UTF-8 JSON" }]) };
  }
  if (text.trim() === "") {
    return { ok: false, response: errorResponse(400, "request body is empty", [{ field: "(body)", message: "a JSON object is required" }]) };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const why = e instanceof SyntaxError ? e.message : "malformed JSON";
    return { ok: false, response: errorResponse(400, "malformed JSON", [{ field: "(body)", message: why }]) };
  }
}

/** zod issues → field errors ("input.traffic.peakRps"). */
export function zodFieldErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  prefix = "",
): FieldError[] {
  return issues.map((i) => {
    const p = i.path.map(String).join(".");
    return { field: [prefix, p].filter(Boolean).join(".") || "(body)", message: i.message };
  });
}

/** Runs a handler; an unexpected throw becomes a 503 that says "try again", logged, never a 500 page. */
export async function guard(what: string, fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (e) {
    if (isPoolOverload(e)) {
      return json({ error: `${what} failed: ${e.message}`, errors: [{ field: "(plan)", message: e.message }] }, 503, { "retry-after": String(PLANNER_RETRY_AFTER_S) });
    }
    console.error(`[atlas] ${what} failed:`, e);
    return errorResponse(503, `${what} failed on the server; please try again`);
  }
}
