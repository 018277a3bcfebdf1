"use client";
import Link from "next/link";
import { useState } from "react";
import { Select, type SelectOption } from "../../_components/Field";
import { GPUS, MODELS } from "../../../lib/catalog";
import { formatCount } from "../../../lib/format";
import {
  CONCURRENCY_CHOICES,
  CONTEXT_CHOICES,
  GPU_COUNTS,
  KV_CHOICES,
  OUTPUT_CHOICES,
  PARALLELISMS,
  PARALLELISM_LABELS,
  calculateHref,
  parallelismFallsBack,
  type Scenario,
  type ScenarioKey,
} from "../../../lib/lessons/scenario";
import { WEIGHT_PRECISIONS } from "../../../lib/plan/estimate-input";
import { useScenario } from "./scenario-context";

const MODEL_OPTIONS: SelectOption[] = MODELS.map((m) => ({ value: m.id, label: m.name, group: m.moe ? "Mixture of experts" : "Dense" }));
const GPU_OPTIONS: SelectOption[] = GPUS.map((g) => ({ value: g.id, label: g.name, group: g.vendor }));
const PRECISION_LABEL: Readonly<Record<string, string>> = { bf16: "BF16", fp8: "FP8", fp4: "FP4", int4: "INT4", int8: "INT8", auto: "Engine default" };

function numberOptions(list: readonly number[], current: number, suffix = ""): SelectOption[] {
  const all = list.includes(current) ? [...list] : [...list, current].sort((a, b) => a - b);
  return all.map((n) => ({ value: String(n), label: `${formatCount(n)}${suffix}` }));
}

/**
 * The scenario every lesson computes with: model, hardware, GPU count, precision, parallelism, concurrency,
 * context. Lives in the URL, so a lesson with a scenario is a link.
 */
export function ScenarioBar() {
  const { scenario: s, figures: f, problems, set } = useScenario();
  const num = (key: ScenarioKey) => (e: React.ChangeEvent<HTMLSelectElement>) => set(key, Number(e.target.value) as never);
  const str = (key: ScenarioKey) => (e: React.ChangeEvent<HTMLSelectElement>) => set(key, e.target.value as Scenario[typeof key] as never);
  const fellBack = parallelismFallsBack(s, f.model);
  // On phones the nine controls fold behind a one-line summary; from md up they are always shown.
  const [open, setOpen] = useState(false);
  return (
    <section
      aria-label="Scenario"
      data-testid="scenario-bar"
      className="rounded-xl border border-slate-200 bg-slate-50/80 p-3 dark:border-slate-800 dark:bg-slate-900/50"
    >
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-sm font-semibold">Scenario</h2>
        <Link href={calculateHref(s)} className="text-sm font-medium text-accent-700 underline-offset-4 hover:underline dark:text-accent-300" data-testid="calculate-link">
          Open in the calculator →
        </Link>
      </div>
      <div className="flex items-center justify-between gap-2 md:hidden">
        <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="scenario-summary">
          {f.model.name} · {formatCount(s.gpus)} × {f.gpu.name} · {s.weights.toUpperCase()} · {formatCount(s.concurrency)} user(s) · {formatCount(s.isl)} + {formatCount(s.osl)} tokens
        </p>
        <button
          type="button"
          onClick={() => setOpen(!open)}
          aria-expanded={open}
          aria-controls="scenario-controls"
          className="shrink-0 rounded-md border border-slate-300 px-2.5 py-1 text-sm font-medium dark:border-slate-700"
        >
          {open ? "Done" : "Change"}
        </button>
      </div>
      <div id="scenario-controls" className={`${open ? "grid" : "hidden"} mt-2 grid-cols-2 gap-x-3 gap-y-2 sm:grid-cols-3 md:mt-0 md:grid lg:grid-cols-5`}>
        <Select label="Model" value={s.model} onChange={str("model")} options={MODEL_OPTIONS} className="col-span-2 sm:col-span-1" />
        <Select label="Hardware" value={s.gpu} onChange={str("gpu")} options={GPU_OPTIONS} className="col-span-2 sm:col-span-1" />
        <Select label="GPU count" value={String(s.gpus)} onChange={num("gpus")} options={numberOptions(GPU_COUNTS, s.gpus)} />
        <Select
          label="Parallelism"
          value={s.par}
          onChange={str("par")}
          options={PARALLELISMS.map((p) => ({ value: p, label: PARALLELISM_LABELS[p] }))}
        />
        <Select
          label="Weight precision"
          value={s.weights}
          onChange={str("weights")}
          options={WEIGHT_PRECISIONS.map((p) => ({ value: p, label: PRECISION_LABEL[p] ?? p }))}
        />
        <Select label="KV-cache precision" value={s.kv} onChange={str("kv")} options={KV_CHOICES.map((p) => ({ value: p, label: PRECISION_LABEL[p] ?? p }))} />
        <Select label="Concurrent users" value={String(s.concurrency)} onChange={num("concurrency")} options={numberOptions(CONCURRENCY_CHOICES, s.concurrency)} />
        <Select label="Context (prompt tokens)" value={String(s.isl)} onChange={num("isl")} options={numberOptions(CONTEXT_CHOICES, s.isl)} />
        <Select label="Output tokens" value={String(s.osl)} onChange={num("osl")} options={numberOptions(OUTPUT_CHOICES, s.osl)} />
      </div>
      {(problems.length > 0 || f.result.problems.length > 0 || fellBack || (f.result.notes?.length ?? 0) > 0) && (
        <ul className="mt-2 space-y-1 text-xs" aria-live="polite">
          {problems.map((p) => (
            <li key={p.field} className="text-rose-700 dark:text-rose-300">
              Ignored {p.field} in the link: {p.message}. Using the default.
            </li>
          ))}
          {fellBack && (
            <li className="text-amber-800 dark:text-amber-300">
              {f.model.name} is dense: it has no experts to spread, so the GPUs split it with tensor parallelism.
            </li>
          )}
          {f.result.problems.map((p) => (
            <li key={p} className="font-medium text-rose-700 dark:text-rose-300" data-testid="scenario-problem">
              {p}
            </li>
          ))}
          {(f.result.notes ?? []).map((n) => (
            <li key={n} className="text-slate-600 dark:text-slate-400">
              {n}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
