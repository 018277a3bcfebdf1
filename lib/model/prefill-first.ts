import { decodeOnBusiestRank } from "./busiest-rank";
import type { ServeOptions, Serving } from "./serving";
import type { Setup } from "./setup";
import { mixedStep, prefill, tokensPerIteration } from "./step";

/**
 * A prefill-first scheduler (SGLang) in a closed loop. Requests of equal length started together move in
 * synchronised waves (serveWaves). Requests whose lengths vary (a benchmark's random range) finish at different steps,
 * so after the opening burst their replacements arrive one by one while the others decode; open-loop traffic arrives
 * one by one from the start (serveStaggered).
 */
export function servePrefillFirst(
  s: Setup,
  concurrency: number,
  maxConcurrency: number,
  isl: number,
  osl: number,
  opts: ServeOptions,
): Serving {
  if (opts.staggered && s.layout.dp === 1) return serveStaggered(s, concurrency, maxConcurrency, isl, osl, opts);
  return serveWaves(s, concurrency, maxConcurrency, isl, osl);
}

/** Prefill passes for m prompts of ISL tokens, at most K tokens a pass, and the mean pass that completes a prompt. */
function passesFor(m: number, isl: number, K: number): { passes: number; meanPass: number; passTokens: number } {
  if (isl <= K) {
    const perPass = Math.max(1, Math.floor(K / isl));
    const passes = Math.max(1, m / perPass); // not rounded up: throughput stays monotone in C
    return { passes, meanPass: (passes + 1) / 2, passTokens: (m * isl) / passes };
  }
  const chunks = Math.ceil(isl / K);
  return { passes: m * chunks, meanPass: (chunks * (m + 1)) / 2, passTokens: isl / chunks };
}

/**
 * Staggered arrivals on a prefill-first scheduler (dp = 1): each finished request's replacement arrives while the
 * others decode, waits for the scheduler to take it in — the running iteration, or with scheduler_recv_interval N
 * the next of the polls made every N decode iterations, N/2 iterations on average — and is prefilled in a pass of
 * its own with the others that arrived in the same window, while nobody decodes.
 *
 *   m     = min(C_run, 1 + λ · (N · t_decode + t_pass(m)))   prompts per pass: the request and those arriving in its
 *                                                            poll window or during the pass (fixed point)
 *   TTFT  = t_0 + (N/2 + o) · t_decode + j̄ · t_pass(m)       (C_run = 1: nothing decoding, no poll to wait for)
 *   ρ     = (λ/m) · n · t_pass(m)                            share of the time spent in prefill passes
 *   TPOT  = t_decode / (1 − ρ);   λ = C_run / (TTFT + (OSL − 1) · TPOT)   (steady state, fixed point)
 *
 * A benchmark of numPrompts requests opens with a burst: C_run prompts at once into an idle engine, a wave
 * (serveWaves), a share w = C_run / numPrompts of the requests. The g-th replacements of the C_run slots
 * (g = 1 … numPrompts/C_run − 1) arrive spread over √g times one request's spread in length — g lengths drawn
 * uniformly from [r·OSL, OSL] add up — (1 − r)/((1 + r)/2) · OSL_mean · TPOT, until that covers the whole cycle:
 * λ_g = C_run / min(TTFT + (OSL − 1)·TPOT, √g · spread). TTFT = w · TTFT_wave + (1 − w) · mean_g TTFT(λ_g), and
 * TPOT = w · TPOT_wave + (1 − w) · TPOT. Without numPrompts (an endless run) the steady state alone.
 */
