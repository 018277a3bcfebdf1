import type { Confidence } from "../catalog/types";
import { formatPercent as percent } from "../format";
import {
  FALLBACK_CHAIN,
  MARGINAL_DIMS,
  groupDims,
  groupId,
  groupLabel,
  project,
  type ArchClass,
  type Regime,
  type RegimeDim,
  type RegimeGroup,
} from "./regimes";
import type { HeldOutRegime, HeldOutRegimes } from "./held-out-regimes";
import type { ScoredRow } from "./score";
import { summarize, type ErrorSummary } from "./stats";

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

export interface RegimeStats {
  readonly id: string;
  readonly label: string;
  readonly group: RegimeGroup;
  readonly dims: readonly RegimeDim[];
  readonly summary: ErrorSummary;
  /** Errors of the same regime on models the fit never saw (leave-one-model-out); null when not computed. */
  readonly heldOut: HeldOutRegime | null;
  readonly judgement: LevelJudgement;
}

/**
 * Judged regimes. Plain data (no Map/Set) so a server component can hand it to client components as a prop and
 * `lookupConfidence` can run in the browser without the measured rows.
 */
export interface ConfidenceTable {
  /** Every group along the fallback chain, and every single-dimension group, that has at least one row, by id. */
  readonly byId: Readonly<Record<string, RegimeStats>>;
  /** Ids of the groups fixing one dimension (dense, MoE, batch 1–8, …), in MARGINAL_DIMS order. */
  readonly marginals: readonly string[];
  /** Which values of each dimension were measured at all. */
  readonly measuredValues: Readonly<Record<RegimeDim, readonly string[]>>;
}

const RANK: Readonly<Record<Confidence, number>> = { low: 0, medium: 1, high: 2 };

/**
 * The level of a regime: judged on its in-sample errors and, where computed, again on its errors on models the fit
 * never saw (the same rules); the lower of the two counts, since a user's model is often one nobody measured.
 */
export function judgeRegime(summary: ErrorSummary, heldOut: HeldOutRegime | null): LevelJudgement {
  const own = levelOf(summary);
  if (heldOut === null) return own;
  const ho = levelOf({ ...summary, predicted: heldOut.rows, tpotMdape: heldOut.tpotMdape, ttftMdape: heldOut.ttftMdape });
  const line = `on models the fit never saw (leave-one-model-out): TPOT MdAPE ${percent(heldOut.tpotMdape)}, TTFT MdAPE ${percent(heldOut.ttftMdape)} over ${heldOut.rows} rows`;
  if (RANK[ho.level] >= RANK[own.level]) return { level: own.level, reasons: [...own.reasons, line] };
  return { level: ho.level, reasons: [...own.reasons, `${line} → ${ho.level}${ho.reasons[1] ? ` (${ho.reasons[1]})` : ""}`] };
}

function stats(group: RegimeGroup, rows: readonly ScoredRow[], heldOut: HeldOutRegimes | undefined): RegimeStats {
  const summary = summarize(rows);
  const id = groupId(group);
  const ho = heldOut?.[id] ?? null;
  return {
    id,
    label: groupLabel(group),
    group,
    dims: groupDims(group),
    summary,
    heldOut: ho,
    judgement: judgeRegime(summary, ho),
  };
}

/** Every group a row of this regime counts in: each step of the fallback chain, and each single dimension. */
export function groupsOf(regime: Regime): RegimeGroup[] {
  return [
    ...FALLBACK_CHAIN.map((dims) => project(regime, dims)),
    ...MARGINAL_DIMS.filter((d) => d !== "arch").map((d) => project(regime, [d])),
  ];
}

/**
 * Group scored rows along the fallback chain and by single dimensions; judge each group (on its held-out errors too,
 * where `heldOut` has the group).
 */
