"use client";

import { formatCount, formatMs, formatPercent, formatUsd } from "@/lib/format";
import { layoutLabel } from "@/lib/search/enumerate";
import { ENGINE_NAMES } from "@/lib/search/labels";
import type { Candidate } from "@/lib/search/types";
import { ConfidenceBadge } from "../../_components/ConfidenceBadge";
import { derivationLookup, Explain } from "../../_components/Explain";
import type { Derivation } from "@/lib/model/derivation";

function Figure({ label, value, d, testId }: { label: string; value: string; d?: Derivation | undefined; testId?: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="tabular text-sm font-medium" data-testid={testId}>
        <Explain d={d}>{value}</Explain>
      </dd>
    </div>
  );
}

/** One deployment with every headline figure and its derivation. */
export function OptionCard({ c, selected, onSelect, perUser }: { c: Candidate; selected: boolean; onSelect: () => void; perUser: boolean }) {
  const d = derivationLookup(c.derivations);
  return (
    <article
      aria-label={c.rank ? `Option ${c.rank}` : "Option"}
      data-testid="option-card"
      className={`rounded-lg border p-4 ${selected ? "border-accent-500 ring-2 ring-accent-300" : "border-slate-200 dark:border-slate-700"} ${c.feasible ? "" : "opacity-90"}`}
    >
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-semibold">
          {c.rank ? <span className="mr-1 text-slate-500">#{c.rank}</span> : null}
          {c.replicas.toLocaleString("en-US")} × {c.gpusPerReplica}× {c.gpuName}
        </h3>
        <ConfidenceBadge answer={c.confidence} />
      </header>
      <p className="text-xs text-slate-500">
        {layoutLabel(c)} · {c.weights.toUpperCase()} weights, {c.kv.toUpperCase()} KV · {ENGINE_NAMES[c.engine]}
        {c.mtpDraftTokens > 0 ? ` · MTP ${c.mtpDraftTokens} drafts` : ""} · up to {c.concurrency} requests per replica ·{" "}
        {c.replicasForTraffic} serving{c.redundancyReplicas ? ` + ${c.redundancyReplicas} spare` : ""}
      </p>
      <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-4 lg:grid-cols-2 xl:grid-cols-3">
        <Figure label="Cost per month" value={formatUsd(c.costUsdPerMonth)} d={d("plan.costPerMonth")} testId="cost-month" />
        {perUser ? (
          <Figure label="Per user per month" value={formatUsd(c.costUsdPerUserPerMonth)} d={d("plan.costPerUser")} testId="cost-user" />
        ) : (
          <Figure label="Per 1,000 requests" value={formatUsd(c.costUsdPer1kRequests)} d={d("plan.costPer1kRequests")} testId="cost-1k" />
        )}
        <Figure label="$ / M input tokens" value={formatUsd(c.costUsdPerMillionInputTokens)} d={d("plan.costPerMillionInput")} />
        <Figure label="$ / M output tokens" value={formatUsd(c.costUsdPerMillionOutputTokens)} d={d("plan.costPerMillionOutput")} />
        <Figure label="TTFT p50" value={formatMs(c.ttftP50Ms)} d={d("plan.ttftP50")} />
        <Figure label="TTFT p95" value={formatMs(c.ttftP95Ms)} d={d("plan.ttftP95")} testId="ttft-p95" />
        <Figure label="TPOT p95" value={formatMs(c.tpotP95Ms)} d={d("plan.tpotP95")} />
        <Figure label="Tokens/s per user" value={formatCount(c.tokensPerSecondPerUser)} d={d("perUser")} />
        <Figure label="Throughput per GPU" value={`${formatCount(c.outputTokensPerSecondPerGpu)} tok/s`} d={d("throughputPerGpu")} />
        <Figure label="Utilisation at peak" value={formatPercent(c.utilisation)} d={d("plan.utilisation")} />
        <Figure label="Headroom" value={formatPercent(c.headroomPct / 100)} d={d("plan.headroom")} />
        <Figure label="Queue wait p95" value={formatMs(c.waitP95Ms)} d={d("plan.waitP95")} />
      </dl>
      <p className="mt-3 text-sm" data-testid="binding">
        {c.binding.words}
      </p>
      <p className="mt-1 text-xs text-slate-500">{c.qualityNote}</p>
      {c.violations.length ? (
        <ul className="mt-2 list-disc pl-5 text-sm text-rose-700 dark:text-rose-300">
          {c.violations.map((v) => (
            <li key={v}>{v}</li>
          ))}
        </ul>
      ) : null}
      {c.notes.length ? <p className="mt-1 text-xs text-slate-500">{c.notes.join(" ")}</p> : null}
      <p className="mt-1 text-xs text-slate-500">
        GPU price {formatUsd(c.price.perGpuHour)}/GPU-hour ({c.price.provider}, {c.price.term}, seen {c.price.dateSeen}
        {c.price.confidence === "low" ? "; a low-confidence price" : ""}).
      </p>
      {!selected ? (
        <button type="button" onClick={onSelect} className="mt-2 text-sm text-accent-600 underline">
          Select this option
        </button>
      ) : (
        <p className="mt-2 text-xs font-medium text-accent-700 dark:text-accent-300">Selected</p>
      )}
    </article>
  );
}
