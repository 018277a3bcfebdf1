"use client";

import { useMemo, useState } from "react";
import type { PublicViewRow } from "../_lib/view-model";
import { count, figure, signedPct } from "./fmt";

const PAGE = 50;

/** Published figures next to the current core's prediction for the same setup; client-side filters. */
export function PublicTable({
  rows,
  strings,
  band,
  metricLabels,
}: {
  rows: readonly PublicViewRow[];
  strings: readonly string[];
  band: number;
  metricLabels: Readonly<Record<string, string>>;
}) {
  const str = (i: number) => strings[i] ?? "";
  const [model, setModel] = useState("");
  const [gpu, setGpu] = useState("");
  const [metric, setMetric] = useState("");
  const [shown, setShown] = useState(PAGE);
  const filtered = useMemo(
    () => rows.filter((r) => (!model || r.model === model) && (!gpu || r.gpu === gpu) && (!metric || r.metric === metric)),
    [rows, model, gpu, metric],
  );
  const pick = (label: string, value: string, set: (v: string) => void, values: string[], names?: Readonly<Record<string, string>>) => (
    <label className="flex flex-col text-xs">
      <span className="mb-1 text-neutral-500">{label}</span>
      <select
        aria-label={`Published ${label}`}
        className="rounded border border-neutral-300 bg-transparent px-2 py-1 text-sm dark:border-neutral-700"
        value={value}
        onChange={(e) => {
          set(e.target.value);
          setShown(PAGE);
        }}
      >
        <option value="">all</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {names?.[v] ?? v}
          </option>
        ))}
      </select>
    </label>
  );
  const uniq = (k: "model" | "gpu" | "metric") => [...new Set(rows.map((r) => r[k]))].sort();
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        {pick("model", model, setModel, uniq("model"))}
        {pick("GPU", gpu, setGpu, uniq("gpu"))}
        {pick("metric", metric, setMetric, uniq("metric"), metricLabels)}
        <span className="text-sm" data-testid="public-row-count">
          {count(filtered.length)} figures
        </span>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-xs">
          <thead className="border-b border-neutral-300 dark:border-neutral-700">
            <tr>
              <th className="p-1">Model</th>
              <th className="p-1">GPU</th>
              <th className="p-1">Precision</th>
              <th className="p-1">Parallel</th>
              <th className="p-1">ISL/OSL</th>
              <th className="p-1 text-right">Batch</th>
              <th className="p-1">Metric</th>
              <th className="p-1 text-right">Published</th>
              <th className="p-1 text-right">Predicted</th>
              <th className="p-1 text-right">Error</th>
              <th className="p-1">Source</th>
            </tr>
          </thead>
          <tbody>
            {filtered.slice(0, shown).map((r) => (
              <tr key={r.k} className="border-b border-neutral-200 dark:border-neutral-800">
                <td className="p-1">{r.model}</td>
                <td className="p-1">{r.gpu}</td>
                <td className="p-1">{r.weights}</td>
                <td className="p-1">{r.par}</td>
                <td className="p-1">
                  {r.isl}/{r.osl}
                </td>
                <td className="p-1 text-right" title={r.c === null ? "not stated: predicted at the largest batch that fits" : undefined}>
                  {r.c ?? `(${r.cUsed ?? "—"})`}
                </td>
                <td className="p-1">{metricLabels[r.metric] ?? r.metric}</td>
                <td className="p-1 text-right">
                  {figure(r.measured, r.unit)}
                  {r.suspect ? <span title="flagged by the source notes" className="ml-1 text-amber-600">⚑</span> : null}
                </td>
                <td className="p-1 text-right" title={r.problem ?? undefined}>
                  {r.problem ? <span className="text-red-600">not predicted</span> : figure(r.predicted, r.unit)}
                </td>
                <td className={`p-1 text-right ${r.err !== null && Math.abs(r.err) > band ? "text-red-600" : ""}`}>{signedPct(r.err)}</td>
                <td className="max-w-[18rem] truncate p-1 text-neutral-500" title={`${str(r.source)} — ${str(r.sourceDetail)} — ${str(r.engineLabel)} — ${str(r.notes)}`}>
                  {str(r.sourceDetail)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {filtered.length > shown ? (
        <button type="button" className="rounded border px-3 py-1 text-sm" onClick={() => setShown((n) => n + PAGE * 4)}>
          Show more ({count(filtered.length - shown)} hidden)
        </button>
      ) : null}
    </div>
  );
}
