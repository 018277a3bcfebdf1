import { z } from "zod";

export const ENGINE_IDS = ["vllm", "sglang", "trtllm"] as const;
export const WEIGHT_PRECISIONS = ["bf16", "fp8", "fp4", "int4"] as const;
export const KV_PRECISIONS = ["bf16", "fp8", "int8", "fp4"] as const;
export const ARRIVALS = ["together", "staggered"] as const;
/** Speculative decoding a plan may try besides none: drafting with the model's MTP module. */
export const SPECULATIVE = ["mtp"] as const;

const count = (name: string, max: number) =>
  z
    .number({ error: `${name} must be a number` })
    .int({ error: `${name} must be a whole number` })
    .min(1, { error: `${name} must be at least 1` })
    .max(max, { error: `${name} must be at most ${max}` });

/**
 * THE estimate request: one configuration of model × hardware × precision ×
 * parallelism × workload. Shared by `/calculate`, `POST /api/estimate` and the CLI.
 * GPUs per replica = tp × pp × dp.
 */
export const estimateInputSchema = z
  .object({
    id: z.union([z.string(), z.number()]).optional(),
    /** Catalog model id. */
    model: z.string().min(1).optional(),
    /** Path to a Hugging Face config.json (CLI only; resolved at the edge). */
    hfConfig: z.string().min(1).optional(),
    /** A pasted Hugging Face config.json object (UI and API). */
    hfConfigJson: z.record(z.string(), z.unknown()).optional(),
    gpu: z.string({ error: "gpu is required" }).min(1, { error: "gpu is required" }),
    engine: z.enum(ENGINE_IDS, { error: `engine must be one of ${ENGINE_IDS.join(", ")}` }).default("vllm"),
    weights: z
      .enum(WEIGHT_PRECISIONS, { error: `weights must be one of ${WEIGHT_PRECISIONS.join(", ")}` })
      .default("bf16"),
    kv: z.enum(KV_PRECISIONS, { error: `kv must be one of ${KV_PRECISIONS.join(", ")}` }).optional(),
    tp: count("tp", 1024).default(1),
    pp: count("pp", 256).default(1),
    dp: count("dp", 1024).default(1),
    moeTp: count("moeTp", 1024).optional(),
    moeEp: count("moeEp", 1024).optional(),
    isl: count("isl", 10_000_000).default(1024),
    osl: count("osl", 10_000_000).default(256),
    concurrency: count("concurrency", 1_000_000).default(1),
    /**
     * TensorRT-LLM's batch_wait_timeout_iters: iterations the scheduler holds a waiting prompt, while other requests
     * decode, so that later prompts can join its prefill (0, the default, turns it off). TRT-LLM only.
     */
    batchWaitIters: z
      .number({ error: "batchWaitIters must be a number" })
      .int({ error: "batchWaitIters must be a whole number" })
      .min(0, { error: "batchWaitIters must be at least 0" })
      .max(10_000, { error: "batchWaitIters must be at most 10000" })
      .optional(),
    /**
     * Lengths that vary like a benchmark's --random-range-ratio r: each request's input and output lengths drawn
     * uniformly from [r·ISL, ISL] and [r·OSL, OSL] (mean (1 + r)/2 of each). Absent or 1: every request is exactly
     * ISL in and OSL out. The estimate is for the mean request.
     */
    randomRangeRatio: z
      .number({ error: "randomRangeRatio must be a number" })
      .gt(0, { error: "randomRangeRatio must be above 0" })
      .max(1, { error: "randomRangeRatio must be at most 1" })
      .optional(),
    /**
     * The engine's own memory setting, read as that engine reads it: vLLM --gpu-memory-utilization and SGLang
     * --mem-fraction-static (share of the whole GPU that weights and KV cache may take), TensorRT-LLM
     * kv_cache_config.free_gpu_memory_fraction (share of the memory left after loading that becomes KV cache).
     * Absent: the engine's default.
     */
    memFraction: z
      .number({ error: "memFraction must be a number" })
      .gt(0, { error: "memFraction must be above 0" })
      .max(1, { error: "memFraction must be at most 1" })
      .optional(),
    /**
     * Prefill tokens the scheduler runs per iteration: vLLM --max-num-batched-tokens, SGLang --chunked-prefill-size,
     * TensorRT-LLM max_num_tokens. Absent: the engine's default on that GPU.
     */
    prefillChunkTokens: z
      .number({ error: "prefillChunkTokens must be a number" })
      .int({ error: "prefillChunkTokens must be a whole number" })
      .min(256, { error: "prefillChunkTokens must be at least 256" })
      .max(1_048_576, { error: "prefillChunkTokens must be at most 1048576" })
      .optional(),
    /**
     * The most requests one engine instance (attention rank) runs at once: vLLM --max-num-seqs, SGLang
     * --max-running-requests, TensorRT-LLM max_batch_size. Absent: the engine's default on that GPU (vLLM 1024, or 256
     * on an A100 or a GPU under 70 GiB; TensorRT-LLM 2048; SGLang none beyond its KV cache).
     */
    maxBatch: z
      .number({ error: "maxBatch must be a number" })
      .int({ error: "maxBatch must be a whole number" })
      .min(1, { error: "maxBatch must be at least 1" })
      .max(1_000_000, { error: "maxBatch must be at most 1000000" })
      .optional(),
    /**
     * Requests per second offered to the replica (open loop: they arrive whatever is in flight) in place of a
     * concurrency: the estimate is the replica's steady state at that rate, N in flight with N = rate · E2E(N) by
     * Little's law (lib/model/open-loop.ts), and `concurrency` is not used. A rate the replica cannot carry is a
     * problem that says the most it completes.
     */
    requestRate: z
      .number({ error: "requestRate must be a number" })
      .positive({ error: "requestRate must be above 0" })
      .max(1_000_000, { error: "requestRate must be at most 1000000" })
      .optional(),
    /**
     * The serving stack's fixed first-token latency outside the GPU, in ms: HTTP, the API server and any gateway or
     * router in front of the engine, tokenisation, the first detokenisation. Absent: the engine's calibrated t_0,
     * which is what the benchmark stacks of the calibration runs added (lib/model/README.md); a stack measured to add
     * less or more can say so here.
     */
    requestOverheadMs: z
      .number({ error: "requestOverheadMs must be a number" })
      .min(0, { error: "requestOverheadMs must be at least 0" })
      .max(60_000, { error: "requestOverheadMs must be at most 60000" })
      .optional(),
    /**
     * How requests reach the engine: "together", a benchmark that starts its C requests at once and replaces each as it
     * finishes (requests of equal length then stay in step); "staggered", one at a time — open-loop traffic, as the
     * planner sizes for. Absent: staggered when lengths vary (randomRangeRatio < 1), else together. It shapes the
     * estimate of a prefill-first scheduler (SGLang); the mixed schedule of vLLM and TRT-LLM is the same either way.
     */
    arrivals: z.enum(ARRIVALS, { error: `arrivals must be one of ${ARRIVALS.join(", ")}` }).optional(),
    /**
     * SGLang's --scheduler-recv-interval: while requests decode, the scheduler takes in new requests only every N
     * decode iterations (1, the default, every iteration). SGLang only.
     */
    schedulerRecvInterval: count("schedulerRecvInterval", 10_000).optional(),
    /**
     * The benchmark's --num-prompts: requests sent in all, C at once at the start and each finished one replaced.
     * Given, the first-token latency is the benchmark's mean, the opening burst of C prompts included; absent, the
     * steady state of an endless run.
     */
    numPrompts: count("numPrompts", 100_000_000).optional(),
    /**
     * Speculative decoding with the model's multi-token-prediction (MTP) modules: draft tokens per decode iteration
     * (TensorRT-LLM num_nextn_predict_layers, SGLang --speculative-num-steps, vLLM num_speculative_tokens). Absent or
     * 0: off.
     */
    mtpDraftTokens: z
      .number({ error: "mtpDraftTokens must be a number" })
      .int({ error: "mtpDraftTokens must be a whole number" })
      .min(0, { error: "mtpDraftTokens must be at least 0" })
      .max(8, { error: "mtpDraftTokens must be at most 8" })
      .optional(),
    /**
     * Mean tokens each verify pass keeps per sequence (the engines' "acceptance length", the bonus token included):
     * from 1 (every draft rejected) to mtpDraftTokens + 1. Absent: from the model's published acceptance rates.
     */
    mtpAcceptanceLength: z
      .number({ error: "mtpAcceptanceLength must be a number" })
      .min(1, { error: "mtpAcceptanceLength must be at least 1" })
      .max(9, { error: "mtpAcceptanceLength must be at most 9" })
      .optional(),
    priceUsdPerGpuHour: z
      .number({ error: "priceUsdPerGpuHour must be a number" })
      .positive({ error: "priceUsdPerGpuHour must be positive" })
      .max(10_000, { error: "priceUsdPerGpuHour must be at most 10000" })
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.batchWaitIters !== undefined && v.batchWaitIters > 0 && v.engine !== "trtllm") {
      ctx.addIssue({
        code: "custom",
        path: ["batchWaitIters"],
        message: `batchWaitIters is TensorRT-LLM's batch_wait_timeout_iters: it needs engine trtllm (got ${v.engine})`,
      });
    }
    if (v.schedulerRecvInterval !== undefined && v.schedulerRecvInterval > 1 && v.engine !== "sglang") {
      ctx.addIssue({
        code: "custom",
        path: ["schedulerRecvInterval"],
        message: `schedulerRecvInterval is SGLang's --scheduler-recv-interval: it needs engine sglang (got ${v.engine})`,
      });
    }
    if (v.mtpAcceptanceLength !== undefined) {
      const k = v.mtpDraftTokens ?? 0;
      if (k === 0)
        ctx.addIssue({
          code: "custom",
          path: ["mtpAcceptanceLength"],
          message: "mtpAcceptanceLength needs mtpDraftTokens of at least 1 (speculative decoding is off)",
        });
      else if (v.mtpAcceptanceLength > k + 1)
        ctx.addIssue({
          code: "custom",
          path: ["mtpAcceptanceLength"],
          message: `mtpAcceptanceLength (${v.mtpAcceptanceLength}) cannot exceed mtpDraftTokens + 1 (${k + 1}): a verify pass keeps at most the drafts and one token of its own`,
        });
    }
    if (v.numPrompts !== undefined && v.numPrompts < v.concurrency) {
      ctx.addIssue({
        code: "custom",
        path: ["numPrompts"],
        message: `numPrompts (${v.numPrompts}) must be at least the concurrency (${v.concurrency})`,
      });
    }
    const given = [v.model, v.hfConfig, v.hfConfigJson].filter((x) => x !== undefined).length;
    if (given !== 1) {
      ctx.addIssue({
        code: "custom",
        path: ["model"],
        message: "give exactly one of model (catalog id), hfConfig (path) or hfConfigJson (object)",
      });
    }
  });

export type EstimateInput = z.output<typeof estimateInputSchema>;
export type EstimateInputRaw = z.input<typeof estimateInputSchema>;
