import type { Metadata } from "next";
import Link from "next/link";
import { planEngine } from "../../_plans/engine";
import { dateTime } from "../../_plans/fmt";
import { loadPlanView } from "../../_plans/plan-view";
import { CopiedFrom, Headline, InputsTable, OptionsTable, RecomputedNote } from "../../_plans/views";

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
  const p = await loadPlanView(slug);
  return { title: `${p.title} · Atlas plan`, robots: { index: false } };
}

/** A saved plan: the snapshot as saved, never recomputed in place; today's answer beside it when it differs. */
export default async function SavedPlanPage({ params }: Props) {
  const { slug } = await params;
  const plan = await loadPlanView(slug);
  const { saved, today, columns, rows, editHref } = plan;
  const link = "text-blue-700 underline dark:text-blue-400";

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <p className="text-sm text-zinc-500">Saved plan · {dateTime(plan.createdAt)}</p>
        <h1 className="text-2xl font-bold" data-testid="plan-title">
          {plan.title}
        </h1>
        {plan.notes && (
          <p className="whitespace-pre-wrap text-zinc-700 dark:text-zinc-300" data-testid="plan-notes">
            {plan.notes}
          </p>
        )}
        <CopiedFrom
          sourceSlug={plan.sourceSlug}
          source={plan.source}
          className="text-sm text-zinc-500"
          linkClassName={link}
        />
      </header>

      <nav className="flex flex-wrap gap-4 text-sm" aria-label="Plan actions">
        <Link href={editHref} className={link} data-testid="duplicate-edit">
          Duplicate and edit
        </Link>
        <Link href={`/compare?p=${plan.slug}`} className={link}>
          Compare with…
        </Link>
        <a href={`/api/plans/${plan.slug}/csv`} className={link} data-testid="download-csv" download>
          Options as CSV
        </a>
        <a href={`/api/plans/${plan.slug}?download=1`} className={link} download>
          Whole plan as JSON
        </a>
        <Link href={`/p/${plan.slug}/print`} className={link}>
          Print view
        </Link>
      </nav>

      <section aria-labelledby="snapshot" className="space-y-3">
        <h2 id="snapshot" className="text-lg font-semibold">
          As saved
        </h2>
        <Headline h={saved} />
        <RecomputedNote r={today} savedCatalog={plan.catalogVersion} todayCatalog={planEngine.catalogVersion} />
      </section>

      <section aria-labelledby="options" className="space-y-2">
        <h2 id="options" className="text-lg font-semibold">
          Options
        </h2>
        <OptionsTable columns={columns} rows={rows} />
      </section>

      <section aria-labelledby="inputs" className="space-y-2">
        <h2 id="inputs" className="text-lg font-semibold">
          Inputs
        </h2>
        <InputsTable input={plan.input} />
        <p className="text-xs text-zinc-500">
          Plan schema v{plan.schemaVersion} · catalog {plan.catalogVersion} · saved plans never change
        </p>
      </section>
    </div>
  );
}
