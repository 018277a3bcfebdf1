"use client";
import { useMemo } from "react";
import { formatBytes, formatParams } from "../../../lib/format";
import { kvByModel } from "../../../lib/lessons/compare";
import { DataTable } from "./ChartFrame";
import { useScenario } from "./scenario-context";

/** KV bytes per token across attention designs, at the scenario's KV precision. */
export function KvModelTable() {
  const { scenario: s } = useScenario();
  const rows = useMemo(() => kvByModel(s), [s]);
  return (
    <div className="my-3 overflow-x-auto rounded-xl border border-slate-200 p-2 dark:border-slate-800" data-testid="kv-models">
      <DataTable
        head={["Model", "Parameters", "Attention design", `KV per token (${s.kv === "auto" ? "BF16" : s.kv.toUpperCase()})`]}
        rows={rows.map((r) => [r.name, formatParams(r.params), r.design, formatBytes(r.kvBytesPerToken)])}
      />
    </div>
  );
}
