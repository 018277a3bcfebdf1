"use client";

import { formatCount, formatMs, formatPercent, formatUsd } from "@/lib/format";
import { layoutLabel } from "@/lib/search/enumerate";
import { ENGINE_NAMES } from "@/lib/search/labels";
import type { Candidate } from "@/lib/search/types";
import { useId } from "react";
import { ConfidenceBadge } from "../../_components/ConfidenceBadge";

/** Every ranked option in one table; a row's button selects it. */
export function OptionsTable({ options, selectedId, onSelect, perUser, caption }: {
  options: readonly Candidate[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  perUser: boolean;
  caption: string;
}) {
  const captionId = useId();
  return (
    <div>
      {/* the caption sits outside the scrolling table so it wraps on a narrow screen instead of scrolling away */}
      <p className="mb-2 text-left text-sm text-slate-500" id={captionId}>{caption}</p>
      <div className="overflow-x-auto">
      <table className="w-full min-w-[64rem] text-left text-sm tabular" data-testid="options-table" aria-describedby={captionId}>
        <thead className="border-b border-slate-300 text-xs text-slate-500 dark:border-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-2">#</th>
            <th scope="col" className="pr-2">Deployment</th>
            <th scope="col" className="pr-2">Layout</th>
            <th scope="col" className="pr-2">Precision</th>
            <th scope="col" className="pr-2">Engine</th>
            <th scope="col" className="pr-2">Conc.</th>
            <th scope="col" className="pr-2">TTFT p50 / p95</th>
            <th scope="col" className="pr-2">TPOT p50 / p95</th>
            <th scope="col" className="pr-2">Tok/s/GPU</th>
            <th scope="col" className="pr-2">Util.</th>
            <th scope="col" className="pr-2">$/month</th>
            <th scope="col" className="pr-2">$/M in · out</th>
            <th scope="col" className="pr-2">{perUser ? "$/user/mo" : "$/1k req"}</th>
            <th scope="col" className="pr-2">Bound by</th>
            <th scope="col">Confidence</th>
          </tr>
        </thead>
        <tbody>
          {options.map((c) => (
            <tr
              key={c.id}
              data-testid="option-row"
              aria-selected={c.id === selectedId}
              className={`border-b border-slate-100 dark:border-slate-800 ${c.id === selectedId ? "bg-accent-50 dark:bg-slate-800" : ""}`}
            >
              <td className="py-1 pr-2">{c.rank ?? "–"}</td>
              <td className="pr-2">
                <button type="button" className="text-left text-accent-700 underline decoration-dotted dark:text-accent-300" onClick={() => onSelect(c.id)}>
                  {c.replicas.toLocaleString("en-US")} × {c.gpusPerReplica}× {c.gpuName}
                </button>
              </td>
              <td className="pr-2">{layoutLabel(c)}</td>
              <td className="pr-2">{c.weights.toUpperCase()} / KV {c.kv.toUpperCase()}</td>
              <td className="pr-2">
                {ENGINE_NAMES[c.engine]}
                {c.mtpDraftTokens > 0 ? ` + MTP ${c.mtpDraftTokens}` : ""}
              </td>
              <td className="pr-2">{c.concurrency}</td>
              <td className="whitespace-nowrap pr-2">{formatMs(c.ttftP50Ms)} / {formatMs(c.ttftP95Ms)}</td>
              <td className="whitespace-nowrap pr-2">{formatMs(c.tpotP50Ms)} / {formatMs(c.tpotP95Ms)}</td>
              <td className="whitespace-nowrap pr-2">{formatCount(c.outputTokensPerSecondPerGpu)}</td>
              <td className="whitespace-nowrap pr-2">{formatPercent(c.utilisation)}</td>
              <td className="whitespace-nowrap pr-2" data-testid="row-cost-month">{formatUsd(c.costUsdPerMonth)}</td>
              <td className="whitespace-nowrap pr-2">{formatUsd(c.costUsdPerMillionInputTokens)} · {formatUsd(c.costUsdPerMillionOutputTokens)}</td>
              <td className="pr-2" data-testid="row-cost-user">{perUser ? formatUsd(c.costUsdPerUserPerMonth) : formatUsd(c.costUsdPer1kRequests)}</td>
              <td className="pr-2">{c.binding.resource.replace("-", " ")}</td>
              <td><ConfidenceBadge answer={c.confidence} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </div>
  );
}
