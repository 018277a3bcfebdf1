import { getGpu } from "../../../lib/catalog";
import { generationClassLabel } from "../../../lib/model/engine-types";
import type { PublicGpuSummary } from "../../../lib/validation";
import { count, pct, signedPct } from "./fmt";

/** "never measured: Hopper-class factors" — the factor set an unmeasured GPU is estimated with. */
function unmeasured(gpu: string): string {
  const g = getGpu(gpu);
  if (!g) return "never measured";
  return `never measured: ${generationClassLabel(g.generation)}-class factors`;
}

/**
 * Published figures per GPU. A GPU no calibration run measured is one the fit never saw: its estimate takes the
 * factors of its class (Blackwell, or Hopper for every earlier generation), so its row is the error a user meets on
 * hardware nobody calibrated.
 */
export function PublicByGpu({ groups, band }: { groups: readonly PublicGpuSummary[]; band: number }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-xs" data-testid="public-by-gpu">
        <caption className="p-1 text-left text-sm font-semibold">Per GPU, every metric</caption>
        <thead className="border-b border-neutral-300 dark:border-neutral-700">
          <tr>
            <th className="p-1">GPU</th>
            <th className="p-1">In the calibration</th>
            <th className="p-1 text-right">Predicted/figures</th>
            <th className="p-1 text-right">MdAPE</th>
            <th className="p-1 text-right">Bias</th>
            <th className="p-1 text-right">Within ±{pct(band)}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.gpu} className="border-b border-neutral-200 dark:border-neutral-800" data-testid={`public-gpu-${g.gpu}`}>
              <td className="p-1">{getGpu(g.gpu)?.name ?? g.gpu}</td>
              <td className="p-1">{g.calibrated ? "measured" : unmeasured(g.gpu)}</td>
              <td className="p-1 text-right">
                {count(g.predicted)}/{count(g.rows)}
              </td>
              <td className="p-1 text-right">{pct(g.mdape)}</td>
              <td className="p-1 text-right">{signedPct(g.bias)}</td>
              <td className="p-1 text-right">{pct(g.withinBand)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One sentence for the unseen-hardware section: the published error on each GPU no calibration run measured. */
export function UnmeasuredGpusLine({ groups }: { groups: readonly PublicGpuSummary[] }) {
  const unmeasured = groups.filter((g) => !g.calibrated && g.predicted > 0);
  if (unmeasured.length === 0) return null;
  return (
    <p className="text-sm" data-testid="unmeasured-gpus">
      On GPUs no calibration run measured, the published throughput and latency figures (
      <a href="#published" className="underline">
        below
      </a>
      ) are predicted at MdAPE{" "}
      {unmeasured.map((g, i) => (
        <span key={g.gpu}>
          {i > 0 ? (i === unmeasured.length - 1 ? " and " : ", ") : ""}
          {pct(g.mdape)} on the {(getGpu(g.gpu)?.name ?? g.gpu).replace(/^NVIDIA /, "")} ({count(g.predicted)} figures)
        </span>
      ))}
      .
    </p>
  );
}
