import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ConfidenceBadge } from "../../../app/_components/ConfidenceBadge";
import { confidenceFor } from "../../../lib/validation";

const q = (model: string, extra: Record<string, number> = {}) =>
  confidenceFor({ model, gpu: "h100-sxm", engine: "vllm", input: { isl: 2000, osl: 400, concurrency: 8 }, ...extra });

describe("a badge held below its regime's level says what holds it", () => {
  it("names no cap for a plain dense model", () => {
    const a = q("llama-3.1-70b");
    expect(a.heldBy).toBeUndefined();
    expect(renderToString(<ConfidenceBadge answer={a} showErrors />)).not.toContain("held to");
  });

  it("a Mamba-2 hybrid: held to low, and the calculator's badge line says why beside the regime's errors", () => {
    const a = q("nemotron-3-nano-30b-a3b");
    expect(a.level).toBe("low");
    expect(a.heldBy).toEqual(["Mamba-2 (state-space) layers: no calibration or third-party run of such a model to judge it"]);
    const html = renderToString(<ConfidenceBadge answer={a} showErrors />);
    expect(html).toContain("held to low by Mamba-2 (state-space) layers");
    expect(html).toContain("median TPOT error");
  });

  it("caps add up: a Gated DeltaNet hybrid over pipeline stages lists both", () => {
    const a = q("qwen3.5-35b-a3b", { pp: 2 });
    expect(a.heldBy?.length).toBe(2);
    expect(a.heldBy?.some((l) => /pipeline/i.test(l))).toBe(true);
    expect(a.heldBy?.some((l) => /linear-attention \(hybrid\) layers/.test(l))).toBe(true);
  });
});
