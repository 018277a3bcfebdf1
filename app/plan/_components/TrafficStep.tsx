"use client";

import { formatCount } from "@/lib/format";
import type { UseFormReturn } from "react-hook-form";
import { NumberField, type PlanForm } from "./form-ui";

/** Step 3: traffic as daily users × requests per user × peak factor, or a peak request rate. */
export function TrafficStep({ form }: { form: UseFormReturn<PlanForm> }) {
  const { register, watch, formState } = form;
  const errors = formState.errors;
  const mode = watch("traffic.mode") ?? "users";
  const dau = Number(watch("traffic.dailyActiveUsers"));
  const rpd = Number(watch("traffic.requestsPerUserPerDay"));
  const factor = Number(watch("traffic.peakToAverage") ?? 3);
  const peak = (dau * rpd * factor) / 86_400;

  return (
    <div className="space-y-5">
      <fieldset>
        <legend className="text-sm font-medium">How do you know your traffic?</legend>
        <div className="mt-1 flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-1.5">
            <input type="radio" value="users" {...register("traffic.mode")} />
            By daily active users
          </label>
          <label className="flex items-center gap-1.5">
            <input type="radio" value="peak" {...register("traffic.mode")} />
            By peak requests per second
          </label>
        </div>
      </fieldset>
      {mode === "users" ? (
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          <NumberField name="traffic.dailyActiveUsers" label="Daily active users" register={register} errors={errors} step="1" />
          <NumberField name="traffic.requestsPerUserPerDay" label="Requests per user per day" register={register} errors={errors} />
          <NumberField name="traffic.peakToAverage" label="Peak-to-average factor" unit="×" register={register} errors={errors} hint="busiest hour ÷ the day's average" />
        </div>
      ) : (
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          <NumberField name="traffic.peakRequestsPerSecond" label="Peak requests per second" unit="req/s" register={register} errors={errors} />
          <NumberField name="traffic.peakToAverage" label="Peak-to-average factor" unit="×" register={register} errors={errors} hint="for the monthly volume" />
        </div>
      )}
      {mode === "users" && Number.isFinite(peak) && peak > 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="peak-preview">
          Peak ≈ {formatCount(peak)} requests/s (users × requests per day × peak factor ÷ 86,400 s).
        </p>
      ) : null}
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        <NumberField name="traffic.monthlyGrowthPct" label="Monthly growth" unit="%" register={register} errors={errors} hint="optional: a 12-month projection" />
      </div>
    </div>
  );
}
