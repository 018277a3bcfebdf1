import type { CALIBRATION } from "../../../lib/model";
import type { HeldOutGroup, HeldOutSummary, HeldOutTarget } from "../../../lib/model/calib/held-out";
import type { EngineId } from "../../../lib/catalog/types";
import type { OvershootEvidence } from "../../../lib/validation/moe-overshoots";
import { ENGINE_NAMES } from "./engines";
import { count, pct, ratio } from "./fmt";
import { MoeOvershoots } from "./MoeOvershoots";
import { ErrorSources } from "./ErrorSources";

/** "meta-llama--Meta-Llama-3.1-8B" (the calibration's config file name) → the Hugging Face repo id. */
export function heldOutModelName(key: string): string {
  return key.replace("--", "/");
}

function engineName(key: string): string {
  return ENGINE_NAMES[key as EngineId] ?? key;
}

/** "InferenceMAX trtllm" → "InferenceMAX · TensorRT-LLM"; a harness alone → "InferenceMAX, all engines". */
function harnessName(key: string): string {
  const [harness, engine] = key.split(" ");
  return engine ? `${harness} · ${engineName(engine)}` : `${harness}, all engines`;
}

function TargetLine({
  label,
  t,
  fmt,
  testId,
}: {
  label: string;
  t: HeldOutTarget;
  fmt: (x: number) => string;
  testId: string;
}) {
  return (
    <li data-testid={testId} data-met={t.met ? "yes" : "no"}>
      {label} <b>{fmt(t.value)}</b> — target {t.kind === "max" ? "≤" : "≥"} {fmt(t.limit)}:{" "}
      <b className={t.met ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}>
        {t.met ? "met" : "not met"}
      </b>
    </li>
  );
}

