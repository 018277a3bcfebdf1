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
 *           (each other request on a rank is replaced about once during one request's OSL steps; its prefill,
 *            chunked into the running steps, stalls them by σ · t_prefill; σ = prefillStall)
 *   TTFT  = t_0 + t_prefill · (1 + β · (C_run/dp − 1)) + n_chunks · t_step(B) + (C − C_run) / X
 *           (t_0 = ttftOverhead; β = burstFactor: prefills queued behind each other; each chunk rides along one
 *            decode step; the last term is the wait for KV room when C > C_max)
 *   X     = C_run / (TTFT_run + (OSL − 1) · TPOT)   requests/s (Little's law)
 *   ρ     = (X/dp) · t_prefill(ISL)             share of GPU time spent on prefill (for the cost split)
 * φ depends on X, so the decode batch is refined by a few fixed-point passes.
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
  /** Wait behind other requests' prefills (burst term). */
  readonly waitPrefill: number;
  readonly waitKv: number;
  readonly ttft: number;
  readonly tpot: number;
  /** Requests completed per second by the replica. */
  readonly requestsPerSecond: number;
  readonly outputTokensPerSecond: number;
}

export function serve(s: Setup, concurrency: number, maxConcurrency: number, isl: number, osl: number): Serving {
  const f = s.f;
  const dp = s.layout.dp;
  const cRun = Math.max(1, Math.min(concurrency, maxConcurrency));
  const nBar = isl + osl / 2;
  const pre = prefill(s, isl);
  const tPre = pre.t;
  const chunks = Math.ceil(isl / f.prefillChunkTokens);
  const steps = Math.max(osl - 1, 1);
  const others = Math.max(0, cRun / dp - 1);
  const waitPrefill = f.burstFactor * others * tPre;
  const stall = (f.prefillStall * Math.max(0, (cRun - 1) / dp) * tPre) / osl;
  let phi = 1;
  let dec = decodeStep(s, cRun, nBar);
  let tpot = dec.t + stall;
  let ttftRun = f.ttftOverheadS + tPre + waitPrefill + chunks * dec.t;
  for (let it = 0; it < 3; it++) {
    const life = ttftRun + steps * tpot;
    const newPhi = Math.max(1 / cRun, Math.min(1, (steps * tpot) / life));
    if (Math.abs(newPhi - phi) <= 0.02) break;
    phi = newPhi;
    dec = decodeStep(s, cRun * phi, nBar);
    tpot = dec.t + stall;
    ttftRun = f.ttftOverheadS + tPre + waitPrefill + chunks * dec.t;
  }
  const x = cRun / (ttftRun + steps * tpot);
  const rho = Math.min(1, (x / dp) * tPre);
  const waitKv = concurrency > cRun ? (concurrency - cRun) / x : 0;
  return {
    concurrencyRunning: cRun,
    decodeBatch: cRun * phi,
    meanContext: nBar,
    decode: dec,
    prefill: pre,
    prefillChunks: chunks,
    prefillStallPerToken: stall,
    prefillUtilisation: rho,
    waitPrefill,
    waitKv,
    ttft: ttftRun + waitKv,
    tpot,
    requestsPerSecond: x,
    outputTokensPerSecond: x * osl,
  };
}
