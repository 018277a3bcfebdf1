"use client";
import { useState } from "react";
import type { EstimateInput } from "../../../lib/plan/estimate-input";

/** The same scenario as a shareable link, a CLI command and an API call. */
export function ShareBar({ values }: { values: EstimateInput }) {
  const [copied, setCopied] = useState(false);
  const flags: string[] = [];
  if (values.model) flags.push(`--model ${values.model}`);
  else flags.push("--hf-config config.json");
  flags.push(`--gpu ${values.gpu}`, `--weights ${values.weights}`);
  if (values.kv) flags.push(`--kv ${values.kv}`);
  flags.push(`--tp ${values.tp}`);
  if (values.pp !== 1) flags.push(`--pp ${values.pp}`);
  if (values.dp !== 1) flags.push(`--dp ${values.dp}`);
  if (values.moeTp !== undefined) flags.push(`--moe-tp ${values.moeTp}`);
  if (values.moeEp !== undefined) flags.push(`--moe-ep ${values.moeEp}`);
  flags.push(`--engine ${values.engine}`, `--isl ${values.isl}`, `--osl ${values.osl}`, `--concurrency ${values.concurrency}`);
  if (values.randomRangeRatio !== undefined) flags.push(`--random-range-ratio ${values.randomRangeRatio}`);
  if (values.batchWaitIters !== undefined) flags.push(`--batch-wait-iters ${values.batchWaitIters}`);
  if (values.memFraction !== undefined) flags.push(`--mem-fraction ${values.memFraction}`);
  if (values.prefillChunkTokens !== undefined) flags.push(`--prefill-chunk-tokens ${values.prefillChunkTokens}`);
  if (values.requestOverheadMs !== undefined) flags.push(`--request-overhead-ms ${values.requestOverheadMs}`);
  if (values.arrivals !== undefined) flags.push(`--arrivals ${values.arrivals}`);
  if (values.schedulerRecvInterval !== undefined) flags.push(`--scheduler-recv-interval ${values.schedulerRecvInterval}`);
  if (values.numPrompts !== undefined) flags.push(`--num-prompts ${values.numPrompts}`);
  if (values.mtpDraftTokens !== undefined) flags.push(`--mtp-draft-tokens ${values.mtpDraftTokens}`);
  if (values.mtpAcceptanceLength !== undefined) flags.push(`--mtp-acceptance-length ${values.mtpAcceptanceLength}`);
  const cli = `npm run --silent atlas -- estimate ${flags.join(" ")}`;

  return (
    <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500 dark:text-slate-400">
      <button
        type="button"
        className="rounded-md border border-slate-300 px-2.5 py-1 font-medium text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(window.location.href);
            setCopied(true);
            setTimeout(() => setCopied(false), 1500);
          } catch {
            setCopied(false);
          }
        }}
      >
        {copied ? "Link copied" : "Copy link to this scenario"}
      </button>
      <details className="min-w-0">
        <summary className="cursor-pointer">Same in the CLI / API</summary>
        <pre className="mt-1 overflow-x-auto whitespace-pre-wrap break-all rounded bg-slate-100 p-2 font-mono text-[11px] text-slate-800 dark:bg-slate-900 dark:text-slate-200">
          {cli}
          {"\n\n"}curl -s -X POST /api/estimate -H 'content-type: application/json' -d &apos;{JSON.stringify({ ...values, hfConfigJson: values.hfConfigJson ? "…" : undefined })}&apos;
        </pre>
      </details>
    </div>
  );
}
