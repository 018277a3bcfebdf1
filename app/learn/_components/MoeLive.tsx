"use client";
import { useMemo } from "react";
import { formatCount, formatMs, formatParams, formatRate, formatRatio, formatUsd } from "../../../lib/format";
import { bySpeculation, MOE_BATCHES, moeTable, verifyCost } from "../../../lib/lessons/compare";
import { getModel } from "../../../lib/catalog";
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

/** The scenario with k MTP draft tokens: what the drafts buy at the scenario's batch, with the model's published acceptance. */
export function SpeculationTable() {
  const { scenario: s } = useScenario();
  const rows = useMemo(() => bySpeculation(s), [s]);
  if (rows.length === 0) {
    const name = getModel(s.model)?.name ?? s.model;
    return (
      <p className="my-3 text-sm text-slate-600 dark:text-slate-400" data-testid="speculation-none">
        {name} ships no multi-token-prediction module with published acceptance rates: pick DeepSeek-V3 or DeepSeek-R1 in the scenario bar
        to see its drafts priced.
      </p>
    );
  }
  return (
    <div className="my-3 overflow-x-auto rounded-xl border border-slate-200 p-2 dark:border-slate-800" data-testid="speculation-table">
      <DataTable
        head={["MTP draft tokens", "Tokens kept per pass", "Time / token", "Per user", "Throughput", "$ / M output"]}
        rows={rows.map((r) => [
          r.draftTokens === 0 ? "off" : formatCount(r.draftTokens),
          r.acceptanceLength.toFixed(2),
          r.fits ? formatMs(r.tpotMs) : "does not fit",
          formatRate(r.perUser),
          formatRate(r.throughput),
          formatUsd(r.costPerMillionOutput),
        ])}
      />
    </div>
  );
}
