"use client";

import type { FieldErrors, UseFormRegister } from "react-hook-form";
import type { PlanInputRaw } from "@/lib/plan/schema";
import { Field } from "../../_components/Field";

export type PlanForm = PlanInputRaw;

/** The error message at a dotted path ("slo.ttftP95Ms", "budget.gpus"), if any. */
export function errorAt(errors: FieldErrors<PlanForm>, path: string): string | undefined {
  let cur: unknown = errors;
  for (const k of path.split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  if (cur && typeof cur === "object") {
    const m = (cur as { message?: unknown }).message;
    if (typeof m === "string") return m;
    // An array field's element errors: report the first.
    for (const v of Object.values(cur as Record<string, unknown>)) {
      const mm = v && typeof v === "object" ? (v as { message?: unknown }).message : undefined;
      if (typeof mm === "string") return mm;
    }
  }
  return undefined;
}

const inputCls =
  "mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm tabular dark:border-slate-600 dark:bg-slate-900 aria-[invalid=true]:border-rose-500";

/** Empty → undefined (an optional target left blank), anything else → a number (NaN for text: the schema says so). */
export const asNumber = (v: unknown) => (v === "" || v === null || v === undefined ? undefined : Number(v));

export function NumberField(props: {
  name: string;
  label: string;
  register: UseFormRegister<PlanForm>;
  errors: FieldErrors<PlanForm>;
  unit?: string;
  hint?: string;
  step?: string;
}) {
  const { name, label, register, errors, unit, hint } = props;
  const err = errorAt(errors, name);
  return (
    <Field
      label={
        <>
          {label}
          {unit ? <span className="font-normal text-slate-500"> ({unit})</span> : null}
        </>
      }
      hint={hint}
      error={err}
    >
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          type="number"
          inputMode="decimal"
          step={props.step ?? "any"}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          className={inputCls}
          {...register(name as never, { setValueAs: asNumber })}
        />
      )}
    </Field>
  );
}

export function FieldError({ id, message }: { id?: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="mt-0.5 text-xs text-rose-600 dark:text-rose-400">
      {message}
    </p>
  );
}

export function CheckGroup(props: {
  name: string;
  legend: string;
  options: readonly { value: string; label: string; note?: string }[];
  register: UseFormRegister<PlanForm>;
  errors: FieldErrors<PlanForm>;
  hint?: string;
  columns?: number;
}) {
  const { name, legend, options, register, errors, hint } = props;
  const err = errorAt(errors, name);
  return (
    <fieldset className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <legend className="px-1 text-sm font-medium">{legend}</legend>
      {hint ? <p className="mb-2 text-xs text-slate-500">{hint}</p> : null}
      <div className={props.columns === 1 ? "space-y-1" : "grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-3"}>
        {options.map((o) => (
          <label key={o.value} className="flex items-start gap-2 text-sm">
            <input type="checkbox" value={o.value} className="mt-1" {...register(name as never)} />
            <span>
              {o.label}
              {o.note ? <span className="block text-xs text-slate-500">{o.note}</span> : null}
            </span>
          </label>
        ))}
      </div>
      <FieldError message={err} />
    </fieldset>
  );
}

export function Select(props: {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  register: UseFormRegister<PlanForm>;
  errors: FieldErrors<PlanForm>;
}) {
  return (
    <Field label={props.label} error={errorAt(props.errors, props.name)}>
      {({ id, describedBy, invalid }) => (
        <select id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} className={inputCls} {...props.register(props.name as never)}>
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
