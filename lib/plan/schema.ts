/**
 * THE plan input: one zod schema shared by the wizard (react-hook-form + zodResolver), `POST /api/plan`, the CLI
 * (`atlas plan --input plan.json`), permalinks and the database. Grouped by wizard step, so each step's schema is a
 * `.pick()` of the whole (`workloadStepSchema` …) and an error path names the step and the field
 * ("slo.ttftP95Ms", "budget.gpus.1").
 *
 * Changes are additive: new fields are optional or defaulted. Bump PLAN_SCHEMA_VERSION when a saved input could
 * parse differently (persistence migrates by version).
 */
import { z } from "zod";
import { GPU_IDS, MODEL_IDS, PROVIDERS, importHfConfig, HfConfigError } from "../catalog";
import { ENGINE_IDS, KV_PRECISIONS, SPECULATIVE, WEIGHT_PRECISIONS } from "./estimate-input";

export const PLAN_SCHEMA_VERSION = 1;

export const PRICING_TERMS = ["on-demand", "1yr", "3yr", "spot"] as const;
export const SLO_PRESET_IDS = ["chat", "coding-agent", "rag", "batch", "custom"] as const;
export const TRAFFIC_MODES = ["users", "peak"] as const;
export const REDUNDANCY = ["none", "n+1"] as const;

const num = (field: string) => z.number({ error: `${field} must be a number` });
const int = (field: string, min: number, max: number) =>
  num(field)
    .int({ error: `${field} must be a whole number` })
    .min(min, { error: `${field} must be at least ${min}` })
    .max(max, { error: `${field} must be at most ${max}` });
const positive = (field: string, max: number) =>
  num(field)
    .positive({ error: `${field} must be greater than 0` })
    .max(max, { error: `${field} must be at most ${max}` });
const fraction = (field: string) =>
  num(field).min(0, { error: `${field} must be between 0 and 1` }).max(1, { error: `${field} must be between 0 and 1` });

const oneOf = <T extends readonly [string, ...string[]]>(field: string, values: T) =>
  z.enum(values, { error: `${field} must be one of ${values.join(", ")}` });

/** Step 1: the model and the shape of a request. */
export const workloadSchema = z
  .object({
    /** Catalog model id (see lib/catalog MODEL_IDS). */
    model: z.string({ error: "model must be text" }).min(1, { error: "choose a model" }).optional(),
    /** A pasted Hugging Face config.json, instead of a catalog model. */
    hfConfigJson: z.record(z.string(), z.unknown(), { error: "hfConfigJson must be a JSON object" }).optional(),
    /** Prompt tokens per request: mean, and optionally the 95th percentile (a lognormal is fitted to the two). */
    inputTokens: int("inputTokens", 1, 1_000_000).default(1000),
    inputTokensP95: int("inputTokensP95", 1, 1_000_000).optional(),
    /** Generated tokens per request: mean and optional p95. */
    outputTokens: int("outputTokens", 1, 200_000).default(300),
    outputTokensP95: int("outputTokensP95", 1, 200_000).optional(),
    /** Tokens of a system prompt every request shares, and how often the prefix cache already holds it. */
    systemPromptTokens: int("systemPromptTokens", 0, 1_000_000).default(0),
    prefixCacheHitRate: fraction("prefixCacheHitRate").default(0),
  }, { error: "workload is required: an object with model (a catalog id) or hfConfigJson, and token counts" })
  .superRefine((w, ctx) => {
    const given = (w.model !== undefined ? 1 : 0) + (w.hfConfigJson !== undefined ? 1 : 0);
    if (given !== 1) {
      ctx.addIssue({
        code: "custom",
        path: ["model"],
        message: "give exactly one of model (a catalog id) or hfConfigJson (a pasted config.json)",
      });
    }
    if (w.model !== undefined && !MODEL_IDS.includes(w.model)) {
      ctx.addIssue({
        code: "custom",
        path: ["model"],
        message: `unknown model "${w.model}"; valid: ${MODEL_IDS.join(", ")}`,
      });
    }
    if (w.hfConfigJson !== undefined) {
      try {
        importHfConfig(w.hfConfigJson);
      } catch (e) {
        const field = e instanceof HfConfigError ? e.field : "";
        const message = e instanceof Error ? e.message : "config.json could not be read";
        ctx.addIssue({ code: "custom", path: field ? ["hfConfigJson", ...field.split(".")] : ["hfConfigJson"], message });
      }
    }
    if (w.inputTokensP95 !== undefined && w.inputTokensP95 < w.inputTokens) {
      ctx.addIssue({ code: "custom", path: ["inputTokensP95"], message: "inputTokensP95 must be at least the mean (inputTokens)" });
    }
    if (w.outputTokensP95 !== undefined && w.outputTokensP95 < w.outputTokens) {
      ctx.addIssue({ code: "custom", path: ["outputTokensP95"], message: "outputTokensP95 must be at least the mean (outputTokens)" });
    }
    if (w.systemPromptTokens > w.inputTokens) {
      ctx.addIssue({ code: "custom", path: ["systemPromptTokens"], message: "systemPromptTokens cannot exceed the prompt (inputTokens)" });
    }
  });

