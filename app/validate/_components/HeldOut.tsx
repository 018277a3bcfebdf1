import type { CALIBRATION } from "../../../lib/model";
import { count, pct } from "./fmt";

/**
 * The fit behind the engine profiles, from the committed calibration file. Held-out (leave-one-model-out) figures
 * are printed by `npm run validate`.
 */
export function HeldOut({ calibration: c }: { calibration: typeof CALIBRATION }) {
  return (
    <div className="rounded border border-neutral-200 p-3 text-sm dark:border-neutral-800" data-testid="held-out">
      <p>
        Engine profiles: {c.rowsUsed > 0 ? (
          <>
            fitted by <code>npm run calibrate</code> on {c.generatedOn} from {count(c.rowsUsed)} rows of {c.source}; fit
            error TPOT MdAPE {pct(c.fitError.tpotMdape)}, TTFT MdAPE {pct(c.fitError.ttftMdape)} (on the rows fitted).
          </>
        ) : (
          <>not yet fitted (physical priors).</>
        )}
      </p>
      <p className="text-neutral-600 dark:text-neutral-400">
        The figures above include the rows the profiles were fitted on. How the estimator does on models it never saw
        (each model left out of the fit in turn) is printed by <code>npm run validate</code>.
      </p>
    </div>
  );
}
