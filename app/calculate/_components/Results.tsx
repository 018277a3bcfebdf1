"use client";
import type { Derivation } from "../../../lib/model/derivation";
import type { RunEstimateResult } from "../../../lib/run-estimate";
import { bindingShort, bindingWords, ENGINE_LABELS, layoutWords } from "../../../lib/estimate-words";
import { formatBytes, formatCount, formatMs, formatParams, formatRate, formatUsd, formatWithUnit } from "../../../lib/format";
import type { ConfidenceAnswer } from "../../../lib/validation/confidence";
import { Card } from "../../_components/Card";
import { ConfidenceBadge } from "../../_components/ConfidenceBadge";
import { Explain } from "../../_components/Explain";
import { Metric } from "../../_components/Metric";
import { VramBar } from "../../_components/VramBar";

type Ok = Extract<RunEstimateResult, { ok: true }>;

function useDerivations(ds: readonly Derivation[] | undefined) {
  const map = new Map((ds ?? []).map((d) => [d.key, d]));
  return (k: string) => map.get(k);
}

export function Results({
  r,
  confidence,
  stale,
  general,
}: {
  r: Ok;
  confidence: ConfidenceAnswer;
  stale: boolean;
  general: { problems: string[]; notes: string[] };
}) {
  const x = r.result;
  const d = useDerivations(x.derivations);
  const m = x.memory;
  const used = m.weights + m.kvCache + m.activations + m.runtimeReserve;
  const allProblems = x.problems;

  return (
    <div className={`space-y-4 transition-opacity ${stale ? "opacity-50" : ""}`} aria-live="polite" data-testid="results" data-fits={x.fits}>
      <div
        data-testid="verdict"
        className={`rounded-xl border p-4 ${
          x.fits
            ? "border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/40"
            : "border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950/40"
        }`}
      >
        <p className="font-semibold">
          {x.fits ? "Runs" : "Cannot run as configured"}: {r.model.name} on {x.gpusPerReplica}× {r.gpu.name}
          <span className="font-normal text-slate-600 dark:text-slate-300">
            {" "}
            · {r.input.weights.toUpperCase()} weights · {layoutWords(r.input)} · {ENGINE_LABELS[r.input.engine]}
            {r.input.mtpDraftTokens ? ` · MTP, ${r.input.mtpDraftTokens} draft${r.input.mtpDraftTokens === 1 ? "" : "s"} per step` : ""}
          </span>
        </p>
        <p className="mt-1 text-sm">
          <ConfidenceBadge answer={confidence} showErrors />
        </p>
        {allProblems.length > 0 && (
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-red-800 dark:text-red-200" data-testid="problems">
            {allProblems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        {x.fits && (
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-200" data-testid="binding">
            <span className="font-medium">Bound by {bindingShort(x.binding)}.</span> {bindingWords(x.binding)}
          </p>
        )}
      </div>

      <Card
        title="Latency and throughput"
        subtitle={
          x.fits
            ? "Click any figure to see its formula with the values put in."
            : "This configuration cannot run; the figures below are what the equations give if it could, to show how far off it is."
        }
      >
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
          <Metric testId="m-ttft" label="TTFT" value={formatMs(x.ttftMs)} derivation={d("ttft")} />
          <Metric testId="m-tpot" label="TPOT" value={formatMs(x.tpotMs)} derivation={d("tpot")} />
          <Metric testId="m-throughput" label="Output tok/s" value={formatRate(x.outputTokensPerSecond)} derivation={d("throughput")} hint="whole replica" />
          <Metric testId="m-per-gpu" label="Per GPU" value={formatRate(x.outputTokensPerSecondPerGpu)} derivation={d("throughputPerGpu")} />
          <Metric testId="m-per-user" label="Per user" value={formatRate(x.tokensPerSecondPerUser)} derivation={d("perUser")} />
          <Metric testId="m-max-concurrency" label="Max concurrency" value={formatCount(x.maxConcurrency)} derivation={d("maxConcurrency")} hint="requests at once (KV cache, engine batch limit)" />
          {x.openLoop ? (
            <Metric
              testId="m-in-flight"
              label="In flight"
              value={formatCount(x.openLoop.inFlight)}
              derivation={d("openLoop.inFlight")}
              hint={`${x.openLoop.saturated ? "saturated at" : "steady state at"} ${formatRate(x.openLoop.requestRate, "req/s")}`}
            />
          ) : null}
        </dl>
      </Card>

      <Card title="Cost" subtitle={r.price.source === "request" ? `At your price of ${formatUsd(r.price.usdPerGpuHour)}/GPU-hour` : r.price.source === "catalog" ? `At ${formatUsd(r.price.usdPerGpuHour)}/GPU-hour, ${r.price.row.provider} on-demand (seen ${r.price.row.dateSeen})` : "No price known for this GPU: enter one"}>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Metric testId="m-cost-hour" label="Per hour" value={`${formatUsd(x.costUsdPerHour)}/h`} derivation={d("cost.perHour")} />
          <Metric testId="m-cost-month" label="Per month" value={formatUsd(x.costUsdPerMonth)} derivation={d("cost.perMonth")} />
          <Metric testId="m-cost-in" label="$ / M input tokens" value={formatUsd(x.costUsdPerMillionInputTokens)} derivation={d("cost.perMillionInput")} />
          <Metric testId="m-cost-out" label="$ / M output tokens" value={formatUsd(x.costUsdPerMillionOutputTokens)} derivation={d("cost.perMillionOutput")} />
        </dl>
      </Card>

      <Card title="Memory per GPU" subtitle={`${formatBytes(used)} of ${formatBytes(m.capacity)}`}>
        <VramBar memory={m} title={`${r.gpu.name}`} />
        <dl className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-5">
          <Metric testId="m-mem-weights" label="Weights" value={formatBytes(m.weights)} derivation={d("memory.weights")} />
          <Metric testId="m-mem-kv" label="KV cache" value={formatBytes(m.kvCache)} derivation={d("memory.kvCache")} />
          <Metric label="Activations" value={formatBytes(m.activations)} derivation={d("memory.activations")} />
          <Metric label="Runtime reserve" value={formatBytes(m.runtimeReserve)} derivation={d("memory.reserve")} />
          <Metric testId="m-mem-free" label="Free" value={formatBytes(m.free)} derivation={d("memory.free")} />
        </dl>
      </Card>

      <Card title="Where the numbers come from" subtitle="The model and one decode step, per GPU.">
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Metric label="Parameters" value={formatParams(d("params.total")?.value)} derivation={d("params.total")} />
          <Metric label="Active per token" value={formatParams(d("params.active")?.value)} derivation={d("params.active")} />
          <Metric label="Weights (whole model)" value={formatWithUnit(d("weights.total")?.value, "B")} derivation={d("weights.total")} />
          <Metric label="Weights per layer" value={formatWithUnit(d("weights.perLayer")?.value, "B")} derivation={d("weights.perLayer")} />
          <Metric label="KV bytes per token" value={formatWithUnit(d("kv.bytesPerToken")?.value, "B")} derivation={d("kv.bytesPerToken")} />
          {d("kv.linearStatePerSequence") && (
            <Metric
              testId="m-linear-state"
              label={d("kv.linearStatePerSequence")?.label ?? "Linear-attention state per sequence"}
              value={formatWithUnit(d("kv.linearStatePerSequence")?.value, "B")}
              derivation={d("kv.linearStatePerSequence")}
              hint="fixed, whatever the context; read and written every step"
            />
          )}
          <Metric label="FLOPs per token" value={formatWithUnit(d("flops.decodePerToken")?.value, "FLOP")} derivation={d("flops.decodePerToken")} />
          <Metric label="Bytes read per step" value={formatWithUnit(d("bytes.decodePerStep")?.value, "B")} derivation={d("bytes.decodePerStep")} />
          <Metric label="Weights per GPU" value={formatWithUnit(d("weights.perGpu")?.value, "B")} derivation={d("weights.perGpu")} />
        </dl>
        <h3 className="mt-5 text-sm font-semibold">Decode step</h3>
        <dl className="mt-2 grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Metric label="Compute" value={formatWithUnit(d("step.compute")?.value, "s")} derivation={d("step.compute")} />
          <Metric label="Memory" value={formatWithUnit(d("step.memory")?.value, "s")} derivation={d("step.memory")} />
          <Metric label="Communication" value={formatWithUnit(d("step.comm")?.value, "s")} derivation={d("step.comm")} />
          <Metric label="Fixed overhead" value={formatWithUnit(d("step.overhead")?.value, "s")} derivation={d("step.overhead")} />
        </dl>
        <h3 className="mt-5 text-sm font-semibold">Prefill</h3>
        <dl className="mt-2 grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Metric
            testId="m-prefill"
            label="One prompt alone"
            value={formatMs(x.prefillMs)}
            derivation={d("prefill")}
            hint="engine time; TTFT adds the request path and the wait for other requests"
          />
        </dl>
      </Card>

      {(general.notes.length > 0 || general.problems.length > 0) && (
        <Card title="Notes">
          <ul className="list-disc space-y-1 pl-5 text-sm text-slate-600 dark:text-slate-300">
            {[...general.problems, ...general.notes].map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </Card>
      )}

      <Card title="Every derivation" subtitle="All the formulas behind this estimate.">
        <details>
          <summary className="cursor-pointer text-sm font-medium text-accent-700 dark:text-accent-300">Show all {x.derivations?.length ?? 0}</summary>
          <table className="mt-3 w-full text-left text-xs">
            <thead className="text-slate-500">
              <tr>
                <th className="py-1 pr-3 font-medium">Figure</th>
                <th className="py-1 pr-3 font-medium">Value</th>
                <th className="py-1 font-medium">Formula, with values</th>
              </tr>
            </thead>
            <tbody>
              {(x.derivations ?? []).map((dv) => (
                <tr key={dv.key} className="border-t border-slate-100 align-top dark:border-slate-800">
                  <td className="py-1.5 pr-3">{dv.label}</td>
                  <td className="tabular py-1.5 pr-3 font-medium">
                    <Explain derivation={dv} />
                  </td>
                  <td className="py-1.5 font-mono text-[11px]">
                    <span className="block text-slate-500">{dv.formula}</span>
                    <span className="block break-all">{dv.substituted}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </Card>
    </div>
  );
}
