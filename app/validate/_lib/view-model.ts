import "server-only";
import { CALIBRATION } from "../../../lib/model";
import { HELD_OUT, HELD_OUT_HARDWARE, HELD_OUT_TIME } from "../../../lib/model/calibration.generated";
import { measuredInProcess } from "../../../lib/model/calib/public";
import { HARNESS_RULES, type HarnessSettings } from "../../../lib/model/calib/harness";
import {
  BAND,
  CONFIDENCE_RULES,
  harnessRunOf,
  knownFailureModes,
  livePublic,
  liveValidation,
  summarize,
  summarizePublic,
  summarizePublicByGpu,
  throughputOvershoot,
  repeatability,
  unpredictedReasons,
  type Repeatability,
  type ConfidenceTable,
  type ErrorSummary,
  type FailureMode,
  type PublicComparison,
  type PublicGpuSummary,
  type RegimeStats,
  type ScoredRow,
} from "../../../lib/validation";
import { MEASURED_ROWS, PROVENANCE } from "../../../lib/validation/measurements.generated";
import { releaseReport, type ReleaseRecord, type ReleaseReport } from "../../../lib/validation/releases";
import { overshootEvidence, type OvershootEvidence } from "../../../lib/validation/moe-overshoots";
import { repeatableRows } from "../../../lib/validation/score";
import { PUBLIC_ROWS } from "../../../lib/validation/public-measurements.generated";
import type { EngineId } from "../../../lib/catalog/types";

/** One measured row as the client explorer needs it (short keys: one per distinct run travels to the browser). */
export interface ExplorerRow {
  readonly k: number;
  readonly model: string;
  readonly hf: string;
  readonly gpu: string;
  readonly engine: EngineId;
  readonly weights: string;
  readonly isl: number;
  readonly osl: number;
  readonly c: number;
  /** Parallelism predicted; "*" marks a row remapped by the calibration's cleaning rule. */
  readonly par: string;
  /** As upstream recorded it, when remapped. */
  readonly parUpstream: string | null;
  readonly mTpot: number;
  readonly mTtft: number;
  readonly pTpot: number | null;
  readonly pTtft: number | null;
  readonly eTpot: number | null;
  readonly eTtft: number | null;
  /** Source after the common prefix (given once as `sourcePrefix`). */
  readonly src: string;
  readonly problem: string | null;
}

export interface PublicViewRow {
  readonly k: number;
  readonly model: string;
  readonly gpu: string;
  readonly weights: string;
  readonly isl: number;
  readonly osl: number;
  readonly par: string;
  readonly c: number | null;
  readonly cUsed: number | null;
  readonly metric: string;
  readonly unit: string;
  readonly measured: number;
  readonly predicted: number | null;
  readonly err: number | null;
  readonly suspect: boolean;
  /** Indexes into `publicStrings` (these texts repeat across hundreds of rows). */
  readonly engineLabel: number;
  readonly source: number;
  readonly sourceDetail: number;
  readonly notes: number;
  readonly problem: string | null;
}