/** Step 2: service-level objectives. Every one is optional; those given must all be met. Milliseconds. */
export const sloSchema = z
  .object({
    preset: oneOf("preset", SLO_PRESET_IDS).default("custom"),
    ttftP50Ms: positive("ttftP50Ms", 3_600_000).optional(),
    ttftP95Ms: positive("ttftP95Ms", 3_600_000).optional(),
    /** Time per output token (inter-token latency) at p95. */
    tpotP95Ms: positive("tpotP95Ms", 60_000).optional(),
    /** Alternative to tpotP95Ms: the slowest acceptable stream, tokens/s per user (at p95). */
    minTokensPerSecondPerUser: positive("minTokensPerSecondPerUser", 100_000).optional(),
    /** Whole request, first byte to last token, p95. */
    e2eP95Ms: positive("e2eP95Ms", 86_400_000).optional(),
  })
  .superRefine((s, ctx) => {
    if (s.ttftP50Ms !== undefined && s.ttftP95Ms !== undefined && s.ttftP50Ms > s.ttftP95Ms) {
      ctx.addIssue({ code: "custom", path: ["ttftP50Ms"], message: "ttftP50Ms cannot exceed ttftP95Ms" });
    }
  });

/** Step 3: traffic, as peak requests/s or as users × requests per user per day × a peak-to-average factor. */
export const trafficSchema = z
  .object({
    mode: oneOf("mode", TRAFFIC_MODES).default("users"),
    peakRequestsPerSecond: positive("peakRequestsPerSecond", 1_000_000).optional(),
    dailyActiveUsers: int("dailyActiveUsers", 1, 10_000_000_000).optional(),
    requestsPerUserPerDay: positive("requestsPerUserPerDay", 1_000_000).optional(),
    /** Peak hour's rate ÷ the day's average rate. */
    peakToAverage: num("peakToAverage")
      .min(1, { error: "peakToAverage must be at least 1" })
      .max(100, { error: "peakToAverage must be at most 100" })
      .default(3),
    /** Optional growth of traffic, % per month, for the 12-month projection. */
    monthlyGrowthPct: num("monthlyGrowthPct")
      .min(-50, { error: "monthlyGrowthPct must be at least -50" })
      .max(200, { error: "monthlyGrowthPct must be at most 200" })
      .default(0),
  }, { error: "traffic is required: an object with mode and peakRequestsPerSecond, or dailyActiveUsers and requestsPerUserPerDay" })
  .superRefine((t, ctx) => {
    if (t.mode === "peak" && t.peakRequestsPerSecond === undefined) {
      ctx.addIssue({ code: "custom", path: ["peakRequestsPerSecond"], message: "peakRequestsPerSecond is required when mode is peak" });
    }
    if (t.mode === "users") {
      if (t.dailyActiveUsers === undefined) {
        ctx.addIssue({ code: "custom", path: ["dailyActiveUsers"], message: "dailyActiveUsers is required when mode is users" });
      }
      if (t.requestsPerUserPerDay === undefined) {
        ctx.addIssue({ code: "custom", path: ["requestsPerUserPerDay"], message: "requestsPerUserPerDay is required when mode is users" });
      }
    }
  });

const listOf = <T extends readonly [string, ...string[]]>(field: string, values: T) =>
  z.array(oneOf(`${field}[]`, values), { error: `${field} must be a list` });

