import type { Metadata } from "next";
import Link from "next/link";
import { DEFAULT_PLAN_INPUT, planInputSchema } from "@/lib/plan/schema";
import { decodePlanUrl } from "@/lib/plan/url-state";
import { findPlanSource } from "../_plans/source";
import { PlanApp } from "./_components/PlanApp";
import type { PlanForm } from "./_components/form-ui";

export const metadata: Metadata = {
  title: "Plan a deployment",
  description: "Latency targets, traffic and budget in; ranked deployments, a Pareto front and their costs out.",
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Fill every field the form shows: the parsed input when valid, else the raw values over the parsed defaults. */
function formValues(raw: unknown): PlanForm {
  const ok = planInputSchema.safeParse(raw);
  if (ok.success) return ok.data as PlanForm;
  const base = planInputSchema.parse(DEFAULT_PLAN_INPUT) as Record<string, Record<string, unknown>>;
  const r = (raw ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const merged: Record<string, Record<string, unknown>> = {};
  for (const k of Object.keys(base)) merged[k] = { ...base[k], ...(r[k] ?? {}) };
  if (r.workload?.hfConfigJson !== undefined) delete merged.workload!.model;
  return merged as unknown as PlanForm;
}

export default async function PlanPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(sp)) if (typeof v === "string") q.set(k, v);
  const decoded = decodePlanUrl(q);
  // "Duplicate and edit": a well-formed `from` that names a saved plan links the copy to it. A stale one (no such
  // plan here) is dropped with a note, so saving never meets the API's 400 for an unknown sourceSlug; a malformed
  // one was already dropped silently by decodePlanUrl.
  const source = await findPlanSource(decoded.view.from);
  return (
    <div>
      <h1 className="text-2xl font-bold tracking-tight">Plan a deployment</h1>
      <p className="mt-1 max-w-3xl text-slate-600 dark:text-slate-300">
        Describe the workload, your latency targets, traffic and budget. Atlas searches every GPU, layout, precision, engine and batch
        size, models the queue at your traffic, and ranks what meets every target by cost.
      </p>
      {source ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-300" data-testid="copy-of">
          Editing a copy of{" "}
          <Link href={`/p/${source.slug}`} className="text-blue-700 underline dark:text-blue-400">
            {source.title}
          </Link>{" "}
          ({source.slug}). Saving makes a new plan linked to it; the original never changes.
        </p>
      ) : decoded.view.from ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-300" data-testid="copy-of-missing">
          This link copies saved plan {decoded.view.from}, which does not exist here; a save will be a new plan without a link
          to it.
        </p>
      ) : null}
      {decoded.problems.length ? (
        <div role="alert" className="mt-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950/30">
          Some of the link&apos;s settings could not be read and were left at their defaults:
          <ul className="list-disc pl-5">
            {decoded.problems.map((p) => (
              <li key={p.field}>
                {p.field}: {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="mt-6">
        <PlanApp initial={formValues(decoded.input)} initialStep={decoded.view.step - 1} autoRun={decoded.view.run} source={source} key={source?.slug ?? ""} />
      </div>
    </div>
  );
}
