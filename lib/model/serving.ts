import type { BindingResource } from "./estimate-types";
import type { Setup } from "./setup";
import { decodeOnBusiestRank, rankBatch } from "./busiest-rank";
import { servePrefillFirst } from "./prefill-first";
import { mixedStep, prefill, tokensPerIteration, type StepBreakdown } from "./step";

/**
 * A closed-loop benchmark (schedule "mixed": engines that mix prefill chunks into decode steps): C requests in
 * flight, each of ISL prompt and OSL output tokens; a finished request is replaced at once, and its prefill is
 * scheduled into the running iterations (chunked prefill, at most K tokens per iteration). Up to C_max (KV capacity)
 * run; the rest queue.
 *
 *   C_run = min(C, C_max);  b̄ = C_run · φ / dp     mean decode sequences per attention rank (φ: share of life
 *                                                  decoding); with dp > 1 a step waits for the busiest rank, b = ⌈b̄⌉
 *   p     = b̄ · ISL / (OSL − 1)                    prefill tokens per iteration per rank (b̄/(OSL−1) requests finish
 *                                                  each iteration and are replaced)
 *   u     = min(K, max(min(ISL, K), p));  q = min(1, p/u)
 *                                                  a share q of iterations carries a prefill chunk of u tokens
 *   t̄     = (1 − q) · t_step(b, 0) + q · t_step(b, u)          (mixed iteration: one roofline over b + u tokens)
 *   TPOT  = t̄
 *   TTFT  = t_0 + t̄/2 + o · t̄ + ⌈ISL/K⌉ · t_step(b, min(ISL, K)) + β · (C_run/dp − 1) · t_prefill,alone
 *           + [dp > 1] · w_dp · t̄ + [W > 0] · w_W · t̄ + (C − C_run)/X
 *           (t_0: fixed request overhead; t̄/2: wait for the running iteration; o: iterations an overlap scheduler
 *            had already scheduled without the new request (documented: 1 for TRT-LLM) — both while another request
 *            is in flight (C_run > 1). Alone (C_run = 1) the request finds nothing scheduled but, with an overlap
 *            scheduler, the step launched for its predecessor before that one finished: wait min(o, 1) · t_decode/2;
 *            then the prompt's chunks ride along
 *            the decode; β: the benchmark's burst — prefills queued behind each other; w_dp: iterations an
 *            attention-DP scheduler holds a new request so the ranks prefill together; w_W: iterations a scheduler
 *            with batch waiting (TRT-LLM batch_wait_timeout_iters = W) holds a prompt for later ones to join: the
 *            first prompt of a batch waits W, those arriving while it waits less — with a = λ·W prompts arriving in
 *            W iterations (λ = b̄·dp/(OSL − 1) per iteration), w_W = W · (1 + a/2) / (1 + a); last: wait for KV room)
 *   X     = C_run / (TTFT_run + (OSL − 1) · TPOT)  requests/s (Little's law)
 *   ρ     = q · (t_step(b, u) − t_step(b, 0)) / t̄  share of GPU time spent on prefill (for the cost split)
 */
export interface Serving {
  /**
   * How the closed loop runs: "mixed" — prefill chunks ride along the decode steps (vLLM, TRT-LLM; formulas above);
   * "waves" — a prefill-first scheduler (SGLang) runs requests of equal length in synchronised waves; "staggered" —
   * the same scheduler with lengths that vary, each replacement arriving while the others decode (prefill-first.ts).
   */
  readonly schedule: "mixed" | "waves" | "staggered";
  /** Waves: prefill passes per wave (n) and the mean pass that completes a request's prompt (j̄); mixed: 0. */
  readonly prefillPasses: number;
  readonly meanPrefillPass: number;
  readonly concurrencyRunning: number;
  readonly decodeBatch: number;
  readonly meanContext: number;
  /** Pure decode iteration at the running batch. */
  readonly decode: StepBreakdown;
  /** Iteration carrying a prefill chunk of u tokens along with the decode batch (waves: one prefill pass). */
  readonly mixed: StepBreakdown;
  /** One prompt's prefill alone (for the burst term and the lessons). */
  readonly prefill: StepBreakdown;
  readonly prefillChunks: number;
  /** Prefill tokens per iteration per rank (p) and the share of iterations that carry a chunk (q). */
  readonly prefillTokensPerStep: number;
  readonly prefillStepShare: number;
  /** TPOT − pure decode step: what the others' prefills add per output token. */
  readonly prefillStallPerToken: number;
  readonly prefillUtilisation: number;
  /** Wait behind other requests' prefills (burst term). */
  readonly waitPrefill: number;
  /** Attention DP (dp > 1): wait for the ranks' prefills to be scheduled together (dpBalanceSteps × t̄). */
  readonly waitDpBalance: number;
  /** Batch waiting (TRT-LLM batch_wait_timeout_iters W): iterations a prompt is held for others to join (w_W × t̄). */
  readonly waitBatch: number;
  /** Overlap scheduling: iterations already scheduled when the request arrived (overlapSteps × t̄). */
  readonly waitOverlap: number;
  /**
   * Wait for the iteration running when the request arrives: t̄/2; at C_run = 1 only the decode step an overlap
   * scheduler launched for the finished predecessor, min(o, 1) · t_decode/2.
   */
  readonly waitRunning: number;
  /** Staggered: wait for the scheduler to take the request in (recv interval N: N/2 decode iterations). */
  readonly waitRecv: number;
  readonly waitKv: number;
  /**
   * Mixed schedule, prefill-bound (more replacements' prompt tokens per iteration than the prefill budget K takes):
   * the wait for the budget in the first token; absent or 0 otherwise.
   */
  readonly waitBudget?: number;
  /** The closed loop is prefill-bound: every iteration carries a full chunk and the decode batch is K·steps·dp·pp/ISL. */
  readonly prefillBound?: boolean;
  /** Staggered only: the steady state, the opening burst, and how the benchmark's mean weighs them. */
  readonly staggered?: StaggeredDetail;
  readonly ttft: number;
  readonly tpot: number;
  /** Requests completed per second by the replica. */
  readonly requestsPerSecond: number;
  readonly outputTokensPerSecond: number;
}

