/**
 * Queueing under random (Poisson) arrivals: a replica with c slots (its maximum concurrency) is an M/G/c queue.
 * Each request holds a slot for its whole life (prefill + decode), the service time S.
 *
 *   a    = λ · E[S]                   offered load in slots (Erlangs); ρ = a / c
 *   P_W  = ErlangC(c, a)              probability an arrival finds every slot busy (exact for M/M/c)
 *   W    | wait ~ Exp(θ)              conditional wait; for M/M/c θ = E[S] / (c − a)
 *   Allen–Cunneen: scale the M/M/c waits by (c_a² + c_s²) / 2, with c_a² = 1 (Poisson) and c_s² the squared
 *   coefficient of variation of S:  θ = (1 + c_s²)/2 · E[S] / (c − a)
 *   Wait quantile p:  t_p = θ · ln(P_W / (1 − p))  when P_W > 1 − p, else 0.
 *
 * ErlangC is computed from the Erlang-B recursion B_0 = 1, B_k = a·B_{k−1} / (k + a·B_{k−1}), which is stable
 * for any c, and C = B_c / (1 − ρ · (1 − B_c)).
 */

/** Erlang B (blocking probability) for c servers and offered load a Erlangs. */
export function erlangB(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/**
 * Erlang C: probability that an arrival waits, for c servers and offered load a = λ·E[S] (Erlangs).
 * 1 when a ≥ c (the queue grows without bound).
 * @example erlangC(1, 0.5) // 0.5 (M/M/1: P_W = ρ)
 * @example erlangC(2, 1)   // 1/3
 */
export function erlangC(c: number, a: number): number {
  if (a <= 0) return 0;
  if (a >= c) return 1;
  const b = erlangB(c, a);
  const rho = a / c;
  return b / (1 - rho * (1 - b));
}

export interface WaitStats {
  /** Probability of waiting at all. */
  readonly probabilityOfWait: number;
  /** Mean wait over all arrivals, s. */
  readonly mean: number;
  /** Wait at the 50th and 95th percentile, s (Infinity when the queue is unstable). */
  readonly p50: number;
  readonly p95: number;
  /** Offered load ÷ slots. */
  readonly utilisation: number;
}

/**
 * Waiting time before a slot frees, for an M/G/c queue (Erlang C with the Allen–Cunneen correction).
 * @param c slots (max concurrency of the replica)
 * @param lambda arrivals per second at this replica
 * @param meanService E[S], s
 * @param scvService c_s² = Var(S) / E[S]² (0 deterministic, 1 exponential)
 */
export function mgcWait(c: number, lambda: number, meanService: number, scvService: number): WaitStats {
  const a = lambda * meanService;
  const utilisation = a / c;
  if (a >= c) return { probabilityOfWait: 1, mean: Infinity, p50: Infinity, p95: Infinity, utilisation };
  const pw = erlangC(c, a);
  const theta = ((1 + scvService) / 2) * (meanService / (c - a));
  return {
    probabilityOfWait: pw,
    mean: pw * theta,
    p50: waitQuantile(pw, theta, 0.5),
    p95: waitQuantile(pw, theta, 0.95),
    utilisation,
  };
}

/** Quantile p of a wait that is 0 with probability 1 − P_W and Exp(mean θ) otherwise. */
export function waitQuantile(pw: number, theta: number, p: number): number {
  const tail = 1 - p;
  return pw > tail ? theta * Math.log(pw / tail) : 0;
}
