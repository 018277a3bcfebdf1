/**
 * npm run validate [-- --out reports/validation.json] [--quick]
 * Prints, per model, GPU, engine, precision and overall: rows, share predicted, TPOT/TTFT MdAPE and share within
 * ±25 % — in-sample (committed calibration) and leave-one-model-out (refit without the model, error on the model);
 * leave-one-GPU-out and leave-one-generation-out (the same on hardware the fit never saw); forward in time (each month
 * predicted by a fit on the months before it);
 * the MoE small-batch throughput check; and the comparison with the published measurements.
 * Writes every row's result as JSON to --out.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getGpu } from "../lib/catalog/gpus";
import { generationClassLabel } from "../lib/model/engine-types";
import { getModel } from "../lib/catalog/models";
import { parseCsv } from "../lib/model/calib/csv";
import { breakdowns, byRelease, HELD_OUT_LIMITS, moeOvershootRows, releaseLabel, summariseHeldOut } from "../lib/model/calib/held-out";
import { releaseReport } from "../lib/validation/releases";
import { openLoopPoints, openLoopReport } from "../lib/validation/open-loop-compare";
import { forwardInTime, summariseTime } from "../lib/model/calib/held-out-time";
import { leaveOneGenerationOut, leaveOneGpuOut, summariseSplit } from "../lib/model/calib/held-out-hardware";
import { leaveOneModelOut, predictRows, type RowResult } from "../lib/model/calib/lomo";
import { mapPublicRecord, MAX_BATCH, type PublicCase } from "../lib/model/calib/public";
import { CALIBRATION } from "../lib/model/calibration.generated";
import { estimateConfig } from "../lib/model/estimate";
import { ape, median, shareWithin, type GroupStats } from "../lib/model/validation-stats";
import { repeatability } from "../lib/validation/repeatability";
import { repeatableRows } from "../lib/validation/score";
import { MEASURED_ROWS } from "../lib/validation/measurements.generated";
import { judgementSummary } from "../lib/validation/confidence";
import { LIVE_OPEN_LOOP_ESTIMATOR, liveField, liveFieldOpenLoop, liveValidation } from "../lib/validation/live";
import { printFieldOpenLoop, printFieldRuns } from "./validate-field";
import { loadCalibration, SHARED } from "./calibration-data";

const args = process.argv.slice(2);
const outIdx = args.indexOf("--out");
const OUT = path.resolve(process.cwd(), outIdx >= 0 && args[outIdx + 1] ? args[outIdx + 1]! : "reports/validation.json");
const QUICK = args.includes("--quick");

/** The key one run's results are matched on across the fits (in-sample, held out, forward in time). */
const resultKey = (r: RowResult) => [r.id, r.arch, r.concurrency, r.isl, r.osl, r.tp, r.dp].join("|");

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : "—");

function table(title: string, rows: GroupStats[]): void {
  console.log(`\n${title}`);
  console.log(`  ${"group".padEnd(42)} ${"rows".padStart(5)} ${"pred".padStart(6)} ${"TPOT MdAPE".padStart(11)} ${"TTFT MdAPE".padStart(11)} ${"TPOT ±25%".padStart(10)} ${"TTFT ±25%".padStart(10)}`);
  for (const s of rows) {
    console.log(
      `  ${s.group.padEnd(42)} ${String(s.rows).padStart(5)} ${pct(s.predictedShare).padStart(6)} ${pct(s.tpotMdape).padStart(11)} ${pct(s.ttftMdape).padStart(11)} ${pct(s.tpotWithin25).padStart(10)} ${pct(s.ttftWithin25).padStart(10)}`,
    );
  }
}

