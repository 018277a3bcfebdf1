import type { HeldOutGroup } from "../../../lib/model/calib/held-out";
import type { TimeHeldOut } from "../../../lib/model/calib/held-out-time";
import type { EngineId } from "../../../lib/catalog/types";
import { ENGINE_NAMES } from "./engines";
import { count, pct } from "./fmt";

/** "deepseek-ai--DeepSeek-R1" (an hf-configs stem) → "DeepSeek-R1". */
function archName(a: string): string {
  return a.split("--").pop() ?? a;
}

/** "2026-03" → "March 2026". */
function monthName(m: string): string {
  const [y, mo] = m.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, mo - 1, 1)).toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
}

function Line({ label, g, fitOn, unseen, testId }: { label: string; g: HeldOutGroup; fitOn?: number; unseen?: readonly string[]; testId: string }) {
  return (
    <tr className="border-b border-neutral-200 dark:border-neutral-800" data-testid={testId}>
      <td className="p-1">
        {label}
        {unseen && unseen.length > 0 ? (
          <span className="block text-neutral-500" data-testid={`${testId}-new-models`}>
            new to the fit: {unseen.map(archName).join(", ")}
          </span>
        ) : null}
      </td>
      <td className="p-1 text-right">{fitOn === undefined ? "" : count(fitOn)}</td>
      <td className="p-1 text-right">{count(g.rows)}</td>
      <td className="p-1 text-right">{pct(g.predictedShare)}</td>
      <td className="p-1 text-right">{pct(g.tpotMdape)}</td>
      <td className="p-1 text-right">{pct(g.ttftMdape)}</td>
    </tr>
  );
}

/** Each month's runs predicted by a fit on the runs measured before that month (calib/held-out-time.ts). */
export function ForwardInTime({ heldOut: t }: { heldOut: TimeHeldOut | null }) {
  return (
    <div className="space-y-3 rounded border border-neutral-200 p-3 text-sm dark:border-neutral-800" data-testid="forward-in-time">
      <h3 className="font-semibold">On next month&apos;s runs (held out forward in time)</h3>
      {t && t.months.length > 0 ? (
        <>
          <p className="text-neutral-600 dark:text-neutral-400">
            What a user planning today meets: factors fitted on the benchmarks published so far, predicting runs of
            newer engine releases and recipes. Each month&apos;s runs are predicted by a fit on the runs measured before
            that month only, from the date each run records; the {count(t.undatedRuns)} runs that record no date are in
            no fit and no month. A month that measured a model no earlier run did predicts a new model as well as a new
            month; the table names those models.
          </p>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-xs" data-testid="forward-in-time-table">
              <thead className="border-b border-neutral-300 dark:border-neutral-700">
                <tr>
                  <th className="p-1">Month predicted</th>
                  <th className="p-1 text-right">Fit on runs</th>
                  <th className="p-1 text-right">Runs</th>
                  <th className="p-1 text-right">Share predicted</th>
                  <th className="p-1 text-right">TPOT MdAPE</th>
                  <th className="p-1 text-right">TTFT MdAPE</th>
                </tr>
              </thead>
              <tbody>
                {t.months.map((m) => (
                  <Line key={m.month} label={monthName(m.month)} g={m} fitOn={m.trainRuns} unseen={m.unseenArchs} testId={`forward-${m.month}`} />
                ))}
                <Line label="All months" g={t.overall} testId="forward-overall" />
                {Object.keys(t.byEngine)
                  .sort()
                  .map((e) => (
                    <Line key={e} label={`All months, ${ENGINE_NAMES[e as EngineId] ?? e}`} g={t.byEngine[e]!} testId={`forward-engine-${e}`} />
                  ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p data-testid="forward-in-time-missing">
          The forward-in-time hold-out has not been computed for this calibration; <code>npm run calibrate</code> writes
          it into <code>lib/model/calibration.generated.ts</code>.
        </p>
      )}
    </div>
  );
}
