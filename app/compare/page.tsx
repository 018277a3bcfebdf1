import type { Metadata } from "next";
import Link from "next/link";
import { getPlansBySlugs, getStore, isSlug, listRecentPlans } from "@/db/queries";
import { alignFlat } from "@/lib/plan/flatten";
import { PermalinkError } from "@/lib/plan/permalink";
import type { PlanHeadline } from "../_plans/engine-types";
import { isPoolOverload } from "../_server/worker-pool";
import { planEngine } from "../_plans/engine";
import { leaf, ms, usd } from "../_plans/fmt";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare plans" };

const MAX_ITEMS = 4;

interface Item {
  readonly key: string;
  readonly title: string;
  readonly href: string;
  readonly note: string;
  readonly input: unknown;
  readonly headline: PlanHeadline;
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const many = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).flatMap((s) => s.split(","));

async function loadItems(slugs: string[], tokens: string[]): Promise<{ items: Item[]; problems: string[] }> {
  const problems: string[] = [];
  const good = slugs.filter((s) => {
    if (!isSlug(s)) problems.push(`“${s.slice(0, 40)}” is not a saved-plan id.`);
    return isSlug(s);
  });
  const store = await getStore();
  const found = new Map((await Promise.all(good.map((s) => getPlansBySlugs(store, { slugs: [s] }).catch(() => [])))).flat().map((p) => [p.slug, p]));
  const items: Item[] = [];
  for (const s of good) {
    const p = found.get(s);
    if (!p) {
      problems.push(`No saved plan ${s}.`);
      continue;
    }
    items.push({
      key: `p:${s}`,
      title: p.title,
      href: `/p/${s}`,
      note: `saved ${p.createdAt.toISOString().slice(0, 10)} · catalog ${p.catalogVersion}`,
      input: p.input,
      headline: planEngine.headline(p.result),
    });
  }
  const links = tokens.map((t, i) => {
    try {
      return { t, i, input: planEngine.decodeLink(t).input };
    } catch (e) {
      if (e instanceof PermalinkError) problems.push(`Link ${i + 1}: ${e.message}`);
      else throw e;
      return null;
    }
  });
  // The links' plans run concurrently on the planner's worker threads.
  const computed = await Promise.all(
    links.map(async (l) => {
      if (!l) return null;
      try {
        return { ...l, result: await planEngine.compute(l.input) };
      } catch (e) {
        if (!isPoolOverload(e)) throw e;
        problems.push(`Link ${l.i + 1}: ${e.message}.`);
        return null;
      }
    }),
  );
  for (const l of computed) {
    if (!l) continue;
    items.push({
      key: `l:${l.i}`,
      title: `Configuration ${l.i + 1} (unsaved)`,
      href: `/l/${l.t}`,
      note: `computed now · catalog ${planEngine.catalogVersion}`,
      input: l.input,
      headline: planEngine.headline(l.result),
    });
  }
  return { items: items.slice(0, MAX_ITEMS), problems };
}

function Cell({ differs, children, testId }: { differs: boolean; children: React.ReactNode; testId?: string }) {
  return (
    <td
      className={`py-1 pr-4 align-top tabular-nums ${differs ? "bg-amber-100 font-medium dark:bg-amber-900/40" : ""}`}
      data-differs={differs ? "true" : undefined}
      data-testid={testId}
    >
      {children}
    </td>
  );
}

function pct(a: number | null, b: number | null): string {
  if (a === null || b === null || a === 0) return "";
  const d = ((b - a) / a) * 100;
  return Math.abs(d) < 0.05 ? "" : ` (${d > 0 ? "+" : ""}${d.toFixed(1)} %)`;
}