export function buildConfidenceTable(scored: readonly ScoredRow[], heldOut?: HeldOutRegimes): ConfidenceTable {
  const withRegime = scored.filter((s): s is ScoredRow & { regime: Regime } => s.regime !== null);
  const buckets = new Map<string, { group: RegimeGroup; rows: ScoredRow[] }>();
  const add = (group: RegimeGroup, s: ScoredRow) => {
    const id = groupId(group);
    let b = buckets.get(id);
    if (!b) buckets.set(id, (b = { group, rows: [] }));
    b.rows.push(s);
  };
  for (const s of withRegime) for (const g of groupsOf(s.regime)) add(g, s);
  const byId: Record<string, RegimeStats> = {};
  for (const id of [...buckets.keys()].sort()) {
    const b = buckets.get(id)!;
    byId[id] = stats(b.group, b.rows, heldOut);
  }
  const measuredValues = Object.fromEntries(
    MARGINAL_DIMS.map((d) => [d, [...new Set(withRegime.map((s) => s.regime[d]))].sort()]),
  ) as Record<RegimeDim, string[]>;
  const marginals = MARGINAL_DIMS.flatMap((d) =>
    Object.values(byId)
      .filter((r) => r.dims.length === 1 && r.dims[0] === d)
      .map((r) => r.id),
  );
  return { byId, marginals, measuredValues };
}

/** What a badge needs of one regime. */
export interface BadgeRegime {
  readonly id: string;
  readonly label: string;
  readonly level: Confidence;
  readonly reasons: readonly string[];
  /** Predicted measured rows. */
  readonly rows: number;
  readonly tpotMdape: number | null;
  readonly ttftMdape: number | null;
  /** The same on models the fit never saw (leave-one-model-out); null when not computed. */
  readonly heldOutTpotMdape: number | null;
  readonly heldOutTtftMdape: number | null;
}

/**
 * The judged regimes a badge can land on (those with enough rows), as small plain data: a server component can pass
 * it to a client component, which calls `confidenceFromTable` (lookup.ts) without the measured rows or the core.
 */
export interface BadgeTable {
  readonly regimes: Readonly<Record<string, BadgeRegime>>;
  readonly measuredValues: Readonly<Record<RegimeDim, readonly string[]>>;
  /**
   * The measured error on a GPU generation the fit never saw, per architecture class (leave-one-generation-out:
   * lib/model/calib/held-out-hardware.ts): what a badge reports for a generation no row measured (Ampere, Ada, AMD),
   * instead of in-sample errors measured on other generations. Absent when not computed.
   */
  readonly unseenGeneration?: Readonly<Partial<Record<ArchClass, UnseenFigures>>>;
}

/** Held-out errors of one architecture class on a generation left out of the fit. */
export interface UnseenFigures {
  readonly rows: number;
  readonly tpotMdape: number;
  readonly ttftMdape: number;
}

/** Anchor of the hardware hold-out on /validate. */
export const UNSEEN_HARDWARE_ANCHOR = "unseen-hardware";

export function toBadgeTable(t: ConfidenceTable, unseenGeneration?: BadgeTable["unseenGeneration"]): BadgeTable {
  const regimes: Record<string, BadgeRegime> = {};
  for (const r of Object.values(t.byId)) {
    if (r.summary.predicted < CONFIDENCE_RULES.minRows) continue;
    regimes[r.id] = {
      id: r.id,
      label: r.label,
      level: r.judgement.level,
      reasons: r.judgement.reasons,
      rows: r.summary.predicted,
      tpotMdape: r.summary.tpotMdape,
      ttftMdape: r.summary.ttftMdape,
      heldOutTpotMdape: r.heldOut?.tpotMdape ?? null,
      heldOutTtftMdape: r.heldOut?.ttftMdape ?? null,
    };
  }
  return unseenGeneration ? { regimes, measuredValues: t.measuredValues, unseenGeneration } : { regimes, measuredValues: t.measuredValues };
}

