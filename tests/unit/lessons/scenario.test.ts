import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  DEFAULT_SCENARIO,
  calculateHref,
  estimateRequestOf,
  layoutOf,
  parallelismFallsBack,
  parseScenario,
  scenarioQuery,
  withScenario,
  type Scenario,
} from "../../../lib/lessons/scenario";
import { getModel } from "../../../lib/catalog";
import { estimateInputSchema } from "../../../lib/plan/estimate-input";

describe("lesson scenario in the URL", () => {
  it("defaults to Llama 3.1 70B, FP8, 2× H100 SXM with TP, 500 output tokens", () => {
    const { scenario, problems } = parseScenario(new URLSearchParams(""));
    expect(problems).toEqual([]);
    expect(scenario).toMatchObject({ model: "llama-3.1-70b", gpu: "h100-sxm", gpus: 2, par: "tp", weights: "fp8", osl: 500 });
  });

  it("reads each parameter, coercing numbers", () => {
    const { scenario, problems } = parseScenario(new URLSearchParams("model=qwen3-8b&gpu=l4&gpus=1&weights=int4&kv=fp8&concurrency=32&isl=4000&osl=100"));
    expect(problems).toEqual([]);
    expect(scenario).toEqual({ ...DEFAULT_SCENARIO, model: "qwen3-8b", gpu: "l4", gpus: 1, weights: "int4", kv: "fp8", concurrency: 32, isl: 4000, osl: 100 });
  });

  it("a bad parameter falls back alone and is reported with its field", () => {
    const { scenario, problems } = parseScenario({ model: "gpt-9", gpus: "two", concurrency: "8" });
    expect(scenario.model).toBe(DEFAULT_SCENARIO.model);
    expect(scenario.gpus).toBe(DEFAULT_SCENARIO.gpus);
    expect(scenario.concurrency).toBe(8);
    expect(problems.map((p) => p.field).sort()).toEqual(["gpus", "model"]);
    expect(problems.find((p) => p.field === "model")?.message).toMatch(/model must be one of/);
  });

  it("rejects fractional and out-of-range counts", () => {
    expect(parseScenario({ gpus: "1.5" }).problems[0]?.field).toBe("gpus");
    expect(parseScenario({ concurrency: "0" }).problems[0]?.message).toMatch(/at least 1/);
  });

  it("writes only what differs from the default, and reads back the same scenario", () => {
    expect(scenarioQuery(DEFAULT_SCENARIO)).toBe("");
    expect(withScenario("/learn", DEFAULT_SCENARIO)).toBe("/learn");
    const s: Scenario = { ...DEFAULT_SCENARIO, model: "deepseek-v3", gpus: 8, par: "dp-ep", concurrency: 64 };
    expect(scenarioQuery(s)).toBe("model=deepseek-v3&gpus=8&par=dp-ep&concurrency=64");
    expect(parseScenario(new URLSearchParams(scenarioQuery(s))).scenario).toEqual(s);
  });

  it("round-trips any valid scenario (property)", () => {
    fc.assert(
      fc.property(
        fc.record({
          model: fc.constantFrom("llama-3.1-8b", "qwen3-30b-a3b", "deepseek-r1"),
          gpu: fc.constantFrom("h100-sxm", "mi300x", "b200"),
          gpus: fc.integer({ min: 1, max: 512 }),
          par: fc.constantFrom("tp", "pp", "tp-ep", "dp-ep" as const),
          weights: fc.constantFrom("bf16", "fp8", "fp4", "int4" as const),
          kv: fc.constantFrom("auto", "bf16", "fp8", "int8", "fp4" as const),
          concurrency: fc.integer({ min: 1, max: 100_000 }),
          isl: fc.integer({ min: 1, max: 1_000_000 }),
          osl: fc.integer({ min: 1, max: 1_000_000 }),
          engine: fc.constantFrom("vllm", "sglang", "trtllm" as const),
        }),
        (s) => {
          const back = parseScenario(new URLSearchParams(scenarioQuery(s as Scenario)));
          expect(back.problems).toEqual([]);
          expect(back.scenario).toEqual(s);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("GPU count × parallelism → layout", () => {
  const dense = getModel("llama-3.1-70b");
  const moe = getModel("deepseek-v3");
  it("tp and pp use all GPUs along one axis", () => {
    expect(layoutOf({ ...DEFAULT_SCENARIO, gpus: 4, par: "tp" }, dense)).toEqual({ tp: 4, pp: 1, dp: 1 });
    expect(layoutOf({ ...DEFAULT_SCENARIO, gpus: 4, par: "pp" }, dense)).toEqual({ tp: 1, pp: 4, dp: 1 });
  });
  it("expert parallelism spreads whole experts (moeTp = 1, moeEp = GPUs) on MoE models", () => {
    expect(layoutOf({ ...DEFAULT_SCENARIO, gpus: 8, par: "tp-ep" }, moe)).toEqual({ tp: 8, pp: 1, dp: 1, moeTp: 1, moeEp: 8 });
    expect(layoutOf({ ...DEFAULT_SCENARIO, gpus: 8, par: "dp-ep" }, moe)).toEqual({ tp: 1, pp: 1, dp: 8, moeTp: 1, moeEp: 8 });
  });
  it("a dense model under EP falls back to TP, and says so", () => {
    const s = { ...DEFAULT_SCENARIO, gpus: 4, par: "tp-ep" as const };
    expect(layoutOf(s, dense)).toEqual({ tp: 4, pp: 1, dp: 1 });
    expect(parallelismFallsBack(s, dense)).toBe(true);
    expect(parallelismFallsBack(s, moe)).toBe(false);
  });
});

describe("links to the calculator", () => {
  it("uses the estimate request's field names, and the request parses", () => {
    const href = calculateHref({ ...DEFAULT_SCENARIO, kv: "fp8", concurrency: 16 });
    const [path, query] = href.split("?");
    expect(path).toBe("/calculate");
    const q = new URLSearchParams(query);
    expect(Object.fromEntries(q)).toEqual({
      model: "llama-3.1-70b",
      gpu: "h100-sxm",
      engine: "vllm",
      weights: "fp8",
      kv: "fp8",
      tp: "2",
      pp: "1",
      dp: "1",
      isl: "1000",
      osl: "500",
      concurrency: "16",
    });
    expect(estimateInputSchema.safeParse(estimateRequestOf({ ...DEFAULT_SCENARIO, kv: "fp8" }, 4.29)).success).toBe(true);
  });
  it("leaves kv out when the engine decides", () => {
    expect(new URLSearchParams(calculateHref(DEFAULT_SCENARIO).split("?")[1]).has("kv")).toBe(false);
  });
});
