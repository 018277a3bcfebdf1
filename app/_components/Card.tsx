import type { ReactNode } from "react";

/** A bordered panel with an optional title and a right-aligned aside (a badge, a link). */
export function Card({
  title,
  subtitle,
  aside,
  children,
  className = "",
  id,
  as: Tag = "section",
}: {
  title?: ReactNode;
  /** A muted line under the title. */
  subtitle?: ReactNode;
  aside?: ReactNode;
  children: ReactNode;
  className?: string;
  id?: string;
  as?: "section" | "div" | "article";
}) {
  return (
    <Tag
      id={id}
      className={`rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900/60 ${className}`}
    >
      {(title || aside) && (
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          {title && <h2 className="text-base font-semibold tracking-tight">{title}</h2>}
          {aside}
        </div>
      )}
      {subtitle && <p className="-mt-2 mb-3 text-sm text-slate-500 dark:text-slate-400">{subtitle}</p>}
      {children}
    </Tag>
  );
}
