"use client";
import { useMemo } from "react";
import { formatCount, formatMs, formatParams, formatRatio } from "../../../lib/format";
import { MOE_BATCHES, moeTable, verifyCost } from "../../../lib/lessons/compare";
import { DataTable } from "./ChartFrame";
import { useScenario } from "./scenario-context";

/** MoE models: total vs active parameters, and distinct experts a batch touches per layer. */
export function MoeTable() {
  const rows = useMemo(() => moeTable(), []);
  return (
    <div className="my-3 overflow-x-auto rounded-xl border border-slate-200 p-2 dark:border-slate-800" data-testid="moe-table">
      <DataTable
        head={["Model", "Total", "Active per token", "Experts (k of E)", ...MOE_BATCHES.map((b) => `Touched at batch ${b}`)]}
        rows={rows.map((r) => [
          r.name,
          formatParams(r.total),
          formatParams(r.active),
          `${r.perToken} of ${r.experts}`,
          ...r.touched.map((t) => formatCount(Math.round(t.experts * 10) / 10)),
        ])}
      />
    </div>
  );
}

/** Speculative decoding's premise: checking k tokens in one pass costs about one pass. */
export function VerifyTable() {
  const { scenario: s } = useScenario();
  const rows = useMemo(() => verifyCost(s), [s]);
  return (
    <div className="my-3 overflow-x-auto rounded-xl border border-slate-200 p-2 dark:border-slate-800" data-testid="verify-table">
      <DataTable
        head={["Tokens checked in one pass", "Pass time (one user)", "vs one token"]}
        rows={rows.map((r) => [formatCount(r.tokens), formatMs(r.stepS * 1e3), formatRatio(r.relative)])}
      />
    </div>
  );
}
