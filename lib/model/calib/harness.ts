import { getModel } from "../../catalog/models";
import type { EngineId, KvPrecision, WeightPrecision } from "../../catalog/types";
import { acceptanceLength } from "../spec-decode";

/** DeepSeek-R1's published MTP acceptance rates (catalog, with their sources). */
const DEEPSEEK_MTP_ACCEPTANCE = getModel("deepseek-r1")!.mtp!.acceptance!;

/** What a benchmark recipe is matched on: the measured run as recorded. */
export interface HarnessRun {
  readonly engine: EngineId;
  /** Hugging Face model path as measured (e.g. "meta-llama/Llama-3.1-70B"). */
  readonly modelPath: string;
  /** GPU id as the estimator names it (e.g. "b200"). */
  readonly gpu: string;
  readonly weights: WeightPrecision;
  readonly isl: number;
  readonly osl: number;
  readonly tp: number;
  readonly dp: number;
  /** Requests kept in flight (the benchmark's --max-concurrency). */
  readonly concurrency: number;
  /** Measurement date (YYYY-MM-DD) where the run recorded one. */
  readonly measured: string | null;
  /** Upstream provenance (source file, ids, date). */
  readonly source: string;
  /** The engine release (image tag) the run recorded; null where upstream left it empty. */
  readonly engineVersion: string | null;
}

/** Serving settings a recipe set that the estimator takes as inputs (estimateInputSchema). */
export interface HarnessSettings {
  readonly batchWaitIters?: number;
  readonly randomRangeRatio?: number;
  readonly kv?: KvPrecision;
  readonly memFraction?: number;
  readonly prefillChunkTokens?: number;
  readonly schedulerRecvInterval?: number;
  readonly numPrompts?: number;
  readonly mtpDraftTokens?: number;
  readonly mtpAcceptanceLength?: number;
}

/** The upstream files that hold the InferenceMAX runs (ISL/OSL 1k/1k, 1k/8k, 8k/1k; dates from 2025-10-29 on). */
const INFERENCEMAX_FILE = /source_file=2026-0(?:4-06|3-25)\.csv/;
const INFERENCEMAX_SHAPES: readonly (readonly [number, number])[] = [
  [1024, 1024],
  [1024, 8192],
  [8192, 1024],
];

/**
 * Which benchmark harness measured a row: "InferenceMAX" for the InferenceMAX (now InferenceX) exports
 * (benchmark_serving.py, random lengths, 10·C prompts, per-config launch scripts), "AIConfigurator" for the sweeps of
 * AIConfigurator's own collection (every other upstream file). Not an input of the estimator: validation reports its
 * errors by harness.
 */
export function benchmarkHarness(source: string): "InferenceMAX" | "AIConfigurator" {
  return INFERENCEMAX_FILE.test(source) ? "InferenceMAX" : "AIConfigurator";
}

function inferenceMax(r: HarnessRun): boolean {
  return INFERENCEMAX_FILE.test(r.source) && INFERENCEMAX_SHAPES.some(([i, o]) => r.isl === i && r.osl === o);
}

/** An InferenceMAX run of DeepSeek-R1 on the given engine and GPU. */
function inferenceMaxDeepSeek(r: HarnessRun, engine: EngineId, gpu: string): boolean {
  return inferenceMax(r) && r.engine === engine && r.modelPath === "deepseek-ai/DeepSeek-R1" && r.gpu === gpu;
}

/**
 * A non-default engine setting that the benchmark recipe behind some measured runs wrote into its launch script. The
 * estimator predicts engines at their defaults unless told otherwise; a run made with another setting is predicted
 * with that setting, as a user who set it would enter it. Never fitted: each rule quotes the script that sets it.
 */
export interface HarnessRule {
  readonly id: string;
  readonly applies: (run: HarnessRun) => boolean;
  readonly settings: HarnessSettings;
  /** Settings that depend on the run (e.g. a prompt count that scales with the concurrency). */
  readonly settingsOf?: (run: HarnessRun) => HarnessSettings;
  /** How settingsOf reads, for the page (e.g. "numPrompts = 10 × concurrency"). */
  readonly settingsOfText?: string;
  /**
   * Set when the recipe used a feature the estimator does not model: its runs are not predicted (they count as
   * rows the estimator cannot express, with this as the reason) and the fit never sees them.
   */
  readonly unmodelled?: string;
  readonly why: string;
  readonly source: string;
}

