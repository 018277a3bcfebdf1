// Sums the JSON reports written by scripts/test-all.sh and prints `N passed, N failed` as the last line.
// A step that should have produced a report but did not (crash, failed build) counts as one failure.
import { existsSync, readFileSync } from "node:fs";

const read = (f) => (existsSync(f) ? JSON.parse(readFileSync(f, "utf8")) : null);
let passed = 0;
let failed = 0;
const lines = [];

function vitest(file, name, required) {
  const r = read(file);
  if (!r) {
    if (required) {
      failed += 1;
      lines.push(`${name}: no report (${file}) — counted as 1 failure`);
    }
    return;
  }
  // A file that fails to load has no assertion results but must still count.
  const brokenFiles = (r.testResults ?? []).filter((t) => t.status === "failed" && (t.assertionResults ?? []).length === 0).length;
  passed += r.numPassedTests ?? 0;
  failed += (r.numFailedTests ?? 0) + brokenFiles;
  lines.push(`${name}: ${r.numPassedTests ?? 0} passed, ${(r.numFailedTests ?? 0) + brokenFiles} failed, ${r.numPendingTests ?? 0} skipped`);
}

vitest("reports/unit.json", "unit", true);
vitest("reports/pg.json", "postgres", false);

if (existsSync("reports/build.failed")) {
  failed += 1;
  lines.push("build: FAILED — counted as 1 failure (browser tests not run)");
} else {
  const e = read("reports/e2e.json");
  if (!e) {
    failed += 1;
    lines.push("e2e: no report (reports/e2e.json) — counted as 1 failure");
  } else {
    const s = e.stats ?? {};
    const p = (s.expected ?? 0) + (s.flaky ?? 0);
    let f = s.unexpected ?? 0;
    if (p + f === 0 && (e.errors ?? []).length > 0) f = 1; // e.g. the web server did not start
    passed += p;
    failed += f;
    lines.push(`e2e: ${p} passed, ${f} failed, ${s.skipped ?? 0} skipped`);
  }
}

for (const l of lines) console.log(`test-all: ${l}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
