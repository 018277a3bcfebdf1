import Link from "next/link";
import type { ConfidenceAnswer } from "../../lib/validation/confidence";
import { formatPercent } from "../../lib/format";

const STYLE: Record<ConfidenceAnswer["level"], string> = {
  high: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-200",
  medium: "bg-amber-100 text-amber-800 dark:bg-amber-900/40 dark:text-amber-200",
  low: "bg-rose-100 text-rose-800 dark:bg-rose-900/40 dark:text-rose-200",
};

/**
 * How far to trust an estimate's latencies: the level its regime earned from measured errors (from lib/validation's
 * `confidenceFor`), linking to that regime's row on /validate.
 */
export function ConfidenceBadge({ answer, showErrors = false }: { answer: ConfidenceAnswer | undefined; showErrors?: boolean }) {
  if (!answer) return null;
  const heldOut =
    answer.heldOutTpotMdape != null && answer.heldOutTtftMdape != null
      ? `; on models the fit never saw ${formatPercent(answer.heldOutTpotMdape)}, ${formatPercent(answer.heldOutTtftMdape)}`
      : "";
  const published =
    answer.publishedThroughputMdape != null && answer.publishedRows
      ? `; throughput ${formatPercent(answer.publishedThroughputMdape)} off ${answer.publishedRows} published figures`
      : "";
  const err =
    answer.tpotMdape !== null
      ? `median TPOT error ${formatPercent(answer.tpotMdape)}${answer.ttftMdape !== null ? `, TTFT ${formatPercent(answer.ttftMdape)}` : ""} over ${answer.rows} measured runs${heldOut}${published}`
      : answer.reasons.join("; ");
  // what no regime measures caps the level (MTP drafts, pipeline stages, hybrid or Mamba-2 layers): say so beside the
  // regime's own errors, which may look better than the level
  const capped = answer.tpotMdape !== null && answer.heldBy?.length ? ` — held to ${answer.level} by ${answer.heldBy.join("; ")}` : "";
  return (
    <Link
      href={answer.regime.href}
      title={`${answer.regime.label}: ${err}${capped}`}
      data-testid="confidence"
      data-level={answer.level}
      className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium ${STYLE[answer.level]}`}
    >
      {answer.level} confidence
      {showErrors && (
        <span className="font-normal opacity-80">
          · {err}
          {capped}
        </span>
      )}
    </Link>
  );
}

export type ConfidenceLevel = ConfidenceAnswer["level"];
