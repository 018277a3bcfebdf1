/**
 * POST /api/estimate — body: one estimate request (lib/plan/estimate-input.ts; `hfConfigJson` for a pasted
 * config.json; `hfConfig`, a server path, is refused). 200: the EstimateResult (+ the request's `id`).
 * `?explain=1` (or `"explain": true` in the body) adds `derivations`. 400: { errors: [{ field, message }] };
 * 413: body over 256 KiB; never 500.
 */
import { estimateResponse, runEstimate } from "@/lib/run-estimate";

export const dynamic = "force-dynamic";

/** Largest accepted body. A pasted config.json is a few kB; 256 KiB leaves room without inviting abuse. */
const ESTIMATE_BODY_LIMIT_BYTES = 256 * 1024;

const json = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });

const tooLarge = () =>
  json({ errors: [{ field: "request", message: `the request body is over ${ESTIMATE_BODY_LIMIT_BYTES / 1024} KiB` }] }, 413);

/** Reads the body, stopping as soon as it passes the limit (Content-Length may be absent or wrong). */
async function readLimited(req: Request): Promise<string | null> {
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > ESTIMATE_BODY_LIMIT_BYTES) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function POST(req: Request): Promise<Response> {
  try {
    const declared = Number(req.headers.get("content-length") ?? "0");
    if (declared > ESTIMATE_BODY_LIMIT_BYTES) return tooLarge();
    const text = await readLimited(req);
    if (text === null) return tooLarge();
    if (text.trim() === "") return json({ errors: [{ field: "request", message: "the request body is empty; send a JSON object" }] }, 400);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (e) {
      return json({ errors: [{ field: "request", message: `malformed JSON: ${e instanceof Error ? e.message : String(e)}` }] }, 400);
    }
    const q = new URL(req.url).searchParams.get("explain");
    const inBody = typeof body === "object" && body !== null && (body as { explain?: unknown }).explain === true;
    const explain = inBody || (q !== null && q !== "0" && q !== "false");
    // No readHfConfig: a file path on the server is never read for a web request.
    const r = runEstimate(body, { explain });
    return r.ok ? json(estimateResponse(r), 200) : json({ errors: r.errors }, 400);
  } catch (e) {
    return json({ errors: [{ field: "request", message: e instanceof Error ? e.message : "the request could not be read" }] }, 400);
  }
}
