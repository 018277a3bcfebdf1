"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useMemo, useRef, useState } from "react";
import { useForm, type FieldErrors, type Resolver } from "react-hook-form";
import { PLAN_STEPS, planInputSchema, type PlanFieldError, type PlanInput } from "@/lib/plan/schema";
import { BudgetStep } from "./BudgetStep";
import type { PlanForm } from "./form-ui";
import { SloStep } from "./SloStep";
import { TrafficStep } from "./TrafficStep";
import { WorkloadStep } from "./WorkloadStep";

/**
 * The four-step wizard. One react-hook-form over the whole plan input; "Next" validates the current step with its
 * schema (a .pick() of planInputSchema) and the last step submits through the whole schema — the same one the API,
 * the CLI and the database parse with.
 */
export function Wizard(props: {
  initial: PlanForm;
  initialStep: number;
  busy: boolean;
  serverErrors: readonly PlanFieldError[];
  onSubmit: (input: PlanInput, raw: PlanForm) => void;
  onStep: (step: number, raw: PlanForm) => void;
}) {
  const [step, setStep] = useState(Math.min(Math.max(props.initialStep, 0), PLAN_STEPS.length - 1));
  const stepRef = useRef(step);
  stepRef.current = step;
  const submitting = useRef(false);

  const resolver = useMemo<Resolver<PlanForm>>(() => {
    const perStep = PLAN_STEPS.map((s) => zodResolver(s.schema as never) as unknown as Resolver<PlanForm>);
    const whole = zodResolver(planInputSchema as never) as unknown as Resolver<PlanForm>;
    return (values, ctx, opts) => (submitting.current ? whole : perStep[stepRef.current]!)(values, ctx, opts);
  }, []);

  const form = useForm<PlanForm>({ resolver, defaultValues: props.initial, mode: "onSubmit", reValidateMode: "onChange" });
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    for (const e of props.serverErrors) form.setError(e.field as never, { type: "server", message: e.message });
    const first = props.serverErrors[0];
    if (first) {
      const i = PLAN_STEPS.findIndex((s) => first.field.startsWith(`${s.id}.`));
      if (i >= 0) setStep(i);
    }
  }, [props.serverErrors, form]);

  const go = (to: number) => {
    setStep(to);
    props.onStep(to, form.getValues());
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  const next = async () => {
    submitting.current = false;
    if (await form.trigger()) go(step + 1);
  };

  const firstStepWithError = (errors: FieldErrors<PlanForm>) => PLAN_STEPS.findIndex((s) => s.id in errors);

  const submit = form.handleSubmit(
    (values) => {
      submitting.current = false;
      props.onSubmit(values as unknown as PlanInput, form.getValues());
    },
    (errors) => {
      submitting.current = false;
      const i = firstStepWithError(errors);
      if (i >= 0 && i !== step) go(i);
    },
  );

  const last = step === PLAN_STEPS.length - 1;
  const current = PLAN_STEPS[step]!;
  return (
    <form
      noValidate
      aria-label="Plan inputs"
      onSubmit={(e) => {
        e.preventDefault();
        if (last) {
          submitting.current = true;
          void submit(e);
        } else void next();
      }}
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-700 dark:bg-slate-950"
    >
      <nav aria-label="Wizard progress">
        <ol className="flex flex-wrap gap-2 text-xs">
          {PLAN_STEPS.map((s, i) => (
            <li key={s.id}>
              <button
                type="button"
                onClick={() => (i < step ? go(i) : undefined)}
                aria-current={i === step ? "step" : undefined}
                disabled={i > step}
                className={`rounded-full px-2.5 py-1 ${i === step ? "bg-accent-600 text-white" : i < step ? "bg-accent-100 text-accent-700 dark:bg-slate-800 dark:text-accent-300" : "bg-slate-100 text-slate-500 dark:bg-slate-800"}`}
              >
                {i + 1}. {s.title}
              </button>
            </li>
          ))}
        </ol>
        <div className="mt-2 h-1 rounded bg-slate-100 dark:bg-slate-800" aria-hidden="true">
          <div className="h-1 rounded bg-accent-500" style={{ width: `${((step + 1) / PLAN_STEPS.length) * 100}%` }} />
        </div>
      </nav>
      <h2 ref={headingRef} tabIndex={-1} className="mt-4 text-lg font-semibold outline-none">
        Step {step + 1} of {PLAN_STEPS.length}: {current.title}
      </h2>
      <div className="mt-3">
        {current.id === "workload" && <WorkloadStep form={form} />}
        {current.id === "slo" && <SloStep form={form} />}
        {current.id === "traffic" && <TrafficStep form={form} />}
        {current.id === "budget" && <BudgetStep form={form} />}
      </div>
      <div className="mt-6 flex items-center justify-between">
        <button
          type="button"
          onClick={() => go(step - 1)}
          disabled={step === 0}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm disabled:opacity-40 dark:border-slate-600"
        >
          Back
        </button>
        <button type="submit" disabled={props.busy} className="rounded-md bg-accent-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-accent-700 disabled:opacity-60">
          {last ? (props.busy ? "Searching…" : "Find deployments") : "Next"}
        </button>
      </div>
    </form>
  );
}
