import type { Setup } from "./setup";
import { decodeStep, prefill, type StepBreakdown } from "./step";

/**
 * A closed-loop benchmark: C requests in flight, each of ISL prompt and OSL output tokens; a finished request is
 * replaced at once. Up to C_max (KV capacity) run; the rest queue.
 *
 *   C_run = min(C, C_max)                       running requests
 *   B     = C_run · φ                           decode batch; φ = share of a request's life spent decoding
 *   N̄     = ISL + OSL/2                         mean context during decode
 *   TPOT  = t_step(B, N̄) + σ · ((C_run − 1)/dp) · t_prefill(ISL) / OSL
 *           (each of the other requests on a rank is replaced about once during one request's OSL steps, and its
 *            prefill — chunked into the others' steps — stalls them by σ · t_prefill; σ = prefillStall)
 *   X     = C_run / (TTFT_service + (OSL − 1) · TPOT)   requests/s (Little's law)
 *   ρ     = (X/dp) · t_prefill(ISL)             prefill utilisation of one attention rank
 *   TTFT  = t_prefill + n_chunks · t_step(B)    (each chunk rides along one decode step)
 *           + q · ρ/(2(1−ρ)) · t_prefill        (M/D/1 wait for the prefill slot, q = queueFactor)
 *           + (C − C_run)/X                     (waiting for KV room when C > C_max)
 * Solved by a few fixed-point passes (φ and ρ depend on X).
 */
export interface Serving {
  readonly concurrencyRunning: number;
  readonly decodeBatch: number;
  readonly meanContext: number;
  readonly decode: StepBreakdown;
  readonly prefill: StepBreakdown;
  readonly prefillChunks: number;
  readonly prefillStallPerToken: number;
  readonly prefillUtilisation: number;
  readonly waitPrefill: number;
  readonly waitKv: number;
  readonly ttft: number;
  readonly tpot: number;
  /** Requests completed per second by the replica. */
  readonly requestsPerSecond: number;
  readonly outputTokensPerSecond: number;
}

const RHO_MAX = 0.95;

export function serve(s: Setup, concurrency: number, maxConcurrency: number, isl: number, osl: number): Serving {
  const f = s.f;
  const dp = s.layout.dp;
  const cRun = Math.max(1, Math.min(concurrency, maxConcurrency));
  const nBar = isl + osl / 2;
  const pre = prefill(s, isl);
  const tPre = pre.t;
  const chunks = Math.ceil(isl / f.prefillChunkTokens);
  const steps = Math.max(osl - 1, 1);
  let phi = 1;
  let dec = decodeStep(s, cRun, nBar);
  let tpot = 0;
  let ttftService = 0;
  let x = 0;
  let rho = 0;
  let waitPrefill = 0;
  for (let it = 0; it < 4; it++) {
    const stall = (f.prefillStall * Math.max(0, (cRun - 1) / dp) * tPre) / osl;
    tpot = dec.t + stall;
    const base = tPre + chunks * dec.t;
    ttftService = base + waitPrefill;
    x = cRun / (ttftService + steps * tpot);
    rho = Math.min(RHO_MAX, (x / dp) * tPre);
    waitPrefill = (f.queueFactor * rho * tPre) / (2 * (1 - rho));
    const life = ttftService + steps * tpot;
    const newPhi = Math.max(1 / cRun, Math.min(1, (steps * tpot) / life));
    if (Math.abs(newPhi - phi) > 0.02) {
      phi = newPhi;
      dec = decodeStep(s, cRun * phi, nBar);
    }
  }
  ttftService = tPre + chunks * dec.t + waitPrefill;
  const waitKv = concurrency > cRun ? (concurrency - cRun) / x : 0;
  return {
    concurrencyRunning: cRun,
    decodeBatch: cRun * phi,
    meanContext: nBar,
    decode: dec,
    prefill: pre,
    prefillChunks: chunks,
    prefillStallPerToken: tpot - dec.t,
    prefillUtilisation: rho,
    waitPrefill,
    waitKv,
    ttft: ttftService + waitKv,
    tpot,
    requestsPerSecond: x,
    outputTokensPerSecond: x * osl,
  };
}
