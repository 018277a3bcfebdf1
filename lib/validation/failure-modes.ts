import { CONFIDENCE_RULES, type ConfidenceTable, type RegimeStats } from "./confidence";
import { formatPercent as percent } from "../format";
import { inGroup, type Regime, type RegimeGroup } from "./regimes";
import type { ScoredRow } from "./score";

export interface FailureMode {
  readonly regime: RegimeStats;
  /** One sentence naming the regime and its measured error. */
  readonly text: string;
}

function direction(bias: number | null, what: "TPOT" | "TTFT"): string {
  if (bias === null) return "";
  return bias > 0 ? `, ${what} predicted ${percent(bias)} too slow (median)` : `, ${what} predicted ${percent(-bias)} too fast (median)`;
}

function isAncestor(a: RegimeGroup, b: RegimeGroup): boolean {
  const ka = Object.keys(a) as (keyof Regime)[];
  const kb = Object.keys(b) as (keyof Regime)[];
  return ka.length < kb.length && ka.every((k) => a[k] === b[k]);
}

function severity(r: RegimeStats): number {
  const M = CONFIDENCE_RULES.medium;
  const pub = r.published !== null && r.published.rows >= CONFIDENCE_RULES.minRows ? r.published.throughputMdape : 0;
  const tpot = Math.max(r.summary.tpotMdape ?? 0, r.heldOut?.tpotMdape ?? 0, pub);
  const ttft = Math.max(r.summary.ttftMdape ?? 0, r.heldOut?.ttftMdape ?? 0);
  return Math.max(tpot / M.tpotMdape, ttft / M.ttftMdape);
}

/**
 * Regimes whose measured error earns them "low" (with enough rows to say so; in-sample, on models the fit never saw
 * or on published figures), broadest first; a regime is left out when a broader regime that contains it is already
 * listed. Worst first: by the larger of each error (in-sample, held out or published) over its "medium" limit.
 */
export function knownFailureModes(table: ConfidenceTable): FailureMode[] {
  const weak = Object.values(table.byId).filter(
    (r) => r.id !== "regime_all" && r.summary.predicted >= CONFIDENCE_RULES.minRows && r.judgement.level === "low",
  );
  const kept = weak.filter((r) => !weak.some((o) => isAncestor(o.group, r.group)));
  kept.sort((a, b) => severity(b) - severity(a) || a.id.localeCompare(b.id));
  return kept.map((r) => {
    const s = r.summary;
    const text =
      `${r.label}: TPOT MdAPE ${percent(s.tpotMdape ?? 0)}${direction(s.tpotBias, "TPOT")}; ` +
      `TTFT MdAPE ${percent(s.ttftMdape ?? 0)}${direction(s.ttftBias, "TTFT")}; ` +
      `${s.predicted} of ${s.rows} rows predicted` +
      (r.heldOut
        ? `; on models the fit never saw, TPOT MdAPE ${percent(r.heldOut.tpotMdape)}, TTFT MdAPE ${percent(r.heldOut.ttftMdape)}`
        : "") +
      (r.published ? `; on ${r.published.rows} published figures, throughput MdAPE ${percent(r.published.throughputMdape)}` : "");
    return { regime: r, text };
  });
}

export interface Overshoot {
  /** Predicted rows in the group. */
  readonly rows: number;
  /** Largest measured TPOT / predicted TPOT: how many times the estimate overstates per-user throughput. */
  readonly worst: number | null;
  readonly worstRowId: string | null;
  /** Rows overstating throughput by more than `limit`. */
  readonly over: number;
  readonly limit: number;
}

/** The "no blow-ups" check: decode throughput overstated by more than `limit`× within a group of regimes. */
export function throughputOvershoot(scored: readonly ScoredRow[], group: RegimeGroup, limit = 2): Overshoot {
  let worst: number | null = null;
  let worstRowId: string | null = null;
  let rows = 0;
  let over = 0;
  for (const s of scored) {
    if (s.regime === null || s.tpotErr === null || !inGroup(s.regime, group)) continue;
    rows++;
    // throughput ∝ 1 / TPOT, so overshoot = (1/predicted) / (1/measured) = 1 / (1 + e)
    const factor = 1 / (1 + s.tpotErr);
    if (factor > limit) over++;
    if (worst === null || factor > worst) {
      worst = factor;
      worstRowId = s.row.id;
    }
  }
  return { rows, worst, worstRowId, over, limit };
}

/** Rows not predicted, grouped by setup (model, precision, GPUs) and the first clause of the reason; most first. */
export function unpredictedReasons(scored: readonly ScoredRow[]): { reason: string; count: number }[] {
  const m = new Map<string, number>();
  for (const s of scored) {
    if (s.problem === null) continue;
    const r = s.row;
    // GPUs as the row is predicted: an upstream tp × ep record counts its tp GPUs, not tp × ep (score.ts)
    const p = s.remapped ?? r;
    // the estimator's text carries per-row figures after "(": group on what comes before
    const why = s.problem.split("(")[0]!.trim();
    const key = `${r.model ?? r.hfModel} ${r.weights} on ${p.tp * r.pp * p.dp}× ${r.gpu}: ${why}`;
    m.set(key, (m.get(key) ?? 0) + 1);
  }
  return [...m]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}
