import type { ReactNode } from "react";
import type { Derivation } from "../../lib/model/derivation";
import { Explain } from "./Explain";

/** A labelled figure; with a derivation the figure expands to its formula. */
export function Metric({
  label,
  value,
  derivation,
  hint,
  tone = "normal",
  testId,
}: {
  label: ReactNode;
  /** The figure as text (from lib/format). */
  value: ReactNode;
  derivation?: Derivation | undefined;
  hint?: ReactNode;
  tone?: "normal" | "bad" | "good";
  testId?: string;
}) {
  const toneClass =
    tone === "bad" ? "text-rose-700 dark:text-rose-300" : tone === "good" ? "text-emerald-700 dark:text-emerald-300" : "";
  return (
    <div className="min-w-0" data-testid={testId}>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className={`mt-0.5 text-xl font-semibold ${toneClass}`}>
        <Explain derivation={derivation}>{value}</Explain>
      </dd>
      {hint && <dd className="text-xs text-slate-500 dark:text-slate-400">{hint}</dd>}
    </div>
  );
}
