import type { Confidence } from "../../../lib/catalog/types";

const STYLE: Readonly<Record<Confidence, string>> = {
  high: "bg-green-100 text-green-900 dark:bg-green-900/50 dark:text-green-100",
  medium: "bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100",
  low: "bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-100",
};

/** The level of a regime in the tables of /validate (no link: the row is the target). */
export function LevelBadge({ level, title }: { level: Confidence; title?: string }) {
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 text-[11px] font-medium ${STYLE[level]}`} title={title}>
      {level}
    </span>
  );
}
