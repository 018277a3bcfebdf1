import Link from "next/link";
import { Card } from "./_components/Card";
import { Metric } from "./_components/Metric";
import { derivationLookup } from "./_components/Explain";
import { encodeCalcUrl, type CalcValues } from "./calculate/_lib/url-state";
import { formatCount, formatMs, formatRate, formatUsd, formatWithUnit } from "../lib/format";
import { bindingShort, layoutWords } from "../lib/estimate-words";
import { runEstimate } from "../lib/run-estimate";

/** The scenario the lessons follow: a 70B-class model at FP8 on two H100s. Inputs only; every figure is computed. */
const EXAMPLE: CalcValues = {
  model: "llama-3.1-70b",
  gpu: "h100-sxm",
  weights: "fp8",
  kv: "bf16",
  tp: 2,
  pp: 1,
  dp: 1,
  engine: "vllm",
  isl: 1024,
  osl: 256,
  concurrency: 16,
};

const SECTIONS = [
  {
    href: "/plan",
    title: "Plan",
    body: "Start from latency targets, traffic and a budget. Atlas searches GPUs, precisions, parallelism and batch sizes, and ranks what meets every target by cost.",
  },
  {
    href: "/calculate",
    title: "Calculate",
    body: "One configuration in full: time to first token, time per token, throughput, memory per GPU and dollars, each figure open to its formula.",
  },
  {
    href: "/learn",
    title: "Learn",
    body: "Lessons that follow one model from parameters to bytes, FLOPs, KV cache and cost, with the same numbers the calculator uses.",
  },
  {
    href: "/validate",
    title: "Validate",
    body: "How far to trust the estimates: predictions against measured benchmarks, regime by regime, with the errors shown.",
  },
] as const;

export default function Home() {
  const r = runEstimate(EXAMPLE, { explain: true });
  const d = r.ok ? derivationLookup(r.result.derivations) : () => undefined;

  return (
    <div className="space-y-12">
      <section className="prose-atlas pt-4">
        <p className="text-sm font-medium uppercase tracking-widest text-accent-600 dark:text-accent-300">Atlas</p>
        <h1 className="mt-2 max-w-3xl text-balance">What should we run to serve this LLM, and what will it cost?</h1>
        <p className="text-lg text-slate-600 dark:text-slate-300">
          Give Atlas a model, your latency targets, your traffic and a budget. It answers with GPUs, precision, parallelism
          and batch size — and shows where every FLOP, byte of memory and dollar comes from, so you can check the
          arithmetic instead of trusting a black box.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link href="/plan" className="rounded-lg bg-slate-900 px-5 py-2.5 font-medium text-white hover:bg-slate-700 dark:bg-white dark:text-slate-900 dark:hover:bg-slate-200">
            Plan a deployment
          </Link>
          <Link href="/learn" className="rounded-lg border border-slate-300 px-5 py-2.5 font-medium hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800">
            Learn how serving works
          </Link>
          <Link href="/calculate" className="px-2 py-2.5 font-medium text-accent-700 hover:underline dark:text-accent-300">
            or calculate one configuration →
          </Link>
        </div>
      </section>

      {r.ok && (
        <Card
          title={`Live example: ${r.model.name} on ${r.result.gpusPerReplica}× ${r.gpu.name}`}
          subtitle={`${r.input.weights.toUpperCase()} weights, ${(r.input.kv ?? "").toUpperCase()} KV cache · ${layoutWords(r.input)} · ${formatCount(r.input.concurrency)} requests in flight, ${formatCount(r.input.isl)} tokens in / ${formatCount(r.input.osl)} out. Computed by the same core as the calculator; open any figure for its formula.`}
          aside={
            <Link href={`/calculate?${encodeCalcUrl(EXAMPLE)}`} className="text-sm font-medium text-accent-700 hover:underline dark:text-accent-300">
              Open in the calculator →
            </Link>
          }
        >
          <dl className="grid grid-cols-2 gap-5 sm:grid-cols-4" data-testid="home-example">
            <Metric label="Weights" value={formatWithUnit(d("weights.total")?.value, "B")} derivation={d("weights.total")} hint="whole model" />
            <Metric label="Per layer" value={formatWithUnit(d("weights.perLayer")?.value, "B")} derivation={d("weights.perLayer")} />
            <Metric label="KV cache per token" value={formatWithUnit(d("kv.bytesPerToken")?.value, "B")} derivation={d("kv.bytesPerToken")} />
            <Metric label="FLOPs per token" value={formatWithUnit(d("flops.decodePerToken")?.value, "FLOP")} derivation={d("flops.decodePerToken")} hint="≈ 2 × parameters" />
            <Metric label="Time per output token" value={formatMs(r.result.tpotMs)} derivation={d("tpot")} hint={`bound by ${bindingShort(r.result.binding)}`} />
            <Metric label="Time to first token" value={formatMs(r.result.ttftMs)} derivation={d("ttft")} />
            <Metric label="Throughput" value={formatRate(r.result.outputTokensPerSecond)} derivation={d("throughput")} hint={`${formatRate(r.result.tokensPerSecondPerUser)} per user`} />
            <Metric label="$ per M output tokens" value={formatUsd(r.result.costUsdPerMillionOutputTokens)} derivation={d("cost.perMillionOutput")} hint={`at ${formatUsd(r.price.usdPerGpuHour)}/GPU-hour`} />
          </dl>
        </Card>
      )}

      <section aria-labelledby="sections" className="grid gap-4 sm:grid-cols-2">
        <h2 id="sections" className="sr-only">
          Sections
        </h2>
        {SECTIONS.map((s) => (
          <Link
            key={s.href}
            href={s.href}
            className="group rounded-xl border border-slate-200 p-5 transition-colors hover:border-accent-500 hover:bg-accent-50 dark:border-slate-800 dark:hover:bg-slate-900"
          >
            <h3 className="text-lg font-semibold tracking-tight">
              {s.title} <span className="inline-block transition-transform group-hover:translate-x-1">→</span>
            </h3>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{s.body}</p>
          </Link>
        ))}
      </section>

      <section className="prose-atlas">
        <h2>Also a JSON API and a CLI</h2>
        <p className="text-slate-600 dark:text-slate-300">
          The same core answers <code>POST /api/estimate</code> and <code>POST /api/plan</code>, and{" "}
          <code className="whitespace-nowrap">npm run --silent atlas -- estimate --jsonl</code> streams thousands of estimates per second for your own
          sweeps.
        </p>
      </section>
    </div>
  );
}
