/**
 * Answers to `POST /api/plan`, kept per plan input (the last PLAN_CACHE_MAX). The planner is pure and the catalog is
 * code, so within one server process the same input always gives the same answer: a shared /plan link that many
 * people open (each page load runs its plan) costs one search, and identical requests arriving together share it.
 * The key is the validated input in canonical JSON, so two spellings of one plan (key order, defaults left out) hit
 * the same entry. Only answers are kept; a refused or failed search is not.
 *
 * A search still queued when every client that asked for it has gone (each request's signal aborts when its client
 * disconnects, e.g. on the plan page's Stop or a newer search) is dropped before it starts, so abandoned plans do not
 * hold up the ones people still wait for. A search already running goes on and is kept while no other plan waits
 * (asking again is then quick), and yields its thread as soon as one does.
 */
import { canonicalJson } from "@/lib/plan/permalink-codec";
import type { PlanInput } from "@/lib/plan/schema";
import type { PlanAnswer } from "./plan-jobs";
import { runPlanJob } from "./plan-pool";
import { promiseMemo, type PromiseMemo } from "./promise-memo";
import { isPoolCancelled } from "./worker-pool";

export const PLAN_CACHE_MAX = 16;

const KEY = Symbol.for("atlas.planAnswers");
const g = globalThis as typeof globalThis & { [KEY]?: PromiseMemo<PlanAnswer> };

/**
 * `input`: the request validated on this thread (the key); `raw`: the body as sent, which the worker validates again;
 * `signal`: the request's, aborted when its client leaves. Rejects with PoolCancelledError when every client waiting
 * for the search had left and it was dropped unstarted or stopped for another plan.
 */
export function planAnswer(input: PlanInput, raw: unknown, signal?: AbortSignal): Promise<PlanAnswer> {
  g[KEY] ??= promiseMemo<PlanAnswer>(PLAN_CACHE_MAX, (a) => a.status === 200, isPoolCancelled);
  return g[KEY].get(canonicalJson(input), (interest) => runPlanJob({ kind: "request", raw }, interest), signal);
}

/** Tests: forget every kept answer. */
export function clearPlanAnswers(): void {
  g[KEY]?.clear();
}
