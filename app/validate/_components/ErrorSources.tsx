import type { HeldOutTarget } from "../../../lib/model/calib/held-out";
import type { ScaledError } from "../../../lib/validation/error-sources";
import { count, pct } from "./fmt";

/**
 * Where the held-out error sits: the error left once one constant factor per group is divided out (an oracle scored
 * on the rows it is fitted on — it locates the error, it predicts nothing). Rows come in GROUPINGS order: as
 * predicted first, the per-setup factor last.
 */
export function ErrorSources({ items, ttftTarget }: { items: readonly ScaledError[]; ttftTarget: HeldOutTarget }) {
  const asIs = items[0];
  const setup = items[items.length - 1];
  const release = items.find((x) => x.grouping === "engine release");
  if (!asIs || !setup || items.length < 2) return null;
  return (
    <div className="space-y-2" data-testid="held-out-error-sources">
      <div className="overflow-x-auto">
        <table className="w-full text-left text-xs">
          <caption className="p-1 text-left text-sm font-semibold">
            Where the held-out error sits: what is left if one constant factor per group were known
          </caption>
          <thead className="border-b border-neutral-300 dark:border-neutral-700">
            <tr>
              <th className="p-1">One factor per</th>
              <th className="p-1 text-right">Groups</th>
              <th className="p-1 text-right">TPOT MdAPE</th>
              <th className="p-1 text-right">TTFT MdAPE</th>
            </tr>
          </thead>
          <tbody>
            {items.map((x) => (
              <tr key={x.grouping} className="border-b border-neutral-200 dark:border-neutral-800">
                <td className="p-1">{x.grouping}</td>
                <td className="p-1 text-right">{count(x.groups)}</td>
                <td className="p-1 text-right">{pct(x.tpotMdape)}</td>
                <td className="p-1 text-right">{pct(x.ttftMdape)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-neutral-600 dark:text-neutral-400" data-testid="held-out-error-sources-words">
        Each group&apos;s predictions are divided by its own median measured/predicted ratio, fitted on the very rows it
        is scored on — so this predicts nothing; it shows where the error is. Within a setup (model, GPU, engine
        release, precision, layout and prompt length; {count(setup.groups)} of them) the estimate&apos;s curves across
        concurrency and output length leave {pct(setup.ttftMdape)} TTFT and {pct(setup.tpotMdape)} TPOT error; the rest
        of the {pct(asIs.ttftMdape)} TTFT error is a level that differs from setup to setup.
        {release ? (
          <>
            {" "}
            One factor per engine release ({count(release.groups)} releases, the runs without one counted as one per
            engine) would leave {pct(release.ttftMdape)} TTFT
            {release.ttftMdape <= ttftTarget.limit ? `, within the ${pct(ttftTarget.limit)} target` : ""}. The release is
            recorded by the runs but is not an input of the estimate: a plan names an engine, not one build of it. A
            fixed first-token latency of the serving stack is part of that level; where yours is known, the calculator
            and the planner take it as the request overhead.
          </>
        ) : null}
      </p>
    </div>
  );
}
