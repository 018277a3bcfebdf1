import { describe, expect, it } from "vitest";
import { estimateConfig } from "../../../lib/model/estimate";
import { getGpu, getModel } from "../../../lib/catalog";
import { explainCandidate, runPlan } from "../../../lib/search";
import { choiceRelaxations } from "../../../lib/search/relax";
import { buildSpec } from "../../../lib/search/spec";
import { decodePlanUrl, encodePlanUrl } from "../../../lib/plan/url-state";
import { parse } from "./helpers";

/** DeepSeek-R1 on B200 under TensorRT-LLM, FP4, a tight per-user speed target: where MTP drafts pay. */
const DS = {
  workload: { model: "deepseek-r1", inputTokens: 1000, outputTokens: 1000 },
  slo: { ttftP95Ms: 3000, tpotP95Ms: 4 },
  traffic: { mode: "peak" as const, peakRequestsPerSecond: 1 },
  budget: { gpus: ["b200"], engines: ["trtllm" as const], precisions: ["fp4" as const], kvPrecisions: ["fp8" as const] },
};

describe("the planner with speculative decoding allowed", () => {
  it("tries 1 and 3 MTP drafts only when allowed and only for a model with published acceptance", () => {
    expect(buildSpec(parse(DS)).drafts).toEqual([0]);
    expect(buildSpec(parse({ ...DS, budget: { ...DS.budget, speculative: ["mtp"] } })).drafts).toEqual([0, 1, 3]);
    const llama = { ...DS, workload: { ...DS.workload, model: "llama-3.1-70b" }, budget: { ...DS.budget, speculative: ["mtp"] } };
    expect(buildSpec(parse(llama)).drafts).toEqual([0]);
    // a form's lone checkbox: its value when ticked, false when not
    expect(parse({ ...DS, budget: { ...DS.budget, speculative: "mtp" } }).budget.speculative).toEqual(["mtp"]);
    expect(parse({ ...DS, budget: { ...DS.budget, speculative: false } }).budget.speculative).toBeUndefined();
    const bad = () => parse({ ...DS, budget: { ...DS.budget, speculative: ["eagle"] } });
    expect(bad).toThrow(/speculative\[\] must be one of mtp/);
  });

  it("a TPOT target no plain deployment meets is met with drafts, and the figures are the estimator's", () => {
    const off = runPlan(parse(DS), { relax: false });
    expect(off.feasible).toBe(false);
    const on = runPlan(parse({ ...DS, budget: { ...DS.budget, speculative: ["mtp"] } }), { relax: false });
    expect(on.feasible).toBe(true);
    const best = on.best!;
    expect(best.mtpDraftTokens).toBeGreaterThan(0);
    expect(best.id).toMatch(/\|trtllm\+mtp[13]\|\d+$/);
    expect(best.tpotP95Ms).toBeLessThanOrEqual(4);
    expect(on.summary).toMatch(/TensorRT-LLM, MTP [13] drafts\) at/);
    // the same configuration through the estimate API
    const ref = estimateConfig({
      model: getModel("deepseek-r1")!,
      gpu: getGpu("b200")!,
      input: {
        model: "deepseek-r1", gpu: "b200", engine: "trtllm", weights: "fp4", kv: "fp8", tp: best.tp, pp: best.pp, dp: best.dp,
        moeEp: best.moeEp, isl: 1000, osl: 1000, concurrency: best.concurrency, arrivals: "staggered", mtpDraftTokens: best.mtpDraftTokens,
      },
    });
    expect(best.tpotP50Ms).toBeCloseTo(ref.tpotMs, 9);
    // a chart point is explained by its id, drafts included; an id with drafts the plan did not allow is refused
    const input = parse({ ...DS, budget: { ...DS.budget, speculative: ["mtp"] } });
    expect(explainCandidate(input, best.id)?.mtpDraftTokens).toBe(best.mtpDraftTokens);
    expect(explainCandidate(parse(DS), best.id)).toBeNull();
  });

  it("advises allowing MTP when that is what makes the plan feasible", () => {
    const advice = choiceRelaxations(parse(DS));
    const spec = advice.find((a) => a.kind === "speculative");
    expect(spec?.words).toMatch(/^Allow speculative decoding \(MTP, [13] drafts? per step\)/);
  });

  it("travels in the plan URL as spec=mtp", () => {
    const input = parse({ ...DS, budget: { ...DS.budget, speculative: ["mtp"] } });
    const url = encodePlanUrl(input, { step: 4, run: true });
    expect(url).toContain("spec=mtp");
    expect((decodePlanUrl(url).input.budget as { speculative?: string[] }).speculative).toEqual(["mtp"]);
    // the form's unticked lone checkbox (false) writes nothing, so the link stays valid
    const raw = { ...DS, budget: { ...DS.budget, speculative: false } };
    expect(encodePlanUrl(raw as never)).not.toContain("spec=");
  });
});
