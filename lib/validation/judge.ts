import type { Confidence } from "../catalog/types";
import { formatPercent as percent } from "../format";
import type { ConfidenceTable } from "./confidence";
import type { HeldOutRegime } from "./held-out-regimes";
import type { PublishedRegime } from "./published-regimes";
import type { ErrorSummary } from "./stats";

/**
 * How a level follows from measured errors. Not declared per regime: every regime gets its level from these rules
 * applied to its own rows. TPOT limits follow the issue's target (≤ 15 %), TTFT limits are looser because TTFT
 * includes queueing behind other prefills (target ≤ 25 %).
 */
export const CONFIDENCE_RULES = {
  /** A regime with fewer predicted rows is not judged on its own; a broader one is used. */
  minRows: 8,
  high: { minRows: 20, tpotMdape: 0.15, ttftMdape: 0.25, sharePredicted: 0.95 },
  medium: { tpotMdape: 0.3, ttftMdape: 0.5, sharePredicted: 0.8 },
} as const;

export interface LevelJudgement {
  readonly level: Confidence;
  /** Plain-words reasons, each naming the measured figure and the limit it was held to. */
  readonly reasons: readonly string[];
}

/** The level a group of rows earns from its measured errors. */
export function levelOf(s: ErrorSummary): LevelJudgement {
  const R = CONFIDENCE_RULES;
  if (s.predicted < R.minRows || s.tpotMdape === null || s.ttftMdape === null || s.sharePredicted === null) {
    return { level: "low", reasons: [`only ${s.predicted} measured rows predicted (a level needs ≥ ${R.minRows})`] };
  }
  const figures = `TPOT MdAPE ${percent(s.tpotMdape)}, TTFT MdAPE ${percent(s.ttftMdape)} over ${s.predicted} rows`;
  const highMisses: string[] = [];
  if (s.predicted < R.high.minRows) highMisses.push(`${s.predicted} rows < ${R.high.minRows}`);
  if (s.tpotMdape > R.high.tpotMdape) highMisses.push(`TPOT MdAPE > ${percent(R.high.tpotMdape)}`);
  if (s.ttftMdape > R.high.ttftMdape) highMisses.push(`TTFT MdAPE > ${percent(R.high.ttftMdape)}`);
  if (s.sharePredicted < R.high.sharePredicted) {
    highMisses.push(`${percent(s.sharePredicted)} of rows predicted < ${percent(R.high.sharePredicted)}`);
  }
  if (highMisses.length === 0) return { level: "high", reasons: [figures] };
  const mediumMisses: string[] = [];
  if (s.tpotMdape > R.medium.tpotMdape) mediumMisses.push(`TPOT MdAPE > ${percent(R.medium.tpotMdape)}`);
  if (s.ttftMdape > R.medium.ttftMdape) mediumMisses.push(`TTFT MdAPE > ${percent(R.medium.ttftMdape)}`);
  if (s.sharePredicted < R.medium.sharePredicted) {
    mediumMisses.push(`${percent(s.sharePredicted)} of rows predicted < ${percent(R.medium.sharePredicted)}`);
  }
  if (mediumMisses.length === 0) return { level: "medium", reasons: [figures, `not high: ${highMisses.join(", ")}`] };
  return { level: "low", reasons: [figures, `low: ${mediumMisses.join(", ")}`] };
}

/**
 * The level published throughput figures support, on the TPOT limits (a throughput figure measures decode speed; it
 * says nothing of TTFT); null when too few figures fall in the regime to judge it.
 */
export function publishedLevel(p: PublishedRegime): LevelJudgement | null {
  const R = CONFIDENCE_RULES;
  if (p.rows < R.minRows) return null;
  const figures = `throughput MdAPE ${percent(p.throughputMdape)} over ${p.rows} published figures`;
  if (p.rows >= R.high.minRows && p.throughputMdape <= R.high.tpotMdape) return { level: "high", reasons: [figures] };
  if (p.throughputMdape <= R.medium.tpotMdape) {
    const miss = p.rows < R.high.minRows ? `${p.rows} figures < ${R.high.minRows}` : `MdAPE > ${percent(R.high.tpotMdape)}`;
    return { level: "medium", reasons: [figures, `not high: ${miss}`] };
  }
  return { level: "low", reasons: [figures, `low: MdAPE > ${percent(R.medium.tpotMdape)}`] };
}

const RANK: Readonly<Record<Confidence, number>> = { low: 0, medium: 1, high: 2 };

/** `out` with one more source of evidence: its line is added, and its level replaces out's when lower (saying why). */
function lowest(out: LevelJudgement, other: LevelJudgement, line: string): LevelJudgement {
  if (RANK[other.level] >= RANK[out.level]) return { level: out.level, reasons: [...out.reasons, line] };
  return { level: other.level, reasons: [...out.reasons, `${line} → ${other.level}${other.reasons[1] ? ` (${other.reasons[1]})` : ""}`] };
}

/**
 * The level of a regime: judged on its in-sample errors; again, where computed, on its errors on models the fit never
 * saw (the same rules); and on the published throughput figures that fall in it (other harnesses and releases, data
 * the fit never had). The lowest counts: a user's model is often one nobody measured, on a setup nobody calibrated.
 * Published figures can only lower a level, never raise it: they test throughput, not TTFT.
 */
export function judgeRegime(
  summary: ErrorSummary,
  heldOut: HeldOutRegime | null,
  published: PublishedRegime | null = null,
): LevelJudgement {
  let out = levelOf(summary);
  if (heldOut !== null) {
    const ho = levelOf({ ...summary, predicted: heldOut.rows, tpotMdape: heldOut.tpotMdape, ttftMdape: heldOut.ttftMdape });
    out = lowest(out, ho, `on models the fit never saw (leave-one-model-out): TPOT MdAPE ${percent(heldOut.tpotMdape)}, TTFT MdAPE ${percent(heldOut.ttftMdape)} over ${heldOut.rows} rows`);
  }
  const pub = published === null ? null : publishedLevel(published);
  if (pub !== null) out = lowest(out, pub, `on published figures (other harnesses and releases): ${pub.reasons[0]}`);
  return out;
}

/** How the judged regimes of a table came by their levels: how many each source of evidence lowered. */
export interface JudgementSummary {
  /** Regimes with enough predicted rows to be judged. */
  readonly judged: number;
  readonly levels: Readonly<Record<Confidence, number>>;
  /** Regimes whose held-out errors earn a lower level than their in-sample errors. */
  readonly loweredByHeldOut: number;
  /** Regimes the published figures lower further (below the in-sample and held-out level). */
  readonly loweredByPublished: number;
  /** Regimes with enough published figures to be judged on them. */
  readonly withPublished: number;
}

export function judgementSummary(t: ConfidenceTable): JudgementSummary {
  const levels: Record<Confidence, number> = { low: 0, medium: 0, high: 0 };
  let judged = 0;
  let loweredByHeldOut = 0;
  let loweredByPublished = 0;
  let withPublished = 0;
  for (const r of Object.values(t.byId)) {
    if (r.summary.predicted < CONFIDENCE_RULES.minRows) continue;
    judged++;
    levels[r.judgement.level]++;
    const own = judgeRegime(r.summary, null).level;
    const withHeldOut = judgeRegime(r.summary, r.heldOut).level;
    if (withHeldOut !== own) loweredByHeldOut++;
    if (r.judgement.level !== withHeldOut) loweredByPublished++;
    if (r.published !== null && r.published.rows >= CONFIDENCE_RULES.minRows) withPublished++;
  }
  return { judged, levels, loweredByHeldOut, loweredByPublished, withPublished };
}
