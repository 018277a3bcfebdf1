/**
 * When the planner answers 503 (every thread busy and the queue full, or a search past its time limit; see
 * app/_server/plan-pool.ts), the plan page asks again by itself after the server's Retry-After, a few times, before it
 * gives the user the error. These helpers are the page's policy, kept apart from React so they can be tested.
 */

/** Attempts in all (the first and two retries) before a 503 is shown as an error. */
export const PLAN_MAX_TRIES = 3;

const DEFAULT_S = 5;
const MIN_S = 1;
const MAX_S = 30;

/**
 * Seconds to wait from a Retry-After header: delta-seconds or an HTTP date (RFC 9110 §10.2.3), kept within 1–30 s so a
 * page neither hammers the server nor waits for minutes; 5 s when the header is missing or unreadable.
 */
export function retryAfterSeconds(header: string | null, nowMs: number = Date.now()): number {
  if (header === null || header.trim() === "") return DEFAULT_S;
  const h = header.trim();
  let s: number;
  if (/^\d+$/.test(h)) s = Number(h);
  else {
    // An HTTP date names its day and month ("Mon, 07 Dec 2026 20:00:08 GMT"); Date.parse alone would take "-3" as a year.
    if (!/[a-z]{3}/i.test(h)) return DEFAULT_S;
    const at = Date.parse(h);
    if (Number.isNaN(at)) return DEFAULT_S;
    s = Math.ceil((at - nowMs) / 1000);
  }
  return Math.min(MAX_S, Math.max(MIN_S, s));
}

/** Resolves after `ms`, or rejects with an AbortError as soon as `signal` aborts. */
export function sleepUnlessAborted(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => {
      clearTimeout(t);
      reject(new DOMException("stopped", "AbortError"));
    };
    const t = setTimeout(() => {
      signal.removeEventListener("abort", abort);
      resolve();
    }, ms);
    if (signal.aborted) abort();
    else signal.addEventListener("abort", abort, { once: true });
  });
}
