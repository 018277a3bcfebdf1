import Link from "next/link";
import { AutoRetry } from "./AutoRetry";
import type { PermalinkError } from "@/lib/plan/permalink";
import { permalinkHint } from "@/lib/plan/permalink";
import { flattenJson } from "@/lib/plan/flatten";
import type { OptionColumn, OptionRow, PlanHeadline } from "./engine-types";
import { cell, leaf, ms, usd } from "./fmt";
import type { Recomputed } from "./recompute";

/** Server-rendered building blocks of the saved-plan pages. Text only: React escapes everything. */

export function Headline({ h }: { h: PlanHeadline }) {
  const items: [string, string, string][] = [
    ["deployment", "Chosen deployment", h.deployment ?? (h.feasible ? "—" : "none meets the targets")],
    ["cost", "Cost per month", usd(h.costUsdPerMonth)],
    ["ttft", "TTFT p95", ms(h.ttftP95Ms)],
    ["tpot", "TPOT p95", ms(h.tpotP95Ms)],
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="plan-headline">
      {items.map(([key, label, value]) => (
        <div key={key} className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
          <dt className="text-xs uppercase tracking-wide text-zinc-500">{label}</dt>
          <dd className="mt-1 text-lg font-semibold tabular-nums" data-testid={`headline-${key}`}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The options table; only the columns marked `page` (the CSV export has them all). */
export function OptionsTable({ columns: all, rows }: { columns: readonly OptionColumn[]; rows: readonly OptionRow[] }) {
  const columns = all.filter((c) => c.page);
  if (rows.length === 0) return <p className="text-sm text-zinc-500">No options met the targets.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm" data-testid="options-table">
        <thead>
          <tr className="border-b border-zinc-300 text-left dark:border-zinc-700">
            <th className="py-1 pr-3">#</th>
            <th className="py-1 pr-3">Option</th>
            {columns.map((c) => (
              <th key={c.key} className="py-1 pr-3">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} className="border-b border-zinc-100 dark:border-zinc-900">
              <td className="py-1 pr-3 tabular-nums">{i + 1}</td>
              <td className="py-1 pr-3">{r.label}</td>
              {columns.map((c) => (
                <td key={c.key} className="py-1 pr-3 tabular-nums">
                  {cell(r.cells[c.key], c.kind)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function InputsTable({ input }: { input: unknown }) {
  const rows = flattenJson(input);
  return (
    <table className="min-w-full text-sm" data-testid="inputs-table">
      <tbody>
        {rows.map((r) => (
          <tr key={r.path} className="border-b border-zinc-100 dark:border-zinc-900">
            <th scope="row" className="py-1 pr-4 text-left font-mono text-xs font-normal text-zinc-500">
              {r.path}
            </th>
            <td className="py-1">{leaf(r.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RecomputedNote({ r, savedCatalog, todayCatalog }: { r: Recomputed; savedCatalog: string; todayCatalog: string }) {
  const catalogs = savedCatalog === todayCatalog ? `catalog ${todayCatalog}` : `catalog ${savedCatalog} → ${todayCatalog}`;
  if (r.status === "same") {
    return (
      <p className="text-sm text-zinc-500" data-testid="recomputed">
        Recomputed today with {catalogs}: same answer ({usd(r.today.costUsdPerMonth)}/month).
      </p>
    );
  }
  if (r.status === "changed") {
    return (
      <div className="rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm dark:bg-amber-950/40" data-testid="recomputed">
        <p className="font-medium">
          Recomputed today: {usd(r.saved.costUsdPerMonth)} → {usd(r.today.costUsdPerMonth)}/month
          {r.today.deployment !== r.saved.deployment && (
            <>
              {" "}
              ({r.saved.deployment ?? "none"} → {r.today.deployment ?? "none"})
            </>
          )}
        </p>
        <p className="mt-1 text-zinc-600 dark:text-zinc-400">
          Today&apos;s prices or model ({catalogs}) answer differently ({r.what.join(", ")} changed). The saved figures
          below are kept as they were; duplicate the plan to work with today&apos;s.
        </p>
      </div>
    );
  }
  if (r.status === "input-invalid") {
    return (
      <div className="rounded-lg border border-amber-400 p-3 text-sm" data-testid="recomputed">
        <p>Today&apos;s planner no longer accepts some of this plan&apos;s inputs, so it was not recomputed:</p>
        <ul className="ml-5 list-disc">
          {r.issues.map((i) => (
            <li key={i.field + i.message}>
              <code>{i.field}</code>: {i.message}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <p className="text-sm text-zinc-500" data-testid="recomputed">
      {r.retry
        ? "The planner is busy, so this plan was not recomputed with today's catalog just now; showing the saved snapshot (reload in a few seconds to compare)."
        : "Could not recompute this plan with today's catalog; showing the saved snapshot."}
    </p>
  );
}

/** How many times a busy permalink page opens itself again before it leaves retrying to the reader. */
export const BUSY_AUTO_RETRIES = 3;
const BUSY_RETRY_SECONDS = 5;

/**
 * The plan could not be computed now because the planner is busy or the search overran its time limit. `attempt`
 * (1 for the first view) counts the page's own retries: up to BUSY_AUTO_RETRIES it opens `retryHref` again by itself.
 */
export function PlannerBusy({ message, retryHref, attempt = 1 }: { message: string; retryHref: string; attempt?: number }) {
  const auto = attempt <= BUSY_AUTO_RETRIES;
  const next = `${retryHref}${retryHref.includes("?") ? "&" : "?"}attempt=${attempt + 1}`;
  return (
    <div role="alert" className="rounded-lg border border-amber-400 bg-amber-50 p-4 dark:bg-amber-950/40" data-testid="planner-busy">
      <h2 className="font-semibold">The planner could not compute this plan just now</h2>
      <p className="mt-1">{message}</p>
      <p className="mt-3 flex flex-wrap items-center gap-2 text-sm">
        {auto ? <AutoRetry href={next} seconds={BUSY_RETRY_SECONDS} /> : <span>Tried {attempt} times.</span>}
        <span>
          <Link href={retryHref} className="text-blue-700 underline dark:text-blue-400">
            Try again
          </Link>{" "}
          {auto ? "now" : "in a few seconds"}; the link itself is fine.
        </span>
      </p>
    </div>
  );
}

export function PermalinkProblem({ error }: { error: PermalinkError }) {
  return (
    <div role="alert" className="rounded-lg border border-red-400 bg-red-50 p-4 dark:bg-red-950/40" data-testid="permalink-error">
      <h2 className="font-semibold">This plan link cannot be opened</h2>
      <p className="mt-1">{error.message}</p>
      {error.issues.length > 0 && (
        <ul className="ml-5 mt-2 list-disc text-sm">
          {error.issues.map((i) => (
            <li key={i.field + i.message}>
              <code>{i.field}</code>: {i.message}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2 text-sm">{permalinkHint(error)}</p>
      <p className="mt-3 flex gap-4 text-sm">
        <Link href="/plan" className="text-blue-700 underline dark:text-blue-400">
          Start a new plan
        </Link>
        <Link href="/plans" className="text-blue-700 underline dark:text-blue-400">
          Saved plans
        </Link>
      </p>
    </div>
  );
}


/**
 * "Copied from …" for a saved plan that is a copy: the original's title as a link (with its slug when `showSlug`, for
 * print), or the bare slug when the original is no longer here. Nothing for a plan that is not a copy.
 */
export function CopiedFrom({
  sourceSlug,
  source,
  showSlug = false,
  className,
  linkClassName,
}: {
  sourceSlug: string | null;
  source: { slug: string; title: string } | null;
  showSlug?: boolean;
  className?: string;
  linkClassName?: string;
}) {
  if (!sourceSlug) return null;
  return (
    <p className={className} data-testid="copied-from">
      Copied from{" "}
      {source ? (
        <>
          <Link href={`/p/${source.slug}`} className={linkClassName}>
            {source.title}
          </Link>
          {showSlug && (
            <>
              {" "}
              (saved plan <span className="font-mono">{source.slug}</span>)
            </>
          )}
        </>
      ) : (
        <>saved plan {sourceSlug}, which is no longer available</>
      )}
    </p>
  );
}