/** Repeated long texts sent once; rows refer to them by index. */
class Strings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  ref(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

function parallelism(r: { tp: number; pp: number; dp: number; moeTp: number | null; moeEp: number | null }): string {
  const parts = [`TP${r.tp}`];
  if (r.pp > 1) parts.push(`PP${r.pp}`);
  if (r.dp > 1) parts.push(`DP${r.dp}`);
  if (r.moeEp !== null && r.moeEp > 1) parts.push(`EP${r.moeEp}`);
  if (r.moeTp !== null && r.moeTp > 1 && r.moeTp !== r.tp) parts.push(`moeTP${r.moeTp}`);
  return parts.join(" ");
}

const SOURCE_PREFIX = `${PROVENANCE.aic.repo}@${PROVENANCE.aic.commit.slice(0, 7)} ${PROVENANCE.aic.path} `;

function explorerRow(s: ScoredRow, k: number): ExplorerRow {
  const r = s.row;
  return {
    k,
    model: r.model ?? r.hfModel,
    hf: r.hfModel,
    gpu: r.gpu,
    engine: r.engine,
    weights: r.weights,
    isl: r.isl,
    osl: r.osl,
    c: r.concurrency,
    par: s.remapped ? `${parallelism({ ...s.remapped, pp: r.pp })}*` : parallelism(r),
    parUpstream: s.remapped ? parallelism(r) : null,
    mTpot: r.tpotMs,
    mTtft: r.ttftMs,
    pTpot: s.predictedTpotMs,
    pTtft: s.predictedTtftMs,
    eTpot: s.tpotErr,
    eTtft: s.ttftErr,
    src: r.source.startsWith(SOURCE_PREFIX) ? r.source.slice(SOURCE_PREFIX.length) : r.source,
    problem: s.problem,
  };
}

function publicViewRow(c: PublicComparison, k: number, strings: Strings): PublicViewRow {
  const r = c.row;
  return {
    k,
    model: r.modelName,
    gpu: r.gpuName,
    weights: r.weights,
    isl: r.isl,
    osl: r.osl,
    par: parallelism(r),
    c: r.concurrency,
    cUsed: c.concurrencyUsed,
    metric: r.metric,
    unit: r.unit,
    measured: r.value,
    predicted: c.predicted,
    err: c.err,
    suspect: r.suspect,
    engineLabel: strings.ref(r.engineLabel),
    source: strings.ref(r.source),
    sourceDetail: strings.ref(r.sourceDetail),
    notes: strings.ref([r.modelNote, r.notes].filter((x) => x).join(" — ")),
    problem: c.problem,
  };
}

/** A regime and its finer context sub-regimes, for the confidence table. */
export interface RegimeBlock {
  readonly regime: RegimeStats;
  readonly byContext: readonly RegimeStats[];
}

export interface ValidationView {
  readonly provenance: typeof PROVENANCE;
  readonly sourcePrefix: string;
  readonly overall: ErrorSummary;
  readonly byEngine: readonly { engine: EngineId; summary: ErrorSummary }[];
  readonly rows: readonly ExplorerRow[];
  readonly table: ConfidenceTable;
  readonly marginals: readonly RegimeStats[];
  readonly blocks: readonly RegimeBlock[];
  readonly broader: readonly RegimeStats[];
  readonly failureModes: readonly FailureMode[];
  readonly moeSmallBatch: ReturnType<typeof throughputOvershoot>;
  /** Runs of one setup predicting each other: the error floor of any estimator on these measurements. */
  readonly repeatability: Repeatability;
  /** Measured / predicted per engine release, and the spread between releases of one setup. */
  readonly releases: ReleaseReport;
  readonly unpredicted: readonly { reason: string; count: number }[];
  readonly publicRows: readonly PublicViewRow[];
  readonly publicStrings: readonly string[];
  readonly publicSummary: ReturnType<typeof summarizePublic>;
  /** Published figures per GPU, marking the GPUs no calibration run measured (the fit never saw them). */
  readonly publicByGpu: readonly PublicGpuSummary[];
  /** Published first-token latencies measured in-process (gptSessionBenchmark), compared with the prefill time. */
  readonly publicInProcessTtft: number;
  readonly calibration: typeof CALIBRATION;
  /** Leave-one-model-out figures written by `npm run calibrate`; null when never computed. */
  readonly heldOut: typeof HELD_OUT;
  /** The held-out MoE runs over the throughput target, with their measurements and the same setup's other runs. */
  readonly moeOvershoots: readonly OvershootEvidence[];
  /** Leave-one-GPU-out and leave-one-generation-out figures written by `npm run calibrate`; null when never computed. */
  readonly heldOutHardware: typeof HELD_OUT_HARDWARE;
  readonly heldOutTime: typeof HELD_OUT_TIME;
  readonly band: number;
  readonly rules: typeof CONFIDENCE_RULES;
  /** The benchmark recipes the rows are predicted with (lib/model/calib/harness.ts) and how many shown runs each covers. */
  readonly recipes: readonly Recipe[];
}

/** A predicted row as the release report reads it (errors are predicted / measured − 1). */
function releaseRecord(s: ScoredRow): ReleaseRecord[] {
  if (s.ttftErr === null || s.tpotErr === null) return [];
  const r = s.row;
  return [
    {
      model: r.model ?? r.hfModel,
      gpu: r.gpu,
      engine: r.engine,
      weights: r.weights,
      engineVersion: r.engineVersion,
      ttftMeasuredOverPredicted: 1 / (1 + s.ttftErr),
      tpotMeasuredOverPredicted: 1 / (1 + s.tpotErr),
    },
  ];
}

export interface Recipe {
  readonly id: string;
  readonly settings: HarnessSettings;
  /** Settings that depend on the run, as text (e.g. "numPrompts = 10 × concurrency"). */
  readonly settingsOfText?: string;
  /** Set when the recipe used a feature the estimator does not model (its runs are not predicted). */
  readonly unmodelled?: string;
  readonly why: string;
  readonly source: string;
  readonly runs: number;
}

/** Each benchmark-recipe rule with the number of scored runs it applies to, at the parallelism they are predicted at. */
export function recipesOf(scored: readonly ScoredRow[]): Recipe[] {
  return HARNESS_RULES.map((rule) => ({
    id: rule.id,
    settings: rule.settings,
    ...(rule.settingsOfText ? { settingsOfText: rule.settingsOfText } : {}),
    ...(rule.unmodelled ? { unmodelled: rule.unmodelled } : {}),
    why: rule.why,
    source: rule.source,
    runs: scored.filter((s) => rule.applies(harnessRunOf(s.row, s.remapped ?? s.row))).length,
  }));
}

let view: ValidationView | null = null;

/** Everything /validate shows, computed from the shipped rows by the current core (once per server process). */
export function validationView(): ValidationView {
  if (view) return view;
  const { scored, table } = liveValidation();
  const all = Object.values(table.byId);
  const ofDims = (n: number) => all.filter((r) => r.dims.length === n);
  const blocks = ofDims(4).map((regime) => ({
    regime,
    byContext: ofDims(5).filter((c) => c.id.startsWith(`${regime.id}_`)),
  }));
  const engines: EngineId[] = ["vllm", "sglang", "trtllm"];
  const comparisons = livePublic();
  const strings = new Strings();
  const publicRows = comparisons.map((c, k) => publicViewRow(c, k, strings));
  view = {
    provenance: PROVENANCE,
    sourcePrefix: SOURCE_PREFIX,
    overall: summarize(scored),
    byEngine: engines.map((engine) => ({ engine, summary: summarize(scored.filter((s) => s.row.engine === engine)) })),
    rows: scored.map(explorerRow),
    table,
    marginals: table.marginals.map((id) => table.byId[id]!),
    blocks,
    broader: [...ofDims(3), ...ofDims(2), table.byId["regime_all"]].filter((r): r is RegimeStats => !!r),
    failureModes: knownFailureModes(table),
    moeSmallBatch: throughputOvershoot(scored, { arch: "moe", batch: "b1-8" }),
    repeatability: repeatability(repeatableRows(MEASURED_ROWS)),
    releases: releaseReport(scored.flatMap(releaseRecord)),
    unpredicted: unpredictedReasons(scored),
    publicRows,
    publicStrings: strings.list,
    publicSummary: summarizePublic(comparisons),
    publicByGpu: summarizePublicByGpu(comparisons, new Set(MEASURED_ROWS.map((r) => r.gpu))),
    publicInProcessTtft: PUBLIC_ROWS.filter((r) => r.metric === "ttft_ms" && measuredInProcess(r.engineLabel)).length,
    calibration: CALIBRATION,
    heldOut: HELD_OUT,
    moeOvershoots: overshootEvidence(HELD_OUT?.moeSmallBatch.over ?? [], scored),
    heldOutHardware: HELD_OUT_HARDWARE,
    heldOutTime: HELD_OUT_TIME,
    band: BAND,
    rules: CONFIDENCE_RULES,
    recipes: recipesOf(scored),
  };
  return view;
}
