"use client";

import { formatCount, formatUsd } from "@/lib/format";
import type { Candidate, PlanResult } from "@/lib/search/types";
import { ApiComparison } from "./ApiComparison";
import { derivationLookup, Explain } from "../../_components/Explain";
import { OptionCard } from "./OptionCard";
import { OptionsTable } from "./OptionsTable";
import { ParetoChart } from "./ParetoChart";

/** Everything the search found: headline, cards, chart, table, API comparison, rejections, assumptions. */
export function Results({ r, selected, onSelect }: { r: PlanResult; selected: Candidate | null; onSelect: (id: string) => void }) {
  const perUser = r.traffic.dailyActiveUsers !== null;
  const t = derivationLookup(r.traffic.derivations);
  const cards = r.feasible ? r.options.slice(0, 3) : r.nearMisses.slice(0, 3);
  const selectedShown = selected && !cards.some((c) => c.id === selected.id) ? selected : null;
  return (
    <div className="space-y-6">
      <section aria-labelledby="summary-h" className={`rounded-lg border p-4 ${r.feasible ? "border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/30" : "border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/30"}`}>
        <h2 id="summary-h" className="text-lg font-semibold">
          {r.feasible ? "Recommended deployment" : "Nothing meets every target"}
        </h2>
        <p className="mt-1" data-testid="summary">
          {r.summary}
        </p>
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-300" data-testid="search-stats">
          {r.model.name} · peak <Explain d={t("traffic.peak")}>{formatCount(r.traffic.peakRequestsPerSecond)} req/s</Explain> · searched {formatCount(r.stats.candidates)} candidates ({formatCount(r.stats.estimated)} estimated) in {formatCount(r.stats.searchMs)} ms ·{" "}
          {formatCount(r.stats.feasible)} met every target · queueing: {r.queueing.model}
        </p>
      </section>

      {!r.feasible ? (
        <section aria-labelledby="relax-h" className="rounded-lg border border-amber-300 p-4 dark:border-amber-800" data-testid="relax">
          <h3 id="relax-h" className="font-semibold">
            What to relax
          </h3>
          {r.relax.length ? (
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
              {r.relax.map((a) => (
                <li key={a.words}>{a.words}</li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-sm">No single change found; the nearest misses below show how far each falls short.</p>
          )}
          <p className="mt-3 text-sm font-medium">Nearest misses</p>
        </section>
      ) : null}

      <div className="grid gap-4 lg:grid-cols-3">
        {cards.map((c) => (
          <OptionCard key={c.id} c={c} perUser={perUser} selected={selected?.id === c.id} onSelect={() => onSelect(c.id)} />
        ))}
      </div>
      {selectedShown ? (
        <div>
          <h3 className="mb-2 font-semibold">Selected from the chart</h3>
          <OptionCard c={selectedShown} perUser={perUser} selected onSelect={() => undefined} />
        </div>
      ) : null}

      <ParetoChart pareto={r.pareto} selectedId={selected?.id ?? null} onSelect={onSelect} />

      {r.options.length ? (
        <OptionsTable
          options={r.options}
          selectedId={selected?.id ?? null}
          onSelect={onSelect}
          perUser={perUser}
          caption="Ranked options: cheapest meeting every target first, then lower TTFT p95 — one per GPU × layout × precision."
        />
      ) : (
        <OptionsTable options={r.nearMisses} selectedId={selected?.id ?? null} onSelect={onSelect} perUser={perUser} caption="Nearest misses (none meets every target)." />
      )}

      <ApiComparison api={r.api} />

      <section aria-labelledby="rej-h" className="rounded-lg border border-slate-200 p-4 dark:border-slate-700">
        <h3 id="rej-h" className="font-semibold">
          Rejected candidates
        </h3>
        <ul className="mt-2 space-y-1 text-sm" data-testid="rejections">
          {r.rejections.map((x) => (
            <li key={x.reason}>
              <span className="font-medium">{x.message}</span>
              {x.example ? <span className="block text-xs text-slate-500">e.g. {x.example}</span> : null}
            </li>
          ))}
        </ul>
      </section>

      {r.growth.length && r.growth.some((g, i) => i > 0 && g.replicas !== r.growth[0]!.replicas) ? (
        <section aria-labelledby="growth-h" className="rounded-lg border border-slate-200 p-4 dark:border-slate-700">
          <h3 id="growth-h" className="font-semibold">
            Twelve months of growth
          </h3>
          <table className="mt-2 text-sm tabular">
            <thead className="text-xs text-slate-500">
              <tr>
                <th className="pr-4 text-left">Month</th>
                <th className="pr-4 text-left">Peak req/s</th>
                <th className="pr-4 text-left">Replicas</th>
                <th className="text-left">$/month</th>
              </tr>
            </thead>
            <tbody>
              {r.growth.map((g) => (
                <tr key={g.month}>
                  <td className="pr-4">{g.month}</td>
                  <td className="pr-4">{formatCount(g.peakRequestsPerSecond)}</td>
                  <td className="pr-4">{g.replicas.toLocaleString("en-US")}</td>
                  <td>{formatUsd(g.costUsdPerMonth)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      <section aria-labelledby="assume-h" className="text-sm text-slate-600 dark:text-slate-300">
        <h3 id="assume-h" className="font-semibold text-slate-900 dark:text-slate-100">
          Assumptions
        </h3>
        <ul className="mt-1 list-disc space-y-1 pl-5">
          <li>{r.queueing.description}</li>
          {r.assumptions.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
