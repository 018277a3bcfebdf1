"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { planInputSchema, type PlanFieldError, type PlanInput } from "@/lib/plan/schema";
import { copyTitle } from "@/lib/plan/lineage";
import { encodePlanUrl } from "@/lib/plan/url-state";
import type { Candidate, PlanResult } from "@/lib/search/types";
import { SavePlanForm } from "../../_plans/SavePlanForm";
import type { PlanForm } from "./form-ui";
import { Results } from "./Results";
import { PLAN_MAX_TRIES, retryAfterSeconds, sleepUnlessAborted } from "./retry";
import { Wizard } from "./Wizard";

/**
 * The planner page's client half. The search runs on the server (POST /api/plan), not in the page: the same code
 * then answers the page, the API and the CLI; the catalog and model stay out of the page's JavaScript; and a slow
 * phone never blocks its main thread on 100,000 estimates. The request is async and abortable, so the page stays
 * responsive and a newer search replaces an older one. A busy planner (503) is asked again after its Retry-After, up
 * to PLAN_MAX_TRIES attempts in all, with the wait shown and Stop still at hand, before the page reports it.
 */
export function PlanApp({
  initial,
  initialStep,
  autoRun,
  source = null,
}: {
  initial: PlanForm;
  initialStep: number;
  autoRun: boolean;
  /** The saved plan this session copies ("Duplicate and edit"), checked to exist by the page; null for a fresh plan. */
  source?: { slug: string; title: string } | null;
}) {
  const [result, setResult] = useState<PlanResult | null>(null);
  const [input, setInput] = useState<PlanInput | null>(null);
  const [busy, setBusy] = useState(false);
  const [retry, setRetry] = useState<Retrying | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<readonly PlanFieldError[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [explained, setExplained] = useState<Record<string, Candidate>>({});
  const abort = useRef<AbortController | null>(null);
  const resultsRef = useRef<HTMLDivElement>(null);
  const stepRef = useRef(initialStep);

  const syncUrl = (raw: PlanForm, step: number, run: boolean) => {
    // `from` rides along so a reload or a shared URL still edits a copy of the same plan.
    const q = encodePlanUrl(raw, { step: step + 1, run, ...(source ? { from: source.slug } : {}) });
    window.history.replaceState(null, "", `/plan?${q}`);
  };

  // Stops waiting for the search. The request's disconnect tells the server: a search still queued there is dropped;
  // one already running goes on and is kept while no other plan waits, so asking again is quick (app/_server/plan-cache.ts).
  const stop = useCallback(() => {
    abort.current?.abort();
    abort.current = null;
    setBusy(false);
    setRetry(null);
    setError("Search stopped. Your inputs are kept.");
  }, []);

  const run = useCallback(async (plan: PlanInput, raw: PlanForm) => {
    abort.current?.abort();
    const ctl = new AbortController();
    abort.current = ctl;
    setBusy(true);
    setError(null);
    setServerErrors([]);
    syncUrl(raw, stepRef.current, true);
    setRetry(null);
    try {
      for (let attempt = 1; ; attempt++) {
        const res = await fetch("/api/plan", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(plan),
          signal: ctl.signal,
        });
        const body = (await res.json()) as PlanResult | { errors: PlanFieldError[] };
        if (!res.ok || "errors" in body) {
          const errs = "errors" in body ? body.errors : [];
          const detail = errs.map((e) => `${e.field}: ${e.message}`).join("; ");
          if (res.status === 503) {
            // Busy or timed out: the inputs are fine, so no field is marked; ask again after the server's Retry-After.
            const reason = errs.map((e) => e.message).join("; ");
            if (attempt < PLAN_MAX_TRIES) {
              const waitS = retryAfterSeconds(res.headers.get("retry-after"));
              setRetry({ reason, attempt: attempt + 1, atMs: Date.now() + waitS * 1000 });
              await sleepUnlessAborted(waitS * 1000, ctl.signal);
              setRetry(null);
              continue;
            }
            setError(`The planner could not answer now (HTTP 503): ${reason}. Tried ${PLAN_MAX_TRIES} times; your inputs are kept.`);
            return;
          }
          setServerErrors(errs);
          setError(`The planner could not use these inputs (HTTP ${res.status}): ${detail}`);
          return;
        }
        setResult(body);
        setInput(plan);
        setExplained({});
        setSelectedId(body.best?.id ?? body.nearMisses[0]?.id ?? null);
        // focus the results for keyboard and screen-reader users; scroll them in below the sticky header (scroll-mt)
        requestAnimationFrame(() => {
          resultsRef.current?.focus({ preventScroll: true });
          resultsRef.current?.scrollIntoView({ block: "start" });
        });
        return;
      }
    } catch (e) {
      if ((e as Error).name !== "AbortError") setError("Could not reach the planner; check your connection and try again.");
    } finally {
      if (abort.current === ctl) {
        setBusy(false);
        setRetry(null);
      }
    }
  }, []);

  useEffect(() => {
    if (!autoRun) return;
    const p = planInputSchema.safeParse(initial);
    if (p.success) void run(p.data, initial);
  }, [autoRun, initial, run]);

  const known = (id: string): Candidate | undefined =>
    result ? [...result.options, ...result.alternatives, ...result.nearMisses].find((c) => c.id === id) ?? explained[id] : undefined;

  const select = async (id: string) => {
    setSelectedId(id);
    const k = known(id);
    if ((k && k.derivations) || !input) return;
    try {
      const res = await fetch(`/api/plan?explain=${encodeURIComponent(id)}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(input),
      });
      if (res.ok) {
        const { candidate } = (await res.json()) as { candidate: Candidate };
        setExplained((m) => ({ ...m, [id]: candidate }));
      }
    } catch {
      // The point stays selected on the chart; its details simply do not load.
    }
  };

  const selected = selectedId ? (explained[selectedId] ?? known(selectedId) ?? null) : null;

  return (
    <div className="space-y-8">
      <Wizard
        initial={initial}
        initialStep={initialStep}
        busy={busy}
        serverErrors={serverErrors}
        onSubmit={(plan, raw) => void run(plan, raw)}
        onStep={(step, raw) => {
          stepRef.current = step;
          syncUrl(raw, step, false);
        }}
      />
      <div aria-live="polite" className="text-sm">
        {busy ? <Searching onStop={stop} retry={retry} /> : null}
        {error ? (
          <p role="alert" className="text-rose-700 dark:text-rose-300">
            {error}
          </p>
        ) : null}
      </div>
      {result ? (
        <div ref={resultsRef} tabIndex={-1} className="scroll-mt-20 outline-none" aria-label="Plan results" data-testid="results">
          <Results r={result} selected={selected} onSelect={(id) => void select(id)} />
          {input ? (
            <section aria-labelledby="save-h" className="mt-6 rounded-lg border border-slate-200 p-4 dark:border-slate-700">
              <h3 id="save-h" className="mb-2 font-semibold">
                Save this plan
              </h3>
              <SavePlanForm
                input={input}
                sourceSlug={source?.slug}
                defaultTitle={source ? copyTitle(source.title) : `${result.model.name} plan`}
              />
            </section>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** A 503 the page will ask again after: the server's reason, the attempt coming, and when it starts. */
interface Retrying {
  readonly reason: string;
  readonly attempt: number;
  readonly atMs: number;
}

/**
 * "Searching deployments… 4 s" with a Stop button; the seconds are not announced to screen readers. While the page
 * waits to ask a busy planner again, it says so with the seconds left.
 */
function Searching({ onStop, retry }: { onStop: () => void; retry: Retrying | null }) {
  const [now, setNow] = useState(() => Date.now());
  const [t0] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(id);
  }, []);
  const seconds = Math.floor((now - t0) / 1000);
  return (
    <p data-testid="searching" className="flex flex-wrap items-center gap-3">
      <span>
        Searching deployments…
        {seconds > 0 ? (
          <span aria-hidden="true" data-testid="searching-seconds" className="ml-1 tabular-nums text-zinc-500">
            {seconds} s
          </span>
        ) : null}
      </span>
      {retry ? (
        <span data-testid="searching-retry" className="text-amber-800 dark:text-amber-300">
          The planner answered 503: {retry.reason}. Asking again{" "}
          <span aria-hidden="true" className="tabular-nums">
            in {Math.max(0, Math.ceil((retry.atMs - now) / 1000))} s
          </span>
          <span className="sr-only">shortly</span> (attempt {retry.attempt} of {PLAN_MAX_TRIES}).
        </span>
      ) : null}
      <button type="button" onClick={onStop} className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">
        Stop
      </button>
    </p>
  );
}
