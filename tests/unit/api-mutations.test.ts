import { describe, expect, it } from "vitest";
import { POST as estimate } from "../../app/api/estimate/route";
import { POST as plan } from "../../app/api/plan/route";

/**
 * Every field of a valid request, removed or given a value of the wrong kind: the API answers 200 with finite figures
 * or 400 naming fields — never a 500, a crash or a NaN (JSON null) in a figure.
 */
const WRONG: readonly unknown[] = [null, "x", -1, 0, 0.5, 1e12, true, [], {}, "1"];

const post = (body: unknown) =>
  estimate(new Request("http://localhost/api/estimate", { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } }));

const VALID = {
  model: "deepseek-r1",
  gpu: "b200",
  engine: "sglang",
  weights: "fp4",
  kv: "fp8",
  tp: 8,
  pp: 1,
  dp: 1,
  moeTp: 1,
  moeEp: 8,
  isl: 1024,
  osl: 1024,
  concurrency: 32,
  randomRangeRatio: 0.8,
  memFraction: 0.85,
  prefillChunkTokens: 16384,
  schedulerRecvInterval: 10,
  numPrompts: 320,
  mtpDraftTokens: 3,
  mtpAcceptanceLength: 2.5,
  priceUsdPerGpuHour: 6,
};

/** Top-level numbers of an answer that must be finite when present. */
const FIGURES = ["ttftMs", "tpotMs", "outputTokensPerSecond", "outputTokensPerSecondPerGpu", "tokensPerSecondPerUser", "costUsdPerHour"];

/**
 * Send one mutated request and judge the answer: a 400 must list field errors; a 200's body goes to `check`; anything
 * else (a throw, a 500) is a failure. Returns the status seen, or null when the call threw.
 */
async function judge(
  send: () => Promise<Response>,
  what: string,
  bad: string[],
  check: (body: Record<string, unknown>) => void,
): Promise<number | null> {
  let res: Response;
  try {
    res = await send();
  } catch (e) {
    bad.push(`${what}: threw ${String(e)}`);
    return null;
  }
  const b = (await res.json()) as Record<string, unknown>;
  if (res.status === 400) {
    const errors = b.errors as { field: string; message: string }[] | undefined;
    if (!Array.isArray(errors) || errors.length === 0 || errors.some((e) => typeof e.field !== "string" || !e.message)) bad.push(`${what}: 400 without field errors`);
  } else if (res.status === 200) check(b);
  else bad.push(`${what}: HTTP ${res.status}`);
  return res.status;
}

describe("POST /api/estimate on mutated requests", () => {
  it("answers 200 to the valid request", async () => {
    const res = await post(VALID);
    expect(res.status).toBe(200);
  });

  it("answers 200 with finite figures or 400 naming fields, for every field × wrong value", async () => {
    const bad: string[] = [];
    let rejected = 0;
    let answered = 0;
    for (const key of Object.keys(VALID)) {
      for (const v of [undefined, ...WRONG]) {
        const body: Record<string, unknown> = { ...VALID, [key]: v };
        if (v === undefined) delete body[key];
        const what = `${key}=${JSON.stringify(v) ?? "absent"}`;
        const status = await judge(() => post(body), what, bad, (b) => {
          for (const f of FIGURES) if (f in b && !(typeof b[f] === "number" && Number.isFinite(b[f]))) bad.push(`${what}: ${f} = ${JSON.stringify(b[f])}`);
        });
        if (status === 400) rejected++;
        else if (status === 200) answered++;
      }
    }
    expect(bad).toEqual([]);
    expect(rejected).toBeGreaterThan(50);
    expect(answered).toBeGreaterThan(10);
  }, 60_000);
});


const postPlan = (body: unknown) =>
  plan(new Request("http://localhost/api/plan", { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } }));

/** A plan request with every section filled; the budget keeps the search small (two GPUs, one engine). */
const PLAN = {
  workload: { model: "llama-3.1-8b", inputTokens: 1000, inputTokensP95: 2000, outputTokens: 200, outputTokensP95: 400, systemPromptTokens: 200, prefixCacheHitRate: 0.5 },
  slo: { preset: "custom", ttftP50Ms: 500, ttftP95Ms: 1000, tpotP95Ms: 50, minTokensPerSecondPerUser: 10, e2eP95Ms: 30000 },
  traffic: { mode: "users", dailyActiveUsers: 10000, requestsPerUserPerDay: 20, peakToAverage: 3, monthlyGrowthPct: 5 },
  budget: {
    maxUsdPerMonth: 100000,
    maxUsdPerMillionTokens: 50,
    gpus: ["l4", "h100-sxm"],
    providers: [],
    pricingTerm: "on-demand",
    precisions: ["bf16", "fp8"],
    kvPrecisions: ["bf16"],
    engines: ["vllm"],
    headroomPct: 20,
    redundancy: "n+1",
  },
};

/** Leaves of the plan request, as paths. */
function leaves(o: Record<string, unknown>, prefix: string[] = []): string[][] {
  return Object.entries(o).flatMap(([k, v]) =>
    v !== null && typeof v === "object" && !Array.isArray(v) ? leaves(v as Record<string, unknown>, [...prefix, k]) : [[...prefix, k]],
  );
}

function setPath(o: Record<string, unknown>, path: string[], v: unknown): Record<string, unknown> {
  const copy = structuredClone(o);
  let cur = copy;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string, unknown>;
  const last = path[path.length - 1]!;
  if (v === undefined) delete cur[last];
  else cur[last] = v;
  return copy;
}

describe("POST /api/plan on mutated requests", () => {
  it("answers 200 or 400 naming fields, for every field × wrong value, and its figures stay finite", async () => {
    const bad: string[] = [];
    let rejected = 0;
    let answered = 0;
    let checked = 0;
    const paths = [...leaves(PLAN), ["workload"], ["slo"], ["traffic"], ["budget"]];
    for (const path of paths) {
      for (const v of [undefined, null, "x", -1, 0, 1e12, [], {}]) {
        const what = `${path.join(".")}=${JSON.stringify(v) ?? "absent"}`;
        const status = await judge(() => postPlan(setPath(PLAN, path, v)), what, bad, (b) => {
          const options = (b.options ?? []) as Record<string, unknown>[];
          for (const o of options)
            for (const [k, x] of Object.entries(o)) {
              if (!/Usd|Ms|PerSecond|gpus/i.test(k)) continue;
              checked++;
              if (x === null || (typeof x === "number" && !Number.isFinite(x))) bad.push(`${what}: option ${k} = ${String(x)}`);
            }
        });
        if (status === 400) rejected++;
        else if (status === 200) answered++;
      }
    }
    expect(bad).toEqual([]);
    expect(rejected).toBeGreaterThan(50);
    expect(answered).toBeGreaterThan(10);
    expect(checked).toBeGreaterThan(100);
  }, 120_000);
});
