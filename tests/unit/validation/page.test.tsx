import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import ValidatePage from "../../../app/validate/page";
import { badgeTable } from "../../../lib/validation/live";
import { MEASURED_ROWS } from "../../../lib/validation/measurements.generated";

describe("/validate server render", () => {
  const html = renderToString(ValidatePage());

  it("shows the shipped row count, the scatter container and the measured table", () => {
    // 1,483 transcribed records, 1,380 distinct runs (independent count: Python over the raw CSV with the tp×ep
    // cleaning rule, keyed on setup + figures, see tests/unit/model/calib-rows.test.ts)
    expect(MEASURED_ROWS.length).toBe(1483);
    const rows = (1380).toLocaleString("en-US");
    expect(html).toMatch(new RegExp(`data-testid="summary-rows"[^>]*>${rows}<`));
    expect(html).toContain('data-testid="validate-scatter"');
    expect(html).toContain('data-testid="validate-table"');
    expect(html).toContain('data-testid="confidence-marginals"');
  });

  it("renders an anchor for every regime a confidence badge can link to", () => {
    const ids = Object.keys(badgeTable().regimes);
    expect(ids.length).toBeGreaterThan(0);
    const missing = ids.filter((id) => !html.includes(`id="${id}"`));
    expect(missing).toEqual([]);
    // badges of a GPU generation no row measured link to the hardware hold-out
    expect(html).toContain('id="unseen-hardware"');
    expect(html).toContain('href="#unseen-hardware"');
  });

  it("lists every engine release the shipped rows record (and the unrecorded ones) with the spread between releases", () => {
    const releases = new Set(MEASURED_ROWS.map((r) => `release-${r.engine}-${r.engineVersion ?? "unrecorded"}`));
    // upstream recorded 19 distinct engine releases; three engines also have rows without one
    expect(releases.size).toBe(22);
    // TRT-LLM 1.2.0rc6.post3 holds only the DeepSeek-R1 MTP runs, predicted with their drafts; 1.3.0rc5 holds only the
    // three 15,000-token Qwen3-32B-NVFP4 runs measured faster than their GPUs allow, none predicted, so it has no line
    const missing = [...releases].filter((id) => !html.includes(`data-testid="${id}"`));
    expect(missing).toEqual(["release-trtllm-1.3.0rc5"]);
    expect(MEASURED_ROWS.filter((r) => r.engineVersion === "1.3.0rc5").map((r) => r.isl)).toEqual([15000, 15000, 15000]);
    expect(html).toMatch(/data-testid="release-spread"[^>]*>\d+<!-- --> setups \(same model, GPU, engine and precision\)/);
  });

  it("names where the measurements come from", () => {
    expect(html).toContain("github.com/ai-dynamo/aiconfigurator");
    expect(html).toContain("095f58a");
    expect(html).toContain("Apache-2.0");
  });

  it("states how repeatable the measurements are (10 setups measured twice or more, speculative-decoding runs apart; TTFT 34.6 %, TPOT 18.2 % apart)", () => {
    // Independent figures: see tests/unit/validation/repeatability.test.ts (Python over the raw CSV).
    const text = html.replace(/<!-- -->/g, "");
    const m = /data-testid="repeatability"[^>]*>([^<]*)</.exec(text);
    expect(m).not.toBeNull();
    expect(m![1]).toContain("10 setups");
    expect(m![1]).toMatch(/median of\s+35 % in TTFT and 18 % in TPOT/); // 34.6 % and 18.2 % at the page's precision
  });
});

describe("/validate published figures", () => {
  it("says how many first-token latencies were measured in-process and compared with the prefill time", async () => {
    const { PUBLIC_ROWS } = await import("../../../lib/validation/public-measurements.generated");
    const n = PUBLIC_ROWS.filter((r) => r.metric === "ttft_ms" && r.engineLabel.includes("gptSessionBenchmark")).length;
    // the 42 ttft_ms rows of the shipped public set are all gptSessionBenchmark (TensorRT-LLM 0.5 and 0.9: Llama 2 7B/70B,
    // Mistral-7B, Mixtral-8x7B)
    expect(n).toBe(42);
    const html = renderToString(ValidatePage()).replace(/<!-- -->/g, "");
    expect(html).toContain(`<code>gptSessionBenchmark</code> (${n} figures) come from an in-process static batch`);
  });
});

describe("/validate regimes", () => {
  it("show each regime's errors on models the fit never saw beside its own", async () => {
    const { HELD_OUT_REGIMES } = await import("../../../lib/model/calibration.generated");
    const all = HELD_OUT_REGIMES!["regime_all"]!;
    const html = renderToString(ValidatePage()).replace(/<!-- -->/g, "");
    const pct = (x: number) => `${x >= 0.1 ? Math.round(x * 100) : Math.round(x * 1000) / 10} %`;
    expect(html).toContain(`data-testid="regime_all-held-out">${pct(all.tpotMdape)} / ${pct(all.ttftMdape)}<`);
    expect(html).toContain("Held out TPOT / TTFT");
  });
});
