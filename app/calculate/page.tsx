import type { Metadata } from "next";
import { Calculator } from "./_components/Calculator";
import { decodeCalcUrl } from "./_lib/url-state";
import { badgeTable } from "../../lib/validation";

export const metadata: Metadata = {
  title: "Calculate",
  description: "One serving configuration: latency, throughput, memory and cost, with every figure's formula.",
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CalculatePage({ searchParams }: { searchParams: SearchParams }) {
  const { values, warnings } = decodeCalcUrl(await searchParams);
  return (
    <div className="space-y-5">
      <header>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Calculate one configuration</h1>
        <p className="mt-1 max-w-3xl text-slate-600 dark:text-slate-300">
          Pick a model, GPUs, precision and parallelism; every figure updates as you type and opens to its formula. The
          address bar always holds the whole scenario, so you can share it.
        </p>
      </header>
      {warnings.length > 0 && (
        <div role="alert" data-testid="url-warnings" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
          <p className="font-medium">Some settings in the link could not be used:</p>
          <ul className="mt-1 list-disc pl-5">
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      <Calculator initial={values} badges={badgeTable()} />
    </div>
  );
}
