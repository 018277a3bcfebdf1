"use client";
import { useMemo } from "react";
import { formatBytes, formatCount, formatMs, formatRate, formatUsd } from "../../../lib/format";
import { byEngine, byKvPrecision, byParallelism, byWeightPrecision, type VariantRow } from "../../../lib/lessons/compare";
import { PARALLELISM_LABELS, type Parallelism } from "../../../lib/lessons/scenario";
import { DataTable } from "./ChartFrame";
import { useScenario } from "./scenario-context";

type Kind = "weights" | "kv" | "parallelism" | "engine";

const TITLE: Readonly<Record<Kind, string>> = {
  weights: "Weight precision",
  kv: "KV-cache precision",
  parallelism: "Parallelism",
  engine: "Engine",
};

/** The scenario with one knob swept, every row estimated by the core; the scenario's own row is marked. */
export function VariantTable({ kind }: { kind: Kind }) {
  const { scenario: s } = useScenario();
  const rows: (VariantRow & { kvBytesPerToken?: number })[] = useMemo(() => {
    if (kind === "weights") return byWeightPrecision(s);
    if (kind === "kv") return byKvPrecision(s);
    if (kind === "parallelism") return byParallelism(s);
    return byEngine(s);
  }, [kind, s]);
  const current = (r: VariantRow) =>
    kind === "weights" ? r.scenario.weights === s.weights : kind === "kv" ? r.scenario.kv === s.kv : kind === "parallelism" ? r.scenario.par === s.par : r.scenario.engine === s.engine;
  const label = (r: VariantRow) => (kind === "parallelism" ? PARALLELISM_LABELS[r.label as Parallelism] : r.label);
  const head = [TITLE[kind], ...(kind === "kv" ? ["KV per token"] : []), "Fits", "Weights / GPU", "Max users", "Time / token", "Per user", "$ / M output"];
  return (
    <div className="my-3 overflow-x-auto rounded-xl border border-slate-200 p-2 dark:border-slate-800" data-testid={`variants-${kind}`}>
      <DataTable
        head={head}
        rows={rows.map((r) => [
          <span key="l" className={current(r) ? "font-semibold" : ""}>
            {label(r)}
            {current(r) ? " (scenario)" : ""}
          </span>,
          ...(kind === "kv" ? [formatBytes(r.kvBytesPerToken)] : []),
          r.fits ? "yes" : "no",
          formatBytes(r.weightsPerGpu),
          formatCount(r.maxConcurrency),
          formatMs(r.tpotMs),
          formatRate(r.perUser),
          formatUsd(r.costPerMillionOutput),
        ])}
      />
    </div>
  );
}
