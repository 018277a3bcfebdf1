import type { OvershootEvidence, RunAt } from "../../../lib/validation/moe-overshoots";
import { ENGINE_NAMES } from "./engines";
import { count, ms, ratio } from "./fmt";

function release({ row: r }: RunAt): string {
  const engine = ENGINE_NAMES[r.engine];
  const version = r.engineVersion ? `${engine} ${r.engineVersion}` : `${engine} (release not recorded)`;
  return r.measured ? `${version}, measured ${r.measured}` : `${version}, date not recorded`;
}

/** The parallelism the run is predicted at (the calibration's cleaning applied), e.g. "TP 8 · EP 8". */
function layout(r: RunAt): string {
  const p = r.remapped ?? r.row;
  const ep = p.moeEp !== null && p.moeEp > 1 ? ` · EP ${p.moeEp}` : "";
  return `TP ${p.tp}${p.dp > 1 ? ` · DP ${p.dp}` : ""}${ep}`;
}

/**
 * The MoE runs at concurrency 1–8 over the throughput target, each with what was measured, what the held-out fit
 * predicted, and the other runs of the same setup, so a reader can judge the run against its own setup.
 */
export function MoeOvershoots({ items }: { items: readonly OvershootEvidence[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="list-[circle] space-y-2 pl-5" data-testid="held-out-moe-over">
      {items.map((e, i) => (
        <li key={e.run?.row.id ?? i} data-testid="held-out-moe-over-run">
          <b>{ratio(e.overshoot)}</b>{" "}
          {e.run ? (
            <>
              {e.run.row.hfModel} on {e.run.row.gpu.toUpperCase()}, {release(e.run)}, {e.run.row.weights.toUpperCase()},{" "}
              {layout(e.run)}, ISL {count(e.run.row.isl)} / OSL {count(e.run.row.osl)}, concurrency{" "}
              {e.run.row.concurrency}: first token {ms(e.run.row.ttftMs)} measured, {ms(e.ttftPredMs)} predicted; TPOT{" "}
              {ms(e.run.row.tpotMs)} measured, {ms(e.tpotPredMs)} predicted.
              {e.sameSetup.length > 0 ? (
                <>
                  {" "}
                  The same setup in other runs:{" "}
                  {e.sameSetup.map((s, k) => (
                    <span key={s.row.id} data-testid="held-out-moe-over-same">
                      {k > 0 ? "; " : ""}
                      {release(s)} ({layout(s)}): first token {ms(s.row.ttftMs)}, TPOT {ms(s.row.tpotMs)}
                    </span>
                  ))}
                  .
                </>
              ) : (
                <> No other run of the same setup was measured.</>
              )}
            </>
          ) : (
            <>a run no longer among the shipped measurements.</>
          )}
        </li>
      ))}
    </ul>
  );
}
