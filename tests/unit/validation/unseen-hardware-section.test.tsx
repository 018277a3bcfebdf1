import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { UnseenHardware } from "../../../app/validate/_components/UnseenHardware";
import { GPUS } from "../../../lib/catalog";
import type { HardwareHeldOut } from "../../../lib/model/calib/held-out-hardware";
import { HELD_OUT_HARDWARE } from "../../../lib/model/calibration.generated";

const g = (rows: number, tpot: number, ttft: number) => ({
  rows,
  predictedShare: 1,
  tpotMdape: tpot,
  ttftMdape: ttft,
  tpotWithin25: 0.6,
  ttftWithin25: 0.4,
});

/** Hand-built: the B200 is predicted better from the Hopper factors (12 %) than from GB200 alone (29 %); the H100 is not. */
const fake: HardwareHeldOut = {
  unseenGpu: {
    overall: g(30, 0.19, 0.33),
    byGpu: { b200: g(10, 0.29, 0.44), gb200: g(5, 0.3, 0.6), "h100-sxm": g(15, 0.08, 0.2) },
    byEngine: { vllm: g(30, 0.19, 0.33) },
    byMoe: { dense: g(20, 0.1, 0.3), MoE: g(10, 0.3, 0.4) },
  },
  unseenGeneration: {
    overall: g(30, 0.15, 0.37),
    byGpu: { b200: g(10, 0.12, 0.38), gb200: g(5, 0.45, 0.5), "h100-sxm": g(15, 0.09, 0.3) },
    byEngine: { vllm: g(30, 0.15, 0.37) },
    byMoe: { dense: g(20, 0.096, 0.344), MoE: g(10, 0.292, 0.415) },
  },
};

const text = (html: string) =>
  html.replace(/<!-- -->/g, "").replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/\s+/g, " ").trim();
/** Text inside the element with data-testid="unseen-<id>" (up to its closing tag `end`). */
const inner = (html: string, id: string, end: string) =>
  text(new RegExp(`data-testid="unseen-${id}"[^>]*>([\\s\\S]*?)</${end}>`).exec(html)?.[1] ?? "");
const row = (html: string, id: string) => inner(html, id, "tr");

describe("/validate: on GPUs it never saw", () => {
  const html = renderToString(<UnseenHardware heldOut={fake} measuredGenerations={["blackwell", "hopper"]} />);

  it("sits at the anchor the badges of unmeasured generations link to", () => {
    expect(html).toContain('id="unseen-hardware"');
  });

  it("shows both hold-outs side by side, overall, per GPU (by name) and dense vs MoE", () => {
    expect(row(html, "overall")).toBe("All rows 30 19 % 33 % 15 % 37 %");
    expect(row(html, "b200")).toContain("B200");
    expect(row(html, "b200")).toMatch(/10 29 % 44 % 12 % 38 %$/);
    expect(row(html, "dense")).toMatch(/Dense models 20 10 % 30 % 9\.6 % 34 %$/);
    expect(row(html, "MoE")).toMatch(/MoE models 10 30 % 40 % 29 % 42 %$/);
  });

  it("names a GPU that the other generation predicts better than its own class fitted on its sibling alone", () => {
    expect(inner(html, "better-b200", "span")).toBe("NVIDIA B200 12 % against 29 % from the NVIDIA GB200");
    expect(inner(html, "better", "p")).toMatch(/^Left out, one GPU is predicted better by the other generation's factors/);
    expect(html).not.toContain("unseen-better-h100-sxm");
    expect(html).not.toContain("unseen-better-gb200");
  });

  it("counts the catalog GPUs of generations no row measured", () => {
    const n = GPUS.filter((x) => x.generation !== "hopper" && x.generation !== "blackwell").length;
    expect(n).toBeGreaterThan(0);
    expect(text(html)).toContain(`estimates the ${n} catalog GPUs of generations no row measured`);
  });

  it("says how to compute the figures when the calibration has none", () => {
    const none = renderToString(<UnseenHardware heldOut={null} measuredGenerations={[]} />);
    expect(none).toContain("unseen-hardware-missing");
    expect(none).toContain("npm run calibrate");
  });

  it("renders the committed figures", () => {
    expect(HELD_OUT_HARDWARE).not.toBeNull();
    const real = renderToString(<UnseenHardware heldOut={HELD_OUT_HARDWARE} measuredGenerations={["blackwell", "hopper"]} />);
    for (const id of Object.keys(HELD_OUT_HARDWARE!.unseenGpu.byGpu)) expect(real).toContain(`data-testid="unseen-${id}"`);
  });
});
