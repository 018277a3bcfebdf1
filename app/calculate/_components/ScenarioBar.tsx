"use client";
import type { UseFormReturn } from "react-hook-form";
import type { EngineSettingDefaults } from "../../../lib/model/engine-settings";
import type { EstimateInput, EstimateInputRaw } from "../../../lib/plan/estimate-input";
import { Field, NumberField, Select } from "../../_components/Field";
import type { ScenarioField } from "../_lib/problem-fields";
import { ARRIVAL_OPTIONS, ENGINE_OPTIONS, GPU_COUNTS, GPU_OPTIONS, KV_OPTIONS, MODEL_OPTIONS, WEIGHT_OPTIONS } from "./options";

type Form = UseFormReturn<EstimateInputRaw, unknown, EstimateInput>;

/** "" → NaN for required numbers (the schema then says "must be a number"), "" → undefined for optional ones. */
const required = { setValueAs: (v: unknown) => (v === "" || v === null ? NaN : Number(v)) };
const optional = { setValueAs: (v: unknown) => (v === "" || v === null || v === undefined ? undefined : Number(v)) };
const optionalText = { setValueAs: (v: unknown) => (v === "" ? undefined : v) };

export interface ScenarioBarProps {
  form: Form;
  /** Field → message: validation errors and the core's problems, shown under the field they concern. */
  messages: Partial<Record<string, string>>;
  /** Field → notes (not errors), shown muted. */
  notes: Partial<Record<ScenarioField, string[]>>;
  gpus: number;
  catalogPrice: number | null;
  /** The engine's own memory fraction and prefill chunk on this GPU, shown when the fields are empty. */
  engineDefaults: EngineSettingDefaults;
  /** What an empty MTP acceptance length stands for: the model's published figure, or that one is needed. */
  mtpAcceptancePlaceholder: string;
  configText: string;
  configError: string | null;
  onConfigText: (text: string) => void;
  mode: "catalog" | "config";
  onMode: (m: "catalog" | "config") => void;
  onGpuCount: (n: number) => void;
}

function NoteList({ items }: { items?: string[] }) {
  if (!items?.length) return null;
  return (
    <ul className="mt-1 space-y-0.5 text-xs text-amber-700 dark:text-amber-300">
      {items.map((t) => (
        <li key={t}>{t}</li>
      ))}
    </ul>
  );
}

