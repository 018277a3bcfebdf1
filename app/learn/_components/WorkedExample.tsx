"use client";
import Link from "next/link";
import { formatCount, formatMs, formatUsd } from "../../../lib/format";
import { EXAMPLE_TARGETS, workedExampleHref, workedExamplePlan } from "../../../lib/lessons/worked-example";
import { useScenario } from "./scenario-context";

/** The scenario against the example's targets (one replica, the scenario's load). */
export function TargetCheck() {
  const { figures: f } = useScenario();
  const r = f.result;
  const rows = [
    { what: "Time to first token", have: formatMs(r.ttftMs), want: `≤ ${formatMs(EXAMPLE_TARGETS.ttftP95Ms)} (p95)`, ok: r.ttftMs <= EXAMPLE_TARGETS.ttftP95Ms, binds: "prefill compute, and queueing" },
    { what: "Time per output token", have: formatMs(r.tpotMs), want: `≤ ${formatMs(EXAMPLE_TARGETS.tpotP95Ms)} (p95)`, ok: r.tpotMs <= EXAMPLE_TARGETS.tpotP95Ms, binds: "decode bandwidth" },
  ];
  return (
    <div className="my-3 overflow-x-auto rounded-xl border border-slate-200 dark:border-slate-800" data-testid="target-check">
      <table className="w-full min-w-[32rem] text-left text-sm tabular">
        <thead>
          <tr className="border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900">
            <th scope="col" className="px-3 py-2">Target</th>
            <th scope="col" className="px-3 py-2">This scenario</th>
            <th scope="col" className="px-3 py-2">Example target</th>
            <th scope="col" className="px-3 py-2">Met?</th>
            <th scope="col" className="px-3 py-2">Bound by</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((x) => (
            <tr key={x.what} className="border-b border-slate-100 dark:border-slate-800">
              <th scope="row" className="px-3 py-2 font-medium">{x.what}</th>
              <td className="px-3 py-2">{x.have}</td>
              <td className="px-3 py-2">{x.want}</td>
              <td className={`px-3 py-2 font-semibold ${x.ok ? "text-emerald-700 dark:text-emerald-300" : "text-rose-700 dark:text-rose-300"}`}>{x.ok ? "yes" : "no"}</td>
              <td className="px-3 py-2">{x.binds}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The worked example's inputs, and the link that opens the planner with them filled in. */
export function WorkedExample() {
  const { scenario: s, figures: f } = useScenario();
  const plan = workedExamplePlan(s);
  const w = plan.workload!;
  const items: [string, string][] = [
    ["Model", f.model.name],
    ["Prompt tokens (mean · p95)", `${formatCount(w.inputTokens)} · ${formatCount(w.inputTokensP95)}`],
    ["Output tokens (mean · p95)", `${formatCount(w.outputTokens)} · ${formatCount(w.outputTokensP95)}`],
    ["p95 time to first token", formatMs(EXAMPLE_TARGETS.ttftP95Ms)],
    ["p95 time per output token", formatMs(EXAMPLE_TARGETS.tpotP95Ms)],
    ["Daily active users", formatCount(EXAMPLE_TARGETS.dailyActiveUsers)],
    ["Requests per user per day", formatCount(EXAMPLE_TARGETS.requestsPerUserPerDay)],
    ["Peak ÷ average traffic", `${formatCount(EXAMPLE_TARGETS.peakToAverage)}×`],
    ["Budget", `${formatUsd(EXAMPLE_TARGETS.maxUsdPerMonth)} per month`],
  ];
  return (
    <div className="my-3 rounded-xl border border-slate-200 p-4 dark:border-slate-800" data-testid="worked-example">
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        {items.map(([k, v]) => (
          <div key={k} className="flex justify-between gap-3 border-b border-slate-100 py-1 dark:border-slate-800">
            <dt className="text-slate-600 dark:text-slate-400">{k}</dt>
            <dd className="font-medium tabular">{v}</dd>
          </div>
        ))}
      </dl>
      <Link
        href={workedExampleHref(s)}
        className="mt-4 inline-block rounded-lg bg-accent-600 px-4 py-2 font-semibold text-white hover:bg-accent-700"
        data-testid="open-planner"
      >
        Open this example in the planner →
      </Link>
    </div>
  );
}
