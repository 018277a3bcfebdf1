"use client";
import { useState } from "react";
import type { EstimateInput } from "../../../lib/plan/estimate-input";
import { cliCommand } from "../_lib/cli-command";

/** The same scenario as a shareable link, a CLI command and an API call. */
export function ShareBar({ values }: { values: EstimateInput }) {
  const [copied, setCopied] = useState(false);
  const cli = cliCommand(values);

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