/** Step 4: what may be spent and used. Empty gpus / providers lists mean "any". */
export const budgetSchema = z
  .object({
    maxUsdPerMonth: positive("maxUsdPerMonth", 1e10).optional(),
    /** Ceiling on the blended cost per million tokens (input + output) at the month's average traffic. */
    maxUsdPerMillionTokens: positive("maxUsdPerMillionTokens", 1e6).optional(),
    gpus: z.array(z.string({ error: "gpus must be a list of GPU ids" }), { error: "gpus must be a list" }).default([]),
    providers: z.array(z.string({ error: "providers must be a list of names" }), { error: "providers must be a list" }).default([]),
    pricingTerm: oneOf("pricingTerm", PRICING_TERMS).default("on-demand"),
    precisions: listOf("precisions", WEIGHT_PRECISIONS).default(["bf16", "fp8", "fp4", "int4"]),
    kvPrecisions: listOf("kvPrecisions", KV_PRECISIONS).default(["bf16", "fp8"]),
    engines: listOf("engines", ENGINE_IDS).default(["vllm", "sglang", "trtllm"]),
    /**
     * Speculative decoding to try besides none: "mtp" also tries 1 and 3 draft tokens from the model's MTP module, at
     * its published acceptance rates (models without them get none). Absent or empty: off — absent, so links made
     * before the field existed encode and decode as they did. A form's lone checkbox gives its value or false.
     */
    speculative: z.preprocess(
      (v) => (v === false || v === null ? undefined : typeof v === "string" ? [v] : v),
      listOf("speculative", SPECULATIVE).optional(),
    ),
    /** Capacity kept above the peak, % (20 → capacity ≥ 1.2 × peak). */
    headroomPct: num("headroomPct")
      .min(0, { error: "headroomPct must be at least 0" })
      .max(400, { error: "headroomPct must be at most 400" })
      .default(20),
    redundancy: oneOf("redundancy", REDUNDANCY).default("n+1"),
    /**
     * The serving stack's fixed first-token latency outside the GPU, ms (HTTP, API server, gateway, tokenisation), for
     * every engine. Absent: each engine's calibrated t_0 — absent, so links made before the field existed encode and
     * decode as they did.
     */
    requestOverheadMs: num("requestOverheadMs")
      .min(0, { error: "requestOverheadMs must be at least 0" })
      .max(60_000, { error: "requestOverheadMs must be at most 60000" })
      .optional(),
    /**
     * The engine's batch limit per attention-DP rank, requests (vLLM --max-num-seqs, SGLang --max-running-requests,
     * TensorRT-LLM max_batch_size), for every engine. Absent: each engine's default (vLLM's depends on the GPU,
     * SGLang's is its KV cache) — absent, so links made before the field existed encode and decode as they did.
     */
    maxBatch: int("maxBatch", 1, 1_000_000).optional(),
  })
  .superRefine((b, ctx) => {
    b.gpus.forEach((g, i) => {
      if (!GPU_IDS.includes(g)) {
        ctx.addIssue({ code: "custom", path: ["gpus", i], message: `unknown GPU "${g}"; valid: ${GPU_IDS.join(", ")}` });
      }
    });
    const known = new Set(PROVIDERS.map((p) => p.toLowerCase()));
    b.providers.forEach((p, i) => {
      if (!known.has(p.toLowerCase())) {
        ctx.addIssue({ code: "custom", path: ["providers", i], message: `unknown provider "${p}"; valid: ${PROVIDERS.join(", ")}` });
      }
    });
    if (b.precisions.length === 0) ctx.addIssue({ code: "custom", path: ["precisions"], message: "allow at least one precision" });
    if (b.kvPrecisions.length === 0) ctx.addIssue({ code: "custom", path: ["kvPrecisions"], message: "allow at least one KV precision" });
    if (b.engines.length === 0) ctx.addIssue({ code: "custom", path: ["engines"], message: "allow at least one engine" });
  });

/** The whole input, unrefined at the top level so steps can be picked from it. */
export const planInputObject = z.object({
  workload: workloadSchema,
  slo: sloSchema.default({ preset: "custom" }),
  traffic: trafficSchema,
  budget: budgetSchema.default({
    gpus: [],
    providers: [],
    pricingTerm: "on-demand",
    precisions: ["bf16", "fp8", "fp4", "int4"],
    kvPrecisions: ["bf16", "fp8"],
    engines: ["vllm", "sglang", "trtllm"],
    headroomPct: 20,
    redundancy: "n+1",
  }),
});

export const planInputSchema = planInputObject;

export const workloadStepSchema = planInputObject.pick({ workload: true });
export const sloStepSchema = planInputObject.pick({ slo: true });
export const trafficStepSchema = planInputObject.pick({ traffic: true });
export const budgetStepSchema = planInputObject.pick({ budget: true });

/** The wizard's steps, in order, with the schema that validates each. */
export const PLAN_STEPS = [
  { id: "workload", title: "Workload and model", schema: workloadStepSchema },
  { id: "slo", title: "Latency targets (SLOs)", schema: sloStepSchema },
  { id: "traffic", title: "Traffic", schema: trafficStepSchema },
  { id: "budget", title: "Budget and constraints", schema: budgetStepSchema },
] as const;
export type PlanStepId = (typeof PLAN_STEPS)[number]["id"];

export type PlanInput = z.output<typeof planInputSchema>;
export type PlanInputRaw = z.input<typeof planInputSchema>;
export type PricingTermId = (typeof PRICING_TERMS)[number];

/** Field errors in the one shape the API, CLI and form share. */
export interface PlanFieldError {
  readonly field: string;
  readonly message: string;
}

export function planFieldErrors(error: z.ZodError): PlanFieldError[] {
  return error.issues.map((i) => ({ field: i.path.map(String).join(".") || "(input)", message: i.message }));
}

/** Parse raw input: the validated plan input, or the field errors. */
export function parsePlanInput(raw: unknown): { ok: true; input: PlanInput } | { ok: false; errors: PlanFieldError[] } {
  const r = planInputSchema.safeParse(raw);
  return r.success ? { ok: true, input: r.data } : { ok: false, errors: planFieldErrors(r.error) };
}

/**
 * The default plan (what /plan opens with and what `npm run bench` searches): a chat assistant on Llama 3.1 70B for
 * 50,000 daily users.
 */
export const DEFAULT_PLAN_INPUT: PlanInputRaw = {
  workload: { model: "llama-3.1-70b", inputTokens: 1000, inputTokensP95: 3000, outputTokens: 300, outputTokensP95: 800 },
  slo: { preset: "chat", ttftP50Ms: 400, ttftP95Ms: 1000, tpotP95Ms: 50 },
  traffic: { mode: "users", dailyActiveUsers: 50_000, requestsPerUserPerDay: 10, peakToAverage: 3 },
  budget: {},
};
