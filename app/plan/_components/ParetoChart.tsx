"use client";

import { formatCount, formatUsd } from "@/lib/format";
import { useState } from "react";
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from "recharts";
import type { ChartPoint, ParetoFront } from "@/lib/search/types";

type Which = "costLatency" | "throughputInteractivity";

const TITLES: Record<Which, string> = {
  costLatency: "Cost vs TTFT p95",
  throughputInteractivity: "Throughput per GPU vs speed per user",
};

function fmtAxis(unit: string) {
  return (v: number) => (unit === "USD" ? formatUsd(v) : formatCount(v));
}

/** Ticks at every power of ten across [min, max] (a log axis labelled at round values), or undefined for too few. */
function decadeTicks(values: readonly number[]): number[] | undefined {
  const pos = values.filter((v) => Number.isFinite(v) && v > 0);
  if (pos.length === 0) return undefined;
  const lo = Math.floor(Math.log10(Math.min(...pos)));
  const hi = Math.ceil(Math.log10(Math.max(...pos)));
  if (hi - lo < 1) return undefined;
  return Array.from({ length: hi - lo + 1 }, (_, i) => 10 ** (lo + i));
}

function Tip({ active, payload }: { active?: boolean; payload?: readonly { payload?: ChartPoint & { series?: string } }[] }) {
  const p = active ? payload?.[0]?.payload : undefined;
  if (!p) return null;
  return (
    <div className="max-w-xs rounded border border-slate-300 bg-white p-2 text-xs shadow dark:border-slate-600 dark:bg-slate-900" data-testid="chart-tooltip">
      <p className="font-medium">{p.label}</p>
      <p className="text-slate-500">{p.feasible ? "meets every target" : "misses a target"} · click to select</p>
    </div>
  );
}

/**
 * The Pareto chart: every sampled candidate in grey, the front highlighted and joined, the selected option marked.
 * It draws what the result gives it and computes nothing. Hover shows the configuration; click selects it.
 */
export function ParetoChart({ pareto, selectedId, onSelect }: {
  pareto: { costLatency: ParetoFront; throughputInteractivity: ParetoFront };
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const [which, setWhich] = useState<Which>("costLatency");
  const f = pareto[which];
  const all = [...f.front, ...f.others];
  const selected = all.filter((p) => p.id === selectedId);
  const log = which === "costLatency";
  const xTicks = log ? decadeTicks(all.map((p) => p.x)) : undefined;
  const yTicks = log ? decadeTicks(all.map((p) => p.y)) : undefined;
  const span = (t: number[] | undefined): [number, number] | ["auto", "auto"] => (t ? [t[0]!, t[t.length - 1]!] : ["auto", "auto"]);
  const click = (d: unknown) => {
    const p = (d as { payload?: ChartPoint } & Partial<ChartPoint>)?.payload ?? (d as ChartPoint);
    if (p?.id) onSelect(p.id);
  };
  return (
    <section aria-labelledby="pareto-h" className="rounded-lg border border-slate-200 p-4 dark:border-slate-700">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="pareto-h" className="font-semibold">
          Pareto front: {TITLES[which]}
        </h3>
        <div role="group" aria-label="Chart" className="flex gap-1 text-xs">
          {(Object.keys(TITLES) as Which[]).map((w) => (
            <button
              key={w}
              type="button"
              aria-pressed={w === which}
              onClick={() => setWhich(w)}
              className={`rounded border px-2 py-1 ${w === which ? "border-accent-500 bg-accent-50 dark:bg-slate-800" : "border-slate-300 dark:border-slate-600"}`}
            >
              {TITLES[w]}
            </button>
          ))}
        </div>
      </div>
      <p className="mt-1 text-xs text-slate-500">
        {f.front.length} configurations on the front (blue, joined: {f.better.x} {f.xLabel} and {f.better.y} {f.yLabel} are better); {f.others.length} other
        candidates sampled in grey. The star marks the selected option; hover a point for its configuration, click to select it.
      </p>
      <p className="mt-2 text-xs font-medium text-slate-600 dark:text-slate-300" data-testid="pareto-y-label">
        ↑ {f.yLabel} ({f.yUnit})
      </p>
      <div className="h-80 w-full" data-testid="pareto-chart">
        <ResponsiveContainer width="100%" height="100%">
          <ScatterChart margin={{ top: 10, right: 20, bottom: 5, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.4} />
            <XAxis
              type="number"
              dataKey="x"
              name={f.xLabel}
              scale={log ? "log" : "auto"}
              domain={span(xTicks)}
              ticks={xTicks}
              tickFormatter={fmtAxis(f.xUnit)}
              tick={{ fontSize: 11 }}
            />
            <YAxis
              type="number"
              dataKey="y"
              name={f.yLabel}
              scale={log ? "log" : "auto"}
              domain={span(yTicks)}
              ticks={yTicks}
              tickFormatter={fmtAxis(f.yUnit)}
              tick={{ fontSize: 11 }}
              width={56}
            />
            <ZAxis range={[30, 30]} />
            <Tooltip content={<Tip />} cursor={{ strokeDasharray: "3 3" }} />
            <Scatter name="other candidates" data={f.others} fill="#94a3b8" fillOpacity={0.5} isAnimationActive={false} onClick={click} />
            <Scatter name="Pareto front" data={f.front} fill="#2563eb" line={{ stroke: "#2563eb" }} isAnimationActive={false} onClick={click} />
            <Scatter
              name="selected"
              data={selected}
              fill="#f59e0b"
              shape="star"
              isAnimationActive={false}
              legendType="star"
            />
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      <p className="text-right text-xs font-medium text-slate-600 dark:text-slate-300" data-testid="pareto-x-label">
        {f.xLabel} ({f.xUnit}) →
      </p>
    </section>
  );
}