export const HARNESS_RULES: readonly HarnessRule[] = [
  {
    id: "inferencemax-random-lengths",
    applies: inferenceMax,
    settings: { randomRangeRatio: 0.8 },
    why:
      "InferenceMAX's client (benchmark_serving.py, random dataset) draws each request's input and output lengths " +
      "uniformly from [0.8 · ISL, ISL] and [0.8 · OSL, OSL] (RANDOM_RANGE_RATIO 0.8, --ignore-eos), so the mean " +
      "request is 0.9 · ISL in and 0.9 · OSL out and requests finish at different steps",
    source: "https://github.com/SemiAnalysisAI/InferenceX/blob/main/benchmarks/benchmark_lib.sh (run_benchmark_serving)",
  },
  {
    id: "inferencemax-ten-prompts-per-slot",
    applies: inferenceMax,
    settings: {},
    settingsOf: (r) => ({ numPrompts: 10 * r.concurrency }),
    settingsOfText: "numPrompts = 10 × concurrency",
    why:
      "InferenceMAX's client sends 10 · C prompts in all (--num-prompts $((CONC * 10)), --max-concurrency $CONC): the " +
      "first C start together, a tenth of the requests, and their first tokens count in the mean",
    source: "https://github.com/SemiAnalysisAI/InferenceX/blob/main/benchmarks/single_node/dsr1_fp4_b200.sh (run_benchmark_serving --num-prompts)",
  },
  {
    id: "inferencemax-llama70b-trtllm-1k1k-batch-wait",
    applies: (r) =>
      inferenceMax(r) &&
      r.engine === "trtllm" &&
      r.modelPath === "meta-llama/Llama-3.1-70B" &&
      r.measured === "2025-10-29" &&
      r.isl === 1024 &&
      r.osl === 1024 &&
      r.tp < 8 &&
      r.dp === 1,
    settings: { batchWaitIters: 20 },
    why:
      "the InferenceMAX (now InferenceX) Llama-3.1-70B TensorRT-LLM launch scripts set batch_wait_timeout_iters: 20 and " +
      "batch_wait_max_tokens_ratio: 0.9 for ISL 1024 / OSL 1024 below TP 8 (\"by default they are all zeros\"); " +
      "the runs of 2025-10-29 show it: at TP 1–4 their first token comes 18–19 decode iterations later than the " +
      "same setup's at OSL 8192, at TP 8 no later",
    source:
      "https://github.com/SemiAnalysisAI/InferenceX/blob/main/benchmarks/70b_fp8_h200_trt_slurm.sh (and " +
      "70b_fp8_b200_trt_slurm.sh, 70b_fp4_b200_trt_docker.sh)",
  },
  {
    id: "inferencemax-deepseek-sglang-b200-fp8-kv",
    applies: (r) => inferenceMaxDeepSeek(r, "sglang", "b200"),
    settings: { kv: "fp8" },
    why:
      "the InferenceMAX (now InferenceX) DeepSeek-R1 SGLang launch scripts for B200, FP8 and FP4 alike, pass " +
      "--kv-cache-dtype fp8_e4m3; SGLang's default (auto) would keep the cache in bf16",
    source:
      "https://github.com/SemiAnalysisAI/InferenceX/blob/main/benchmarks/single_node/dsr1_fp8_b200.sh (and dsr1_fp4_b200.sh)",
  },
  {
    id: "inferencemax-deepseek-sglang-b200-fp4-memory",
    applies: (r) => inferenceMaxDeepSeek(r, "sglang", "b200") && r.weights === "fp4",
    settings: { memFraction: 0.85 },
    why: "the DeepSeek-R1 FP4 SGLang script for B200 passes --mem-fraction-static 0.85 (--chunked-prefill-size 16384, SGLang's own B200 default)",
    source: "https://github.com/SemiAnalysisAI/InferenceX/blob/main/benchmarks/single_node/dsr1_fp4_b200.sh",
  },
  {
    id: "inferencemax-deepseek-sglang-b200-fp8-tp8-memory",
    applies: (r) => inferenceMaxDeepSeek(r, "sglang", "b200") && r.weights === "fp8" && r.tp === 8,
    settings: { memFraction: 0.82, prefillChunkTokens: 32768 },
    why: "the DeepSeek-R1 FP8 SGLang script for B200 at TP 8 passes --mem-fraction-static 0.82 and --chunked-prefill-size 32768",
    source: "https://github.com/SemiAnalysisAI/InferenceX/blob/main/benchmarks/single_node/dsr1_fp8_b200.sh",
  },
  {
    id: "inferencemax-deepseek-sglang-b200-fp8-tp4-memory",
    applies: (r) => inferenceMaxDeepSeek(r, "sglang", "b200") && r.weights === "fp8" && r.tp === 4,
    settings: { memFraction: 0.95, prefillChunkTokens: 8192 },
    why:
      "the DeepSeek-R1 FP8 SGLang script for B200 at TP 4 (ISL 8192 / OSL 1024 only) passes --mem-fraction-static 0.95 " +
      "and --chunked-prefill-size 8192: 168 GB of FP8 weights per GPU leave almost no KV cache at SGLang's default",
    source: "https://github.com/SemiAnalysisAI/InferenceX/blob/main/benchmarks/single_node/dsr1_fp8_b200.sh",
  },
  {
    id: "inferencemax-deepseek-sglang-b200-recv-interval-10",
    applies: (r) =>
      inferenceMaxDeepSeek(r, "sglang", "b200") && (r.concurrency < 16 || (r.weights === "fp8" && r.tp === 4)),
    settings: { schedulerRecvInterval: 10 },
    why:
      "the DeepSeek-R1 SGLang scripts for B200 pass --scheduler-recv-interval 10 below concurrency 16 (\"recv every " +
      "~10 requests\"), and the FP8 TP 4 script at every concurrency: while requests decode, SGLang takes in new ones " +
      "every 10 decode iterations",
    source:
      "https://github.com/SemiAnalysisAI/InferenceX/blob/main/benchmarks/single_node/dsr1_fp4_b200.sh (and dsr1_fp8_b200.sh); " +
      "sglang/srt/managers/scheduler_recv_skipper.py",
  },
  {
    id: "inferencemax-deepseek-sglang-b200-recv-interval-30",
    applies: (r) =>
      inferenceMaxDeepSeek(r, "sglang", "b200") && r.concurrency >= 16 && !(r.weights === "fp8" && r.tp === 4),
    settings: { schedulerRecvInterval: 30 },
    why:
      "the DeepSeek-R1 SGLang scripts for B200 pass --scheduler-recv-interval 30 from concurrency 16 (\"if CONC ≥ 16, " +
      "relax to ~30 requests between scheduler recv polls\"), except the FP8 TP 4 script (10)",
    source:
      "https://github.com/SemiAnalysisAI/InferenceX/blob/main/benchmarks/single_node/dsr1_fp4_b200.sh (and dsr1_fp8_b200.sh); " +
      "sglang/srt/managers/scheduler_recv_skipper.py",
  },
  {
    id: "inferencemax-deepseek-sglang-h200-memory",
    applies: (r) => inferenceMaxDeepSeek(r, "sglang", "h200-sxm"),
    settings: { memFraction: 0.82, prefillChunkTokens: 32768 },
    why: "the DeepSeek-R1 FP8 SGLang script for H200 passes --mem-fraction-static 0.82 and --chunked-prefill-size 32768 (KV cache left at its default)",
    source: "https://github.com/SemiAnalysisAI/InferenceX/blob/main/benchmarks/dsr1_fp8_h200.sh",
  },
  {
    id: "inferencemax-deepseek-gb200-disaggregated",
    applies: (r) => inferenceMax(r) && r.gpu === "gb200" && r.modelPath === "deepseek-ai/DeepSeek-R1",
    settings: {},
    unmodelled:
      "disaggregated prefill/decode run (Dynamo: separate prefill and decode workers over GB200 nodes): the estimator models one engine serving both",
    why:
      "every InferenceMAX DeepSeek-R1 configuration on GB200 (dsr1-fp4-gb200-dynamo-trt, dsr1-fp4/fp8-gb200-dynamo-sglang) is " +
      "a multi-node Dynamo deployment with disagg: true — prefill workers (DEP4/DEP8 or TP 4) and decode workers (TEP 8, " +
      "DEP 8–48) on separate GPUs, launched by submit_disagg.sh; the rows record the GPUs of both together (12–72) as " +
      "the parallelism. The estimator does not model disaggregated serving, so these runs are not predicted",
    source:
      "https://github.com/InferenceMAX/InferenceMAX/blob/main/.github/configs/nvidia-master.yaml (disagg: true); " +
      "benchmarks/dsr1_fp8_gb200_dynamo-sglang_slurm.sh, benchmarks/dsr1_fp4_gb200_dynamo-trt_slurm.sh",
  },
  {
    id: "inferencemax-deepseek-trtllm-b200-fp8-1k1k-batch-wait",
    applies: (r) =>
      inferenceMaxDeepSeek(r, "trtllm", "b200") &&
      r.weights === "fp8" &&
      r.engineVersion !== "1.2.0rc6.post3" && // the MTP script (dsr1_fp8_b200_trt_mtp.sh) sets no batch waiting
      r.isl === 1024 &&
      r.osl === 1024 &&
      r.concurrency >= 64 &&
      r.concurrency < 256,
    settings: { batchWaitIters: 40 },
    why:
      "the InferenceX DeepSeek-R1 FP8 TensorRT-LLM script for B200 (without MTP) turns on DELAY_BATCHING for ISL 1024 / " +
      "OSL 1024 from concurrency 64 to 255: batch_wait_timeout_iters: 40 and batch_wait_max_tokens_ratio: 0.8; the " +
      "runs show it: at C 128 the first token comes 433 ms (16 decode iterations) later than the same setup's at OSL " +
      "8192, at C 4 and 8 no later",
    source: "https://github.com/SemiAnalysisAI/InferenceX/blob/main/benchmarks/dsr1_fp8_b200_trt.sh (DELAY_BATCHING)",
  },
  {
    id: "inferencemax-deepseek-trtllm-b200-mtp",
    applies: (r) => inferenceMaxDeepSeek(r, "trtllm", "b200") && r.engineVersion === "1.2.0rc6.post3",
    settings: {},
    // MTP=3, or MTP=1 with attention DP; the acceptance length from DeepSeek's published acceptance rates (catalog)
    settingsOf: (r) => {
      const k = r.dp > 1 ? 1 : 3;
      return { mtpDraftTokens: k, mtpAcceptanceLength: acceptanceLength(DEEPSEEK_MTP_ACCEPTANCE, k) };
    },
    settingsOfText:
      "mtpDraftTokens = 3 (1 with attention DP); mtpAcceptanceLength from DeepSeek's published acceptance rates (2.75; 1.875 at 1 draft)",
    why:
      "InferenceX ran its DeepSeek-R1 TensorRT-LLM MTP configs (dsr1-fp4/fp8-b200-trt-mtp: speculative_config " +
      "decoding_type MTP, num_nextn_predict_layers 3, or 1 with attention DP) on a different image tag from the standard " +
      "ones, 1.2.0rc6.post3 against 1.2.0rc6.post2, until both moved to one tag; the runs show it: each of the 18 setups " +
      "measured on both tags decodes 0.44–0.83× as long per token on post3. The acceptance length is not measured in " +
      "the rows; it comes from DeepSeek's published acceptance rates (catalog), never from these runs",
    source:
      "https://github.com/SemiAnalysisAI/InferenceX/issues/135 (\"Unified TRT LLM image tag across STP and MTP configs " +
      "(previously used different .postN variants)\"); benchmarks/single_node/dsr1_fp8_b200_trt_mtp.sh",
  },
];

/** Why a run is not predicted: the feature its recipe used that the estimator does not model; null when none. */
export function harnessUnmodelled(run: HarnessRun): string | null {
  for (const rule of HARNESS_RULES) if (rule.unmodelled && rule.applies(run)) return rule.unmodelled;
  return null;
}

/** The settings every matching rule gives the run (later rules override earlier ones); {} when none applies. */
export function harnessSettings(run: HarnessRun): HarnessSettings {
  let out: HarnessSettings = {};
  for (const rule of HARNESS_RULES)
    if (rule.applies(run)) out = { ...out, ...rule.settings, ...(rule.settingsOf ? rule.settingsOf(run) : {}) };
  return out;
}

/** The measurement date a calibration row's provenance records (`measured=YYYY-MM-DD…`), or null. */
export function measuredDate(source: string): string | null {
  const m = /(?:^|[;\s])measured=(\d{4}-\d{2}-\d{2})/.exec(source);
  return m ? m[1]! : null;
}
