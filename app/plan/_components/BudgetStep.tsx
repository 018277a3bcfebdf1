"use client";

import type { UseFormReturn } from "react-hook-form";
import { GPUS, PROVIDERS } from "@/lib/catalog";
import { ENGINE_IDS, KV_PRECISIONS, WEIGHT_PRECISIONS } from "@/lib/plan/estimate-input";
import { PLANNER_DRAFTS } from "@/lib/search/spec";
import { PRICING_TERMS } from "@/lib/plan/schema";
import { ENGINE_NAMES, KV_QUALITY, PRECISION_QUALITY } from "@/lib/search/labels";
import { CheckGroup, NumberField, Select, type PlanForm } from "./form-ui";

const TERM_LABELS: Record<(typeof PRICING_TERMS)[number], string> = {
  "on-demand": "On-demand",
  "1yr": "1-year commitment",
  "3yr": "3-year commitment",
  spot: "Spot / preemptible",
};

/** Step 4: money and choices. Empty GPU / provider lists mean "any". */
export function BudgetStep({ form }: { form: UseFormReturn<PlanForm> }) {
  const { register, formState } = form;
  const errors = formState.errors;
  return (
    <div className="space-y-5">
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <NumberField name="budget.maxUsdPerMonth" label="Budget ceiling" unit="$/month" register={register} errors={errors} hint="blank = no ceiling" />
        <NumberField name="budget.maxUsdPerMillionTokens" label="Cost ceiling" unit="$/M tokens" register={register} errors={errors} hint="blended input + output" />
        <NumberField name="budget.headroomPct" label="Headroom over peak" unit="%" register={register} errors={errors} />
        <Select
          name="budget.redundancy"
          label="Redundancy"
          register={register}
          errors={errors}
          options={[
            { value: "n+1", label: "N+1 (one spare replica)" },
            { value: "none", label: "None" },
          ]}
        />
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Select name="budget.pricingTerm" label="Pricing term" register={register} errors={errors} options={PRICING_TERMS.map((t) => ({ value: t, label: TERM_LABELS[t] }))} />
        <NumberField
          name="budget.requestOverheadMs"
          label="Serving-stack latency"
          unit="ms"
          register={register}
          errors={errors}
          hint="HTTP, gateway, tokenisation; blank = each engine's calibrated value"
        />
        <NumberField
          name="budget.maxBatch"
          label="Batch limit"
          unit="requests"
          register={register}
          errors={errors}
          hint="per rank (max-num-seqs); blank = each engine's default"
        />
      </div>
      <CheckGroup
        name="budget.precisions"
        legend="Weight precisions allowed"
        register={register}
        errors={errors}
        columns={1}
        options={WEIGHT_PRECISIONS.map((p) => ({ value: p, label: p.toUpperCase(), note: PRECISION_QUALITY[p] }))}
      />
      <CheckGroup
        name="budget.kvPrecisions"
        legend="KV-cache precisions allowed"
        register={register}
        errors={errors}
        options={KV_PRECISIONS.map((p) => ({ value: p, label: p.toUpperCase(), note: KV_QUALITY[p] }))}
      />
      <CheckGroup name="budget.engines" legend="Serving engines" register={register} errors={errors} options={ENGINE_IDS.map((e) => ({ value: e, label: ENGINE_NAMES[e] }))} />
      <CheckGroup
        name="budget.speculative"
        legend="Speculative decoding"
        hint="Ticked: also try drafting with the model's multi-token-prediction module, where it ships one with published acceptance rates. Your traffic may accept fewer drafts."
        register={register}
        errors={errors}
        options={[{ value: "mtp", label: `MTP drafts (${PLANNER_DRAFTS.filter((k) => k > 0).join(" or ")} per step)` }]}
      />
      <CheckGroup
        name="budget.gpus"
        legend="GPUs allowed"
        hint="None ticked = every GPU in the catalog."
        register={register}
        errors={errors}
        options={GPUS.map((g) => ({ value: g.id, label: g.name }))}
      />
      <CheckGroup
        name="budget.providers"
        legend="Cloud providers allowed"
        hint="None ticked = the catalog's representative price per GPU; ticked = the cheapest of those providers."
        register={register}
        errors={errors}
        options={PROVIDERS.map((p) => ({ value: p, label: p }))}
      />
    </div>
  );
}