export function ScenarioBar(p: ScenarioBarProps) {
  const { register } = p.form;
  const m = p.messages;
  const counts = GPU_COUNTS.includes(p.gpus) ? GPU_COUNTS : [...GPU_COUNTS, p.gpus].sort((a, b) => a - b);

  return (
    <form
      aria-label="Scenario"
      onSubmit={(e) => e.preventDefault()}
      className="grid grid-cols-2 gap-x-3 gap-y-3 sm:grid-cols-3 lg:grid-cols-6"
    >
      <fieldset className="col-span-2 sm:col-span-3 lg:col-span-2">
        <legend className="mb-1 flex gap-3 text-xs font-medium text-slate-600 dark:text-slate-300">
          <label className="inline-flex items-center gap-1">
            <input type="radio" name="model-source" checked={p.mode === "catalog"} onChange={() => p.onMode("catalog")} />
            Catalog model
          </label>
          <label className="inline-flex items-center gap-1">
            <input type="radio" name="model-source" checked={p.mode === "config"} onChange={() => p.onMode("config")} />
            Paste config.json
          </label>
        </legend>
        {p.mode === "catalog" ? (
          <Select label="Model" options={MODEL_OPTIONS} error={m.model} {...register("model", optionalText)} />
        ) : (
          <Field
            label="Hugging Face config.json"
            error={p.configError ?? m.hfConfigJson}
            hint="From the model's page: Files → config.json. Fields are read, not names; one Atlas cannot read is named."
          >
            {({ id, describedBy, invalid }) => (
              <textarea
                id={id}
                rows={4}
                spellCheck={false}
                value={p.configText}
                onChange={(e) => p.onConfigText(e.target.value)}
                aria-invalid={invalid}
                aria-describedby={describedBy}
                placeholder='{ "model_type": "llama", "hidden_size": 4096, … }'
                className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 font-mono text-xs dark:border-slate-700 dark:bg-slate-950"
              />
            )}
          </Field>
        )}
      </fieldset>
      <Select label="GPU" options={GPU_OPTIONS} error={m.gpu} className="col-span-2 sm:col-span-1 lg:col-span-2" {...register("gpu")} />
      <div className="min-w-0">
        <Select
          label="GPUs per replica"
          value={String(p.gpus)}
          onChange={(e) => p.onGpuCount(Number(e.target.value))}
          options={counts.map((n) => ({ value: String(n), label: String(n) }))}
          error={m.gpus}
          hint="= TP × PP × DP"
        />
      </div>
      <NumberField label="Concurrency" min={1} step={1} error={m.concurrency} hint="requests in flight" {...register("concurrency", required)} />
      <NumberField
        label="Request rate (req/s)"
        min={0}
        step="any"
        error={m.requestRate}
        placeholder="closed loop"
        hint="set: the steady state at this rate, in place of concurrency"
        {...register("requestRate", optional)}
      />

      <Select label="Weights" options={WEIGHT_OPTIONS} error={m.weights} {...register("weights")} />
      <Select label="KV cache" options={KV_OPTIONS} error={m.kv} {...register("kv", optionalText)} />
      <div className="min-w-0">
        <NumberField label="TP" min={1} step={1} error={m.tp} hint="tensor parallel" {...register("tp", required)} />
        <NoteList items={p.notes.tp} />
      </div>
      <NumberField label="PP" min={1} step={1} error={m.pp} hint="pipeline stages" {...register("pp", required)} />
      <NumberField label="DP" min={1} step={1} error={m.dp} hint="attention DP ranks" {...register("dp", required)} />
      <Select label="Engine" options={ENGINE_OPTIONS} error={m.engine} {...register("engine")} />

      <div className="min-w-0">
        <NumberField label="Input tokens (ISL)" min={1} step={1} error={m.isl} {...register("isl", required)} />
        <NoteList items={p.notes.isl} />
      </div>
      <NumberField label="Output tokens (OSL)" min={1} step={1} error={m.osl} {...register("osl", required)} />
      <NumberField label="MoE TP" min={1} step={1} error={m.moeTp} hint="experts; default TP×DP" {...register("moeTp", optional)} />
      <NumberField label="MoE EP" min={1} step={1} error={m.moeEp} hint="expert parallel" {...register("moeEp", optional)} />
      <NumberField
        label="Length spread r"
        min={0}
        max={1}
        step="any"
        error={m.randomRangeRatio}
        placeholder="1"
        hint="lengths drawn from r·ISL…ISL; empty = all equal"
        {...register("randomRangeRatio", optional)}
      />
      <NumberField
        label="Batch wait (iterations)"
        min={0}
        step={1}
        error={m.batchWaitIters}
        placeholder="0"
        hint="TRT-LLM batch_wait_timeout_iters"
        {...register("batchWaitIters", optional)}
      />
      <NumberField
        label="Memory fraction"
        min={0}
        max={1}
        step="any"
        error={m.memFraction}
        placeholder={String(p.engineDefaults.memFraction)}
        hint={p.engineDefaults.memFractionHint}
        {...register("memFraction", optional)}
      />
      <NumberField
        label="Prefill chunk (tokens)"
        min={256}
        step={1}
        error={m.prefillChunkTokens}
        placeholder={String(p.engineDefaults.prefillChunkTokens)}
        hint={p.engineDefaults.prefillChunkHint}
        {...register("prefillChunkTokens", optional)}
      />
      <NumberField
        label="Batch limit (requests)"
        min={1}
        step={1}
        error={m.maxBatch}
        placeholder={p.engineDefaults.maxBatch === null ? "KV cache" : String(p.engineDefaults.maxBatch)}
        hint={p.engineDefaults.maxBatchHint}
        {...register("maxBatch", optional)}
      />
      <NumberField
        label="Request overhead (ms)"
        min={0}
        step="any"
        error={m.requestOverheadMs}
        placeholder={String(p.engineDefaults.requestOverheadMs)}
        hint={p.engineDefaults.requestOverheadHint}
        {...register("requestOverheadMs", optional)}
      />
      <Select label="Arrivals" options={ARRIVAL_OPTIONS} error={m.arrivals} {...register("arrivals", optionalText)} />
      <NumberField
        label="Recv interval (iterations)"
        min={1}
        step={1}
        error={m.schedulerRecvInterval}
        placeholder="1"
        hint="SGLang --scheduler-recv-interval"
        {...register("schedulerRecvInterval", optional)}
      />
      <NumberField
        label="Benchmark prompts"
        min={1}
        step={1}
        error={m.numPrompts}
        placeholder="endless"
        hint="--num-prompts: TTFT as that run's mean"
        {...register("numPrompts", optional)}
      />
      <NumberField
        label="MTP draft tokens"
        min={0}
        max={8}
        step={1}
        error={m.mtpDraftTokens}
        placeholder="0 (off)"
        hint="speculative decoding with the model's MTP module"
        {...register("mtpDraftTokens", optional)}
      />
      <NumberField
        label="MTP acceptance length"
        min={1}
        step="any"
        error={m.mtpAcceptanceLength}
        placeholder={p.mtpAcceptancePlaceholder}
        hint="tokens kept per verify pass"
        {...register("mtpAcceptanceLength", optional)}
      />
      <div className="col-span-2 min-w-0">
        <NumberField
          label="$ per GPU-hour"
          min={0}
          step="any"
          error={m.priceUsdPerGpuHour}
          placeholder={p.catalogPrice !== null ? String(p.catalogPrice) : "no catalog price"}
          hint={p.catalogPrice !== null ? "empty = the catalog's on-demand price" : "no catalog price for this GPU: enter one"}
          {...register("priceUsdPerGpuHour", optional)}
        />
        <NoteList items={p.notes.weights} />
      </div>
    </form>
  );
}
