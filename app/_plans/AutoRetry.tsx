"use client";

import { useEffect, useState } from "react";

/**
 * Opens `href` after `seconds`, with the countdown shown: a page the planner was too busy to compute asks again by
 * itself (the server decides how many times, through the attempt number in `href`). "Stop" keeps the page as it is.
 */
export function AutoRetry({ href, seconds }: { href: string; seconds: number }) {
  const [left, setLeft] = useState(seconds);
  const [stopped, setStopped] = useState(false);
  useEffect(() => {
    if (stopped) return;
    const t0 = Date.now();
    const id = window.setInterval(() => {
      const l = Math.max(0, seconds - Math.floor((Date.now() - t0) / 1000));
      setLeft(l);
      if (l === 0) {
        window.clearInterval(id);
        window.location.assign(href);
      }
    }, 250);
    return () => window.clearInterval(id);
  }, [href, seconds, stopped]);
  if (stopped) return null;
  return (
    <span data-testid="auto-retry" data-href={href}>
      Trying again by itself in <span className="tabular-nums">{left} s</span>{" "}
      <button type="button" onClick={() => setStopped(true)} className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">
        Stop
      </button>
    </span>
  );
}