export interface StaggeredDetail {
  /** Arrivals per second in the steady state (λ). */
  readonly arrivalsPerSecond: number;
  /** Prompts per prefill pass in the steady state (m). */
  readonly promptsPerPass: number;
  /** Share of the time spent in prefill passes (ρ). */
  readonly prefillShare: number;
  readonly ttftSteady: number;
  readonly tpotSteady: number;
  /** Mean first-token latency over the generations after the opening burst (the steady one without numPrompts). */
  readonly ttftLater: number;
  /** The opening burst: C_run prompts at once, a wave. */
  readonly ttftWave: number;
  readonly tpotWave: number;
  /** Share of the benchmark's requests in the opening burst (w = C_run / numPrompts; 0 without numPrompts). */
  readonly firstWaveShare: number;
  /** Generations of replacements after the opening burst (numPrompts / C_run − 1; 0 without numPrompts). */
  readonly generations: number;
}

/** How the benchmark's requests and the scheduler's optional settings shape a closed loop (estimate input). */
export interface ServeOptions {
  /** TRT-LLM batch_wait_timeout_iters W (0: off). */
  readonly batchWaitIters?: number;
  /** Request lengths vary (randomRangeRatio r < 1): the spread 1 − r of each length; requests finish at different steps. */
  readonly lengthSpread?: number;
  /**
   * Requests arrive one at a time (open-loop traffic, or lengths that vary), not together: a prefill-first scheduler
   * then runs staggered, not in synchronised waves.
   */
  readonly staggered?: boolean;
  /** SGLang scheduler_recv_interval N: new requests are taken in every N decode iterations (1: every one). */
  readonly recvInterval?: number;
  /** The benchmark's requests in all (--num-prompts): the opening burst of C is C/numPrompts of them. */
  readonly numPrompts?: number;
}