export interface ConfidenceAnswer {
  readonly level: Confidence;
  readonly tpotMdape: number | null;
  readonly ttftMdape: number | null;
  /**
   * The regime's errors on models the fit never saw (null or absent: not computed, or a generation never measured;
   * answers stored before 2026-12-06 lack them).
   */
  readonly heldOutTpotMdape?: number | null;
  readonly heldOutTtftMdape?: number | null;
  /** Predicted measured rows behind the figures. */
  readonly rows: number;
  /** The regime whose measured errors set the level; its id is the anchor on /validate. */
  readonly regime: { readonly id: string; readonly label: string; readonly href: string };
  readonly reasons: readonly string[];
}

const ORDER: readonly Confidence[] = ["low", "medium", "high"];
const cap = (l: Confidence, max: Confidence): Confidence =>
  ORDER.indexOf(l) <= ORDER.indexOf(max) ? l : max;

/**
 * The confidence of an estimate in `regime`: the most specific group along FALLBACK_CHAIN with enough predicted
 * rows sets the level. A level from a group broader than GPU generation × engine is capped at medium (the exact
 * setting was not measured enough); a dimension value never measured (an Ampere GPU, say) caps it at low.
 */
export function lookupConfidence(table: BadgeTable, regime: Regime): ConfidenceAnswer {
  const unmeasured = MARGINAL_DIMS.filter((d) => !table.measuredValues[d].includes(regime[d]));
  let chosen: BadgeRegime | undefined;
  let step = 0;
  for (; step < FALLBACK_CHAIN.length; step++) {
    chosen = table.regimes[groupId(project(regime, FALLBACK_CHAIN[step]!))];
    if (chosen) break;
  }
  if (!chosen) {
    return {
      level: "low",
      tpotMdape: null,
      ttftMdape: null,
      heldOutTpotMdape: null,
      heldOutTtftMdape: null,
      rows: 0,
      regime: { id: "regime_all", label: "all rows", href: "/validate#regime_all" },
      reasons: ["too few measured rows to judge any regime"],
    };
  }
  let level = chosen.level;
  const reasons = [`${chosen.label}: ${chosen.reasons.join("; ")}`];
  if (step > 1) {
    level = cap(level, "medium");
    reasons.push(`fewer than ${CONFIDENCE_RULES.minRows} measured rows in the exact regime; judged on ${chosen.label}`);
  }
  if (unmeasured.length > 0) {
    level = "low";
    reasons.push(`never measured: ${unmeasured.map((d) => `${d} ${regime[d]}`).join(", ")}`);
  }
  const unseen = unmeasured.includes("generation") ? table.unseenGeneration?.[regime.arch] : undefined;
  if (unseen) {
    // the in-sample errors of other generations would flatter a generation nobody measured: report the errors
    // measured on a generation held out of the fit instead
    const label = `${groupLabel({ arch: regime.arch })} · a GPU generation the fit never saw`;
    reasons.push(
      `predicting one measured generation with the factors fitted on the other (leave-one-generation-out): TPOT MdAPE ${percent(unseen.tpotMdape)}, TTFT MdAPE ${percent(unseen.ttftMdape)} over ${unseen.rows} rows`,
    );
    return {
      level,
      tpotMdape: unseen.tpotMdape,
      ttftMdape: unseen.ttftMdape,
      heldOutTpotMdape: null,
      heldOutTtftMdape: null,
      rows: unseen.rows,
      regime: { id: UNSEEN_HARDWARE_ANCHOR, label, href: `/validate#${UNSEEN_HARDWARE_ANCHOR}` },
      reasons,
    };
  }
  return {
    level,
    tpotMdape: chosen.tpotMdape,
    ttftMdape: chosen.ttftMdape,
    heldOutTpotMdape: chosen.heldOutTpotMdape,
    heldOutTtftMdape: chosen.heldOutTtftMdape,
    rows: chosen.rows,
    regime: { id: chosen.id, label: chosen.label, href: `/validate#${chosen.id}` },
    reasons,
  };
}
