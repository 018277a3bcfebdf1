import { GPUS, getGpu } from "../../../lib/catalog";
import type { HeldOutGroup } from "../../../lib/model/calib/held-out";
import type { HardwareHeldOut } from "../../../lib/model/calib/held-out-hardware";
import { generationClass } from "../../../lib/model/engine-types";
import { UNSEEN_HARDWARE_ANCHOR } from "../../../lib/validation/confidence";
import { DIM_VALUE_LABELS } from "../../../lib/validation/regimes";
import { count, pct } from "./fmt";

/** "NVIDIA B200 (HGX B200, per GPU)" → "NVIDIA B200"; the id where the catalog lacks it. */
function gpuName(id: string): string {
  return getGpu(id)?.name.replace(/\s*\(.*\)$/, "") ?? id;
}

function Cells({ g }: { g: HeldOutGroup | undefined }) {
  return (
    <>
      <td className="p-1 text-right">{g ? pct(g.tpotMdape) : "—"}</td>
      <td className="p-1 text-right">{g ? pct(g.ttftMdape) : "—"}</td>
    </>
  );
}

/**
 * GPUs left out of the fit, with the other GPU of their generation still in it, beside the same GPUs predicted with
 * the other generation's factors.
 */
function hardwareLines(h: HardwareHeldOut): { key: string; label: string; gpu?: HeldOutGroup; gen?: HeldOutGroup }[] {
  const gpus = [...new Set([...Object.keys(h.unseenGpu.byGpu), ...Object.keys(h.unseenGeneration.byGpu)])].sort();
  return [
    { key: "overall", label: "All rows", gpu: h.unseenGpu.overall, gen: h.unseenGeneration.overall },
    ...gpus.map((id) => ({ key: id, label: gpuName(id), gpu: h.unseenGpu.byGpu[id], gen: h.unseenGeneration.byGpu[id] })),
    ...(["dense", "MoE"] as const).map((k) => ({ key: k, label: k === "MoE" ? "MoE models" : "Dense models", gpu: h.unseenGpu.byMoe[k], gen: h.unseenGeneration.byMoe[k] })),
  ];
}

function classOfGpu(id: string) {
  const g = getGpu(id);
  return g ? generationClass(g.generation) : undefined;
}

/** GPUs the other generation's factors predict better than their own class fitted on its other GPU alone. */
function betterFromOtherGeneration(h: HardwareHeldOut): { id: string; sibling: string; own: number; other: number }[] {
  return Object.keys(h.unseenGpu.byGpu)
    .sort()
    .flatMap((id) => {
      const own = h.unseenGpu.byGpu[id]?.tpotMdape;
      const other = h.unseenGeneration.byGpu[id]?.tpotMdape;
      const cls = classOfGpu(id);
      if (own === undefined || other === undefined || !cls || !(other < own)) return [];
      const sibling = Object.keys(h.unseenGpu.byGpu).filter((g) => g !== id && classOfGpu(g) === cls);
      return sibling.length > 0 ? [{ id, sibling: sibling.map(gpuName).join(", "), own, other }] : [];
    });
}

function BetterFromOtherGeneration({ list }: { list: ReturnType<typeof betterFromOtherGeneration> }) {
  if (list.length === 0) return null;
  return (
    <p data-testid="unseen-better">
      Left out, {list.length === 1 ? "one GPU is" : `${count(list.length)} GPUs are`} predicted better by the other
      generation&apos;s factors than by their own generation fitted on the other GPU alone (TPOT MdAPE):{" "}
      {list.map((b, i) => (
        <span key={b.id} data-testid={`unseen-better-${b.id}`}>
          {i > 0 ? "; " : ""}
          {gpuName(b.id)} {pct(b.other)} against {pct(b.own)} from the {b.sibling}
        </span>
      ))}
      . With two GPUs per generation in the calibration, a generation&apos;s kernel factors fitted on one GPU&apos;s rows
      also absorb what is particular to that GPU and to the models and engines measured on it.
    </p>
  );
}

/** How the estimator does on GPUs it never saw: leave-one-GPU-out and leave-one-generation-out. */
export function UnseenHardware({ heldOut: h, measuredGenerations }: { heldOut: HardwareHeldOut | null; measuredGenerations: readonly string[] }) {
  const unmeasured = GPUS.filter((g) => !measuredGenerations.includes(g.generation));
  const generations = [...new Set(unmeasured.map((g) => g.generation))].map((g) => DIM_VALUE_LABELS.generation[g]);
  return (
    <div
      id={UNSEEN_HARDWARE_ANCHOR}
      className="scroll-mt-20 space-y-3 rounded border border-neutral-200 p-3 text-sm dark:border-neutral-800"
      data-testid="unseen-hardware"
    >
      <h3 className="font-semibold">On GPUs it never saw (held out by hardware)</h3>
      {h && h.unseenGeneration.overall.rows > 0 ? (
        <>
          <p className="text-neutral-600 dark:text-neutral-400">
            Two more hold-outs, computed by <code>npm run calibrate</code> like the one above. <b>A new GPU</b>: each
            GPU is left out of the fit in turn and its rows predicted; the other GPU of its generation stays in, so this
            is a GPU of a known generation with other memory, bandwidth and interconnect. <b>A new generation</b>: the
            Hopper rows are predicted with the factors fitted on Blackwell rows only, and back. That is how Atlas
            estimates the {count(unmeasured.length)} catalog GPUs of generations no row measured ({generations.join(", ")}):
            with the factors of the nearest fitted generation. Their badges are low and quote the new-generation errors
            below.
          </p>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-xs" data-testid="unseen-hardware-table">
              <thead className="border-b border-neutral-300 dark:border-neutral-700">
                <tr>
                  <th className="p-1" rowSpan={2}>
                    Held out
                  </th>
                  <th className="p-1 text-right" rowSpan={2}>
                    Runs
                  </th>
                  <th className="p-1 text-center" colSpan={2}>
                    A new GPU (leave-one-GPU-out)
                  </th>
                  <th className="p-1 text-center" colSpan={2}>
                    A new generation (leave-one-generation-out)
                  </th>
                </tr>
                <tr>
                  <th className="p-1 text-right">TPOT MdAPE</th>
                  <th className="p-1 text-right">TTFT MdAPE</th>
                  <th className="p-1 text-right">TPOT MdAPE</th>
                  <th className="p-1 text-right">TTFT MdAPE</th>
                </tr>
              </thead>
              <tbody>
                {hardwareLines(h).map((l) => (
                  <tr key={l.key} className="border-b border-neutral-200 dark:border-neutral-800" data-testid={`unseen-${l.key}`}>
                    <td className="p-1">{l.label}</td>
                    <td className="p-1 text-right">{count((l.gen ?? l.gpu)?.rows ?? 0)}</td>
                    <Cells g={l.gpu} />
                    <Cells g={l.gen} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <BetterFromOtherGeneration list={betterFromOtherGeneration(h)} />
        </>
      ) : (
        <p data-testid="unseen-hardware-missing">
          Hardware hold-outs have not been computed for this calibration; <code>npm run calibrate</code> writes them into{" "}
          <code>lib/model/calibration.generated.ts</code>.
        </p>
      )}
    </div>
  );
}
