import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { HeldOut } from "../../../app/validate/_components/HeldOut";
import type { HeldOutSummary } from "../../../lib/model/calib/held-out";
import { CALIBRATION, HELD_OUT } from "../../../lib/model/calibration.generated";
import { measured } from "./fixtures";

const g = (rows: number, tpot: number, ttft: number) => ({
  rows,
  predictedShare: 0.9,
  tpotMdape: tpot,
  ttftMdape: ttft,
  tpotWithin25: 0.75,
  ttftWithin25: 0.5,
});

/** A hand-built summary: TPOT 12 % ≤ 15 % met, TTFT 40 % > 25 % not met, 90 % < 95 % not met, 1.5× ≤ 2× met. */
const fake: HeldOutSummary = {
  band: 0.25,
  overall: g(40, 0.12, 0.4),
  byModel: { "org--Model-A": g(10, 0.05, 0.3), "org--Model-B": g(30, 0.2, 0.45) },
  byGpu: { "h100-sxm": g(40, 0.12, 0.4) },
  byEngine: { sglang: g(15, 0.3, 0.6), vllm: g(25, 0.1, 0.2) },
  byWeights: { fp8: g(40, 0.12, 0.4) },
  byMoe: { dense: g(40, 0.12, 0.4) },
  byHarnessEngine: { AIConfigurator: g(10, 0.1, 0.25), "AIConfigurator vllm": g(10, 0.1, 0.25), InferenceMAX: g(30, 0.13, 0.41), "InferenceMAX trtllm": g(30, 0.13, 0.41) },
  moeSmallBatch: { rows: 6, maxOvershoot: 1.5, medianRatio: 1.1, maxDecodeOvershoot: 1.25, over: [] },
  targets: {
    tpotMdape: { value: 0.12, limit: 0.15, kind: "max", met: true },
    ttftMdape: { value: 0.4, limit: 0.25, kind: "max", met: false },
    predictedShare: { value: 0.9, limit: 0.95, kind: "min", met: false },
    moeMaxOvershoot: { value: 1.5, limit: 2, kind: "max", met: true },
    allMet: false,
  },
};

/** Text of the element with a data-testid, tags stripped. */
function textOf(html: string, testId: string): string {
  const m = new RegExp(`data-testid="${testId}"[^>]*>([\\s\\S]*?)</li>`).exec(html);
  return (m?.[1] ?? "").replace(/<[^>]+>/g, "").replace(/<!-- -->/g, "");
}

