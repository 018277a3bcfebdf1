import type { EngineId } from "../../../lib/catalog/types";
import type { ReleaseReport } from "../../../lib/validation/releases";
import { ENGINE_NAMES } from "./engines";
import { count, ratio } from "./fmt";

const engineName = (e: string) => ENGINE_NAMES[e as EngineId] ?? e;

/** Measured / predicted per engine release, and how far the releases of one setup sit apart. */
export function Releases({ report }: { report: ReleaseReport }) {
  const widest = report.spreads[0];
  return (
    <div className="space-y-2 text-sm" data-testid="releases">
      <p>
        The engine&apos;s release is not an input of the estimate: a plan names vLLM, SGLang or TensorRT-LLM, not one
        build of it. The rows record a release where upstream did; measured ÷ predicted by release (above 1× the release
        ran slower than the estimate) shows how much a release alone moves the figures.{" "}
        {widest ? (
          <span data-testid="release-spread">
            {count(report.spreads.length)} setups (same model, GPU, engine and precision) were measured on two or more
            recorded releases with at least {count(report.minRows)} rows each; relative to the estimate, the slowest
            release&apos;s first token is {ratio(report.medianTtftFactor)} the fastest&apos;s (median over those setups),
            and up to {ratio(widest.ttftFactor)} ({widest.model} on {widest.gpu}, {engineName(widest.engine)} {widest.weights}:{" "}
            {widest.slow.release} vs {widest.fast.release}).
          </span>
        ) : (
          <span>No setup was measured on two recorded releases with enough rows to compare them.</span>
        )}
      </p>
      <div className="overflow-x-auto">
        <table className="text-left">
          <thead>
            <tr>
              <th className="pr-4">engine</th>
              <th className="pr-4">release</th>
              <th className="pr-4 text-right">predicted rows</th>
              <th className="pr-4 text-right">TTFT measured ÷ predicted</th>
              <th className="text-right">TPOT measured ÷ predicted</th>
            </tr>
          </thead>
          <tbody>
            {report.releases.map((r) => (
              <tr key={`${r.engine}-${r.release ?? "none"}`} data-testid={`release-${r.engine}-${r.release ?? "unrecorded"}`}>
                <td className="pr-4">{engineName(r.engine)}</td>
                <td className="pr-4">{r.release ?? "not recorded"}</td>
                <td className="pr-4 text-right">{count(r.rows)}</td>
                <td className="pr-4 text-right">{ratio(r.ttftRatio)}</td>
                <td className="text-right">{ratio(r.tpotRatio)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