/** Print the breakdowns of a set of predictions (tables sorted by key) and return them. */
function breakdown(label: string, recs: RowResult[]) {
  const b = breakdowns(recs);
  table(`${label} — overall`, b.overall);
  table(`${label} — per model`, b.byModel);
  table(`${label} — per GPU`, b.byGpu);
  table(`${label} — per engine`, b.byEngine);
  table(`${label} — per precision`, b.byWeights);
  table(`${label} — dense vs MoE`, b.byMoe);
  // which harness measured the run (not an input): InferenceMAX runs vary more between repeats (REPEATABILITY below)
  table(`${label} — per benchmark harness`, b.byHarness);
  table(`${label} — per benchmark harness and engine`, b.byHarnessEngine);
  return { ...b, overall: b.overall[0]! };
}

function publicComparison() {
  const file = path.join(SHARED, "reference/measurements-public.csv");
  const recs = parseCsv(readFileSync(file, "utf8"));
  const cases: PublicCase[] = [];
  const skipped = new Map<string, number>();
  for (const r of recs) {
    const m = mapPublicRecord(r);
    if (m.ok) cases.push(m.c);
    else skipped.set(m.reason, (skipped.get(m.reason) ?? 0) + 1);
  }
  const results: { case: PublicCase; predicted: number | null; fits: boolean; concurrency: number }[] = [];
  for (const c of cases) {
    const model = getModel(c.model);
    const gpu = getGpu(c.gpu);
    if (!model || !gpu) {
      skipped.set("catalog lookup failed", (skipped.get("catalog lookup failed") ?? 0) + 1);
      continue;
    }
    let conc = c.concurrency ?? 1;
    if (c.concurrency === null) {
      const probe = estimateConfig({ model, gpu, input: { ...c.input, concurrency: 1 } });
      conc = Math.max(1, Math.min(probe.maxConcurrency, MAX_BATCH));
    }
    const res = estimateConfig({ model, gpu, input: { ...c.input, concurrency: conc } });
    let predicted: number | null = null;
    if (res.fits) {
      if (c.metric === "output_tps_total") predicted = res.outputTokensPerSecond;
      else if (c.metric === "output_tps_per_gpu") predicted = res.outputTokensPerSecondPerGpu;
      else if (c.metric === "tokens_per_s_per_user") predicted = res.tokensPerSecondPerUser;
      else if (c.metric === "ttft_ms") predicted = c.inProcess ? res.prefillMs : res.ttftMs;
      else predicted = res.tpotMs;
    }
    results.push({ case: c, predicted, fits: res.fits, concurrency: conc });
  }
  const ok = results.filter((r) => r.predicted !== null);
  const pairs = (xs: typeof ok) => xs.map((r) => ({ predicted: r.predicted!, measured: r.case.measured }));
  const groups = (key: (r: (typeof ok)[number]) => string) =>
    [...new Set(ok.map(key))].sort().map((k) => {
      const p = pairs(ok.filter((r) => key(r) === k));
      return { key: k, rows: p.length, mdape: median(p.map((q) => ape(q.predicted, q.measured))), within25: shareWithin(p) };
    });
  const byMetric = groups((r) => r.case.metric).map(({ key, ...g }) => ({ metric: key, ...g }));
  const byGpu = groups((r) => r.case.gpu).map(({ key, ...g }) => ({ gpu: key, ...g }));
  const all = pairs(ok);
  return {
    expressible: results.length,
    predicted: ok.length,
    notFitting: results.length - ok.length,
    skipped: Object.fromEntries([...skipped.entries()].sort()),
    mdape: median(all.map((q) => ape(q.predicted, q.measured))),
    within25: shareWithin(all),
    byMetric,
    byGpu,
    rows: results.map((r) => ({
      model: r.case.model,
      gpu: r.case.gpu,
      metric: r.case.metric,
      tp: r.case.input.tp,
      dp: r.case.input.dp,
      weights: r.case.input.weights,
      isl: r.case.input.isl,
      osl: r.case.input.osl,
      concurrency: r.concurrency,
      offline: r.case.concurrency === null,
      measured: r.case.measured,
      predicted: r.predicted,
      source: r.case.source,
      detail: r.case.detail,
    })),
  };
}

