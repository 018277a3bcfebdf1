import type { FieldComparison, FieldErrorStats, FieldReport } from "../lib/validation/field-compare";
import { impliedStackLatency, unpredictedReasons } from "../lib/validation/field-compare";
import type { FieldOpenLoopComparison, FieldOpenLoopReport } from "../lib/validation/field-open-loop";

const pct = (x: number | null) => (x !== null && Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : "—");
const signed = (x: number | null) => (x === null ? "—" : `${x >= 0 ? "+" : "−"}${pct(Math.abs(x))}`);
const line = (name: string, s: FieldErrorStats) =>
  `${name} MdAPE ${pct(s.mdape)} (median ${signed(s.bias)}, within ±25 % ${pct(s.within)}, ${s.n} runs)`;

function runLine(c: FieldComparison): string {
  const r = c.run;
  const p = c.predicted;
  const ttft = c.ttftErr === null ? "" : `TTFT ${r.measured.ttftMs} / ${p?.ttftMs?.toFixed(1)} ms (${signed(c.ttftErr)}) `;
  return `    ${r.id}: ${r.model} ${r.weights} on ${r.tp > 1 ? `${r.tp} × ` : ""}${r.gpu}, ${r.engine} ${r.engineVersion}, ${c.isl}/${c.osl}, C ${c.concurrencyUsed ?? "—"}: ${ttft}TPOT ${r.measured.tpotMs} / ${p?.tpotMs.toFixed(2) ?? "—"} ms (${signed(c.tpotErr)}), ${r.measured.outputTokPerS} / ${p?.outputTokPerS.toFixed(0) ?? "—"} tok/s (${signed(c.throughputErr)})`;
}

/** Print the third-party field runs (lib/validation/field-compare.ts) and return their figures for the JSON report. */
export function printFieldRuns(report: FieldReport) {
  const closed = report.byMode.find((g) => g.key === "closed loop")?.summary;
  const burst = report.byMode.find((g) => g.key === "all at once")?.summary;
  const bareClosed = report.bareByMode.find((g) => g.key === "closed loop")?.summary;
  const s = report.calibratedSummary;
  console.log(
    `\nTHIRD-PARTY FIELD RUNS (GPUStack performance lab: stock serving commands measured with vllm bench serve; no fit saw them): ${s.runs} runs, ${s.predicted} predicted, ${report.calibrated.filter((c) => c.run.unmodelled).length} not modelled (reasons below)`,
  );
  if (closed) {
    console.log(`  closed loop (--max-concurrency), ${closed.predicted} runs:`);
    console.log(`    ${line("TPOT", closed.tpot)}; ${line("output tok/s", closed.throughput)}`);
    console.log(`    ${line("TTFT", closed.ttft)} with the calibrated serving-stack latency`);
    if (bareClosed) console.log(`    ${line("TTFT", bareClosed.ttft)} with requestOverheadMs 0`);
    for (const e of impliedStackLatency(report))
      console.log(`    ${e.engine}: the runs' first tokens exceed the estimate's GPU time by a median ${e.medianMs.toFixed(0)} ms (${e.runs} runs; the calibrated t_0 is ${e.calibratedMs.toFixed(0)} ms)`);
    for (const c of report.calibrated) if (c.mode === "closed loop" && c.predicted) console.log(runLine(c));
  }
  if (burst) {
    console.log(`  all at once (every request sent at t = 0, the engine at capacity with a queue), ${burst.predicted} runs:`);
    console.log(`    ${line("TPOT", burst.tpot)}; ${line("output tok/s", burst.throughput)}`);
  }
  for (const g of report.byEngine) console.log(`  ${g.key.padEnd(7)} ${g.summary.predicted} runs: ${line("TPOT", g.summary.tpot)}; ${line("tok/s", g.summary.throughput)}`);
  for (const [why, n] of unpredictedReasons(report.calibrated)) console.log(`  not predicted (${n}): ${why}`);
  return { calibrated: s, bare: report.bareSummary, byMode: report.byMode, byEngine: report.byEngine };
}

const ms = (x: number) => (x >= 1000 ? `${(x / 1e3).toFixed(2)} s` : `${x.toFixed(1)} ms`);

function openLoopLine(c: FieldOpenLoopComparison): string {
  const r = c.run;
  const p = c.predicted!;
  const head = `    ${r.id}: ${r.weights} ${r.engine} ${r.engineVersion}, ${r.rate} req/s, ${c.isl}/${c.osl}: in flight ${p.inFlight} (peak measured ${r.measured.peakConcurrency})`;
  if (p.saturated) return `${head}: the estimate cannot carry the rate (the run completed ${r.measured.requestsPerS} req/s)`;
  return `${head}; TTFT ${ms(r.measured.ttftMs)} / ${ms(p.ttftMs)} (${signed(c.ttftErr)}), per token ${c.measuredTokenMs.toFixed(2)} / ${p.tpotMs.toFixed(2)} ms (${signed(c.tokenErr)}), latency ${r.measured.meanLatencyS} / ${p.latencyS.toFixed(2)} s (${signed(c.latencyErr)})`;
}

/** Print the third-party open-loop runs of a model no fit saw (lib/validation/field-open-loop.ts). */
export function printFieldOpenLoop(report: FieldOpenLoopReport) {
  const s = report.calibratedSummary;
  const b = report.bareSummary;
  console.log(
    `\nTHIRD-PARTY OPEN-LOOP RUNS OF A MODEL NO FIT SAW (GPUStack: Qwen3.5-35B-A3B, a hybrid Gated DeltaNet / MoE model, on one H200; guidellm at a constant request rate; per-token time from mean latency − mean TTFT): ${s.runs} runs, ${s.predicted} predicted`,
  );
  console.log(`    ${line("time per output token", s.token)}`);
  console.log(`    ${line("mean request latency", s.latency)}`);
  console.log(`    ${line("TTFT", s.ttft)} with the calibrated serving-stack latency; ${line("TTFT", b.ttft)} with requestOverheadMs 0`);
  for (const x of s.saturated) console.log(`    saturated in the estimate: ${x.id} at ${x.rate} req/s (the run completed ${x.achieved} req/s)`);
  for (const c of report.calibrated) if (c.predicted) console.log(openLoopLine(c));
  const why = new Map<string, number>();
  for (const c of report.calibrated) if (c.run.unmodelled) why.set(c.run.unmodelled, (why.get(c.run.unmodelled) ?? 0) + 1);
  for (const [w, k] of why) console.log(`    not predicted (${k}): ${w}`);
  return { calibrated: s, bare: b };
}
