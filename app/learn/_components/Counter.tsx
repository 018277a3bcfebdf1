"use client";
import { useLayoutEffect, useRef, useState } from "react";
import { formatWithUnit } from "../../../lib/format";

const DURATION_MS = 900;

function reducedMotion(): boolean {
  return typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

/**
 * A figure that counts up to `value` (ease-out, under a second) when it first shows or when the value changes.
 * With prefers-reduced-motion it shows the value at once. The final value is in `data-value` (SI) and, for screen
 * readers, announced only once it settles.
 */
export function Counter({ value, unit, testId }: { value: number; unit: string; testId?: string }) {
  const [shown, setShown] = useState(value);
  const from = useRef(0);
  // Not settled until the client has run the effect below: the server cannot know whether the count will animate,
  // and a "settled" page from the server would be read before hydration starts the count (a test race, and a screen
  // reader could announce a figure about to move).
  const [settled, setSettled] = useState(false);

  // Layout effect: the first frame already shows the start of the count, not a flash of the final value.
  useLayoutEffect(() => {
    if (reducedMotion() || !Number.isFinite(value)) {
      setShown(value);
      from.current = value;
      setSettled(true);
      return;
    }
    const start = performance.now();
    const a = from.current;
    let raf = 0;
    setSettled(false);
    const tick = (now: number) => {
      const t = Math.min(1, (now - start) / DURATION_MS);
      const eased = 1 - Math.pow(1 - t, 3);
      setShown(a + (value - a) * eased);
      if (t < 1) raf = requestAnimationFrame(tick);
      else {
        from.current = value;
        setSettled(true);
      }
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [value]);

  return (
    <span data-testid={testId} data-value={value} data-settled={settled ? "true" : "false"} className="tabular">
      <span aria-hidden="true">{formatWithUnit(shown, unit)}</span>
      <span className="sr-only">{formatWithUnit(value, unit)}</span>
    </span>
  );
}
