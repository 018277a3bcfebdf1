import Link from "next/link";
import { CATALOG_VERSION } from "../../lib/catalog";
import { NAV_LINKS } from "./nav";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-slate-200 py-8 text-sm text-slate-500 dark:border-slate-800 dark:text-slate-400 print:hidden">
      <div className="mx-auto flex max-w-6xl flex-col gap-4 px-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="max-w-md">
          <p className="font-medium text-slate-700 dark:text-slate-200">Atlas — LLM serving, costed and explained.</p>
          <p className="mt-1">
            Estimates from first principles with calibrated efficiency factors; every figure shows its formula. Catalog{" "}
            <span className="font-mono">{CATALOG_VERSION}</span>. JSON API: <code className="font-mono">POST /api/estimate</code>,{" "}
            <code className="font-mono">POST /api/plan</code>.
          </p>
        </div>
        <nav aria-label="Footer">
          <ul className="grid grid-cols-2 gap-x-6 gap-y-1 sm:grid-cols-3">
            {NAV_LINKS.map((l) => (
              <li key={l.href}>
                <Link href={l.href} className="hover:text-slate-900 hover:underline dark:hover:text-white">
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </footer>
  );
}