export function serve(
  s: Setup,
  concurrency: number,
  maxConcurrency: number,
  isl: number,
  osl: number,
  opts: ServeOptions = {},
): Serving {
  const f = s.f;
  const l = s.layout;
  const dp = l.dp;
  if (f.prefillFirst >= 0.5 && l.pp === 1) return servePrefillFirst(s, concurrency, maxConcurrency, isl, osl, opts);
  const batchWaitIters = opts.batchWaitIters ?? 0;
  const K = f.prefillChunkTokens;
  const cRun = Math.max(1, Math.min(concurrency, maxConcurrency));
  const nBar = isl + osl / 2;
  // decode iterations per request: OSL − 1 tokens at τ per iteration (speculative decoding; else 1)
  const tau = tokensPerIteration(s);
  const steps = Math.max(osl - 1, 1) / tau;
  const chunk = Math.min(isl, K);
  const chunks = Math.ceil(isl / K);
  const alone = prefill(s, isl);
  const waitPrefill = f.burstFactor * Math.max(0, cRun / dp - 1) * alone.t;

  let phi = 1;
  let dec!: StepBreakdown;
  let mix!: StepBreakdown;
  let first!: StepBreakdown;
  let tbar = 0;
  let q = 0;
  let pTok = 0;
  let ttftRun = 0;
  let waitDp = 0;
  let waitBatch = 0;
  let waitOverlap = 0;
  let waitRunning = 0;
  // another request in flight keeps the engine busy when this one arrives; alone (C_run = 1) it finds at most the
  // step an overlap scheduler launched for its predecessor (a decode step), and nothing scheduled after it
  const busy = cRun > 1 ? 1 : 0;
  // The prefill budget bounds the closed loop: each iteration takes at most K prompt tokens per rank, so at most
  // B_sat = K · steps · dp · pp / ISL sequences can decode while their replacements' prompts keep up; beyond that the
  // replacements wait for the budget and the loop runs prefill-bound (every iteration carries a full chunk).
  const bSat = (K * steps * dp * l.pp) / isl;
  let prefillBound = false;
  let B = cRun;
  // Two passes: at φ = 1, then at the φ the first pass implies (the fixed point moves little after that).
  for (let it = 0; it < 2; it++) {
    prefillBound = cRun * phi > bSat;
    B = prefillBound ? bSat : cRun * phi;
    const bMean = B / (dp * l.pp);
    const b = rankBatch(B, l);
    pTok = (bMean * isl) / steps;
    const u = Math.min(K, Math.max(chunk, pTok));
    q = Math.min(1, pTok / u);
    dec = decodeOnBusiestRank(s, B, nBar);
    // A chunk step: this rank's chunk plus the other ranks' mean prefill load through the shared MoE layers.
    const others = (dp - 1) * (bMean + pTok);
    mix = mixedStep(s, b, nBar, u, isl, b + u + others, 1);
    first = u === chunk ? mix : mixedStep(s, b, nBar, chunk, isl, b + chunk + others, 1);
    tbar = (1 - q) * dec.t + q * mix.t;
    waitDp = dp > 1 ? f.dpBalanceSteps * tbar : 0;
    // TRT-LLM waits only with other requests decoding and without attention DP (PyExecutor._waiting_requests)
    waitBatch = busy && dp === 1 ? batchWaitSteps(batchWaitIters, (bMean * dp) / steps) * tbar : 0;
    waitOverlap = busy * f.overlapSteps * tbar;
    waitRunning = busy ? tbar / 2 : (Math.min(f.overlapSteps, 1) * dec.t) / 2;
    ttftRun = f.ttftOverheadS + waitRunning + waitOverlap + chunks * first.t + waitPrefill + waitDp + waitBatch;
    const newPhi = Math.max(1 / cRun, Math.min(1, (steps * tbar) / (ttftRun + steps * tbar)));
    if (it === 1 || newPhi > 0.999) break;
    phi = newPhi;
  }
  // prefill-bound: B sequences finish every `steps` iterations (Little's law gives the time to the first token,
  // the wait for the budget included); otherwise every request's life is its first token plus its decode
  const x = prefillBound ? B / (steps * tbar) : cRun / (ttftRun + steps * tbar);
  const waitBudget = prefillBound ? Math.max(0, cRun / x - steps * tbar - ttftRun) : 0;
  ttftRun += waitBudget;
  const rho = tbar > 0 ? Math.min(1, Math.max(0, (q * (mix.t - dec.t)) / tbar)) : 0;
  const waitKv = concurrency > cRun ? (concurrency - cRun) / x : 0;
  return {
    schedule: "mixed",
    prefillPasses: 0,
    meanPrefillPass: 0,
    concurrencyRunning: cRun,
    decodeBatch: B,
    meanContext: nBar,
    decode: dec,
    mixed: mix,
    prefill: alone,
    prefillChunks: chunks,
    prefillTokensPerStep: pTok,
    prefillStepShare: q,
    prefillStallPerToken: (tbar - dec.t) / tau,
    prefillUtilisation: rho,
    waitPrefill,
    waitDpBalance: waitDp,
    waitBatch,
    waitOverlap,
    waitRunning,
    waitRecv: 0,
    waitKv,
    waitBudget,
    prefillBound,
    ttft: ttftRun + waitKv,
    tpot: tbar / tau,
    requestsPerSecond: x,
    outputTokensPerSecond: x * osl,
  };
}

/**
 * Mean iterations a prompt is held by batch waiting with timeout W when a = λ·W prompts arrive in W iterations: the
 * prompt that opens a batch waits W, the a that join it wait W/2 on average — W · (1 + a/2) / (1 + a).
 */
export function batchWaitSteps(w: number, arrivalsPerStep: number): number {
  if (!(w > 0)) return 0;
  const a = Math.max(0, arrivalsPerStep) * w;
  return (w * (1 + a / 2)) / (1 + a);
}

/** What bounds the configuration: KV capacity when over it, else the largest part of a decode step. */
export function bindingOf(srv: Serving, overCapacity: boolean): BindingResource {
  if (overCapacity) return "kv-capacity";
  // prefill-bound, every iteration carries a full prefill chunk: that iteration is what bounds the loop
  const d = srv.prefillBound ? srv.mixed : srv.decode;
  const memory = d.tRoofline - d.tComputeBound;
  const best = Math.max(memory, d.tComputeBound, d.tComm, d.tOverhead);
  if (best === memory) return "memory-bandwidth";
  if (best === d.tComputeBound) return "compute";
  if (best === d.tComm) return "communication";
  return "overhead";
}

