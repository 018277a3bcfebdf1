"use client";

import { useId, useState } from "react";
import type { Derivation } from "@/lib/model/derivation";
import { derivationValue } from "../_lib/fmt";

/**
 * "How is this computed?": a small button beside a figure that discloses its derivation (formula and the same
 * formula with the values put in). Keyboard: Enter/Space toggles, Escape closes.
 */
export function Explain({ d, label }: { d: Derivation | undefined; label?: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  if (!d) return null;
  return (
    <span className="relative inline-block align-baseline">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        aria-label={`How ${label ?? d.label} is computed`}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === "Escape") setOpen(false);
        }}
        className="ml-1 inline-flex h-4 w-4 items-center justify-center rounded-full border border-slate-400 text-[10px] leading-none text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
      >
        ƒ
      </button>
      {open && (
        <span
          id={id}
          role="note"
          data-testid="derivation"
          className="absolute left-0 top-5 z-20 block w-80 rounded-md border border-slate-300 bg-white p-3 text-left text-xs font-normal text-slate-800 shadow-lg dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
        >
          <span className="block font-semibold">
            {d.label} = {derivationValue(d.value, d.unit)}
          </span>
          <code className="mt-1 block whitespace-pre-wrap font-mono text-[11px]">{d.formula}</code>
          <code className="mt-1 block whitespace-pre-wrap font-mono text-[11px] text-slate-600 dark:text-slate-300">= {d.substituted}</code>
        </span>
      )}
    </span>
  );
}

/** A lookup of a candidate's derivations by key. */
export function derivationsOf(list: readonly Derivation[] | undefined): (key: string) => Derivation | undefined {
  const m = new Map((list ?? []).map((d) => [d.key, d] as const));
  return (key) => m.get(key);
}
