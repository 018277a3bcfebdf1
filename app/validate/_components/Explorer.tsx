"use client";

import { useMemo, useState } from "react";
import { mdape, shareWithin } from "../../../lib/validation/stats";
import type { ExplorerRow } from "../_lib/view-model";
import { ENGINE_COLOURS, ENGINE_NAMES } from "./engines";
import { ErrorScatter, type ScatterPoint } from "./ErrorScatter";
import { count, ms, pct, signedPct } from "./fmt";

type Metric = "tpot" | "ttft";
type Sort = "shipped" | "err-desc" | "err-asc";
const PAGE = 100;

function options(rows: readonly ExplorerRow[], key: "model" | "gpu" | "engine" | "weights"): string[] {
  return [...new Set(rows.map((r) => r[key]))].sort();
}

function Select(props: { label: string; value: string; values: readonly string[]; onChange: (v: string) => void; name: string }) {
  return (
    <label className="flex flex-col text-xs">
      <span className="mb-1 text-neutral-500">{props.label}</span>
      <select
        name={props.name}
        aria-label={props.label}
        className="rounded border border-neutral-300 bg-transparent px-2 py-1 text-sm dark:border-neutral-700"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        <option value="">all</option>
        {props.values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Filters shared by the scatter and the table; both show only the rows that pass them. */
export function Explorer({ rows, band, sourcePrefix }: { rows: readonly ExplorerRow[]; band: number; sourcePrefix: string }) {
  const [metric, setMetric] = useState<Metric>("tpot");
  const [model, setModel] = useState("");
  const [gpu, setGpu] = useState("");
  const [engine, setEngine] = useState("");
  const [weights, setWeights] = useState("");
  const [outside, setOutside] = useState(false);
  const [sort, setSort] = useState<Sort>("shipped");
  const [shown, setShown] = useState(PAGE);

  const err = (r: ExplorerRow) => (metric === "tpot" ? r.eTpot : r.eTtft);
  const filtered = useMemo(() => {
    const f = rows.filter(
      (r) =>
        (!model || r.model === model) &&
        (!gpu || r.gpu === gpu) &&
        (!engine || r.engine === engine) &&
        (!weights || r.weights === weights) &&
        (!outside || (err(r) !== null && Math.abs(err(r)!) > band)),
    );
    if (sort === "shipped") return f;
    const key = (r: ExplorerRow) => (err(r) === null ? -1 : Math.abs(err(r)!));
    return [...f].sort((a, b) => (sort === "err-desc" ? key(b) - key(a) : key(a) - key(b)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows, model, gpu, engine, weights, outside, sort, metric, band]);

  const points: ScatterPoint[] = filtered.flatMap((r) => {
    const x = metric === "tpot" ? r.mTpot : r.mTtft;
    const y = metric === "tpot" ? r.pTpot : r.pTtft;
    const e = err(r);
    if (y === null || e === null) return [];
    return [{ x, y, engine: r.engine, err: e, label: `${r.model} · ${r.gpu} · ${r.isl}/${r.osl} · c${r.c}` }];
  });
  const errs = points.map((p) => p.err);
  const label = metric === "tpot" ? "TPOT" : "TTFT";

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <div role="group" aria-label="metric" className="flex overflow-hidden rounded border border-neutral-300 dark:border-neutral-700">
          {(["tpot", "ttft"] as const).map((m) => (
            <button
              key={m}
              type="button"
              aria-pressed={metric === m}
              onClick={() => setMetric(m)}
              className={`px-3 py-1 text-sm ${metric === m ? "bg-neutral-900 text-white dark:bg-neutral-100 dark:text-neutral-900" : ""}`}
            >
              {m.toUpperCase()}
            </button>
          ))}
        </div>
        <Select label="Model" name="model" value={model} values={options(rows, "model")} onChange={(v) => { setModel(v); setShown(PAGE); }} />
        <Select label="GPU" name="gpu" value={gpu} values={options(rows, "gpu")} onChange={(v) => { setGpu(v); setShown(PAGE); }} />
        <Select label="Engine" name="engine" value={engine} values={options(rows, "engine")} onChange={(v) => { setEngine(v); setShown(PAGE); }} />
        <Select label="Precision" name="weights" value={weights} values={options(rows, "weights")} onChange={(v) => { setWeights(v); setShown(PAGE); }} />
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" checked={outside} onChange={(e) => { setOutside(e.target.checked); setShown(PAGE); }} />
          only outside ±{pct(band)}
        </label>
        <label className="flex flex-col text-xs">
          <span className="mb-1 text-neutral-500">Order</span>
          <select
            aria-label="Order"
            className="rounded border border-neutral-300 bg-transparent px-2 py-1 text-sm dark:border-neutral-700"
            value={sort}
            onChange={(e) => setSort(e.target.value as Sort)}
          >
            <option value="shipped">as shipped</option>
            <option value="err-desc">largest {label} error first</option>
            <option value="err-asc">smallest {label} error first</option>
          </select>
        </label>
      </div>

      <p className="text-sm" data-testid="filtered-summary">
        <span data-testid="row-count">{count(filtered.length)}</span> rows match; {count(points.length)} predicted ·{" "}
        {label} MdAPE {pct(mdape(errs))} · within ±{pct(band)}: {pct(shareWithin(errs, band))}
      </p>

      <ErrorScatter points={points} band={band} metric={label} />

      <div className="overflow-x-auto">
        <table className="w-full text-left text-xs" data-testid="validate-table">
          <thead className="border-b border-neutral-300 dark:border-neutral-700">
            <tr>
              <th className="p-1">Model</th>
              <th className="p-1">GPU</th>
              <th className="p-1">Engine</th>
              <th className="p-1">Precision</th>
              <th className="p-1">ISL/OSL</th>
              <th className="p-1 text-right">Concurrency</th>
              <th className="p-1">Parallel</th>
              <th className="p-1 text-right">Measured {label}</th>
              <th className="p-1 text-right">Predicted {label}</th>
              <th className="p-1 text-right">Error</th>
              <th className="p-1">Source</th>
            </tr>
          </thead>
          <tbody>
            {filtered.slice(0, shown).map((r) => {
              const e = err(r);
              return (
                <tr key={r.k} className="border-b border-neutral-200 dark:border-neutral-800" data-engine={r.engine}>
                  <td className="p-1" title={r.hf}>{r.model}</td>
                  <td className="p-1">{r.gpu}</td>
                  <td className="p-1">
                    <span className="mr-1 inline-block h-2 w-2 rounded-full" style={{ background: ENGINE_COLOURS[r.engine] }} />
                    {ENGINE_NAMES[r.engine]}
                  </td>
                  <td className="p-1">{r.weights}</td>
                  <td className="p-1">
                    {r.isl}/{r.osl}
                  </td>
                  <td className="p-1 text-right">{r.c}</td>
                  <td className="p-1" title={r.parUpstream ? `upstream recorded ${r.parUpstream}; predicted as cleaned by the calibration (tp × ep recorded as tp)` : undefined}>
                    {r.par}
                  </td>
                  <td className="p-1 text-right">{ms(metric === "tpot" ? r.mTpot : r.mTtft)}</td>
                  <td className="p-1 text-right" title={r.problem ?? undefined}>
                    {r.problem ? <span className="text-red-600">not predicted</span> : ms(metric === "tpot" ? r.pTpot : r.pTtft)}
                  </td>
                  <td className={`p-1 text-right ${e !== null && Math.abs(e) > band ? "text-red-600" : ""}`}>{signedPct(e)}</td>
                  <td className="max-w-[16rem] truncate p-1 text-neutral-500" title={`${sourcePrefix}${r.src}`}>
                    {r.src}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {filtered.length > shown ? (
        <button type="button" className="rounded border px-3 py-1 text-sm" onClick={() => setShown((n) => n + PAGE * 5)}>
          Show more ({count(filtered.length - shown)} hidden)
        </button>
      ) : null}
    </div>
  );
}