function GroupTable({
  title,
  first,
  groups,
  name,
  band,
  testId,
}: {
  title: string;
  first: string;
  groups: Readonly<Record<string, HeldOutGroup>>;
  name: (key: string) => string;
  band: number;
  testId: string;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-xs" data-testid={testId}>
        <caption className="p-1 text-left text-sm font-semibold">{title}</caption>
        <thead className="border-b border-neutral-300 dark:border-neutral-700">
          <tr>
            <th className="p-1">{first}</th>
            <th className="p-1 text-right">Rows</th>
            <th className="p-1 text-right">Predicted</th>
            <th className="p-1 text-right">TPOT MdAPE</th>
            <th className="p-1 text-right">TTFT MdAPE</th>
            <th className="p-1 text-right">TPOT within ±{pct(band)}</th>
            <th className="p-1 text-right">TTFT within ±{pct(band)}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(groups).map(([key, g]) => (
            <tr key={key} className="border-b border-neutral-200 dark:border-neutral-800">
              <td className="p-1">{name(key)}</td>
              <td className="p-1 text-right">{count(g.rows)}</td>
              <td className="p-1 text-right">{pct(g.predictedShare)}</td>
              <td className="p-1 text-right">{pct(g.tpotMdape)}</td>
              <td className="p-1 text-right">{pct(g.ttftMdape)}</td>
              <td className="p-1 text-right">{pct(g.tpotWithin25)}</td>
              <td className="p-1 text-right">{pct(g.ttftWithin25)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * How the estimator does on models it never saw (leave-one-model-out, written into the committed calibration file by
 * `npm run calibrate`), and the in-sample error of the fit behind the engine profiles.
 */
export function HeldOut({
  calibration: c,
  heldOut: h,
  repeatTtft = null,
  overshoots = [],
}: {
  calibration: typeof CALIBRATION;
  heldOut: HeldOutSummary | null;
  /** The MoE runs over the throughput target with their measurements and the same setup's other runs. */
  overshoots?: readonly OvershootEvidence[];
  /** TTFT MdAPE of one run of a setup predicting another (the repeatability floor); null when unknown. */
  repeatTtft?: number | null;
}) {
  const archs = h ? Object.keys(h.byModel).length : 0;
  const t = h?.targets;
  return (
    <div
      id="held-out"
      className="scroll-mt-20 space-y-3 rounded border border-neutral-200 p-3 text-sm dark:border-neutral-800"
      data-testid="held-out"
    >
      <h3 className="font-semibold">On models it never saw (held out)</h3>
      {h && t && h.overall.rows > 0 ? (
        <>
          <p className="text-neutral-600 dark:text-neutral-400">
            The figures above include the rows the engine profiles were fitted on. Here each of the {count(archs)}{" "}
            architectures of the calibration set is predicted by profiles refitted without its rows
            (leave-one-model-out), and the errors are taken over all {count(h.overall.rows)} held-out predictions.
            Computed by <code>npm run calibrate</code> (written into <code>lib/model/calibration.generated.ts</code>);{" "}
            <code>npm run validate</code> reproduces them with the breakdown per GPU and precision.
          </p>
          <ul className="list-disc space-y-1 pl-5" data-testid="held-out-targets">
            <TargetLine label="TPOT MdAPE" t={t.tpotMdape} fmt={pct} testId="held-out-target-tpot" />
            <TargetLine label="TTFT MdAPE" t={t.ttftMdape} fmt={pct} testId="held-out-target-ttft" />
            <TargetLine label="Share of rows predicted" t={t.predictedShare} fmt={pct} testId="held-out-target-share" />
            <TargetLine
              label={`MoE at concurrency 1–8, worst output-throughput overstatement (closed loop, first-token latency included; ${count(h.moeSmallBatch.rows)} rows)`}
              t={t.moeMaxOvershoot}
              fmt={ratio}
              testId="held-out-target-moe"
            />
            {overshoots.length > 0 ? (
              <li className="list-none">
                <MoeOvershoots items={overshoots} />
              </li>
            ) : null}
            <li data-testid="held-out-moe-decode">
              Per-user decode speed (1/TPOT) of the same rows, worst overstatement{" "}
              <b>{ratio(h.moeSmallBatch.maxDecodeOvershoot)}</b> (first-token latency left out)
            </li>
          </ul>
          <p data-testid="held-out-verdict">
            {t.allMet ? "All held-out targets are met." : "Not all held-out targets are met."} Within ±{pct(h.band)}:
            TPOT {pct(h.overall.tpotWithin25)}, TTFT {pct(h.overall.ttftWithin25)} of predicted rows.
          </p>
          <GroupTable
            title="Held out, per model (each predicted by a fit without it)"
            first="Model"
            groups={h.byModel}
            name={heldOutModelName}
            band={h.band}
            testId="held-out-by-model"
          />
          <GroupTable
            title="Held out, per engine"
            first="Engine"
            groups={h.byEngine}
            name={engineName}
            band={h.band}
            testId="held-out-by-engine"
          />
          {h.byHarnessEngine && Object.keys(h.byHarnessEngine).length > 0 ? (
            <>
              <GroupTable
                title="Held out, per benchmark harness (the tool that measured the run; not an input of the estimate)"
                first="Harness"
                groups={h.byHarnessEngine}
                name={harnessName}
                band={h.band}
                testId="held-out-by-harness"
              />
              <p className="text-neutral-600 dark:text-neutral-400">
                AIConfigurator&apos;s own sweeps and the InferenceMAX exports are predicted by the same estimate. The
                InferenceMAX runs mix engine images, dates and per-configuration launch scripts the rows do not
                record.
                {repeatTtft !== null ? (
                  <>
                    {" "}
                    Two runs of one of their setups differ in first-token latency by a median {pct(repeatTtft)} (the
                    repeatability floor, below): no estimate can be closer to them than that.
                  </>
                ) : null}
              </p>
            </>
          ) : null}
          {h.errorSources && h.errorSources.length > 0 ? <ErrorSources items={h.errorSources} ttftTarget={t.ttftMdape} /> : null}
        </>
      ) : (
        <p data-testid="held-out-missing">
          Held-out (leave-one-model-out) figures have not been computed for this calibration; <code>npm run calibrate</code>{" "}
          writes them into <code>lib/model/calibration.generated.ts</code>.
        </p>
      )}
      <p>
        Engine profiles: {c.rowsUsed > 0 ? (
          <>
            fitted by <code>npm run calibrate</code> on {c.generatedOn} from {count(c.rowsUsed)} rows of {c.source}; fit
            error TPOT MdAPE {pct(c.fitError.tpotMdape)}, TTFT MdAPE {pct(c.fitError.ttftMdape)} (in-sample: on the rows
            fitted).
          </>
        ) : (
          <>not yet fitted (physical priors).</>
        )}
      </p>
    </div>
  );
}
