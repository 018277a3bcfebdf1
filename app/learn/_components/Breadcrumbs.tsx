import { ScenarioLink } from "./ScenarioLink";

/** Learn › Atlas › Section — links carry the scenario. */
export function Breadcrumbs({ trail }: { trail: readonly { href: string; label: string }[] }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
      <ol className="flex flex-wrap items-center gap-1">
        {trail.map((t, i) => (
          <li key={t.href} className="flex items-center gap-1">
            {i > 0 && <span aria-hidden="true">›</span>}
            {i === trail.length - 1 ? (
              <span aria-current="page" className="font-medium text-slate-800 dark:text-slate-200">
                {t.label}
              </span>
            ) : (
              <ScenarioLink href={t.href} className="hover:underline">
                {t.label}
              </ScenarioLink>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
