import type { ReactNode } from "react";

/**
 * A chart with its caption and, for screen readers and anyone who prefers numbers, the same data as a table in a
 * disclosure.
 */
export function ChartFrame({
  title,
  caption,
  testId,
  children,
  table,
}: {
  title: string;
  caption: ReactNode;
  testId: string;
  children: ReactNode;
  table: ReactNode;
}) {
  return (
    <figure className="rounded-xl border border-slate-200 p-4 dark:border-slate-800" data-testid={testId}>
      <div className="h-72 w-full sm:h-80" aria-hidden="true">
        {children}
      </div>
      <figcaption className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        <strong className="text-slate-800 dark:text-slate-200">{title}.</strong> {caption}
      </figcaption>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer font-medium text-accent-700 dark:text-accent-300">The data as a table</summary>
        <div className="mt-2 overflow-x-auto">{table}</div>
      </details>
    </figure>
  );
}

export function DataTable({ head, rows }: { head: readonly string[]; rows: readonly (readonly ReactNode[])[] }) {
  return (
    <table className="w-full min-w-[28rem] text-left text-sm tabular">
      <thead>
        <tr className="border-b border-slate-200 dark:border-slate-700">
          {head.map((h) => (
            <th key={h} scope="col" className="px-2 py-1.5 font-semibold">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i} className="border-b border-slate-100 dark:border-slate-800">
            {r.map((c, j) =>
              j === 0 ? (
                <th key={j} scope="row" className="px-2 py-1 font-normal">
                  {c}
                </th>
              ) : (
                <td key={j} className="px-2 py-1">
                  {c}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
