import { getGpu, getModel } from "../../../lib/catalog";
import type { OpenLoopComparison, OpenLoopReport } from "../../../lib/validation/open-loop-compare";
import { count, ms, pct, signedPct } from "./fmt";

const name = (c: OpenLoopComparison) => {
  const p = c.point;
  return `${getModel(p.model)?.name ?? p.model} on ${p.tp} × ${getGpu(p.gpu)?.name ?? p.gpu}`;
};

/**
 * Published open-loop runs (an offered request rate, no concurrency cap) against the estimate at that rate: the
 * replica's steady state by Little's law, with each engine's calibrated serving-stack latency t_0 and with none.
 * `calibratedT0Ms` is TensorRT-LLM's calibrated t_0 (these runs are TensorRT-LLM's), from the core.
 */
export function OpenLoop({ report, calibratedT0Ms }: { report: OpenLoopReport; calibratedT0Ms: number }) {
  const a = report.calibratedSummary;
  const b = report.bareSummary;
  if (a.points === 0) return null;
  const source = report.calibrated[0]?.point.source ?? "";
  return (
    <div className="space-y-2" data-testid="open-loop">
      <h3 className="text-sm font-semibold">At an offered request rate (open loop)</h3>
      <p className="text-sm text-neutral-600 dark:text-neutral-400" data-testid="open-loop-words">
        {count(a.points)} points where requests arrive at a set rate whatever is in flight, with mean first token and
        inter-token latency reported ({source}). None entered a fit. The estimate at a rate is the replica&apos;s steady
        state: the fewest requests in flight N with rate × (TTFT(N) + (OSL − 1) · TPOT(N)) ≤ N (Little&apos;s law), and
        the figures at N. On the {count(a.compared)} points with a steady state the inter-token latency is{" "}
        {pct(b.itlMdape)} off (median {signedPct(b.itlBias)}). The first token is {pct(a.ttftMdape)} off (median{" "}
        {signedPct(a.ttftBias)}) with TensorRT-LLM&apos;s calibrated serving-stack latency of {ms(calibratedT0Ms)}, and{" "}
        {pct(b.ttftMdape)} (median {signedPct(b.ttftBias)}) with none: the calibrated latency is what the calibration
        runs&apos; benchmark stacks added, and this stack added far less. Where yours is known, enter it as the request
        overhead in the calculator or the planner.
        {a.saturated.length > 0
          ? ` At ${count(a.saturated.length)} points the estimated replica cannot carry the rate at all (no steady state, marked "saturated"); the runs' own first tokens there show which of them kept up.`
          : ""}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-xs" data-testid="open-loop-table">
          <thead className="border-b border-neutral-300 dark:border-neutral-700">
            <tr>
              <th className="p-1">Setup</th>
              <th className="p-1 text-right">ISL/OSL</th>
              <th className="p-1 text-right">Offered req/s</th>
              <th className="p-1 text-right">In flight (est.)</th>
              <th className="p-1 text-right">TTFT measured</th>
              <th className="p-1 text-right">TTFT est., calibrated t_0</th>
              <th className="p-1 text-right">TTFT est., t_0 = 0</th>
              <th className="p-1 text-right">ITL measured</th>
              <th className="p-1 text-right">ITL est.</th>
            </tr>
          </thead>
          <tbody>
            {report.calibrated.map((c, i) => {
              const z = report.bare[i]!;
              const sat = c.predictedSaturated;
              return (
                <tr key={i} className="border-b border-neutral-200 dark:border-neutral-800">
                  <td className="p-1">{name(c)}</td>
                  <td className="p-1 text-right">
                    {c.point.isl}/{c.point.osl}
                  </td>
                  <td className="p-1 text-right">{c.point.rate}</td>
                  <td className="p-1 text-right">{sat ? "saturated" : c.inFlight === null ? "—" : count(c.inFlight)}</td>
                  <td className="p-1 text-right">{ms(c.point.ttftMs)}</td>
                  <td className="p-1 text-right">{sat ? "saturated" : ms(c.ttftPredMs)}</td>
                  <td className="p-1 text-right">{z.predictedSaturated ? "saturated" : ms(z.ttftPredMs)}</td>
                  <td className="p-1 text-right">{ms(c.point.itlMs)}</td>
                  <td className="p-1 text-right">{sat ? "saturated" : ms(c.itlPredMs)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
