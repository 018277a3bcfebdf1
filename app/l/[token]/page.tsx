import type { Metadata } from "next";
import Link from "next/link";
import { PermalinkError, PERMALINK_PARAM } from "@/lib/plan/permalink";
import { planEngine } from "../../_plans/engine";
import { SavePlanForm } from "../../_plans/SavePlanForm";
import { Headline, InputsTable, OptionsTable, PermalinkProblem, PlannerBusy } from "../../_plans/views";
import { isPoolOverload } from "../../_server/worker-pool";

export const metadata: Metadata = { title: "Shared plan", robots: { index: false } };

type Props = { params: Promise<{ token: string }>; searchParams?: Promise<Record<string, string | string[] | undefined>> };

/**
 * An unsaved plan carried whole in its link (/l/v1.…): decoded, validated with the plan
 * schema and computed now. A damaged, truncated or outdated link shows what is wrong and
 * where to go, never an error page.
 */
export default async function SharedLinkPage({ params, searchParams }: Props) {
  const { token } = await params;
  // ?attempt=n: the busy page's own retries (PlannerBusy); anything else reads as the first view.
  const rawAttempt = (await searchParams)?.attempt;
  const attempt = typeof rawAttempt === "string" && /^[1-9]\d{0,2}$/.test(rawAttempt) ? Number(rawAttempt) : 1;
  let decoded: ReturnType<typeof planEngine.decodeLink>;
  try {
    decoded = planEngine.decodeLink(token);
  } catch (e) {
    if (!(e instanceof PermalinkError)) throw e;
    return (
      <div className="max-w-3xl">
        <h1 className="mb-4 text-2xl font-bold">Shared plan</h1>
        <PermalinkProblem error={e} />
      </div>
    );
  }
  const { input, fromSchemaVersion } = decoded;
  let result: Awaited<ReturnType<typeof planEngine.compute>>;
  try {
    result = await planEngine.compute(input);
  } catch (e) {
    if (!isPoolOverload(e)) throw e;
    return (
      <div className="max-w-3xl">
        <h1 className="mb-4 text-2xl font-bold">Shared plan</h1>
        <PlannerBusy message={e.message} retryHref={`/l/${token}`} attempt={attempt} />
      </div>
    );
  }
  const { columns, rows } = planEngine.optionsTable(result);
  const link = "text-blue-700 underline dark:text-blue-400";
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <p className="text-sm text-zinc-500">Shared plan (not saved) · computed now with catalog {planEngine.catalogVersion}</p>
        <h1 className="text-2xl font-bold">Shared plan</h1>
        {fromSchemaVersion && (
          <p className="text-sm text-amber-700 dark:text-amber-400">
            This link was made with plan form v{fromSchemaVersion}; it still reads correctly with today&apos;s form.
          </p>
        )}
      </header>
      <nav className="flex flex-wrap gap-4 text-sm" aria-label="Plan actions">
        <Link href={`/plan?${PERMALINK_PARAM}=${planEngine.encodeLink(input)}`} className={link}>
          Edit in the planner
        </Link>
        <Link href={`/compare?l=${planEngine.encodeLink(input)}`} className={link}>
          Compare…
        </Link>
      </nav>
      <Headline h={planEngine.headline(result)} />
      <section aria-labelledby="options" className="space-y-2">
        <h2 id="options" className="text-lg font-semibold">
          Options
        </h2>
        <OptionsTable columns={columns} rows={rows} />
      </section>
      <section aria-labelledby="save" className="max-w-xl space-y-2">
        <h2 id="save" className="text-lg font-semibold">
          Save this plan
        </h2>
        <p className="text-sm text-zinc-500">Saving keeps these exact figures under a short link that never changes.</p>
        <SavePlanForm input={input} />
      </section>
      <section aria-labelledby="inputs" className="space-y-2">
        <h2 id="inputs" className="text-lg font-semibold">
          Inputs
        </h2>
        <InputsTable input={input} />
      </section>
    </div>
  );
}
