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
import { CONFIDENCE_RULES, judgeRegime, type LevelJudgement } from "./judge";
import type { PublishedRegime, PublishedRegimes } from "./published-regimes";
import type { ScoredRow } from "./score";
import { summarize, type ErrorSummary } from "./stats";

export {
  CONFIDENCE_RULES,
  judgeRegime,
  judgementSummary,
  levelOf,
  publishedLevel,
  type JudgementSummary,
  type LevelJudgement,
} from "./judge";

export interface RegimeStats {
  readonly id: string;
  readonly label: string;
  readonly group: RegimeGroup;
  readonly dims: readonly RegimeDim[];
  readonly summary: ErrorSummary;
  /** Errors of the same regime on models the fit never saw (leave-one-model-out); null when not computed. */
  readonly heldOut: HeldOutRegime | null;
  /** Published throughput figures that fall in the regime (published-regimes.ts); null when none. */
  readonly published: PublishedRegime | null;
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

function stats(
  group: RegimeGroup,
  rows: readonly ScoredRow[],
  heldOut: HeldOutRegimes | undefined,
  published: PublishedRegimes | undefined,
): RegimeStats {
  const summary = summarize(rows);
  const id = groupId(group);
  const ho = heldOut?.[id] ?? null;
  const pub = published?.[id] ?? null;
  return {
    id,
    label: groupLabel(group),
    group,
    dims: groupDims(group),
    summary,
    heldOut: ho,
    published: pub,
    judgement: judgeRegime(summary, ho, pub),
  };
}

/** Every group a row of this regime counts in: each step of the fallback chain, and each single dimension. */
export function groupsOf(regime: Regime): RegimeGroup[] {
  return [
    ...FALLBACK_CHAIN.map((dims) => project(regime, dims)),
    ...MARGINAL_DIMS.filter((d) => d !== "arch").map((d) => project(regime, [d])),
  ];
}

/** Values keyed by regime, gathered under every group each regime counts in (groupsOf), by group id in sorted order. */
export function valuesByGroup<T>(items: Iterable<readonly [Regime, T]>): [string, T[]][] {
  const by = new Map<string, T[]>();
  for (const [regime, value] of items) {
    for (const g of groupsOf(regime)) {
      const id = groupId(g);
      const list = by.get(id);
      if (list) list.push(value);
      else by.set(id, [value]);
    }
  }
  return [...by.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Group scored rows along the fallback chain and by single dimensions; judge each group (on its held-out errors too,
 * where `heldOut` has the group, and on the published figures in it, where `published` has the group).
 */
export function buildConfidenceTable(
  scored: readonly ScoredRow[],
  heldOut?: HeldOutRegimes,
  published?: PublishedRegimes,
): ConfidenceTable {
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
    byId[id] = stats(b.group, b.rows, heldOut, published);
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
  /** Throughput MdAPE on the published figures in the regime, and how many; null / 0 when none. */
  readonly publishedThroughputMdape: number | null;
  readonly publishedRows: number;
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
  /**
   * The errors measured on the runs that drafted with an MTP module (speculative decoding) and the level they earn
   * (judge.ts rules): a badge for an estimate with drafts is held to them as well. Absent when not computed.
   */
  readonly speculative?: SpeculativeFigures;
  /**
   * The published throughput figures of pipeline-parallel setups (pp > 1; no calibration run used it) and the level
   * they earn (judge.ts, published-figure rules): a badge for an estimate with pp > 1 is held to them as well. Absent
   * when no such figure was published.
   */
  readonly pipeline?: PipelineFigures;
  /**
   * The third-party runs of a hybrid (linear-attention) model (field-open-loop.ts; no calibration row is one) and the
   * level they earn (judge.ts rules, the time per output token standing for TPOT): a badge for an estimate of a model
   * with linear-attention layers is held to them as well. Absent when none was measured.
   */
  readonly hybrid?: HybridFigures;
}

/** Errors of the measured runs of a hybrid (linear-attention) model, and the level they earn. */
export interface HybridFigures {
  readonly rows: number;
  readonly tokenMdape: number | null;
  readonly ttftMdape: number | null;
  readonly level: Confidence;
  readonly reasons: readonly string[];
}

/** Errors of the published pipeline-parallel figures, and the level they earn. */
export interface PipelineFigures {
  readonly rows: number;
  readonly throughputMdape: number;
  readonly level: Confidence;
  readonly reasons: readonly string[];
}

/** Errors of the measured speculative-decoding runs, and the level they earn. */
export interface SpeculativeFigures {
  readonly rows: number;
  readonly tpotMdape: number | null;
  readonly ttftMdape: number | null;
  readonly level: Confidence;
  readonly reasons: readonly string[];
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
      publishedThroughputMdape: r.published?.throughputMdape ?? null,
      publishedRows: r.published?.rows ?? 0,
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
  /**
   * Throughput MdAPE of the estimator on the published figures in the regime (other harnesses and releases), and how
   * many (null / absent: none, or an answer stored before 2026-12-06).
   */
  readonly publishedThroughputMdape?: number | null;
  readonly publishedRows?: number;
  /** Predicted measured rows behind the figures. */
  readonly rows: number;
  /** The regime whose measured errors set the level; its id is the anchor on /validate. */
  readonly regime: { readonly id: string; readonly label: string; readonly href: string };
  readonly reasons: readonly string[];
  /**
   * What no regime measures and so caps the level — MTP drafts, pipeline stages, linear-attention or Mamba-2 layers —
   * each with its evidence or the lack of it (lookup.ts). Absent when nothing caps it (and on answers stored before
   * 2026-12-08).
   */
  readonly heldBy?: readonly string[];
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
    publishedThroughputMdape: chosen.publishedThroughputMdape,
    publishedRows: chosen.publishedRows,
    rows: chosen.rows,
    regime: { id: chosen.id, label: chosen.label, href: `/validate#${chosen.id}` },
    reasons,
  };
}
