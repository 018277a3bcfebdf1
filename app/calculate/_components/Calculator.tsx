"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { getGpu, pricePerGpuHour } from "../../../lib/catalog";
import { engineSettingDefaults } from "../../../lib/model/engine-settings";
import { ENGINE_IDS, estimateInputSchema, type EstimateInput, type EstimateInputRaw } from "../../../lib/plan/estimate-input";
import { runEstimate, type RunEstimateResult } from "../../../lib/run-estimate";
import { acceptancePlaceholder } from "../_lib/mtp-placeholder";
import { groupRemarks } from "../_lib/problem-fields";
import { DEFAULT_VALUES, encodeCalcUrl, type CalcValues } from "../_lib/url-state";
import { confidenceFromTableForInput } from "../../../lib/validation/lookup";
import type { BadgeTable } from "../../../lib/validation/confidence";
import { Results } from "./Results";
import { ScenarioBar } from "./ScenarioBar";
import { ShareBar } from "./ShareBar";

type Ok = Extract<RunEstimateResult, { ok: true }>;

/** Strip what the form may hold but a request must not (NaN from emptied inputs stays: the schema names it). */
function toRequest(v: Partial<EstimateInputRaw>): CalcValues {
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v)) if (val !== undefined && val !== "" && k !== "id" && k !== "hfConfig") out[k] = val;
  return out as CalcValues;
}

