import type { ReactNode } from "react";
import type { Derivation } from "../../lib/model/derivation";
import { formatWithUnit } from "../../lib/format";

/**
 * A number that expands to its derivation: the formula in symbols, then the same formula with the values put in.
 * Built on <details>, so it works without JavaScript, by keyboard (Enter/Space on the summary) and in server pages.
 * `children` replaces the shown value (say, a figure formatted differently from the derivation's SI unit).
 */
export function Explain({
  derivation,
  d,
  children,
  className = "",
}: {
  derivation?: Derivation | undefined;
  /** Alias of `derivation`. */
  d?: Derivation | undefined;
  children?: ReactNode;
  className?: string;
}) {
  const der = derivation ?? d;
  const shown = children ?? (der ? formatWithUnit(der.value, der.unit) : "—");
  if (!der) return <span className={`tabular ${className}`}>{shown}</span>;
  return (
    <details className={`group inline-block max-w-full align-top ${className}`} data-testid="explain" data-key={der.key}>
      <summary
        className="tabular cursor-pointer list-none rounded decoration-dotted underline-offset-4 hover:underline [&::-webkit-details-marker]:hidden"
        title={`${der.label}: show how it is computed`}
      >
        {shown}
        <span aria-hidden="true" className="ml-1 text-[0.7em] text-slate-400 group-open:rotate-90 inline-block transition-transform">
          ▸
        </span>
        <span className="sr-only"> (show how {der.label} is computed)</span>
      </summary>
      <DerivationBody derivation={der} />
    </details>
  );
}

/** The formula and its substituted form, as a block (also usable on its own, e.g. in a table of derivations). */
export function DerivationBody({ derivation: d }: { derivation: Derivation }) {
  return (
    <div
      role="note"
      className="mt-1 max-w-[min(36rem,90vw)] rounded-md border border-slate-200 bg-slate-50 p-2 text-left text-xs font-normal text-slate-800 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-200"
    >
      <div className="font-semibold">
        {d.label} = {formatWithUnit(d.value, d.unit)}
      </div>
      <code className="mt-1 block whitespace-pre-wrap break-words font-mono text-[11px]">{d.formula}</code>
      <code className="mt-1 block whitespace-pre-wrap break-words font-mono text-[11px] text-slate-600 dark:text-slate-400">
        = {d.substituted}
      </code>
    </div>
  );
}

/** Derivations by key (missing keys give undefined, which <Explain> shows as the plain value). */
export function derivationLookup(list: readonly Derivation[] | undefined): (key: string) => Derivation | undefined {
  const m = new Map((list ?? []).map((x) => [x.key, x] as const));
  return (key) => m.get(key);
}
