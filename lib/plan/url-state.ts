/**
 * The planner's state in the URL: readable query parameters, so a lesson (or a person) can link to /plan with the
 * inputs filled in, e.g.
 *
 *   /plan?model=llama-3.1-70b&isl=2000&osl=400&ttft95=500&tpot95=50&dau=50000&rpd=10&peak=3
 *   /plan?model=qwen3-8b&rps=20&budget=5000&gpus=l4,l40s&precisions=fp8,int4&run=1
 *
 * Parameters (all optional; anything missing takes the default plan's value):
 *   workload  model (catalog id) · isl, isl95 (prompt tokens, mean / p95) · osl, osl95 (output tokens) ·
 *             sys (shared system-prompt tokens) · hit (prefix-cache hit rate, 0–1)
 *   SLOs      preset (chat | coding-agent | rag | batch | custom) · ttft50, ttft95, tpot95, e2e95 (ms) ·
 *             tps (minimum tokens/s per user)
 *   traffic   mode (users | peak; inferred: rps → peak, dau → users) · rps (peak requests/s) · dau (daily users) ·
 *             rpd (requests per user per day) · peak (peak-to-average factor) · growth (% per month)
 *   budget    budget ($/month) · mtok ($/M tokens) · gpus, providers, precisions, kv, engines (comma lists) ·
 *             term (on-demand | 1yr | 3yr | spot) · headroom (%) · redundancy (none | n+1)
 *   view      step (wizard step, 1–4) · run=1 (show results at once) ·
 *             from (slug of the saved plan this session copies, "Duplicate and edit"; lib/plan/lineage.ts — kept
 *             across the wizard's own URL updates; a malformed value is dropped silently)
 *   i         a permalink token (lib/plan/permalink.ts) carrying the whole input, used when a pasted config.json
 *             makes the input too big for readable parameters; readable parameters are ignored when it is present.
 * Values are validated by the plan schema like any other input; decode only maps names and converts numbers.
 */
import { FROM_PARAM, parseFromParam } from "./lineage";
import { decodePermalink, encodePermalink, PERMALINK_PARAM } from "./permalink";
import { DEFAULT_PLAN_INPUT, PLAN_SCHEMA_VERSION, planInputSchema, type PlanInput, type PlanInputRaw } from "./schema";

type Group = "workload" | "slo" | "traffic" | "budget";
interface Field {
  readonly group: Group;
  readonly key: string;
  readonly kind: "number" | "string" | "list";
}

/** URL parameter → plan input field. */
export const URL_FIELDS: Readonly<Record<string, Field>> = {
  model: { group: "workload", key: "model", kind: "string" },
  isl: { group: "workload", key: "inputTokens", kind: "number" },
  isl95: { group: "workload", key: "inputTokensP95", kind: "number" },
  osl: { group: "workload", key: "outputTokens", kind: "number" },
  osl95: { group: "workload", key: "outputTokensP95", kind: "number" },
  sys: { group: "workload", key: "systemPromptTokens", kind: "number" },
  hit: { group: "workload", key: "prefixCacheHitRate", kind: "number" },
  preset: { group: "slo", key: "preset", kind: "string" },
  ttft50: { group: "slo", key: "ttftP50Ms", kind: "number" },
  ttft95: { group: "slo", key: "ttftP95Ms", kind: "number" },
  tpot95: { group: "slo", key: "tpotP95Ms", kind: "number" },
  tps: { group: "slo", key: "minTokensPerSecondPerUser", kind: "number" },
  e2e95: { group: "slo", key: "e2eP95Ms", kind: "number" },
  mode: { group: "traffic", key: "mode", kind: "string" },
  rps: { group: "traffic", key: "peakRequestsPerSecond", kind: "number" },
  dau: { group: "traffic", key: "dailyActiveUsers", kind: "number" },
  rpd: { group: "traffic", key: "requestsPerUserPerDay", kind: "number" },
  peak: { group: "traffic", key: "peakToAverage", kind: "number" },
  growth: { group: "traffic", key: "monthlyGrowthPct", kind: "number" },
  budget: { group: "budget", key: "maxUsdPerMonth", kind: "number" },
  mtok: { group: "budget", key: "maxUsdPerMillionTokens", kind: "number" },
  gpus: { group: "budget", key: "gpus", kind: "list" },
  providers: { group: "budget", key: "providers", kind: "list" },
  term: { group: "budget", key: "pricingTerm", kind: "string" },
  precisions: { group: "budget", key: "precisions", kind: "list" },
  kv: { group: "budget", key: "kvPrecisions", kind: "list" },
  engines: { group: "budget", key: "engines", kind: "list" },
  spec: { group: "budget", key: "speculative", kind: "list" },
  headroom: { group: "budget", key: "headroomPct", kind: "number" },
  redundancy: { group: "budget", key: "redundancy", kind: "string" },
  overhead: { group: "budget", key: "requestOverheadMs", kind: "number" },
  batch: { group: "budget", key: "maxBatch", kind: "number" },
};