function serveStaggered(
  s: Setup,
  concurrency: number,
  maxConcurrency: number,
  isl: number,
  osl: number,
  opts: ServeOptions,
): Serving {
  const f = s.f;
  const K = f.prefillChunkTokens;
  const cRun = Math.max(1, Math.min(concurrency, maxConcurrency));
  const nBar = isl + osl / 2;
  const steps = Math.max(osl - 1, 1);
  const wave = serveWaves(s, cRun, maxConcurrency, isl, osl);
  const dec = wave.decode; // the same decode step at C_run
  const dt = dec.t / tokensPerIteration(s); // decode time per output token
  const busy = cRun > 1;
  const N = busy ? Math.max(1, opts.recvInterval ?? 1) : 0;
  const waitPoll = busy ? (N / 2) * dec.t : 0;
  const waitOverlap = busy ? f.overlapSteps * dec.t : (Math.min(f.overlapSteps, 1) * dec.t) / 2;
  // One arrival rate λ: prompts per pass m = 1 + λ·(N·t_decode + t_pass(m)) (those arriving in the poll window and
  // during the pass itself), at most C_run; the request's first token after its poll wait and its pass.
  const at = (lambda: number) => {
    let m = 1;
    let plan = passesFor(1, isl, K);
    let pass = mixedStep(s, 0, 0, plan.passTokens, isl, plan.passTokens, 1);
    if (busy)
      for (let i = 0; i < 6; i++) {
        m = Math.min(cRun, 1 + lambda * (N * dec.t + plan.passes * pass.t));
        plan = passesFor(m, isl, K);
        pass = mixedStep(s, 0, 0, plan.passTokens, isl, plan.passTokens, 1);
      }
    const ttft = f.ttftOverheadS + waitPoll + waitOverlap + plan.meanPass * pass.t;
    return { m, plan, pass, ttft };
  };
  // Steady state: λ = C_run / (TTFT + (OSL − 1)·TPOT), TPOT = t_decode / (1 − ρ), ρ = (λ/m)·n·t_pass.
  let lambda = cRun / (wave.ttft + steps * wave.tpot);
  let st!: ReturnType<typeof at>;
  let rho = 0;
  let tpot = dt;
  for (let it = 0; it < 4; it++) {
    st = at(lambda);
    rho = Math.min(0.95, (lambda / st.m) * st.plan.passes * st.pass.t);
    tpot = dt / (1 - rho);
    lambda = cRun / (st.ttft + steps * tpot);
  }
  const cycle = st.ttft + steps * tpot;
  // A benchmark of numPrompts requests: the opening burst (a wave), then numPrompts/C_run − 1 generations of
  // replacements. The g-th replacements of the C_run slots arrive spread over √g times one request's spread in
  // length (sum of g uniform lengths), (1 − r)/((1 + r)/2) · OSL_mean · TPOT, until that reaches the whole cycle.
  let w = 0;
  let gens = 0;
  let ttftLater = st.ttft;
  if (opts.numPrompts && busy) {
    w = Math.min(1, cRun / opts.numPrompts);
    const spread = opts.lengthSpread ?? 0;
    // equal lengths (open-loop arrivals): no bunching to unwind, the later generations arrive at the steady rate
    const spreadTime = spread > 0 ? (spread / (1 - spread / 2)) * osl * tpot : cycle;
    gens = Math.max(0, Math.round(opts.numPrompts / cRun) - 1);
    if (gens > 0) {
      let sum = 0;
      for (let g = 1; g <= gens; g++) sum += at(cRun / Math.min(cycle, spreadTime * Math.sqrt(g))).ttft;
      ttftLater = sum / gens;
    }
  }
  const ttftWave = wave.ttft - wave.waitKv;
  const ttftMean = w * ttftWave + (1 - w) * ttftLater;
  const x = lambda;
  const waitKv = concurrency > cRun ? (concurrency - cRun) / x : 0;
  const tpotMean = w * wave.tpot + (1 - w) * tpot;
  return {
    schedule: "staggered",
    prefillPasses: st.plan.passes,
    meanPrefillPass: st.plan.meanPass,
    concurrencyRunning: cRun,
    decodeBatch: cRun,
    meanContext: nBar,
    decode: dec,
    mixed: st.pass,
    prefill: wave.prefill,
    prefillChunks: Math.ceil(isl / K),
    prefillTokensPerStep: lambda * isl * tpot,
    prefillStepShare: rho,
    prefillStallPerToken: tpotMean - dt,
    prefillUtilisation: rho,
    waitPrefill: (st.plan.meanPass - 1) * st.pass.t,
    waitDpBalance: 0,
    waitBatch: 0,
    waitOverlap,
    waitRunning: 0,
    waitRecv: waitPoll,
    waitKv,
    staggered: {
      arrivalsPerSecond: lambda,
      promptsPerPass: st.m,
      prefillShare: rho,
      ttftSteady: st.ttft,
      tpotSteady: tpot,
      ttftLater,
      ttftWave,
      tpotWave: wave.tpot,
      firstWaveShare: w,
      generations: gens,
    },
    ttft: ttftMean + waitKv,
    tpot: tpotMean,
    requestsPerSecond: x,
    outputTokensPerSecond: x * osl,
  };
}

