/**
 * A replica under an offered request rate λ (open loop: requests arrive whatever is in flight, as in a benchmark run
 * with --request-rate) instead of a fixed concurrency. In the steady state the requests in flight are, by Little's
 * law, N = λ · E2E(N), with E2E(N) = TTFT(N) + (OSL − 1) · TPOT(N) the closed-loop estimate at N in flight. E2E grows
 * with N, so N is the smallest whole number with λ · E2E(N) ≤ N (bisection). When even the most the KV cache holds,
 * C_max, cannot keep up (λ · E2E(C_max) > C_max) the queue grows for as long as the run lasts: the point is saturated,
 * and no steady state exists to report.
 *
 * The figures at N are the closed-loop ones at N in flight; the arrivals' randomness (a Poisson stream bunches
 * requests) is not added. Used by `npm run validate` against published open-loop runs.
 */

/** The closed-loop figures at a concurrency (estimateConfig's, or any stand-in in tests). */
export interface AtConcurrency {
  readonly ttftMs: number;
  readonly tpotMs: number;
}

export interface OpenLoopPoint {
  /** Requests in flight in the steady state (C_max when saturated). */
  readonly inFlight: number;
  /** The replica cannot keep up with the offered rate: λ · E2E(C_max) > C_max. */
  readonly saturated: boolean;
  /** Requests/s the replica completes: λ, or C_max / E2E(C_max) when saturated. */
  readonly completedPerSecond: number;
  /** The closed-loop figures at `inFlight`. */
  readonly ttftMs: number;
  readonly tpotMs: number;
}

const e2eS = (f: AtConcurrency, osl: number) => (f.ttftMs + (osl - 1) * f.tpotMs) / 1e3;

/**
 * The steady state of a replica at an offered rate (requests/s), given its closed-loop figures at any concurrency
 * and the most requests its KV cache holds.
 * @example openLoopAt(() => ({ ttftMs: 100, tpotMs: 10 }), 101, 2, 64) // E2E = 1.1 s → N = ⌈2.2⌉ = 3
 */
export function openLoopAt(at: (concurrency: number) => AtConcurrency, osl: number, rate: number, maxConcurrency: number): OpenLoopPoint {
  const cMax = Math.max(1, Math.floor(maxConcurrency));
  const one = at(1);
  if (!(rate > 0) || rate * e2eS(one, osl) <= 1) {
    return { inFlight: 1, saturated: false, completedPerSecond: Math.max(0, rate), ttftMs: one.ttftMs, tpotMs: one.tpotMs };
  }
  const top = at(cMax);
  if (rate * e2eS(top, osl) > cMax) {
    return { inFlight: cMax, saturated: true, completedPerSecond: cMax / e2eS(top, osl), ttftMs: top.ttftMs, tpotMs: top.tpotMs };
  }
  // λ·E2E(lo) > lo and λ·E2E(hi) ≤ hi: the crossing lies in (lo, hi]
  let lo = 1;
  let hi = cMax;
  let best = top;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2); // not (lo + hi) >> 1, which wraps past 2³¹
    if (mid === lo || mid === hi) break;
    const f = at(mid);
    if (rate * e2eS(f, osl) > mid) lo = mid;
    else {
      hi = mid;
      best = f;
    }
  }
  return { inFlight: hi, saturated: false, completedPerSecond: rate, ttftMs: best.ttftMs, tpotMs: best.tpotMs };
}
