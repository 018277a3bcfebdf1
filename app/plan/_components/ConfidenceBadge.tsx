import Link from "next/link";
import type { CandidateConfidence } from "@/lib/search/types";
import { pct } from "../_lib/fmt";

const STYLE: Record<CandidateConfidence["level"], string> = {
  high: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-200",
  medium: "bg-amber-100 text-amber-800 dark:bg-amber-900/40 dark:text-amber-200",
  low: "bg-rose-100 text-rose-800 dark:bg-rose-900/40 dark:text-rose-200",
};

/** How far to trust the latencies: the regime's measured error, linking to its row on /validate. */
export function ConfidenceBadge({ c }: { c: CandidateConfidence | undefined }) {
  if (!c) return null;
  const err = c.tpotMdape !== null ? `TPOT error ${pct(c.tpotMdape)} (median, ${c.rows} measured runs)` : c.reasons.join("; ");
  return (
    <Link
      href={c.regime.href}
      title={`${c.regime.label}: ${err}`}
      className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${STYLE[c.level]}`}
      data-testid="confidence"
    >
      {c.level} confidence
    </Link>
  );
}