/**
 * Prefill-first scheduling (SGLang: waiting prefills run as their own passes, before any decode step). In a closed
 * loop of equal requests the C_run requests then move in synchronised waves: the wave's prompts are prefilled in n
 * passes of up to K tokens (P = ⌊K/ISL⌋ prompts per pass, or ⌈ISL/K⌉ passes per prompt), nobody decodes meanwhile,
 * then all decode together for OSL − 1 steps, finish in the same step, and their replacements form the next wave.
 *
 *   n     = max(1, C_run/P) (ISL ≤ K)  or  C_run·⌈ISL/K⌉     prefill passes per wave (a last, partly filled pass
 *                                                            counted by its share, so throughput stays monotone in C)
 *   j̄     = (n + 1)/2            or  ⌈ISL/K⌉·(C_run + 1)/2   mean pass that completes a request's prompt
 *   TTFT  = t_0 + o · t_step(C_run, 0) + j̄ · t_pass + (C − C_run)/X   (o: overlap scheduling, as above; SGLang 1)
 *   TPOT  = t_step(C_run, 0) + (n − j̄) · t_pass / (OSL − 1)  (the passes after a request's own first token)
 *   X     = C_run / (t_0 + o · t_step(C_run, 0) + n · t_pass + (OSL − 1) · t_step(C_run, 0))
 */
export function serveWaves(s: Setup, concurrency: number, maxConcurrency: number, isl: number, osl: number): Serving {
  const f = s.f;
  const K = f.prefillChunkTokens;
  const cRun = Math.max(1, Math.min(concurrency, maxConcurrency));
  const nBar = isl + osl / 2;
  const steps = Math.max(osl - 1, 1);
  const chunks = Math.ceil(isl / K);
  const alone = prefill(s, isl);
  const dp = s.layout.dp;
  const perRank = cRun / dp; // attention DP: each rank runs its own share of the wave, the ranks in step
  let passes: number;
  let meanPass: number;
  let passTokens: number;
  if (isl <= K) {
    const perPass = Math.max(1, Math.floor(K / isl));
    passes = Math.max(1, perRank / perPass); // not rounded up: the planner needs throughput monotone in C
    meanPass = (passes + 1) / 2;
    passTokens = (perRank * isl) / passes;
  } else {
    passes = Math.max(1, perRank) * chunks;
    meanPass = (chunks * (Math.max(1, perRank) + 1)) / 2;
    passTokens = isl / chunks;
  }
  const pass = mixedStep(s, 0, 0, passTokens, isl, passTokens * dp, 1);
  const dec = decodeOnBusiestRank(s, cRun, nBar);
  const waitOverlap = f.overlapSteps * dec.t;
  const ttftRun = f.ttftOverheadS + waitOverlap + meanPass * pass.t;
  const tau = tokensPerIteration(s);
  const dt = dec.t / tau; // decode time per output token (τ per iteration with speculative decoding)
  const tpot = dt + ((passes - meanPass) * pass.t) / steps;
  const x = cRun / (f.ttftOverheadS + waitOverlap + passes * pass.t + steps * dt);
  const waitKv = concurrency > cRun ? (concurrency - cRun) / x : 0;
  const prefillTime = passes * pass.t;
  return {
    schedule: "waves",
    prefillPasses: passes,
    meanPrefillPass: meanPass,
    concurrencyRunning: cRun,
    decodeBatch: cRun,
    meanContext: nBar,
    decode: dec,
    mixed: pass,
    prefill: alone,
    prefillChunks: chunks,
    prefillTokensPerStep: (cRun * isl) / (passes + steps / tau),
    prefillStepShare: passes / (passes + steps / tau),
    prefillStallPerToken: tpot - dt,
    prefillUtilisation: prefillTime / (prefillTime + steps * dt),
    waitPrefill: (meanPass - 1) * pass.t,
    waitDpBalance: 0,
    waitBatch: 0,
    waitOverlap,
    waitRunning: 0,
    waitRecv: 0,
    waitKv,
    ttft: ttftRun + waitKv,
    tpot,
    requestsPerSecond: x,
    outputTokensPerSecond: x * osl,
  };
}