export function Calculator({ initial, badges }: { initial: CalcValues; badges: BadgeTable }) {
  const form = useForm<EstimateInputRaw, unknown, EstimateInput>({
    resolver: zodResolver(estimateInputSchema),
    mode: "onChange",
    defaultValues: initial,
  });
  const watched = useWatch({ control: form.control });
  const values = useMemo(() => toRequest(watched as Partial<EstimateInputRaw>), [watched]);
  // Typing stays responsive: the estimate (with derivations) follows at lower priority.
  const deferred = useDeferredValue(values);
  const outcome = useMemo(() => runEstimate(deferred, { explain: true }), [deferred]);
  const lastOk = useRef<Ok | null>(null);
  if (outcome.ok) lastOk.current = outcome;

  const [mode, setMode] = useState<"catalog" | "config">(initial.hfConfigJson ? "config" : "catalog");
  const [configText, setConfigText] = useState(initial.hfConfigJson ? JSON.stringify(initial.hfConfigJson, null, 2) : "");
  const [configError, setConfigError] = useState<string | null>(null);
  const lastModel = useRef<string>(initial.model ?? DEFAULT_VALUES.model!);
  // Marks the form as interactive (browser tests wait for it; before hydration a change would be lost).
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  // The URL follows the form (debounced), so the page can be shared as it stands.
  useEffect(() => {
    const t = setTimeout(() => {
      const qs = encodeCalcUrl(values);
      const next = qs ? `${window.location.pathname}?${qs}` : window.location.pathname;
      if (next !== window.location.pathname + window.location.search) window.history.replaceState(window.history.state, "", next);
    }, 250);
    return () => clearTimeout(t);
  }, [values]);

  const onMode = (m: "catalog" | "config") => {
    setMode(m);
    if (m === "catalog") {
      form.setValue("hfConfigJson", undefined);
      form.setValue("model", lastModel.current, { shouldValidate: true });
      setConfigError(null);
    } else {
      if (values.model) lastModel.current = values.model;
      form.setValue("model", undefined);
      onConfigText(configText);
    }
  };

  const onConfigText = (text: string) => {
    setConfigText(text);
    if (text.trim() === "") {
      setConfigError("paste a config.json");
      form.setValue("hfConfigJson", undefined, { shouldValidate: true });
      return;
    }
    try {
      const v: unknown = JSON.parse(text);
      if (typeof v !== "object" || v === null || Array.isArray(v)) throw new Error("config.json must be a JSON object");
      setConfigError(null);
      form.setValue("hfConfigJson", v as Record<string, unknown>, { shouldValidate: true });
    } catch (e) {
      setConfigError(`not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
      form.setValue("hfConfigJson", undefined, { shouldValidate: true });
    }
  };

  const tp = Number(values.tp) || 1;
  const pp = Number(values.pp) || 1;
  const dp = Number(values.dp) || 1;
  const onGpuCount = (n: number) => {
    // Keep PP and DP when they divide the new count; otherwise all of it goes to TP.
    if (n % (pp * dp) === 0) form.setValue("tp", n / (pp * dp), { shouldValidate: true });
    else {
      form.setValue("tp", n, { shouldValidate: true });
      form.setValue("pp", 1, { shouldValidate: true });
      form.setValue("dp", 1, { shouldValidate: true });
    }
  };

  // Messages under each field: validation errors first, then the core's problems about that field.
  const shown = outcome.ok ? outcome : lastOk.current;
  const grouped = shown ? groupRemarks(shown.result.problems) : { byField: {}, general: [] };
  const noteGroups = shown ? groupRemarks(shown.result.notes ?? []) : { byField: {}, general: [] };
  const messages: Record<string, string> = {};
  for (const [f, list] of Object.entries(grouped.byField)) if (list?.length) messages[f] = list.join(" ");
  if (!outcome.ok) {
    for (const e of outcome.errors) {
      const f = e.field.startsWith("hfConfigJson") ? "hfConfigJson" : e.field === "request" ? "model" : e.field;
      messages[f] = e.message;
    }
  }
  const gpu = getGpu(String(values.gpu ?? ""));
  const catalogPrice = gpu ? (pricePerGpuHour(gpu.id)?.perGpuHour ?? null) : null;
  const engine = ENGINE_IDS.find((e) => e === values.engine) ?? "vllm";
  const engineDefaults = engineSettingDefaults(engine, gpu ?? getGpu("h100-sxm")!);
  const mtpAcceptancePlaceholder = acceptancePlaceholder(shown?.model ?? null, Number(values.mtpDraftTokens) || 0);

  return (
    <div className="space-y-5">
      {/* on a phone the figures sit below some thirty fields: one tap away */}
      <a href="#calc-results" className="block text-sm text-accent-700 underline sm:hidden dark:text-accent-300">
        Jump to the figures ↓
      </a>
      <div className="rounded-xl border border-slate-200 bg-slate-50 p-4 dark:border-slate-800 dark:bg-slate-900/50" data-testid="scenario" data-hydrated={hydrated ? "true" : "false"}>
        <ScenarioBar
          form={form}
          messages={messages}
          notes={noteGroups.byField}
          gpus={tp * pp * dp}
          catalogPrice={catalogPrice}
          engineDefaults={engineDefaults}
          mtpAcceptancePlaceholder={mtpAcceptancePlaceholder}
          configText={configText}
          configError={mode === "config" ? configError : null}
          onConfigText={onConfigText}
          mode={mode}
          onMode={onMode}
          onGpuCount={onGpuCount}
        />
      </div>
      {!outcome.ok && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100" data-testid="invalid">
          Fix the highlighted field{outcome.errors.length > 1 ? "s" : ""} to update the figures
          {lastOk.current ? " (showing the last valid scenario)" : ""}: {outcome.errors.map((e) => (e.message.startsWith(`${e.field.replace(/^hfConfigJson\./, "")}:`) ? e.message : `${e.field}: ${e.message}`)).join("; ")}
        </p>
      )}
      {shown && <ShareBar values={shown.input} />}
      <div id="calc-results" className="scroll-mt-20" />
      {shown && (
        <Results
          r={shown}
          confidence={confidenceFromTableForInput(badges, { ...shown.input, concurrency: shown.result.openLoop?.inFlight ?? shown.input.concurrency }, shown.model)}
          stale={!outcome.ok || deferred !== values}
          general={{ problems: grouped.general, notes: noteGroups.general.concat(noteGroups.byField.price ?? []) }}
        />
      )}
    </div>
  );
}
