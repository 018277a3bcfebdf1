import type { GpuSpec, KvPrecision, ModelArch } from "../catalog/types";
import type { EstimateInput } from "../plan/estimate-input";
import { servingCost, type Cost } from "./cost";
import type { EstimateResult } from "./estimate-types";
import { profileFor, withStatedSettings, type EngineProfile } from "./engines";
import { explainEstimate } from "./explain";
import { secs } from "./explain-format";
import { estimateAtRate } from "./estimate-at-rate";
import { layoutProblems, resolveLayout, type Layout } from "./layout";
import { memoryPerGpu, type MemoryPerGpu } from "./memory";
import { isWeightOnly } from "./precision";
import { bindingOf, serve, type ServeOptions, type Serving } from "./serving";
import { buildSetup, type Setup } from "./setup";
import { specDecodeOf } from "./spec-decode";

export interface EstimateArgs {
  readonly model: ModelArch;
  readonly gpu: GpuSpec;
  readonly input: EstimateInput;
  readonly explain?: boolean;
  /** Override the engine profile (calibration, tests). Defaults to the committed profile of input.engine × GPU. */
  readonly profile?: EngineProfile;
}

/** The pieces an estimate is made of, for explain and for callers that want the internals. */
export interface EstimateCore {
  readonly setup: Setup;
  readonly layout: Layout;
  readonly memory: MemoryPerGpu;
  readonly serving: Serving;
  readonly cost: Cost;
  readonly price: number;
  /** Why the speculative decoding asked for cannot run (the estimate is then made without it); null when none. */
  readonly specProblem: string | null;
}

const GB = 1e9;

/**
 * The KV cache's precision when the request names none. TensorRT-LLM's KV dtype "auto" follows the checkpoint's own
 * quantisation metadata (kv_cache_quant_algo): the FP8 and NVFP4 checkpoints it is run with (NVIDIA Model Optimizer)
 * carry an FP8 KV cache, so fp8/fp4 weights get an FP8 cache there. An MXFP4 checkpoint (gpt-oss: quant_method
 * "mxfp4", no KV scheme) carries none, so its cache stays in the model dtype, bf16, on every engine; vLLM and SGLang
 * ("auto" = model dtype) keep bf16 unless asked.
 */
export function kvPrecisionFor(input: EstimateInput, profile: EngineProfile, gpu: GpuSpec, model: ModelArch): KvPrecision {
  if (input.kv) return input.kv;
  return engineCacheIsFp8(input, profile, gpu) && !mxfp4Checkpoint(input, model) ? "fp8" : "bf16";
}

/** Whether the engine gives fp8/fp4 weights an FP8 KV cache by default (TRT-LLM's ModelOpt checkpoints, FP8 GPUs). */
function engineCacheIsFp8(input: EstimateInput, profile: EngineProfile, gpu: GpuSpec): boolean {
  return profile.kvFp8ByDefault && (input.weights === "fp8" || input.weights === "fp4") && gpu.peakFlops.fp8 !== null;
}