describe("/validate held-out section", () => {
  it("states each target with its limit and met / not met in words", () => {
    const html = renderToString(<HeldOut calibration={CALIBRATION} heldOut={fake} />);
    expect(textOf(html, "held-out-target-tpot")).toBe("TPOT MdAPE 12 % — target ≤ 15 %: met");
    expect(textOf(html, "held-out-target-ttft")).toBe("TTFT MdAPE 40 % — target ≤ 25 %: not met");
    expect(textOf(html, "held-out-target-share")).toBe("Share of rows predicted 90 % — target ≥ 95 %: not met");
    expect(textOf(html, "held-out-target-moe")).toContain("6 rows) 1.5× — target ≤ 2×: met");
    expect(textOf(html, "held-out-moe-decode")).toBe(
      "Per-user decode speed (1/TPOT) of the same rows, worst overstatement 1.25× (first-token latency left out)",
    );
    expect(html).toContain("Not all held-out targets are met.");
    // 2 architectures, 40 rows, how to reproduce
    expect(html.replace(/<!-- -->/g, "")).toContain("each of the 2 architectures");
    expect(html.replace(/<!-- -->/g, "")).toContain("over all 40 held-out predictions");
    expect(html).toContain("npm run calibrate");
  });

  it("lists every model (as its Hugging Face id) and every engine with its held-out errors", () => {
    const html = renderToString(<HeldOut calibration={CALIBRATION} heldOut={fake} />);
    const byModel = /data-testid="held-out-by-model"[\s\S]*?<\/table>/.exec(html)?.[0] ?? "";
    expect(byModel).toContain("org/Model-A");
    expect(byModel).toContain("org/Model-B");
    // Model-B row: 30 rows, 90 %, TPOT 20 %, TTFT 45 %, 75 %, 50 %
    expect(byModel.replace(/<!-- -->/g, "")).toMatch(/org\/Model-B<\/td><td[^>]*>30<\/td><td[^>]*>90 %<\/td><td[^>]*>20 %<\/td><td[^>]*>45 %<\/td><td[^>]*>75 %<\/td><td[^>]*>50 %</);
    const byEngine = /data-testid="held-out-by-engine"[\s\S]*?<\/table>/.exec(html)?.[0] ?? "";
    expect(byEngine).toContain("SGLang");
    expect(byEngine).toContain("vLLM");
  });

  it("lists the held-out errors per benchmark harness and engine, and quotes the repeatability floor", () => {
    const html = renderToString(<HeldOut calibration={CALIBRATION} heldOut={fake} repeatTtft={0.346} />).replace(/<!-- -->/g, "");
    const byHarness = /data-testid="held-out-by-harness"[\s\S]*?<\/table>/.exec(html)?.[0] ?? "";
    expect(byHarness).toContain("AIConfigurator, all engines");
    expect(byHarness).toContain("AIConfigurator · vLLM");
    expect(byHarness).toMatch(/InferenceMAX · TensorRT-LLM<\/td><td[^>]*>30<\/td><td[^>]*>90 %<\/td><td[^>]*>13 %<\/td><td[^>]*>41 %</);
    expect(html).toContain("by a median 35 % (the repeatability floor");
    // without a floor there is no sentence about it (no made-up number)
    const none = renderToString(<HeldOut calibration={CALIBRATION} heldOut={fake} />).replace(/<!-- -->/g, "");
    expect(none).toContain("held-out-by-harness");
    expect(none).not.toContain("repeatability floor");
  });

  it("names the MoE runs over the throughput target under its line, and nothing when there are none", () => {
    const none = renderToString(<HeldOut calibration={CALIBRATION} heldOut={fake} />);
    expect(none).not.toContain("held-out-moe-over");
    const run = { row: measured({ id: "x", hfModel: "org/moe", engine: "sglang", concurrency: 4, ttftMs: 5615 }), remapped: null };
    const html = renderToString(
      <HeldOut calibration={CALIBRATION} heldOut={fake} overshoots={[{ overshoot: 2.13, ttftPredMs: 186, tpotPredMs: 8.2, run, sameSetup: [] }]} />,
    ).replace(/<!-- -->/g, "");
    const list = /data-testid="held-out-moe-over"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? "";
    expect(list.replace(/<[^>]+>/g, "")).toContain("2.13× org/moe on HOPPER-X, SGLang (release not recorded), date not recorded");
    // it sits in the targets list, right after the MoE target line
    expect(html.indexOf("held-out-target-moe")).toBeLessThan(html.indexOf("held-out-moe-over"));
    expect(html.indexOf("held-out-moe-over")).toBeLessThan(html.indexOf("held-out-moe-decode"));
  });

  it("shows where the held-out error sits, and says a release factor would meet the target only when it would", () => {
    const e = (grouping: string, groups: number, tpot: number, ttft: number) => ({ grouping, groups, rows: 40, tpotMdape: tpot, ttftMdape: ttft });
    const sources = [
      e("none (as predicted)", 1, 0.12, 0.4),
      e("engine", 2, 0.11, 0.38),
      e("engine release", 5, 0.1, 0.22),
      e("model and engine", 3, 0.1, 0.3),
      e("setup (all but concurrency and output length)", 12, 0.04, 0.09),
    ];
    const html = renderToString(<HeldOut calibration={CALIBRATION} heldOut={{ ...fake, errorSources: sources }} />).replace(/<!-- -->/g, "");
    const table = /data-testid="held-out-error-sources"[\s\S]*?<\/table>/.exec(html)?.[0] ?? "";
    expect((/<tbody>[\s\S]*?<\/tbody>/.exec(table)?.[0].match(/<tr[ >]/g) ?? []).length).toBe(5);
    expect(table).toMatch(/engine release<\/td><td[^>]*>5<\/td><td[^>]*>10 %<\/td><td[^>]*>22 %</);
    const words = (/data-testid="held-out-error-sources-words"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? "").replace(/<[^>]+>/g, "").replace(/&#x27;/g, "'");
    expect(words).toContain("12 of them) the estimate's curves across concurrency and output length leave 9 % TTFT and 4 % TPOT error");
    expect(words).toContain("the rest of the 40 % TTFT error is a level");
    expect(words).toContain("would leave 22 % TTFT, within the 25 % target");
    // a release factor that would not reach the target is not said to
    const worse = sources.map((x) => (x.grouping === "engine release" ? { ...x, ttftMdape: 0.3 } : x));
    const html2 = renderToString(<HeldOut calibration={CALIBRATION} heldOut={{ ...fake, errorSources: worse }} />).replace(/<!-- -->/g, "");
    expect(html2).toContain("would leave 30 % TTFT.");
    expect(html2).not.toContain("within the 25 % target");
    // a summary written before the decomposition existed shows no table
    expect(renderToString(<HeldOut calibration={CALIBRATION} heldOut={fake} />)).not.toContain("held-out-error-sources");
  });

  it("says the figures were not computed instead of showing zeros when HELD_OUT is null", () => {
    const html = renderToString(<HeldOut calibration={CALIBRATION} heldOut={null} />);
    expect(html).toContain('data-testid="held-out-missing"');
    expect(html).toContain("have not been computed");
    expect(html).not.toContain("held-out-by-model");
    expect(html).not.toContain("held-out-target");
    expect(html).not.toContain("<b>0 %</b>");
    // the in-sample line stays
    expect(html).toContain("in-sample");
  });

  it("renders the committed figures: one row per model of HELD_OUT", () => {
    expect(HELD_OUT).not.toBeNull();
    const html = renderToString(<HeldOut calibration={CALIBRATION} heldOut={HELD_OUT} />);
    const byModel = /data-testid="held-out-by-model"[\s\S]*?<\/table>/.exec(html)?.[0] ?? "";
    const models = HELD_OUT ? Object.keys(HELD_OUT.byModel) : [];
    expect(models.length).toBeGreaterThan(0);
    const body = /<tbody>[\s\S]*?<\/tbody>/.exec(byModel)?.[0] ?? "";
    expect((body.match(/<tr[ >]/g) ?? []).length).toBe(models.length);
    for (const m of models) expect(byModel).toContain(m.replace("--", "/"));
  });
});
