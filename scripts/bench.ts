/**
 * npm run bench — speed of the planner's default search (DEFAULT_PLAN_INPUT: Llama 3.1 70B chat for 50,000 daily
 * users over every catalog GPU, four weight precisions, two KV precisions, three engines, 16 concurrencies).
 * Prints the candidates covered, calls to the estimator, and the median (and min / max) over several runs of:
 *   search   = enumerate → prune → estimate → size → check → rank (what "the search" means in the issue)
 *   runPlan  = search + Pareto fronts + derivations for the shown options + API comparison (the whole answer)
 * The first (cold, un-JITted) run is reported apart and left out of the medians.
 * Then the same for DeepSeek-R1 with and without MTP speculative decoding allowed (three times the shapes), an
 * infeasible plan, and two hybrid models (Gated DeltaNet and Mamba-2).
 * Usage: npm run bench [-- --runs 9]
 */
import { DEFAULT_PLAN_INPUT, planInputSchema } from "../lib/plan/schema";
import { runPlan } from "../lib/search";

const runsArg = process.argv.indexOf("--runs");
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 9;
const input = planInputSchema.parse(DEFAULT_PLAN_INPUT);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const t0 = performance.now();
const cold = runPlan(input);
const coldTotal = performance.now() - t0;

const search: number[] = [];
const total: number[] = [];
let last = cold;
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  last = runPlan(input);
  total.push(performance.now() - t);
  search.push(last.stats.searchMs);
}
const s = last.stats;
const ms = (x: number) => `${x.toFixed(1)} ms`;
console.log(`default search: ${last.model.name}, ${last.traffic.peakRequestsPerSecond.toFixed(1)} req/s peak`);
console.log(`candidates        ${s.candidates.toLocaleString("en-US")} (estimated ${s.estimated.toLocaleString("en-US")}, pruned ${s.pruned.toLocaleString("en-US")}, feasible ${s.feasible.toLocaleString("en-US")})`);
console.log(`search time       median ${ms(median(search))}  (min ${ms(Math.min(...search))}, max ${ms(Math.max(...search))}, ${runs} runs)`);
console.log(`candidates/s      ${Math.round(s.candidates / (median(search) / 1000)).toLocaleString("en-US")}`);
console.log(`runPlan total     median ${ms(median(total))}  (min ${ms(Math.min(...total))}, max ${ms(Math.max(...total))})`);
console.log(`cold first run    search ${ms(cold.stats.searchMs)}, runPlan ${ms(coldTotal)}`);
console.log(`best              ${last.summary}`);

/** A plan's search time: one warm-up, then the median over `n` runs (no what-to-relax advice). */
function searchMedian(input: ReturnType<typeof planInputSchema.parse>, n: number): { last: ReturnType<typeof runPlan>; medianMs: number } {
  let last = runPlan(input, { relax: false });
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    last = runPlan(input, { relax: false });
    times.push(last.stats.searchMs);
  }
  return { last, medianMs: median(times) };
}

// DeepSeek-R1 with speculative decoding allowed: the search also tries 1 and 3 MTP drafts on every shape.
const dsBase = {
  workload: { model: "deepseek-r1", inputTokens: 1000, outputTokens: 1000, outputTokensP95: 1500 },
  slo: { ttftP95Ms: 3000, tpotP95Ms: 20 },
  traffic: { mode: "peak" as const, peakRequestsPerSecond: 5 },
};
const dsRuns = Math.max(3, Math.min(runs, 5));
for (const speculative of [[], ["mtp"]] as const) {
  const { last: r, medianMs } = searchMedian(planInputSchema.parse({ ...dsBase, budget: { speculative: [...speculative] } }), dsRuns);
  console.log(
    `\nDeepSeek-R1, TPOT p95 ≤ 20 ms, 5 req/s, MTP ${speculative.length ? "allowed" : "off"}: ${r.stats.candidates.toLocaleString("en-US")} candidates, ` +
      `search median ${ms(medianMs)} (${dsRuns} runs)\n  best ${r.summary}`,
  );
}

// A plan nothing meets: the default with a $5,000/month budget. The answer then also carries the nearest misses and
// the what-to-relax advice (every concurrency estimated, a serving-stack latency search, one rerun or re-sizing per
// widened choice), so it takes longer than a feasible plan.
const tight = planInputSchema.parse({ ...DEFAULT_PLAN_INPUT, budget: { ...DEFAULT_PLAN_INPUT.budget, maxUsdPerMonth: 5000 } });
const tightRuns = Math.max(3, Math.min(runs, 5));
const tightTimes: number[] = [];
let tr = runPlan(tight);
for (let i = 0; i < tightRuns; i++) {
  const t = performance.now();
  tr = runPlan(tight);
  tightTimes.push(performance.now() - t);
}
console.log(
  `\nInfeasible plan (default, budget $5,000/month): runPlan median ${ms(median(tightTimes))} (${tightRuns} runs), ` +
    `${tr.nearMisses.length} near misses, advice: ${tr.relax.map((a) => a.kind).join(", ")}\n  ${tr.summary}`,
);

// Hybrid models: a Gated DeltaNet one (Qwen3.5 35B-A3B) and a Mamba-2 one (Nemotron 3 Nano 30B-A3B), each the
// default chat traffic's shape at 20 req/s: their fixed per-sequence state enters every capacity and step figure.
for (const model of ["qwen3.5-35b-a3b", "nemotron-3-nano-30b-a3b"]) {
  const h = planInputSchema.parse({
    workload: { model, inputTokens: 2000, outputTokens: 500 },
    slo: { ttftP95Ms: 2000, tpotP95Ms: 30 },
    traffic: { mode: "peak", peakRequestsPerSecond: 20 },
  });
  const hRuns = Math.max(3, Math.min(runs, 5));
  const { last: hr, medianMs } = searchMedian(h, hRuns);
  console.log(
    `\n${hr.model.name} (hybrid), TTFT p95 ≤ 2 s, TPOT p95 ≤ 30 ms, 20 req/s: ${hr.stats.candidates.toLocaleString("en-US")} candidates, ` +
      `search median ${ms(medianMs)} (${hRuns} runs)\n  best ${hr.summary}`,
  );
}
