/**
 * npm run calibrate — fit the engine factors to ../shared/calibration/aic-silicon-agg.csv and write
 * lib/model/calibration.generated.ts. Deterministic: same data → same file (the date is kept when nothing else
 * changed, so re-running reproduces the committed file byte for byte). Also runs leave-one-model-out and writes its
 * summary as HELD_OUT, the hold-outs by GPU and by GPU generation as HELD_OUT_HARDWARE, and the forward-in-time hold-out
 * (each month predicted by a fit on the months before it) as HELD_OUT_TIME (all shown on /validate).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fitAll, priorProfile, rowKey } from "../lib/model/calib/fit-all";
import { FITTED_FACTORS } from "../lib/model/calib/fit";
import { emitCalibration, round4 } from "../lib/model/calib/emit";
import { summariseHeldOut } from "../lib/model/calib/held-out";
import { leaveOneGenerationOut, leaveOneGpuOut, summariseHardware } from "../lib/model/calib/held-out-hardware";
import { forwardInTime, summariseTime } from "../lib/model/calib/held-out-time";
import { leaveOneModelOut } from "../lib/model/calib/lomo";
import { heldOutByRegime, heldOutSpeculative, SPECULATIVE_ID } from "../lib/validation/held-out-regimes";
import { predictRow } from "../lib/model/calib/predict";
import type { EngineFactors } from "../lib/model/engine-types";
import { mdape } from "../lib/model/validation-stats";
import { loadCalibration, SHARED } from "./calibration-data";

const OUT = path.resolve(process.cwd(), "lib/model/calibration.generated.ts");

async function main(): Promise<number> {
  if (!existsSync(SHARED)) {
    console.error(`calibrate: ${SHARED} not found; the calibration data lives in ../shared/calibration.`);
    return 1;
  }
  const d = await loadCalibration();
  const ctx = { models: d.models, gpus: d.gpus };
  console.log(
    `calibrate: ${d.rows.length} distinct runs (${d.skipped.length} skipped, ${d.normalised} remapped tp×ep rows, ${d.repeatedRecords} records repeating a run dropped), models via ${d.modelSource}`,
  );
  const t0 = Date.now();
  const fit = fitAll(d.rows, ctx);
  // Round the factors first, then measure the error of exactly what is written.
  const rounded: Record<string, EngineFactors> = {};
  for (const [k, f] of Object.entries(fit.factors)) {
    const r: Record<string, number> = { ...f };
    for (const s of FITTED_FACTORS) r[s.name] = round4(f[s.name]);
    rounded[k] = r as unknown as EngineFactors;
  }
  const tp: { predicted: number; measured: number }[] = [];
  const tt: { predicted: number; measured: number }[] = [];
  for (const r of d.rows) {
    const key = rowKey(r, ctx);
    const [e, g] = key.split(":") as [Parameters<typeof priorProfile>[0], Parameters<typeof priorProfile>[1]];
    const p = predictRow(r, d.models.get(r.arch)!, d.gpus.get(r.gpu)!, { ...priorProfile(e, g), factors: rounded[key]! });
    if (!p.predicted) continue;
    tp.push({ predicted: p.tpotMs, measured: r.tpotMs });
    tt.push({ predicted: p.ttftMs, measured: r.ttftMs });
  }
  const fitError = { tpotMdape: mdape(tp), ttftMdape: mdape(tt) };
  // Held-out figures: each architecture predicted by the fit refitted without its rows (shown on /validate).
  const t1 = Date.now();
  const lomo = leaveOneModelOut(d.rows, ctx);
  const heldOut = summariseHeldOut(lomo);
  const spec = heldOutSpeculative(lomo);
  const heldOutRegimes = { ...heldOutByRegime(lomo, (g) => d.gpus.get(g)?.generation), ...(spec ? { [SPECULATIVE_ID]: spec } : {}) };
  const ht = heldOut.targets;
  console.log(
    `calibrate: leave-one-model-out (${Object.keys(heldOut.byModel).length} architectures, ${((Date.now() - t1) / 1e3).toFixed(1)} s): TPOT MdAPE ${(ht.tpotMdape.value * 100).toFixed(1)} %, TTFT MdAPE ${(ht.ttftMdape.value * 100).toFixed(1)} %, predicted ${(ht.predictedShare.value * 100).toFixed(1)} %, MoE 1–8 overshoot ${ht.moeMaxOvershoot.value.toFixed(2)}× → targets ${ht.allMet ? "met" : "not met"}`,
  );
  const t2 = Date.now();
  const heldOutHardware = summariseHardware(leaveOneGpuOut(d.rows, ctx), leaveOneGenerationOut(d.rows, ctx));
  const hw = (g: { tpotMdape: number; ttftMdape: number }) => `TPOT MdAPE ${(g.tpotMdape * 100).toFixed(1)} %, TTFT MdAPE ${(g.ttftMdape * 100).toFixed(1)} %`;
  console.log(
    `calibrate: held out by hardware (${((Date.now() - t2) / 1e3).toFixed(1)} s): a GPU the fit never saw ${hw(heldOutHardware.unseenGpu.overall)}; a generation it never saw ${hw(heldOutHardware.unseenGeneration.overall)}`,
  );
  const t3 = Date.now();
  const heldOutTime = summariseTime(forwardInTime(d.rows, ctx), d.rows);
  console.log(
    `calibrate: forward in time (${heldOutTime.months.length} months, ${((Date.now() - t3) / 1e3).toFixed(1)} s): each month predicted by a fit on the months before it ${hw(heldOutTime.overall)}`,
  );
  const source = "../shared/calibration/aic-silicon-agg.csv (ai-dynamo/aiconfigurator@095f58a5 silicon_sample.csv, aggregated serving)";
  const build = (date: string) =>
    emitCalibration({
      generatedOn: date,
      source,
      rowsUsed: tp.length,
      rowsPerKey: fit.rowsPerKey,
      fitError,
      factors: rounded,
      fitted: FITTED_FACTORS.map((s) => s.name),
      fittedPerKey: fit.fittedPerKey,
      heldOut,
      heldOutHardware,
      heldOutTime,
      heldOutRegimes,
    });
  const today = new Date().toISOString().slice(0, 10);
  let text = build(today);
  if (existsSync(OUT)) {
    const old = readFileSync(OUT, "utf8");
    const m = /generatedOn: "([^"]+)"/.exec(old);
    if (m && build(m[1]!) === old) text = old; // unchanged fit: keep the original date
  }
  writeFileSync(OUT, text);
  console.log(
    `calibrate: ${tp.length} rows used, in-sample TPOT MdAPE ${(fitError.tpotMdape * 100).toFixed(1)} %, TTFT MdAPE ${(fitError.ttftMdape * 100).toFixed(1)} %, ${((Date.now() - t0) / 1e3).toFixed(1)} s → ${path.relative(process.cwd(), OUT)}`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
