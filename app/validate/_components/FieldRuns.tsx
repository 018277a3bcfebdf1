import { getGpu, getModel } from "../../../lib/catalog";
import { impliedStackLatency, unpredictedReasons, type FieldComparison, type FieldReport } from "../../../lib/validation/field-compare";
import { count, ms, pct, signedPct } from "./fmt";
import { formatRate } from "../../../lib/format";

const ENGINE_NAMES: Readonly<Record<string, string>> = { vllm: "vLLM", sglang: "SGLang", trtllm: "TensorRT-LLM" };

const setup = (c: FieldComparison) => {
  const r = c.run;
  const gpus = r.tp * (r.pp ?? 1);
  return `${getModel(r.model)?.name ?? r.model} ${r.weights} on ${gpus > 1 ? `${gpus} × ` : ""}${getGpu(r.gpu)?.name ?? r.gpu}`;
};

const sourceUrl = (c: FieldComparison) => `https://github.com/${c.run.source.repo}/blob/${c.run.source.commit}/${c.run.source.path}`;

function Rows({ list, ttft }: { list: readonly FieldComparison[]; ttft: boolean }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-xs">
        <thead className="border-b border-neutral-300 dark:border-neutral-700">
          <tr>
            <th className="p-1">Setup</th>
            <th className="p-1">Engine</th>
            <th className="p-1 text-right">ISL/OSL (mean)</th>
            <th className="p-1 text-right">In flight</th>
            {ttft ? <th className="p-1 text-right">TTFT measured / est.</th> : null}
            <th className="p-1 text-right">TPOT measured / est.</th>
            <th className="p-1 text-right">Output tok/s measured / est.</th>
            <th className="p-1">Source</th>
          </tr>
        </thead>
        <tbody>
          {list.map((c) => (
            <tr key={c.run.id} className="border-b border-neutral-200 dark:border-neutral-800">
              <td className="p-1" title={`${c.run.servingCommand} — the page says: ${c.run.hardware}`}>
                {setup(c)}
              </td>
              <td className="p-1">
                {ENGINE_NAMES[c.run.engine]} {c.run.engineVersion}
              </td>
              <td className="p-1 text-right">
                {c.isl}/{c.osl} {c.run.dataset === "sharegpt" ? "(ShareGPT)" : ""}
              </td>
              <td className="p-1 text-right">{c.concurrencyUsed === null ? "—" : count(c.concurrencyUsed)}</td>
              {ttft ? (
                <td className="p-1 text-right">
                  {ms(c.run.measured.ttftMs)} / {ms(c.predicted?.ttftMs)} ({signedPct(c.ttftErr)})
                </td>
              ) : null}
              <td className="p-1 text-right">
                {ms(c.run.measured.tpotMs)} / {ms(c.predicted?.tpotMs)} ({signedPct(c.tpotErr)})
              </td>
              <td className="p-1 text-right">
                {formatRate(c.run.measured.outputTokPerS, "tok/s")} / {formatRate(c.predicted?.outputTokPerS, "tok/s")} ({signedPct(c.throughputErr)})
              </td>
              <td className="p-1">
                <a className="underline" href={sourceUrl(c)}>
                  {c.run.source.path.replace("docs/performance-lab/", "")}
                </a>{" "}
                <span className="text-neutral-500">{c.run.source.section}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Third-party field runs (lib/validation/field-compare.ts): stock serving commands measured by somebody else, none
 * of them in a fit. Every figure on it comes from the report the core computes.
 */
export function FieldRuns({ report, seen }: { report: FieldReport; seen: { readonly models: ReadonlySet<string>; readonly gpus: ReadonlySet<string> } }) {
  const s = report.calibratedSummary;
  if (s.runs === 0) return null;
  const predictedRuns = report.calibrated.filter((c) => c.predicted).map((c) => c.run);
  const newModels = [...new Set(predictedRuns.map((r) => r.model))].filter((m) => !seen.models.has(m)).map((m) => getModel(m)?.name ?? m);
  const newGpus = [...new Set(predictedRuns.map((r) => r.gpu))].filter((g) => !seen.gpus.has(g)).map((g) => getGpu(g)?.name ?? g);
  const unseen = [...newModels, ...newGpus];
  const closed = report.calibrated.filter((c) => c.mode === "closed loop" && c.predicted);
  const burst = report.calibrated.filter((c) => c.mode === "all at once" && c.predicted);
  const cs = report.byMode.find((g) => g.key === "closed loop")?.summary;
  const bs = report.byMode.find((g) => g.key === "all at once")?.summary;
  const stack = impliedStackLatency(report);
  const reasons = unpredictedReasons(report.calibrated);
  const pages = new Set(report.calibrated.map((c) => c.run.source.path)).size;
  return (
    <div className="space-y-2" data-testid="field-runs">
      <h3 className="text-sm font-semibold">Third-party field runs (data no fit saw)</h3>
      <p className="text-sm text-neutral-600 dark:text-neutral-400" data-testid="field-words">
        {count(s.runs)} serving benchmarks from {count(pages)} pages of GPUStack&apos;s performance lab: vLLM, SGLang and
        TensorRT-LLM started with their stock commands on H100, H200 and A100 machines and measured with{" "}
        <code>vllm bench serve</code>, by people who are not us, on a harness the calibration never saw
        {unseen.length > 0 ? `; the calibration never measured ${unseen.join(", ")} at all` : ""}. The estimate predicts{" "}
        {count(s.predicted)} of them; the others use a feature it does not model (listed below).
        {cs && cs.predicted > 0
          ? ` Where the run kept a set number of requests in flight (${count(cs.predicted)} runs), the time per output token is ${pct(cs.tpot.mdape)} off (median ${signedPct(cs.tpot.bias)}) and output throughput ${pct(cs.throughput.mdape)} (median ${signedPct(cs.throughput.bias)}); the first token ${pct(cs.ttft.mdape)} (median ${signedPct(cs.ttft.bias)}).`
          : ""}
      </p>
      {stack.length > 0 ? (
        <ul className="list-disc pl-5 text-sm text-neutral-600 dark:text-neutral-400" data-testid="field-stack">
          {stack.map((e) => (
            <li key={e.engine}>
              {ENGINE_NAMES[e.engine]}: the runs&apos; first tokens exceed the estimate&apos;s GPU time by a median{" "}
              {ms(e.medianMs)} ({count(e.runs)} {e.runs === 1 ? "run" : "runs"}), where the calibrated serving-stack
              latency is {ms(e.calibratedMs)}. That gap is the stack&apos;s own latency: enter yours as the request
              overhead.
            </li>
          ))}
        </ul>
      ) : null}
      {closed.length > 0 ? <Rows list={closed} ttft /> : null}
      {bs && burst.length > 0 ? (
        <details className="text-sm">
          <summary className="cursor-pointer">
            {count(burst.length)} runs that sent every request at once: output throughput {pct(bs.throughput.mdape)} off
            (median {signedPct(bs.throughput.bias)}), time per output token {pct(bs.tpot.mdape)} (median{" "}
            {signedPct(bs.tpot.bias)})
          </summary>
          <p className="my-2 text-neutral-600 dark:text-neutral-400">
            Hundreds of requests arrive at t = 0 and queue; the engine runs as many as its batch limit and KV cache allow
            and refills from the queue. The estimate here is the closed loop at that capacity (prefill budget included);
            their first tokens are the queue&apos;s wait and are not compared. The engines delivered less than that
            steady state: preemption when vLLM&apos;s on-demand KV blocks run out, the ramp and the drain of a burst, and
            — on pages that say only &quot;NVIDIA H100 GPUs&quot;, predicted as H100 SXM — possibly a slower H100 variant.
            Read these as what a burst beyond capacity costs, not as a steady-state check.
          </p>
          <Rows list={burst} ttft={false} />
        </details>
      ) : null}
      {reasons.length > 0 ? (
        <ul className="list-disc pl-5 text-xs text-neutral-500" data-testid="field-unmodelled">
          {reasons
            .map(([why, n]) => (
              <li key={why}>
                {count(n)} not predicted: {why}
              </li>
            ))}
        </ul>
      ) : null}
    </div>
  );
}