/**
 * The published open-loop runs (an offered request rate, no concurrency) at their rate: the replica's steady state by
 * Little's law, with the engine's calibrated serving-stack latency and with none (requestOverheadMs 0), so the share of
 * the first-token error that is the calibration harness's stack shows.
 */
function openLoop() {
  const recs = parseCsv(readFileSync(path.join(SHARED, "reference/measurements-public.csv"), "utf8"));
  const report = openLoopReport(openLoopPoints(recs), LIVE_OPEN_LOOP_ESTIMATOR);
  const calibrated = report.calibrated;
  const a = report.calibratedSummary;
  const b = report.bareSummary;
  const signed = (x: number | null) => (x === null ? "—" : `${x >= 0 ? "+" : "−"}${pct(Math.abs(x))}`);
  console.log(
    `\nPUBLISHED OPEN LOOP (an offered request rate, no concurrency: TensorRT-LLM's Triton serving table; the replica's steady state by Little's law, lib/model/open-loop.ts): ${a.points} points, ${a.compared} with a steady state compared`,
  );
  console.log(`  calibrated serving-stack latency: TTFT MdAPE ${pct(a.ttftMdape ?? NaN)} (median ${signed(a.ttftBias)}), ITL MdAPE ${pct(a.itlMdape ?? NaN)} (median ${signed(a.itlBias)}); within ±25 %: ${pct(a.ttftWithin ?? NaN)} / ${pct(a.itlWithin ?? NaN)}`);
  console.log(`  requestOverheadMs 0:              TTFT MdAPE ${pct(b.ttftMdape ?? NaN)} (median ${signed(b.ttftBias)}), ITL MdAPE ${pct(b.itlMdape ?? NaN)} (median ${signed(b.itlBias)}); within ±25 %: ${pct(b.ttftWithin ?? NaN)} / ${pct(b.itlWithin ?? NaN)}`);
  for (const x of a.saturated) console.log(`  saturated in the estimate (no steady state): ${x.label} at ${x.rate} req/s — the run's mean first token ${x.measuredTtftMs ?? "—"} ms`);
  return { calibrated: a, requestOverheadZero: b, points: calibrated.map((c) => ({ ...c.point, inFlight: c.inFlight, predictedSaturated: c.predictedSaturated, ttftPredMs: c.ttftPredMs, itlPredMs: c.itlPredMs })) };
}

