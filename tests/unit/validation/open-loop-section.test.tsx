import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { OpenLoop } from "../../../app/validate/_components/OpenLoop";
import { liveOpenLoop } from "../../../lib/validation/live";
import type { OpenLoopComparison, OpenLoopReport } from "../../../lib/validation/open-loop-compare";
import { summariseOpenLoop } from "../../../lib/validation/open-loop-compare";

const point = { model: "llama-3.1-8b", gpu: "h100-sxm", tp: 1, weights: "bf16" as const, isl: 467, osl: 256, achieved: 2, ttftMs: 20, itlMs: 8, source: "TRT-LLM docs — Online Serving table" };
const cmp = (rate: number, over: Partial<OpenLoopComparison>): OpenLoopComparison => ({
  point: { ...point, rate }, predictedSaturated: false, inFlight: 3, ttftErr: 0.1, itlErr: -0.2, ttftPredMs: 22, itlPredMs: 6.4, ...over,
});

describe("/validate open-loop section", () => {
  it("states both first-token errors from the report and marks saturated points", () => {
    const calibrated = [cmp(2, { ttftErr: 3, ttftPredMs: 80 }), cmp(64, { predictedSaturated: true, inFlight: 600, ttftErr: null, itlErr: null, ttftPredMs: null, itlPredMs: null })];
    const bare = [cmp(2, { ttftErr: 0.1, ttftPredMs: 22 }), cmp(64, { predictedSaturated: true, inFlight: 600, ttftErr: null, itlErr: null, ttftPredMs: null, itlPredMs: null })];
    const report: OpenLoopReport = { calibrated, bare, calibratedSummary: summariseOpenLoop(calibrated), bareSummary: summariseOpenLoop(bare) };
    const html = renderToString(<OpenLoop report={report} calibratedT0Ms={78.4} />).replace(/<!-- -->/g, "");
    const words = (/data-testid="open-loop-words"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? "").replace(/&#x27;/g, "'");
    expect(words).toContain("2 points where requests arrive at a set rate");
    expect(words).toContain("On the 1 points with a steady state the inter-token latency is 20 % off (median −20 %)");
    expect(words).toContain("The first token is 300 % off (median +300 %) with TensorRT-LLM's calibrated serving-stack latency of 78.4 ms, and 10 % (median +10 %) with none");
    expect(words).toContain("At 1 points the estimated replica cannot carry the rate");
    const rows = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? "";
    expect((rows.match(/<tr[ >]/g) ?? []).length).toBe(2);
    expect((rows.match(/saturated/g) ?? []).length).toBe(4); // in flight, both TTFT estimates and the ITL estimate
  });

  it("renders nothing without points", () => {
    const empty: OpenLoopReport = { calibrated: [], bare: [], calibratedSummary: summariseOpenLoop([]), bareSummary: summariseOpenLoop([]) };
    expect(renderToString(<OpenLoop report={empty} calibratedT0Ms={78} />)).toBe("");
  });

  it("on the shipped points: the Triton runs' first tokens are far closer to the estimate without the calibrated stack latency", () => {
    const r = liveOpenLoop();
    expect(r.calibratedSummary.points).toBe(60);
    expect(r.calibratedSummary.compared).toBeGreaterThan(40);
    // the calibration's t_0 (tens of ms) dwarfs these 17–60 ms first tokens; without it the estimate is the GPU's time
    expect(r.bareSummary.ttftMdape!).toBeLessThan(r.calibratedSummary.ttftMdape! / 4);
    // the stack latency does not touch the inter-token latency
    expect(Math.abs(r.bareSummary.itlMdape! - r.calibratedSummary.itlMdape!)).toBeLessThan(0.02);
  });
});
