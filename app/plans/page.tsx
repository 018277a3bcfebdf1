import type { Metadata } from "next";
import Link from "next/link";
import { getStore, listRecentPlans } from "@/db/queries";
import { dateTime, usd } from "../_plans/fmt";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Saved plans" };

/** Recent saved plans, newest first, with a compare picker. */
export default async function PlansPage() {
  const plans = await listRecentPlans(await getStore(), { limit: 100 });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Saved plans</h1>
      {plans.length === 0 ? (
        <p>
          No saved plans yet.{" "}
          <Link href="/plan" className="text-blue-700 underline dark:text-blue-400">
            Make one in the planner
          </Link>
          .
        </p>
      ) : (
        <form action="/compare" method="get" className="space-y-3">
          <p className="text-sm text-zinc-500">Tick two to four plans to compare them side by side.</p>
          <table className="min-w-full text-sm" data-testid="plans-list">
            <thead>
              <tr className="border-b border-zinc-300 text-left dark:border-zinc-700">
                <th className="py-1 pr-2">
                  <span className="sr-only">Compare</span>
                </th>
                <th className="py-1 pr-3">Title</th>
                <th className="py-1 pr-3">Model</th>
                <th className="py-1 pr-3">Deployment</th>
                <th className="py-1 pr-3 text-right">$/month</th>
                <th className="py-1 pr-3">Saved</th>
              </tr>
            </thead>
            <tbody>
              {plans.map((p) => (
                <tr key={p.slug} className="border-b border-zinc-100 dark:border-zinc-900">
                  <td className="py-1 pr-2">
                    <input type="checkbox" name="p" value={p.slug} aria-label={`Compare ${p.title}`} />
                  </td>
                  <td className="py-1 pr-3">
                    <Link href={`/p/${p.slug}`} className="text-blue-700 underline dark:text-blue-400">
                      {p.title}
                    </Link>
                  </td>
                  <td className="py-1 pr-3">{p.summary.model ?? "—"}</td>
                  <td className="py-1 pr-3">{p.summary.deployment ?? (p.summary.feasible === false ? "none feasible" : "—")}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{usd(p.summary.costUsdPerMonth)}</td>
                  <td className="py-1 pr-3 text-zinc-500">{dateTime(p.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="submit" className="rounded bg-blue-600 px-4 py-1.5 font-medium text-white hover:bg-blue-700">
            Compare selected
          </button>
        </form>
      )}
    </div>
  );
}