async function main(): Promise<number> {
  if (!existsSync(SHARED)) {
    console.error(`validate: ${SHARED} not found; run from the repository root with ../shared present.`);
    return 1;
  }
  const d = await loadCalibration();
  const ctx = { models: d.models, gpus: d.gpus };
  console.log(`validate: ${d.rows.length} distinct measured runs (${d.normalised} remapped tp×ep rows, ${d.repeatedRecords} records repeating a run dropped); calibration of ${CALIBRATION.generatedOn}`);

  const inSample = predictRows(d.rows, ctx, CALIBRATION.factors);
  const ins = breakdown("IN-SAMPLE (committed calibration)", inSample);

  const t0 = Date.now();
  const held = leaveOneModelOut(d.rows, ctx, QUICK ? 800 : undefined);
  console.log(`\n(leave-one-model-out refits: ${((Date.now() - t0) / 1e3).toFixed(1)} s)`);
  const lomo = breakdown("LEAVE-ONE-MODEL-OUT (headline: each model predicted by a fit that never saw it)", held);
  const summary = summariseHeldOut(held);
  const releases = byRelease(held);
  const rel = releaseReport(
    held
      .filter((r) => r.predicted)
      .map((r) => ({ ...r, ttftMeasuredOverPredicted: r.ttftMeas / r.ttftPred, tpotMeasuredOverPredicted: r.tpotMeas / r.tpotPred })),
  );
  const ratioOf = new Map(rel.releases.map((x) => [releaseLabel({ engine: x.engine, engineVersion: x.release }), x]));
  console.log(`\nLEAVE-ONE-MODEL-OUT — per engine release (not an input of the estimator; measured/predicted > 1: slower than predicted)`);
  for (const g of releases) {
    const x = ratioOf.get(g.group);
    console.log(
      `  ${g.group.padEnd(42)} ${String(g.rows).padStart(5)}  TPOT MdAPE ${pct(g.tpotMdape).padStart(6)}  TTFT MdAPE ${pct(g.ttftMdape).padStart(6)}  measured/predicted TPOT ${x?.tpotRatio.toFixed(2) ?? "—"}  TTFT ${x?.ttftRatio.toFixed(2) ?? "—"}`,
    );
  }
  console.log(
    `  same model, GPU, engine and precision on two or more recorded releases (≥ ${rel.minRows} rows each): ${rel.spreads.length} setups; the slowest release's first token is ${rel.medianTtftFactor?.toFixed(2) ?? "—"}× the fastest's relative to the estimate (median over setups)`,
  );
  for (const s of rel.spreads) {
    console.log(
      `    ${s.ttftFactor.toFixed(2)}×  ${s.model} ${s.gpu} ${s.engine} ${s.weights}: ${s.slow.release} (${s.slow.rows} rows) TTFT measured/predicted ${s.slow.ttftRatio.toFixed(2)} vs ${s.fast.release} (${s.fast.rows}) ${s.fast.ttftRatio.toFixed(2)}`,
    );
  }
  // where the held-out error sits: a constant factor per group divided out (an oracle, lib/validation/error-sources.ts)
  const sources = summary.errorSources ?? [];
  console.log(`\nLEAVE-ONE-MODEL-OUT — error left if one constant factor per group were known (an oracle fitted on the measurements it is scored on: it predicts nothing, it locates the error)`);
  for (const s of sources) {
    console.log(`  ${s.grouping.padEnd(48)} ${String(s.groups).padStart(4)} groups  TPOT MdAPE ${pct(s.tpotMdape).padStart(6)}  TTFT MdAPE ${pct(s.ttftMdape).padStart(6)}`);
  }
  const t1 = Date.now();
  const gpuOut = leaveOneGpuOut(d.rows, ctx, QUICK ? 800 : undefined);
  const genOut = leaveOneGenerationOut(d.rows, ctx, QUICK ? 800 : undefined);
  console.log(`\n(hardware hold-out refits: ${((Date.now() - t1) / 1e3).toFixed(1)} s)`);
  const hwTables = (label: string, recs: RowResult[]) => {
    const b = breakdowns(recs);
    table(`${label} — overall`, b.overall);
    table(`${label} — per GPU`, b.byGpu);
    table(`${label} — per engine`, b.byEngine);
    table(`${label} — dense vs MoE`, b.byMoe);
  };
  hwTables("LEAVE-ONE-GPU-OUT (each GPU predicted by a fit that never saw it; the other GPU of its generation stays in)", gpuOut);
  hwTables("LEAVE-ONE-GENERATION-OUT (Hopper predicted with the Blackwell factors and back: the rule for a generation nobody measured)", genOut);
  const t2 = Date.now();
  const folds = forwardInTime(d.rows, ctx, QUICK ? 800 : undefined);
  const time = summariseTime(folds, d.rows);
  console.log(`\n(forward-in-time refits: ${((Date.now() - t2) / 1e3).toFixed(1)} s)`);
  console.log(
    `\nFORWARD IN TIME (each month's runs predicted by a fit on the runs measured before that month; ${time.undatedRuns} runs record no date and take part in neither) — per month`,
  );
  console.log(`  ${"month".padEnd(10)} ${"fit on".padStart(7)} ${"rows".padStart(5)} ${"pred".padStart(6)} ${"TPOT MdAPE".padStart(11)} ${"TTFT MdAPE".padStart(11)}`);
  for (const m of time.months) {
    console.log(
      `  ${m.month.padEnd(10)} ${String(m.trainRuns).padStart(7)} ${String(m.rows).padStart(5)} ${pct(m.predictedShare).padStart(6)} ${pct(m.tpotMdape).padStart(11)} ${pct(m.ttftMdape).padStart(11)}`,
    );
  }
  const timeRecs = folds.flatMap((f) => f.results);
  const tb = breakdowns(timeRecs);
  table("FORWARD IN TIME — overall", tb.overall);
  table("FORWARD IN TIME — per model", tb.byModel);
  table("FORWARD IN TIME — per engine", tb.byEngine);
  {
    // the same runs under the other fits: how much of the forward-in-time error is the future, how much the runs
    const ids = new Set(timeRecs.filter((r) => r.predicted).map(resultKey));
    const same = (recs: RowResult[]) => breakdowns(recs.filter((r) => ids.has(resultKey(r)))).overall[0]!;
    const [lo, ins] = [same(held), same(inSample)];
    console.log(
      `  the same ${ids.size} predicted runs: leave-one-model-out TPOT ${pct(lo.tpotMdape)} / TTFT ${pct(lo.ttftMdape)}; committed (in-sample) fit TPOT ${pct(ins.tpotMdape)} / TTFT ${pct(ins.ttftMdape)}`,
    );
  }
  const moe = summary.moeSmallBatch;
  console.log(
    `\nMoE at concurrency 1–8 (held-out): ${moe.rows} rows, worst throughput overshoot ${moe.maxOvershoot.toFixed(2)}× (target ≤ 2×; closed-loop output tok/s, first-token latency included), median predicted/measured ${moe.medianRatio.toFixed(2)}; per-user decode speed (1/TPOT) worst overshoot ${moe.maxDecodeOvershoot.toFixed(2)}×`,
  );
  for (const { row: r, overshoot } of moeOvershootRows(held)) {
    console.log(
      `  over ${HELD_OUT_LIMITS.moeMaxOvershoot}×: ${overshoot.toFixed(2)}×  ${r.model} ${r.gpu} ${releaseLabel(r)} ${r.weights} tp${r.tp} dp${r.dp} moe tp${r.moeTp ?? "-"}×ep${r.moeEp ?? "-"} ${r.isl}/${r.osl} C=${r.concurrency}: TTFT ${r.ttftMeas.toFixed(0)} ms measured, ${r.ttftPred.toFixed(0)} predicted; TPOT ${r.tpotMeas.toFixed(1)} / ${r.tpotPred.toFixed(1)} ms`,
    );
  }

  const pub = publicComparison();
  console.log(
    `\nPUBLISHED MEASUREMENTS (../shared/reference/measurements-public.csv): ${pub.expressible} expressible rows, ${pub.predicted} predicted (${pub.notFitting} do not fit), MdAPE ${pct(pub.mdape)}, within ±25 % ${pct(pub.within25)}`,
  );
  for (const m of pub.byMetric) console.log(`  ${m.metric.padEnd(24)} rows ${String(m.rows).padStart(5)}  MdAPE ${pct(m.mdape).padStart(7)}  ±25 % ${pct(m.within25).padStart(7)}`);
  // per GPU; a GPU no calibration run measured is a GPU the fit never saw (it takes its class's factors)
  const calibrated = new Set(d.rows.map((r) => r.gpu));
  for (const g of pub.byGpu) {
    const spec = getGpu(g.gpu);
    const cls = spec ? `${generationClassLabel(spec.generation)}-class factors` : "not in the catalog";
    const seen = calibrated.has(g.gpu) ? "" : `  (never measured by the calibration: ${cls})`;
    console.log(`  ${g.gpu.padEnd(24)} rows ${String(g.rows).padStart(5)}  MdAPE ${pct(g.mdape).padStart(7)}  ±25 % ${pct(g.within25).padStart(7)}${seen}`);
  }
  console.log(`  skipped: ${Object.entries(pub.skipped).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  const open = openLoop();
  const field = printFieldRuns(liveField());
  const fieldOpen = printFieldOpenLoop(liveFieldOpenLoop());

  // On the rows as recorded upstream (the transcribed copy /validate also uses), so page and script agree.
  const rep = repeatability(repeatableRows(MEASURED_ROWS));
  console.log(
    `\nREPEATABILITY (the floor under any estimator): ${rep.setups} setups measured in ${rep.runs} distinct runs (${rep.setupsByModel.map((m) => `${m.hfModel} ${m.setups}`).join(", ")}); one run predicting another run of the same setup: TTFT MdAPE ${pct(rep.ttftMdape ?? NaN)}, TPOT MdAPE ${pct(rep.tpotMdape ?? NaN)} (within ±25 %: ${pct(rep.ttftWithinBand ?? NaN)} / ${pct(rep.tpotWithinBand ?? NaN)} of ${rep.pairs} pairs)`,
  );

  // The confidence levels /validate and the badges show, and which evidence set them (the committed calibration).
  const conf = judgementSummary(liveValidation().table);
  console.log(
    `\nCONFIDENCE (regimes judged on in-sample errors, on models the fit never saw and on published figures; the lowest counts): ${conf.judged} regimes judged — high ${conf.levels.high}, medium ${conf.levels.medium}, low ${conf.levels.low}; lowered by held-out errors ${conf.loweredByHeldOut}; ${conf.withPublished} with ≥ 8 published figures, lowered further by them ${conf.loweredByPublished}`,
  );

  const t = summary.targets;
  const targets = {
    tpotMdape: t.tpotMdape.value,
    ttftMdape: t.ttftMdape.value,
    predictedShare: t.predictedShare.value,
    moeMaxOvershoot: t.moeMaxOvershoot.value,
    met: t.allMet,
  };
  console.log(
    `\nTARGETS (held-out): TPOT MdAPE ${pct(targets.tpotMdape)} (≤ 15 %), TTFT MdAPE ${pct(targets.ttftMdape)} (≤ 25 %), predicted ${pct(targets.predictedShare)} (≥ 95 %), MoE 1–8 overshoot ${targets.moeMaxOvershoot.toFixed(2)}× (≤ 2×) → ${targets.met ? "MET" : "NOT MET"}`,
  );

  const heldById = new Map(held.map((r) => [resultKey(r), r]));
  const json = {
    generatedBy: "npm run validate",
    calibration: { generatedOn: CALIBRATION.generatedOn, rowsUsed: CALIBRATION.rowsUsed, fitError: CALIBRATION.fitError },
    source: "../shared/calibration/aic-silicon-agg.csv",
    targets,
    inSample: { overall: ins.overall, byModel: ins.byModel, byGpu: ins.byGpu, byEngine: ins.byEngine, byWeights: ins.byWeights, byMoe: ins.byMoe },
    leaveOneModelOut: { overall: lomo.overall, byModel: lomo.byModel, byGpu: lomo.byGpu, byEngine: lomo.byEngine, byWeights: lomo.byWeights, byMoe: lomo.byMoe },
    leaveOneModelOutByRelease: releases,
    leaveOneModelOutErrorSources: sources,
    leaveOneGpuOut: summariseSplit(gpuOut),
    leaveOneGenerationOut: summariseSplit(genOut),
    forwardInTime: time,
    moeSmallBatch: moe,
    repeatability: rep,
    confidence: conf,
    public: pub,
    publicOpenLoop: open,
    fieldRuns: field,
    fieldOpenLoop: fieldOpen,
    rows: inSample.map((r) => {
      const h = heldById.get(resultKey(r));
      return { ...r, heldOut: h ? { tpotPred: h.tpotPred, ttftPred: h.ttftPred, predicted: h.predicted } : null };
    }),
  };
  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify(json, null, 1));
  console.log(`\nwrote ${path.relative(process.cwd(), OUT)}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
