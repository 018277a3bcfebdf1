import type { Metadata } from "next";
import Link from "next/link";
import { flattenJson } from "@/lib/plan/flatten";
import { planEngine } from "../../../_plans/engine";
import { dateTime, leaf, usd } from "../../../_plans/fmt";
import { loadPlanOr404 } from "../../../_plans/load";
import { findPlanSource } from "../../../_plans/source";
import { assumptionsOf, priceSourcesOf } from "../../../_plans/plan-result";
import { PrintButton } from "../../../_plans/PrintButton";
import { CopiedFrom, Headline, OptionsTable } from "../../../_plans/views";

type Props = { params: Promise<{ slug: string }> };

// A saved plan never changes, and today's recomputation only changes with a new build (the
// catalog and the model are code), so each page is rendered on its first visit and then
// served from Next's cache: no paths at build time, every slug on demand, never revalidated.
export const dynamicParams = true;
export const revalidate = false;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  return { title: `${(await loadPlanOr404(slug)).title} · print`, robots: { index: false } };
}

/** For finance: the saved figures with the assumptions behind them and where every price came from, dated. */
export default async function PrintPlanPage({ params }: Props) {
  const { slug } = await params;
  const plan = await loadPlanOr404(slug);
  const { columns, rows } = planEngine.optionsTable(plan.result);
  const prices = priceSourcesOf(plan.result);
  const { assumptions, queueing, summary } = assumptionsOf(plan.result);
  const inputs = flattenJson(plan.input);
  const source = plan.sourceSlug ? await findPlanSource(plan.sourceSlug) : null;

  return (
    <div className="space-y-6 text-sm print:max-w-none print:px-0 print:py-0">
      <header className="space-y-1">
        <div className="flex items-center justify-between gap-4">
          <h1 className="text-2xl font-bold">{plan.title}</h1>
          <PrintButton />
        </div>
        <p className="text-zinc-600 dark:text-zinc-400">
          Atlas saved plan <span className="font-mono">{plan.slug}</span> · saved {dateTime(plan.createdAt)} · plan schema v
          {plan.schemaVersion} · catalog {plan.catalogVersion} · printed from the saved snapshot (figures do not change)
        </p>
        <CopiedFrom sourceSlug={plan.sourceSlug} source={source} showSlug />
        {plan.notes && <p className="whitespace-pre-wrap">{plan.notes}</p>}
        {summary && <p className="font-medium">{summary}</p>}
      </header>

      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Recommendation</h2>
        <Headline h={planEngine.headline(plan.result)} />
      </section>

      <section className="space-y-2 break-inside-avoid">
        <h2 className="text-lg font-semibold">Options</h2>
        <OptionsTable columns={columns} rows={rows} />
        <p className="text-xs text-zinc-500">
          All {columns.length} columns: <a href={`/api/plans/${plan.slug}/csv`}>CSV export</a>.
        </p>
      </section>

      <section className="space-y-2 break-inside-avoid">
        <h2 className="text-lg font-semibold">Price sources</h2>
        {prices.length === 0 ? (
          <p>No priced options in this plan.</p>
        ) : (
          <table className="min-w-full" data-testid="price-sources">
            <thead>
              <tr className="border-b text-left">
                <th className="pr-3">GPU</th>
                <th className="pr-3">Provider · instance</th>
                <th className="pr-3">Term</th>
                <th className="pr-3 text-right">$/GPU-hour</th>
                <th className="pr-3">Seen</th>
                <th className="pr-3">Source</th>
                <th>Confidence</th>
              </tr>
            </thead>
            <tbody>
              {prices.map((p) => (
                <tr key={`${p.gpuName}|${p.provider}|${p.instance}|${p.term}`} className="border-b border-zinc-100 align-top dark:border-zinc-900">
                  <td className="pr-3">{p.gpuName}</td>
                  <td className="pr-3">
                    {p.provider} · {p.instance}
                  </td>
                  <td className="pr-3">{p.term}</td>
                  <td className="pr-3 text-right tabular-nums">{usd(p.perGpuHour)}</td>
                  <td className="pr-3 whitespace-nowrap">{p.dateSeen}</td>
                  <td className="pr-3 break-all">{p.source}</td>
                  <td>{p.confidence}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="space-y-2 break-inside-avoid">
        <h2 className="text-lg font-semibold">Assumptions</h2>
        <ul className="ml-5 list-disc space-y-1" data-testid="assumptions">
          {queueing && <li>Queueing: {queueing}</li>}
          {assumptions.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      </section>

      <section className="space-y-2 break-inside-avoid">
        <h2 className="text-lg font-semibold">Inputs</h2>
        <table className="min-w-full">
          <tbody>
            {inputs.map((r) => (
              <tr key={r.path} className="border-b border-zinc-100 dark:border-zinc-900">
                <th scope="row" className="pr-4 text-left font-mono text-xs font-normal">
                  {r.path}
                </th>
                <td>{leaf(r.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <p className="print:hidden">
        <Link href={`/p/${plan.slug}`} className="text-blue-700 underline dark:text-blue-400">
          Back to the plan
        </Link>
      </p>
    </div>
  );
}
