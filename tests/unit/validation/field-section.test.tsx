import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FieldRuns } from "../../../app/validate/_components/FieldRuns";
import { calibrationCoverage, liveField } from "../../../lib/validation/live";
import { fieldReport } from "../../../lib/validation/field-compare";

const html = renderToString(<FieldRuns report={liveField()} seen={calibrationCoverage()} />).replace(/<!-- -->/g, "").replace(/&#x27;/g, "'").replace(/&quot;/g, '"');

describe("/validate third-party field runs", () => {
  const r = liveField();
  it("says how many runs there are and how many the estimate predicts, from the report", () => {
    const words = /data-testid="field-words"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? "";
    expect(words).toContain(`${r.calibratedSummary.runs} serving benchmarks from 10 pages`);
    expect(words).toContain(`The estimate predicts ${r.calibratedSummary.predicted} of them`);
    const closed = r.byMode.find((g) => g.key === "closed loop")!.summary;
    expect(words).toContain(`(${closed.predicted} runs), the time per output token is`);
    // judged against the shipped calibration runs: Qwen3-8B and the A100 are in these runs and in none of those
    expect(words).toMatch(/the calibration never measured [^.]*Qwen3 8B/);
    expect(words).toContain("NVIDIA A100 80GB SXM4");
    expect(words).not.toContain("Qwen3 32B,");
  });

  it("names each engine's implied stack latency beside its calibrated one", () => {
    const list = /data-testid="field-stack"[^>]*>([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? "";
    for (const e of ["vLLM", "SGLang", "TensorRT-LLM"]) expect(list).toContain(`${e}: the runs' first tokens exceed the estimate's GPU time by a median`);
  });

  it("lists the closed-loop runs in a table and the bursts behind a summary, each with its source link", () => {
    const closedRows = r.calibrated.filter((c) => c.mode === "closed loop" && c.predicted).length;
    const firstTable = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? "";
    expect((firstTable.match(/<tr[ >]/g) ?? []).length).toBe(closedRows);
    expect(html).toContain("runs that sent every request at once");
    expect(html).toContain("https://github.com/gpustack/gpustack/blob/");
    const unmodelled = /data-testid="field-unmodelled"[^>]*>([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? "";
    expect(unmodelled).toContain("not predicted: vLLM's --async-scheduling");
  });

  it("renders nothing without runs", () => {
    expect(renderToString(<FieldRuns report={fieldReport([], () => { throw new Error("unused"); })} seen={calibrationCoverage()} />)).toBe("");
  });
});
