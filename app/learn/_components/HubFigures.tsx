"use client";
import { Explain } from "../../_components/Explain";
import { VramBar } from "../../_components/VramBar";
import { formatBandwidth, formatBytes, formatCount, formatMs, formatRate } from "../../../lib/format";
import { need } from "../../../lib/lessons/figures";
import { Counter } from "./Counter";
import { useScenario } from "./scenario-context";

/** The hub's live figures: three counters, the weight-streaming line and the VRAM bar. */
export function HubFigures() {
  const { figures: f } = useScenario();
  const flops = need(f, "flops.decodePerToken");
  const bytes = need(f, "lesson.bytesPerToken");
  const weights = need(f, "weights.total");
  const perLayer = need(f, "weights.perLayer");
  const r = f.result;
  const counters = [
    { d: flops, testId: "counter-flops", label: "FLOPs per output token", hint: "2 per active parameter: one multiply, one add" },
    { d: bytes, testId: "counter-bytes", label: "Bytes read per output token", hint: `the weights${f.batch > 1 ? `, shared by ${formatCount(f.batch)} users,` : ""} plus the KV cache` },
    { d: weights, testId: "counter-weights", label: "VRAM held by weights", hint: `${formatBytes(r.memory.weights)} on each of ${formatCount(r.gpusPerReplica)} GPU${r.gpusPerReplica > 1 ? "s" : ""}` },
  ];
  return (
    <div className="space-y-6">
      <dl className="grid gap-4 sm:grid-cols-3" aria-label="The cost of one token">
        {counters.map((c) => (
          <div key={c.testId} className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">{c.label}</dt>
            <dd className="mt-1 text-3xl font-bold tracking-tight">
              <Explain d={c.d}>
                <Counter value={c.d.value} unit={c.d.unit} testId={c.testId} />
              </Explain>
            </dd>
            <dd className="mt-1 text-xs text-slate-500 dark:text-slate-400">{c.hint}</dd>
          </div>
        ))}
      </dl>
      <div className="rounded-lg bg-accent-50 px-4 py-3 text-center text-base font-medium text-accent-700 dark:bg-accent-700/20 dark:text-accent-300" data-testid="weights-stream">
        Weights stream every token · <Explain d={perLayer}>{formatBytes(perLayer.value)} per layer</Explain> ·{" "}
        <Explain d={f.d["lesson.bandwidth"]}>{formatBandwidth(f.gpu.hbmBandwidth)}</Explain> per GPU
      </div>
      <div className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
        <VramBar memory={r.memory} title={`Memory per GPU (${f.gpu.name})`} />
        <p className="mt-3 text-sm" data-testid="fits">
          {r.fits ? (
            <span className="font-semibold text-emerald-700 dark:text-emerald-300">Fits.</span>
          ) : (
            <span className="font-semibold text-rose-700 dark:text-rose-300">Does not fit.</span>
          )}{" "}
          {r.fits
            ? `Room for ${formatCount(r.maxConcurrency)} requests of ${formatCount(f.scenario.isl + f.scenario.osl)} tokens; each user sees ${formatRate(r.tokensPerSecondPerUser)} (${formatMs(r.tpotMs)} a token).`
            : r.problems[0]}
        </p>
      </div>
    </div>
  );
}
