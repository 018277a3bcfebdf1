"use client";

import { useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import { MODELS } from "@/lib/catalog";
import { SLO_PRESETS } from "@/lib/plan/presets";
import { errorAt, FieldError, NumberField, type PlanForm } from "./form-ui";

/** Step 1: which model (catalog or a pasted config.json) and the shape of a request. */
export function WorkloadStep({ form }: { form: UseFormReturn<PlanForm> }) {
  const { register, setValue, getValues, formState } = form;
  const errors = formState.errors;
  const [source, setSource] = useState<"catalog" | "paste">(getValues("workload.hfConfigJson") ? "paste" : "catalog");
  const [configText, setConfigText] = useState(() => {
    const j = getValues("workload.hfConfigJson");
    return j ? JSON.stringify(j, null, 2) : "";
  });
  const [jsonError, setJsonError] = useState<string | null>(null);

  const choose = (s: "catalog" | "paste") => {
    setSource(s);
    if (s === "catalog") {
      setValue("workload.hfConfigJson", undefined);
      if (!getValues("workload.model")) setValue("workload.model", MODELS[0]?.id);
    } else {
      setValue("workload.model", undefined);
      onConfig(configText);
    }
  };
  const onConfig = (text: string) => {
    setConfigText(text);
    if (text.trim() === "") {
      setJsonError(null);
      setValue("workload.hfConfigJson", undefined);
      return;
    }
    try {
      const v = JSON.parse(text) as unknown;
      setJsonError(null);
      setValue("workload.hfConfigJson", v as Record<string, unknown>);
    } catch {
      setJsonError("This is not valid JSON: paste the whole config.json file.");
      setValue("workload.hfConfigJson", text as never);
    }
  };
  const modelErr = errorAt(errors, "workload.model");
  const cfgErr = errorAt(errors, "workload.hfConfigJson");

  return (
    <div className="space-y-5">
      <fieldset>
        <legend className="text-sm font-medium">Model</legend>
        <div className="mt-1 flex gap-4 text-sm">
          <label className="flex items-center gap-1.5">
            <input type="radio" name="model-source" checked={source === "catalog"} onChange={() => choose("catalog")} />
            From the catalog
          </label>
          <label className="flex items-center gap-1.5">
            <input type="radio" name="model-source" checked={source === "paste"} onChange={() => choose("paste")} />
            Paste a config.json
          </label>
        </div>
        {source === "catalog" ? (
          <div className="mt-2">
            <label htmlFor="f-workload-model" className="sr-only">
              Catalog model
            </label>
            <select
              id="f-workload-model"
              className="w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900"
              aria-invalid={modelErr ? true : undefined}
              {...register("workload.model")}
            >
              {MODELS.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
            <FieldError message={modelErr} />
          </div>
        ) : (
          <div className="mt-2">
            <label htmlFor="f-workload-config" className="block text-xs text-slate-500">
              The model&apos;s Hugging Face config.json (architecture only; no weights are needed)
            </label>
            <textarea
              id="f-workload-config"
              rows={8}
              value={configText}
              onChange={(e) => onConfig(e.target.value)}
              aria-invalid={jsonError || cfgErr ? true : undefined}
              className="mt-1 w-full rounded-md border border-slate-300 bg-white p-2 font-mono text-xs dark:border-slate-600 dark:bg-slate-900"
              placeholder='{ "model_type": "llama", "hidden_size": 4096, … }'
            />
            <FieldError message={jsonError ?? cfgErr ?? (source === "paste" ? modelErr : undefined)} />
          </div>
        )}
      </fieldset>

      <div>
        <p className="text-sm font-medium">Tokens per request</p>
        <p className="text-xs text-slate-500">
          Mean and 95th percentile. Typical shapes:{" "}
          {SLO_PRESETS.map((p, i) => (
            <span key={p.id}>
              {i > 0 ? " · " : ""}
              <button
                type="button"
                className="text-accent-600 underline decoration-dotted hover:decoration-solid"
                onClick={() => {
                  for (const [k, v] of Object.entries(p.workload)) setValue(`workload.${k}` as never, v as never, { shouldDirty: true });
                }}
              >
                {p.name.toLowerCase()}
              </button>
            </span>
          ))}
        </p>
        <div className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-4">
          <NumberField name="workload.inputTokens" label="Prompt, mean" unit="tokens" register={register} errors={errors} step="1" />
          <NumberField name="workload.inputTokensP95" label="Prompt, p95" unit="tokens" register={register} errors={errors} step="1" hint="blank = all the same" />
          <NumberField name="workload.outputTokens" label="Output, mean" unit="tokens" register={register} errors={errors} step="1" />
          <NumberField name="workload.outputTokensP95" label="Output, p95" unit="tokens" register={register} errors={errors} step="1" />
        </div>
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <NumberField name="workload.systemPromptTokens" label="Shared system prompt" unit="tokens" register={register} errors={errors} step="1" hint="part of the prompt every request repeats" />
        <NumberField name="workload.prefixCacheHitRate" label="Prefix-cache hit rate" unit="0–1" register={register} errors={errors} step="0.05" hint="how often it is already cached" />
      </div>
    </div>
  );
}