function fmtTokens(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

function fmtShare(x: number | undefined): string {
  return x === undefined ? "?" : `${(x * 100).toFixed(1).replace(/\.0$/, "")} %`;
}

function mxfp4Checkpoint(input: EstimateInput, model: ModelArch): boolean {
  return input.weights === "fp4" && model.fp4Format === "mxfp4";
}

/** The mean request the serving model runs, and how the requests and the scheduler settings shape the loop. */
export interface Workload {
  /** Mean input and output tokens per request: (1 + r)/2 of ISL and OSL when lengths vary (randomRangeRatio r). */
  readonly isl: number;
  readonly osl: number;
  readonly serve: ServeOptions;
}

/** The mean request's share of the nominal ISL and OSL: (1 + r)/2 when lengths are drawn from [r·L, L]; 1 when fixed. */
export function meanLengthShare(input: Pick<EstimateInput, "randomRangeRatio">): number {
  return (1 + (input.randomRangeRatio ?? 1)) / 2;
}

export function workloadOf(input: EstimateInput): Workload {
  const r = input.randomRangeRatio ?? 1;
  const m = meanLengthShare(input);
  return {
    isl: input.isl * m,
    osl: input.osl * m,
    serve: {
      batchWaitIters: input.batchWaitIters ?? 0,
      lengthSpread: 1 - r,
      staggered: input.arrivals === "staggered" || (input.arrivals === undefined && r < 1),
      recvInterval: input.schedulerRecvInterval ?? 1,
      ...(input.numPrompts === undefined ? {} : { numPrompts: input.numPrompts }),
    },
  };
}

/**
 * Estimate one configuration. Pure; never throws for a valid-but-impossible request (fits = false, problems say why).
 * explain = false is the lean numeric path the planner calls in its search loop.
 */
export function estimateConfig(args: EstimateArgs): EstimateResult {
  return args.input.requestRate !== undefined ? estimateAtRate(args, estimateAtConcurrency, workloadOf(args.input).osl) : estimateAtConcurrency(args);
}

/** estimateConfig at the request's concurrency (the closed loop), whatever its requestRate says. */
function estimateAtConcurrency(args: EstimateArgs): EstimateResult {
  const { model, gpu, input } = args;
  const profile = profileOf(args);
  const work = workloadOf(input);
  const core = coreOf(args, profile, work);
  const { setup, layout, memory, serving: srv, cost } = core;

  let problems: string[] = layoutProblems(model, layout);
  if (core.specProblem) problems.push(core.specProblem);
  if (input.isl + input.osl > model.maxContext) {
    problems.push(
      `ISL + OSL = ${input.isl + input.osl} tokens exceeds the model's context window of ${model.maxContext} tokens.`,
    );
  }
  if (!memory.fits) {
    const need = memory.weights + memory.activations + memory.runtimeReserve + memory.kvPerRequest;
    problems.push(
      `Does not fit: each GPU needs ${(memory.weights / GB).toFixed(1)} GB of weights + ${(memory.activations / GB).toFixed(1)} GB of activations + ${(memory.runtimeReserve / GB).toFixed(1)} GB runtime reserve + ${(memory.kvPerRequest / GB).toFixed(2)} GB of KV for one request = ${(need / GB).toFixed(1)} GB, but has ${(memory.capacity / GB).toFixed(0)} GB. Use more GPUs (TP/PP/EP) or a smaller precision.`,
    );
  }
  const fits = problems.length === 0;
  if (fits) problems = EMPTY as string[];

  let notes: string[] | undefined;
  const mxfp4 = setup.lp.expertFormat === "mxfp4" && gpu.peakFlops.fp4 !== null;
  // TensorRT-LLM would give an FP8 cache to NVIDIA's FP8/NVFP4 checkpoints; say why this one stays bf16
  const kvNote = !input.kv && engineCacheIsFp8(input, profile, gpu) && mxfp4Checkpoint(input, model);
  if (isWeightOnly(input.weights, gpu) || mxfp4 || kvNote || layout.crossesDomain || input.priceUsdPerGpuHour === undefined) {
    notes = [];
    if (mxfp4) {
      notes.push(
        setup.expertPath === "fp8"
          ? `${model.name} ships its experts in MXFP4: this engine runs them W4A8 (4.25-bit weights, MXFP8 activations), so expert matmuls run at ${gpu.name}'s FP8 peak, not its FP4 peak.`
          : `${model.name} ships its experts in MXFP4: this engine runs them W4A16 (4.25-bit weights, 16-bit activations), so expert matmuls run at the bf16 peak, not ${gpu.name}'s FP4 peak.`,
      );
    }
    if (kvNote) {
      notes.push(
        `KV cache in bf16: the MXFP4 checkpoint carries no KV-cache quantisation, and the engine's default follows the checkpoint; set kv to fp8 to estimate an FP8 cache.`,
      );
    }
    if (isWeightOnly(input.weights, gpu)) {
      notes.push(
        input.weights === "int4"
          ? `int4 weights run weight-only (AWQ/GPTQ-style kernels): stored at 4 bits and dequantised on the fly, math runs at bf16.`
          : `${gpu.name} has no ${input.weights} tensor-core path: weights are stored at ${input.weights} and dequantised on the fly (weight-only), math runs at bf16.`,
      );
    }
    if (layout.crossesDomain) {
      notes.push(
        `tp × dp = ${layout.stageGpus} GPUs exceeds one NVLink domain of ${gpu.nvlinkDomain}: collectives run over the inter-node network (slower).`,
      );
    }
    if (input.priceUsdPerGpuHour === undefined) notes.push("No GPU price given: costs are 0.");
  }
  if (srv.prefillBound && fits) {
    notes = [
      ...(notes ?? []),
      `Prefill-bound: replacing finished requests needs ${fmtTokens(Math.round((input.concurrency * work.isl) / Math.max(1, work.osl - 1)))} prompt tokens an iteration, more than the engine's prefill budget of ${fmtTokens(setup.f.prefillChunkTokens)} (prefillChunkTokens); only ${srv.decodeBatch.toFixed(1)} requests decode at a time and the others wait for the budget before their first token. A larger budget or fewer requests in flight lifts it.`,
    ];
  }
  if ((input.randomRangeRatio ?? 1) < 1) {
    notes = [
      ...(notes ?? []),
      `Request lengths vary (random range ratio ${input.randomRangeRatio}): figures are for the mean request, ${fmtTokens(work.isl)} tokens in and ${fmtTokens(work.osl)} out.`,
    ];
  }
  if (input.numPrompts !== undefined && srv.schedule !== "staggered") {
    notes = [
      ...(notes ?? []),
      srv.schedule === "mixed"
        ? `numPrompts shapes the first-token estimate of a prefill-first scheduler (SGLang) only; on ${input.engine} the burst of a benchmark's opening requests is the fitted burst factor.`
        : `numPrompts does not move the estimate: requests of equal length keep moving in identical waves from the first one on.`,
    ];
  }
  if ((input.schedulerRecvInterval ?? 1) > 1 && srv.schedule === "waves") {
    notes = [
      ...(notes ?? []),
      `The recv interval does not move the estimate: requests of equal length finish together, and an idle scheduler takes the next wave in at once. Set randomRangeRatio to estimate staggered arrivals.`,
    ];
  }

  if (input.requestOverheadMs !== undefined) {
    const calibrated = profileOf({ ...args, input: { ...input, requestOverheadMs: undefined } }).factors.ttftOverheadS * 1e3;
    notes = [
      ...(notes ?? []),
      `First token with your serving stack's ${secs(input.requestOverheadMs / 1e3)} outside the GPU in place of ${input.engine}'s calibrated ${secs(calibrated / 1e3)}; the confidence figures were measured with the calibrated one.`,
    ];
  }

  if (setup.spec) {
    const { draftTokens: k, acceptanceLength: tau } = setup.spec;
    notes = [
      ...(notes ?? []),
      `Speculative decoding with the MTP module: ${k} draft token${k === 1 ? "" : "s"} per iteration, ${tau.toFixed(2)} tokens kept per verify pass` +
        (input.mtpAcceptanceLength === undefined
          ? ` (from ${model.name}'s published acceptance rates, ${fmtShare(model.mtp?.acceptance?.first)} for the first draft and ${fmtShare(model.mtp?.acceptance?.later)} for each later one; your traffic may accept more or fewer: set the MTP acceptance length your engine logs).`
          : ", as given."),
    ];
  }

  const gpus = layout.gpus;
  const out = srv.outputTokensPerSecond;
  const result: EstimateResult = {
    ttftMs: srv.ttft * 1e3,
    tpotMs: srv.tpot * 1e3,
    prefillMs: srv.prefill.t * 1e3,
    outputTokensPerSecond: out,
    outputTokensPerSecondPerGpu: out / gpus,
    tokensPerSecondPerUser: 1 / srv.tpot,
    maxConcurrency: memory.maxConcurrency,
    fits,
    problems,
    memory: {
      capacity: memory.capacity as EstimateResult["memory"]["capacity"],
      weights: memory.weights as EstimateResult["memory"]["weights"],
      kvCache: memory.kvCache as EstimateResult["memory"]["kvCache"],
      activations: memory.activations as EstimateResult["memory"]["activations"],
      runtimeReserve: memory.runtimeReserve as EstimateResult["memory"]["runtimeReserve"],
      free: memory.free as EstimateResult["memory"]["free"],
    },
    costUsdPerMillionInputTokens: cost.perMillionInput,
    costUsdPerMillionOutputTokens: cost.perMillionOutput,
    costUsdPerHour: cost.perHour,
    costUsdPerMonth: cost.perMonth,
    gpusPerReplica: gpus,
    binding: bindingOf(srv, input.concurrency > memory.maxConcurrency),
    ...(notes ? { notes } : {}),
  };
  if (!args.explain) return result;
  return { ...result, derivations: explainEstimate(core, { ...input, isl: work.isl, osl: work.osl }) };
}

const EMPTY: readonly string[] = Object.freeze([]);

/** The internals of an estimate (setup, memory, serving, cost), for lessons and diagnostics. */
export function estimateCore(args: EstimateArgs): EstimateCore {
  return coreOf(args, profileOf(args), workloadOf(args.input));
}

/**
 * The engine profile the estimate runs on: the given one (calibration) or the engine's on this GPU, with the engine
 * settings the request names (memFraction, prefillChunkTokens, maxBatch, requestOverheadMs) in place of the engine's defaults.
 */
export function profileOf(args: EstimateArgs): EngineProfile {
  const { input } = args;
  return withStatedSettings(args.profile ?? profileFor(input.engine, args.gpu), input);
}

/** Layout, setup, memory, the serving loop and the cost split: the pipeline both entry points run. */
function coreOf(args: EstimateArgs, profile: EngineProfile, work: Workload): EstimateCore {
  const { model, gpu, input } = args;
  const layout = resolveLayout(model, gpu, input);
  const kv = kvPrecisionFor(input, profile, gpu, model);
  const spec = specDecodeOf(input, model);
  const setup = buildSetup(model, gpu, layout, profile.factors, input.weights, kv, spec.spec);
  const memory = memoryPerGpu(setup, input.concurrency, work.isl, work.osl);
  const serving = serve(setup, input.concurrency, memory.maxConcurrency, work.isl, work.osl, work.serve);
  const price = input.priceUsdPerGpuHour ?? 0;
  const cost = servingCost(price, layout.gpus, serving.prefillUtilisation, serving.requestsPerSecond * work.isl, serving.outputTokensPerSecond);
  return { setup, layout, memory, serving, cost, price, specProblem: spec.problem };
}
