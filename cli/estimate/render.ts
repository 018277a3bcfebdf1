/** The readable table `atlas estimate` prints, and the --explain listing. */
import { formatBytes, formatCount, formatMs, formatRate, formatUsd, formatWithUnit } from "../../lib/format";
import { bindingShort, bindingWords, ENGINE_LABELS, layoutWords } from "../../lib/estimate-words";
import type { Derivation } from "../../lib/model/derivation";
import type { RunEstimateResult } from "../../lib/run-estimate";

type Ok = Extract<RunEstimateResult, { ok: true }>;

function rows(pairs: readonly (readonly [string, string])[]): string {
  const w = Math.max(...pairs.map(([k]) => k.length)) + 2;
  return pairs.map(([k, v]) => `${k.padEnd(w)}${v}`).join("\n") + "\n";
}

export function renderTable(r: Ok): string {
  const { result: x, input: i, model, gpu } = r;
  const m = x.memory;
  const head =
    `${model.name} on ${x.gpusPerReplica}× ${gpu.name}\n` +
    `${i.weights} weights${i.kv ? `, ${i.kv} KV` : ""} · ${layoutWords(i)} · ${ENGINE_LABELS[i.engine]} · ISL ${formatCount(i.isl)} / OSL ${formatCount(i.osl)} · ${
      x.openLoop
        ? `${formatRate(x.openLoop.requestRate, "req/s")} offered: ${x.openLoop.saturated ? "saturated at " : ""}${formatCount(x.openLoop.inFlight)} in flight`
        : `concurrency ${formatCount(i.concurrency)}`
    }\n\n`;
  const price = r.price.source === "none" ? "no price known" : `${formatUsd(r.price.usdPerGpuHour)}/GPU-hour (${r.price.source})`;
  const body = rows([
    ["Fits", x.fits ? "yes" : "NO"],
    ["TTFT", `${formatMs(x.ttftMs)} (prefill of one prompt alone ${formatMs(x.prefillMs)})`],
    ["TPOT", formatMs(x.tpotMs)],
    ["Throughput", `${formatRate(x.outputTokensPerSecond)} total · ${formatRate(x.outputTokensPerSecondPerGpu)} per GPU · ${formatRate(x.tokensPerSecondPerUser)} per user`],
    ["Max concurrency", formatCount(x.maxConcurrency)],
    [
      "Memory per GPU",
      `${formatBytes(m.weights)} weights + ${formatBytes(m.kvCache)} KV + ${formatBytes(m.activations)} activations + ${formatBytes(m.runtimeReserve)} reserve; ${formatBytes(m.free)} free of ${formatBytes(m.capacity)}`,
    ],
    ["Bound by", bindingShort(x.binding)],
    ["Price", price],
    ["Cost", `${formatUsd(x.costUsdPerHour)}/h · ${formatUsd(x.costUsdPerMonth)}/month`],
    ["Per M tokens", `${formatUsd(x.costUsdPerMillionInputTokens)} input · ${formatUsd(x.costUsdPerMillionOutputTokens)} output`],
  ]);
  let tail = `\n${bindingWords(x.binding)}\n`;
  if (x.problems.length) tail += `\nProblems:\n${x.problems.map((p) => `  - ${p}\n`).join("")}`;
  if (x.notes?.length) tail += `\nNotes:\n${x.notes.map((p) => `  - ${p}\n`).join("")}`;
  return head + body + tail;
}

export function renderDerivations(ds: readonly Derivation[]): string {
  return (
    "\nHow each figure is computed:\n" +
    ds.map((d) => `\n${d.label} [${d.key}] = ${formatWithUnit(d.value, d.unit)}\n  ${d.formula}\n  = ${d.substituted}\n`).join("")
  );
}
