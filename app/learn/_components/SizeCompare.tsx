"use client";
import { useMemo } from "react";
import { formatBytes, formatParams, formatRate, formatRatio } from "../../../lib/format";
import { sizeRatio, tokensPerSecondBySize } from "../../../lib/lessons/charts";
import { useScenario } from "./scenario-context";

/** 70B vs 8B on one GPU of the scenario's kind: parameters, bytes and the bandwidth-bound slowdown. */
export function SizeCompare() {
  const { scenario: s, figures: f } = useScenario();
  const r = useMemo(() => sizeRatio(tokensPerSecondBySize(s)), [s]);
  if (!r) return null;
  return (
    <div className="my-3 grid gap-3 sm:grid-cols-3" data-testid="size-compare">
      <div className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
        <div className="text-xs uppercase tracking-wide text-slate-500">Parameters</div>
        <div className="text-sm">
          {formatParams(r.big.paramsB * 1e9)} vs {formatParams(r.small.paramsB * 1e9)}
        </div>
        <div className="text-2xl font-bold">{formatRatio(r.params)}</div>
      </div>
      <div className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
        <div className="text-xs uppercase tracking-wide text-slate-500">Weight bytes at {s.weights.toUpperCase()}</div>
        <div className="text-sm">
          {formatBytes(r.big.weightBytes)} vs {formatBytes(r.small.weightBytes)}
        </div>
        <div className="text-2xl font-bold">{formatRatio(r.bytes)}</div>
      </div>
      <div className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
        <div className="text-xs uppercase tracking-wide text-slate-500">Bandwidth-bound tok/s on one {f.gpu.name}</div>
        <div className="text-sm">
          {formatRate(r.big.bandwidthTps)} vs {formatRate(r.small.bandwidthTps)}
        </div>
        <div className="text-2xl font-bold" data-testid="size-slowdown">
          {formatRatio(r.slowdown)} slower
        </div>
      </div>
    </div>
  );
}
