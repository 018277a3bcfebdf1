/**
 * Edge glue for the planner, shared by `POST /api/plan` and `atlas plan` so both return what the page shows:
 * body text → JSON → plan schema → runPlan → confidence badges on the shown options. Never throws: bad input is a
 * 400 with field errors, an oversized body a 413, an unknown candidate id a 404, and anything unexpected a 422
 * with the message (never a 500).
 */
import { parsePlanInput, type PlanFieldError, type PlanInput } from "./plan/schema";
import { explainCandidate, runPlan, SearchStopped, type Candidate, type PlanResult } from "./search";
import { confidenceFor } from "./validation";
import { modelOf } from "./search/spec";

/** Largest request body accepted (a pasted config.json is a few kB). */
export const PLAN_BODY_LIMIT_BYTES = 256 * 1024;

export type PlanOutcome =
  | { readonly ok: true; readonly status: 200; readonly input: PlanInput; readonly result: PlanResult }
  | { readonly ok: false; readonly status: 400 | 404 | 413 | 422; readonly errors: readonly PlanFieldError[] };

export type ExplainOutcome =
  | { readonly ok: true; readonly status: 200; readonly candidate: Candidate }
  | { readonly ok: false; readonly status: 400 | 404 | 413 | 422; readonly errors: readonly PlanFieldError[] };

/** Body text → JSON value, or the error to send back. */
export function parsePlanBody(text: string): { ok: true; value: unknown } | { ok: false; status: 400 | 413; errors: PlanFieldError[] } {
  if (new TextEncoder().encode(text).length > PLAN_BODY_LIMIT_BYTES) {
    return { ok: false, status: 413, errors: [{ field: "(body)", message: `the request body is over ${PLAN_BODY_LIMIT_BYTES / 1024} KiB` }] };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, errors: [{ field: "(body)", message: "the request body is not valid JSON" }] };
  }
}

function withConfidence(c: Candidate, input: PlanInput): Candidate {
  try {
    const model = modelOf(input);
    const confidence = confidenceFor({
      model,
      gpu: c.gpuId,
      engine: c.engine,
      input: { isl: input.workload.inputTokens, osl: input.workload.outputTokens, concurrency: c.concurrency },
      ...(c.mtpDraftTokens > 0 ? { mtpDraftTokens: c.mtpDraftTokens } : {}),
      ...(c.pp > 1 ? { pp: c.pp } : {}),
    });
    return { ...c, confidence };
  } catch {
    return c;
  }
}

/** The options, near misses and best with their confidence badges. */
export function attachConfidence(result: PlanResult, input: PlanInput): PlanResult {
  const options = result.options.map((c) => withConfidence(c, input));
  return {
    ...result,
    options,
    best: options[0] ?? null,
    nearMisses: result.nearMisses.map((c) => withConfidence(c, input)),
    alternatives: result.alternatives.map((c) => withConfidence(c, input)),
  };
}

function unexpected(e: unknown): { ok: false; status: 422; errors: PlanFieldError[] } {
  return { ok: false, status: 422, errors: [{ field: "(plan)", message: `the plan could not be computed: ${e instanceof Error ? e.message : String(e)}` }] };
}

/**
 * A raw (parsed JSON) plan input → the result, or field errors. `shouldStop` (the server's planner threads: nobody
 * waits for this answer and another plan does) makes it throw SearchStopped, which is passed on, not answered.
 */
export function runPlanRequest(raw: unknown, opts: { shouldStop?: () => boolean } = {}): PlanOutcome {
  const parsed = parsePlanInput(raw);
  if (!parsed.ok) return { ok: false, status: 400, errors: parsed.errors };
  try {
    return { ok: true, status: 200, input: parsed.input, result: attachConfidence(runPlan(parsed.input, { shouldStop: opts.shouldStop }), parsed.input) };
  } catch (e) {
    if (e instanceof SearchStopped) throw e;
    return unexpected(e);
  }
}

/** One candidate in full by id (a chart point the ranked options do not include). */
export function explainPlanCandidate(raw: unknown, id: string): ExplainOutcome {
  const parsed = parsePlanInput(raw);
  if (!parsed.ok) return { ok: false, status: 400, errors: parsed.errors };
  try {
    const c = explainCandidate(parsed.input, id);
    if (!c) return { ok: false, status: 404, errors: [{ field: "explain", message: `no candidate "${id}" under this input` }] };
    return { ok: true, status: 200, candidate: withConfidence(c, parsed.input) };
  } catch (e) {
    return unexpected(e);
  }
}
