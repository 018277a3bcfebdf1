"use client";

import type { UseFormReturn } from "react-hook-form";
import { SLO_PRESETS } from "@/lib/plan/presets";
import { NumberField, type PlanForm } from "./form-ui";

const SLO_FIELDS = ["ttftP50Ms", "ttftP95Ms", "tpotP95Ms", "minTokensPerSecondPerUser", "e2eP95Ms"] as const;

/** Step 2: latency targets, with presets that explain their numbers. Blank = no target. */
export function SloStep({ form }: { form: UseFormReturn<PlanForm> }) {
  const { register, setValue, watch, formState } = form;
  const preset = watch("slo.preset") ?? "custom";
  const active = SLO_PRESETS.find((p) => p.id === preset);

  const apply = (id: string) => {
    setValue("slo.preset", id as never, { shouldDirty: true });
    const p = SLO_PRESETS.find((x) => x.id === id);
    if (!p) return;
    for (const f of SLO_FIELDS) setValue(`slo.${f}`, (p.slo as Record<string, number | undefined>)[f] as never, { shouldDirty: true });
  };

  return (
    <div className="space-y-5">
      <fieldset>
        <legend className="text-sm font-medium">Start from a preset</legend>
        <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-5" role="radiogroup">
          {[...SLO_PRESETS.map((p) => ({ id: p.id, name: p.name })), { id: "custom", name: "Custom" }].map((p) => (
            <label
              key={p.id}
              className={`flex cursor-pointer items-center gap-2 rounded-md border px-2 py-1.5 text-sm ${preset === p.id ? "border-accent-500 bg-accent-50 dark:bg-slate-800" : "border-slate-300 dark:border-slate-600"}`}
            >
              <input type="radio" name="slo-preset" value={p.id} checked={preset === p.id} onChange={() => apply(p.id)} />
              {p.name}
            </label>
          ))}
        </div>
        {active ? (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-300" data-testid="preset-explanation">
            {active.explanation}
          </p>
        ) : null}
      </fieldset>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        <NumberField name="slo.ttftP50Ms" label="Time to first token, p50" unit="ms" register={register} errors={formState.errors} />
        <NumberField name="slo.ttftP95Ms" label="Time to first token, p95" unit="ms" register={register} errors={formState.errors} />
        <NumberField name="slo.tpotP95Ms" label="Time per output token, p95" unit="ms" register={register} errors={formState.errors} hint="inter-token latency" />
        <NumberField name="slo.minTokensPerSecondPerUser" label="Or: minimum speed per user" unit="tokens/s" register={register} errors={formState.errors} />
        <NumberField name="slo.e2eP95Ms" label="Whole request, p95" unit="ms" register={register} errors={formState.errors} hint="optional" />
      </div>
      <p className="text-xs text-slate-500">
        Percentiles include waiting: requests arrive at random, so at p95 some find every slot busy. The planner models that queue and
        adds replicas until the targets hold.
      </p>
    </div>
  );
}
