import { ScenarioLink } from "./ScenarioLink";

type L = { href: string; label: string } | null;

/** Previous / next lesson, keeping the scenario. */
export function PrevNext({ prev, next }: { prev: L; next: L }) {
  return (
    <nav aria-label="More lessons" className="mt-10 flex flex-wrap justify-between gap-3 border-t border-slate-200 pt-4 text-sm dark:border-slate-800">
      {prev ? (
        <ScenarioLink href={prev.href} className="font-medium text-accent-700 hover:underline dark:text-accent-300" rel="prev">
          ← {prev.label}
        </ScenarioLink>
      ) : (
        <span />
      )}
      {next ? (
        <ScenarioLink href={next.href} className="font-medium text-accent-700 hover:underline dark:text-accent-300" rel="next">
          {next.label} →
        </ScenarioLink>
      ) : (
        <span />
      )}
    </nav>
  );
}
