/**
 * `npm run transcribe`: ../shared calibration and public benchmark CSVs → lib/validation/measurements.generated.ts and
 * lib/validation/public-measurements.generated.ts.
 * Re-running on unchanged data reproduces the file byte for byte (the date stamp is kept when nothing else changes).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { renderModules, stampedDate, transcribe } from "./transcribe/render";

const root = process.cwd();
const shared = path.resolve(root, "../shared");
const aicPath = path.join(shared, "calibration/aic-silicon-agg.csv");
const publicPath = path.join(shared, "reference/measurements-public.csv");
const measuredPath = path.join(root, "lib/validation/measurements.generated.ts");
const publicOutPath = path.join(root, "lib/validation/public-measurements.generated.ts");

for (const p of [aicPath, publicPath]) {
  if (!existsSync(p)) {
    console.error(`transcribe: ${p} not found (run from the repository root with ../shared beside it)`);
    process.exit(1);
  }
}

const t = transcribe(readFileSync(aicPath, "utf8"), readFileSync(publicPath, "utf8"));
const today = new Date().toISOString().slice(0, 10);
const previous = existsSync(measuredPath) ? readFileSync(measuredPath, "utf8") : null;
const previousPublic = existsSync(publicOutPath) ? readFileSync(publicOutPath, "utf8") : null;
const oldDate = previous === null ? null : stampedDate(previous);
const again = oldDate === null ? null : renderModules(t, oldDate);
const unchanged = again !== null && again.measured === previous && again.published === previousPublic;
if (!unchanged) {
  const fresh = renderModules(t, today);
  writeFileSync(measuredPath, fresh.measured);
  writeFileSync(publicOutPath, fresh.published);
}

console.log(`${unchanged ? "unchanged" : "wrote"} ${path.relative(root, measuredPath)}, ${path.relative(root, publicOutPath)}`);
console.log(`  measured rows: ${t.measured.length} of ${t.aicCsvRows} (aic-silicon-agg.csv)`);
console.log(`  public rows:   ${t.published.length} of ${t.publicCsvRows} (measurements-public.csv)`);
for (const s of t.skipped.slice(0, 12)) console.log(`    skipped ${String(s.count).padStart(5)}  ${s.reason}`);
if (t.skipped.length > 12) console.log(`    … ${t.skipped.length - 12} more reasons`);
