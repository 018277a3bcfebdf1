import type { Confidence } from "../../../lib/catalog/types";

const STYLE: Readonly<Record<Confidence, string>> = {
  high: "bg-green-100 text-green-900 dark:bg-green-900/50 dark:text-green-100",
  medium: "bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100",
  low: "bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-100",
};

/**
 * The level of a regime in the tables of /validate (no link: the row is the target). `tooFew`: the regime has too few
 * predicted rows to be judged on its own (estimates in it are judged on a broader regime).
 */
export function LevelBadge({ level, title, tooFew = false }: { level: Confidence; title?: string; tooFew?: boolean }) {
  if (tooFew) {
    return (
      <span className="inline-block rounded bg-neutral-100 px-1.5 py-0.5 text-[11px] text-neutral-600 dark:bg-neutral-800 dark:text-neutral-300" title={title}>
        too few rows
      </span>
    );
  }
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 text-[11px] font-medium ${STYLE[level]}`} title={title}>
      {level}
    </span>
  );
}
