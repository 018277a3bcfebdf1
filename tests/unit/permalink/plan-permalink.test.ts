import { describe, expect, it } from "vitest";
import { decodePlanPermalink, encodePlanPermalink, PermalinkError } from "../../../lib/plan/permalink";
import { DEFAULT_PLAN_INPUT, planInputSchema } from "../../../lib/plan/schema";

const custom = planInputSchema.parse({
  workload: { model: "qwen3-32b", inputTokens: 4000, outputTokens: 800 },
  slo: { preset: "coding-agent", ttftP95Ms: 2000, tpotP95Ms: 30 },
  traffic: { mode: "peak", peakRequestsPerSecond: 40 },
  budget: { gpus: ["h100-sxm", "h200-sxm"], maxUsdPerMonth: 60000, pricingTerm: "1yr" },
});

describe("plan permalinks (the real plan schema)", () => {
  it("round-trip the default and an edited plan", () => {
    const def = planInputSchema.parse(DEFAULT_PLAN_INPUT);
    expect(decodePlanPermalink(encodePlanPermalink(def)).input).toEqual(def);
    expect(decodePlanPermalink(encodePlanPermalink(custom)).input).toEqual(custom);
  });

  it("are short: the default plan in under 40 characters, an edited one in under 200", () => {
    expect(encodePlanPermalink(planInputSchema.parse(DEFAULT_PLAN_INPUT)).length).toBeLessThan(40);
    expect(encodePlanPermalink(custom).length).toBeLessThan(200);
  });

  it("links made with format v1 keep opening (frozen tokens)", () => {
    // Tokens written on 2026-11-29 by encodePlanPermalink, with the inputs they carried then (defaults filled in,
    // so a later change of schema defaults does not change what an old link means). If this fails, the v1 format
    // (or its preset) changed: existing links would break — make a v2 instead.
    expect(decodePlanPermalink("v1.qQQEallbo8sIiQw").input).toEqual(FROZEN_DEFAULT_INPUT);
    expect(decodePlanPermalink(FROZEN_CUSTOM).input).toEqual(FROZEN_CUSTOM_INPUT);
  });

  it("name the field when a link's input is out of range", () => {
    const bad = { ...custom, traffic: { ...custom.traffic, peakRequestsPerSecond: -5 } };
    try {
      decodePlanPermalink(encodePlanPermalink(bad as never));
      throw new Error("did not throw");
    } catch (e) {
      expect(e).toBeInstanceOf(PermalinkError);
      expect((e as PermalinkError).issues).toContainEqual({
        field: "traffic.peakRequestsPerSecond",
        message: "peakRequestsPerSecond must be greater than 0",
      });
    }
  });
});

const FROZEN_DEFAULT_INPUT = {
  workload: { model: "llama-3.1-70b", inputTokens: 1000, inputTokensP95: 3000, outputTokens: 300, outputTokensP95: 800, systemPromptTokens: 0, prefixCacheHitRate: 0 },
  slo: { preset: "chat", ttftP50Ms: 400, ttftP95Ms: 1000, tpotP95Ms: 50 },
  traffic: { mode: "users", dailyActiveUsers: 50000, requestsPerUserPerDay: 10, peakToAverage: 3, monthlyGrowthPct: 0 },
  budget: { gpus: [], providers: [], pricingTerm: "on-demand", precisions: ["bf16", "fp8"], kvPrecisions: ["bf16", "fp8"], engines: ["vllm", "sglang", "trtllm"], headroomPct: 20, redundancy: "n+1" },
};
const FROZEN_CUSTOM_INPUT = {
  workload: { model: "qwen3-32b", inputTokens: 4000, outputTokens: 800, systemPromptTokens: 0, prefixCacheHitRate: 0 },
  slo: { preset: "coding-agent", ttftP95Ms: 2000, tpotP95Ms: 30 },
  traffic: { mode: "peak", peakRequestsPerSecond: 40, peakToAverage: 3, monthlyGrowthPct: 0 },
  budget: { maxUsdPerMonth: 60000, gpus: ["h100-sxm", "h200-sxm"], providers: [], pricingTerm: "1yr", precisions: ["bf16", "fp8"], kvPrecisions: ["bf16", "fp8"], engines: ["vllm", "sglang", "trtllm"], headroomPct: 20, redundancy: "n+1" },
};
const FROZEN_CUSTOM =
  "v1._QNBxZWiQW-JDCPgB12eDBmKBwA2IYkHMbUMBYMHYa8MFZQGIf0FBQ8BsQNV7gUt7QUANB-oDDGNDAA0E60EEZ4EFYEEYd0L";