export interface UrlView {
  /** Wizard step, 1-based. */
  readonly step: number;
  /** Show results at once. */
  readonly run: boolean;
  /** Slug of the saved plan being copied (well-formed; whether it exists is checked by the page). Absent when none. */
  readonly from?: string;
}

export interface DecodedUrl {
  /** Raw input (defaults filled in), to be validated with planInputSchema. */
  readonly input: PlanInputRaw;
  readonly view: UrlView;
  /** Parameters that could not be read (a bad permalink, a non-number), in plain words. */
  readonly problems: readonly { field: string; message: string }[];
}

type Params = { get(name: string): string | null; has(name: string): boolean };

function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

/** Query parameters → raw plan input (over the default plan) and view state. Never throws. */
export function decodePlanUrl(params: Params | URLSearchParams | string): DecodedUrl {
  const p: Params = typeof params === "string" ? new URLSearchParams(params.startsWith("?") ? params.slice(1) : params) : params;
  const problems: { field: string; message: string }[] = [];
  const stepRaw = Number(p.get("step") ?? "1");
  const from = parseFromParam(p.get(FROM_PARAM));
  const view: UrlView = {
    step: Number.isInteger(stepRaw) && stepRaw >= 1 && stepRaw <= 4 ? stepRaw : 1,
    run: p.get("run") === "1",
    ...(from ? { from } : {}),
  };
  const token = p.get(PERMALINK_PARAM);
  if (token) {
    try {
      const { input } = decodePermalink(token, planInputSchema, PLAN_SCHEMA_VERSION);
      return { input: input as PlanInputRaw, view, problems };
    } catch (e) {
      problems.push({ field: PERMALINK_PARAM, message: e instanceof Error ? e.message : "the link could not be read" });
    }
  }
  const input = clone(DEFAULT_PLAN_INPUT) as Record<Group, Record<string, unknown>>;
  input.budget ??= {};
  input.slo ??= {};
  const touched = new Set<Group>();
  for (const [name, f] of Object.entries(URL_FIELDS)) {
    const raw = p.get(name);
    if (raw === null) continue;
    const group = (input[f.group] ??= {});
    if (f.kind === "number") {
      const n = raw.trim() === "" ? NaN : Number(raw);
      if (!Number.isFinite(n)) {
        problems.push({ field: `${f.group}.${f.key}`, message: `${name}=${raw} is not a number` });
        continue;
      }
      group[f.key] = n;
    } else if (f.kind === "list") {
      group[f.key] = raw.split(",").map((s) => s.trim()).filter((s) => s !== "");
    } else {
      group[f.key] = raw;
    }
    touched.add(f.group);
  }
  const t = input.traffic;
  if (!p.has("mode")) {
    if (p.has("rps")) t.mode = "peak";
    else if (p.has("dau")) t.mode = "users";
  }
  // A link that sets some SLOs without a preset describes custom targets: drop the default preset's others.
  if (touched.has("slo") && !p.has("preset")) {
    const keep: Record<string, unknown> = { preset: "custom" };
    for (const [name, f] of Object.entries(URL_FIELDS)) {
      if (f.group === "slo" && p.has(name) && input.slo[f.key] !== undefined) keep[f.key] = input.slo[f.key];
    }
    input.slo = keep;
  }
  return { input: input as unknown as PlanInputRaw, view, problems };
}

function put(q: URLSearchParams, name: string, v: unknown): void {
  // false: a form's lone checkbox left unticked (budget.speculative), i.e. the field's absence
  if (v === undefined || v === null || v === false) return;
  if (Array.isArray(v)) q.set(name, v.join(","));
  else q.set(name, String(v));
}

/**
 * Plan input → query string (without "?"). Readable parameters for every set field; a pasted config.json goes in a
 * permalink token instead (`i=`). Defaults that equal the schema's are still written, so a link is self-contained.
 */
export function encodePlanUrl(input: PlanInput | PlanInputRaw, view?: Partial<UrlView>): string {
  const q = new URLSearchParams();
  const w = (input as PlanInputRaw).workload as Record<string, unknown> | undefined;
  if (w && w.hfConfigJson !== undefined) {
    const parsed = planInputSchema.safeParse(input);
    if (parsed.success) q.set(PERMALINK_PARAM, encodePermalink(parsed.data, PLAN_SCHEMA_VERSION));
  } else {
    const groups = input as unknown as Record<Group, Record<string, unknown> | undefined>;
    for (const [name, f] of Object.entries(URL_FIELDS)) put(q, name, groups[f.group]?.[f.key]);
  }
  if (view?.step !== undefined && view.step !== 1) q.set("step", String(view.step));
  if (view?.run) q.set("run", "1");
  const from = parseFromParam(view?.from);
  if (from) q.set(FROM_PARAM, from);
  // Commas only ever separate list items here; keep them readable.
  return q.toString().replace(/%2C/g, ",");
}
