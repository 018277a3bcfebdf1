import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PublicByGpu, UnmeasuredGpusLine } from "../../../app/validate/_components/PublicByGpu";

const row = (gpu: string, calibrated: boolean) => ({ gpu, calibrated, rows: 145, predicted: 145, mdape: 0.202, bias: -0.05, withinBand: 0.572 });

describe("/validate published figures per GPU", () => {
  it("names each GPU, says which the calibration measured, and which factor class an unmeasured one takes", () => {
    const html = renderToString(
      <PublicByGpu groups={[row("rtx-pro-6000", false), row("a100-80gb", false), row("h100-sxm", true)]} band={0.25} />,
    ).replace(/<!-- -->/g, "");
    const text = (id: string) => (new RegExp(`data-testid="${id}"[^>]*>([\\s\\S]*?)</tr>`).exec(html)?.[1] ?? "").replace(/<[^>]+>/g, "|");
    expect(text("public-gpu-rtx-pro-6000")).toContain("NVIDIA RTX PRO 6000 Blackwell Server Edition");
    expect(text("public-gpu-rtx-pro-6000")).toContain("never measured: Blackwell-class factors");
    // an Ampere GPU takes the Hopper-class factors
    expect(text("public-gpu-a100-80gb")).toContain("never measured: Hopper-class factors");
    expect(text("public-gpu-h100-sxm")).toMatch(/\|measured\|/);
    expect(text("public-gpu-h100-sxm")).toContain("145/145");
    expect(text("public-gpu-h100-sxm")).toContain("20 %");
    expect(text("public-gpu-h100-sxm")).toContain("−5 %");
  });
});

describe("/validate unseen hardware: the published error on GPUs no calibration run measured", () => {
  it("lists only the unmeasured GPUs, with their error and figure count, and nothing when there are none", () => {
    const html = renderToString(
      <UnmeasuredGpusLine groups={[row("rtx-pro-6000", false), row("a100-80gb", false), row("h100-sxm", true)]} />,
    ).replace(/<!-- -->/g, "");
    const text = html.replace(/<[^>]+>/g, "");
    expect(text).toContain("20 % on the RTX PRO 6000 Blackwell Server Edition (145 figures)");
    expect(text).toContain(" and 20 % on the A100 80GB SXM4 (145 figures).");
    expect(text).not.toContain("H100");
    expect(renderToString(<UnmeasuredGpusLine groups={[row("h100-sxm", true)]} />)).toBe("");
  });
});