export default async function ComparePage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const slugs = [...new Set(many(sp.p))].slice(0, MAX_ITEMS);
  const tokens = many(sp.l).slice(0, MAX_ITEMS);
  const { items, problems } = await loadItems(slugs, tokens);
  const recent = items.length < 2 ? await listRecentPlans(await getStore(), { limit: 20 }) : [];

  const headRows: { label: string; values: string[]; raw: unknown[] }[] = [
    { label: "Deployment", values: items.map((i) => i.headline.deployment ?? "none feasible"), raw: items.map((i) => i.headline.deployment) },
    {
      label: "Cost per month",
      values: items.map((i, k) => usd(i.headline.costUsdPerMonth) + (k > 0 ? pct(items[0]!.headline.costUsdPerMonth, i.headline.costUsdPerMonth) : "")),
      raw: items.map((i) => i.headline.costUsdPerMonth),
    },
    { label: "TTFT p95", values: items.map((i) => ms(i.headline.ttftP95Ms)), raw: items.map((i) => i.headline.ttftP95Ms) },
    { label: "TPOT p95", values: items.map((i) => ms(i.headline.tpotP95Ms)), raw: items.map((i) => i.headline.tpotP95Ms) },
    { label: "Meets every target", values: items.map((i) => (i.headline.feasible ? "yes" : "no")), raw: items.map((i) => i.headline.feasible) },
  ];
  const inputRows = alignFlat(items.map((i) => i.input));
  const differs = (raw: unknown[]) => raw.some((v) => JSON.stringify(v) !== JSON.stringify(raw[0]));

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Compare plans</h1>
      {problems.length > 0 && (
        <ul role="alert" className="ml-5 list-disc text-sm text-red-700 dark:text-red-400">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {items.length < 2 ? (
        <section className="space-y-3">
          <p>Pick two to four saved plans to see them side by side; differences are highlighted.</p>
          {recent.length === 0 ? (
            <p>
              No saved plans yet —{" "}
              <Link href="/plan" className="text-blue-700 underline dark:text-blue-400">
                make one in the planner
              </Link>
              .
            </p>
          ) : (
            <form action="/compare" method="get" className="space-y-2">
              {tokens.map((t) => (
                <input key={t} type="hidden" name="l" value={t} />
              ))}
              <ul className="space-y-1">
                {recent.map((p) => (
                  <li key={p.slug}>
                    <label className="flex items-center gap-2">
                      <input type="checkbox" name="p" value={p.slug} defaultChecked={slugs.includes(p.slug)} />
                      <span>{p.title}</span>
                      <span className="text-sm text-zinc-500">{usd(p.summary.costUsdPerMonth)}/month</span>
                    </label>
                  </li>
                ))}
              </ul>
              <button type="submit" className="rounded bg-blue-600 px-4 py-1.5 font-medium text-white hover:bg-blue-700">
                Compare
              </button>
            </form>
          )}
        </section>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm" data-testid="compare-table">
            <thead>
              <tr className="border-b border-zinc-300 text-left dark:border-zinc-700">
                <th className="py-1 pr-4" />
                {items.map((i) => (
                  <th key={i.key} className="py-1 pr-4 align-bottom">
                    <Link href={i.href} className="text-blue-700 underline dark:text-blue-400">
                      {i.title}
                    </Link>
                    <div className="text-xs font-normal text-zinc-500">{i.note}</div>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {headRows.map((r) => {
                const d = differs(r.raw);
                return (
                  <tr key={r.label} className="border-b border-zinc-100 dark:border-zinc-900">
                    <th scope="row" className="py-1 pr-4 text-left font-medium">
                      {r.label}
                      {d && <span className="sr-only"> (differs)</span>}
                    </th>
                    {r.values.map((v, k) => (
                      <Cell key={k} differs={d} testId={`compare-${r.label}-${k}`}>
                        {v}
                      </Cell>
                    ))}
                  </tr>
                );
              })}
              <tr>
                <th colSpan={items.length + 1} className="pt-4 pb-1 text-left text-base font-semibold">
                  Inputs
                </th>
              </tr>
              {inputRows.map((r) => (
                <tr key={r.path} className="border-b border-zinc-100 dark:border-zinc-900">
                  <th scope="row" className="py-1 pr-4 text-left font-mono text-xs font-normal text-zinc-500">
                    {r.path}
                    {r.differs && <span className="sr-only"> (differs)</span>}
                  </th>
                  {r.cells.map((c, k) => (
                    <Cell key={k} differs={r.differs}>
                      {leaf(c)}
                    </Cell>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-2 text-xs text-zinc-500">Highlighted rows differ between the plans.</p>
        </div>
      )}
    </div>
  );
}
