"use client";
import { useMemo } from "react";
import { formatCount, formatRatio, formatUsd, formatUsdPerHour } from "../../../lib/format";
import { throughputByBatch } from "../../../lib/lessons/charts";
import { DataTable } from "./ChartFrame";
import { useScenario } from "./scenario-context";

/** Where the GPU price comes from (the catalog's representative on-demand row). */
export function PriceSource() {
  const { figures: f } = useScenario();
  const p = f.price;
  if (!p) return <span>No price is listed for {f.gpu.name}, so the costs below are zero.</span>;
  return (
    <span data-testid="price-source">
      {formatUsdPerHour(p.perGpuHour)} per GPU-hour for {f.gpu.name} ({p.provider}, {p.term}, seen {p.dateSeen})
    </span>
  );
}

/** $/M input and output as concurrency grows (core estimates at each point). */
export function CostByBatch() {
  const { scenario: s } = useScenario();
  const rows = useMemo(() => throughputByBatch(s), [s]);
  return (
    <div className="overflow-x-auto" data-testid="cost-by-batch">
      <DataTable
        head={["Concurrent users", "$ per M input", "$ per M output", "Output ÷ input"]}
        rows={rows.map((r) => [
          formatCount(r.concurrency) + (r.queued ? " (queued)" : ""),
          formatUsd(r.costPerMillionInput),
          formatUsd(r.costPerMillionOutput),
          formatRatio(r.costRatio),
        ])}
      />
    </div>
  );
}
