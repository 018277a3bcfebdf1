import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ForwardInTime } from "../../../app/validate/_components/ForwardInTime";
import type { TimeHeldOut } from "../../../lib/model/calib/held-out-time";
import { HELD_OUT_TIME } from "../../../lib/model/calibration.generated";

const g = (rows: number, pred: number, tpot: number, ttft: number) => ({
  rows,
  predictedShare: pred,
  tpotMdape: tpot,
  ttftMdape: ttft,
  tpotWithin25: 0.6,
  ttftWithin25: 0.4,
});

/** Hand-built: November predicts two models its fit never saw; January none. */
const fake: TimeHeldOut = {
  months: [
    { month: "2025-11", trainRuns: 329, unseenArchs: ["deepseek-ai--DeepSeek-R1", "openai--gpt-oss-120b"], ...g(162, 0.772, 0.192, 0.499) },
    { month: "2026-01", trainRuns: 555, unseenArchs: [], ...g(83, 1, 0.22, 0.555) },
  ],
  overall: g(245, 0.85, 0.2, 0.51),
  byModel: {},
  byEngine: { sglang: g(45, 0.9, 0.21, 0.69), vllm: g(200, 0.84, 0.2, 0.34) },
  undatedRuns: 436,
};

const text = (html: string) =>
  html.replace(/<!-- -->/g, "").replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/\s+/g, " ").trim();
const row = (html: string, id: string) => text(new RegExp(`data-testid="${id}"[^>]*>([\\s\\S]*?)</tr>`).exec(html)?.[1] ?? "");

describe("/validate: on next month's runs", () => {
  const html = renderToString(<ForwardInTime heldOut={fake} />);

  it("gives each month with the runs its fit saw, and names the models new to that fit", () => {
    expect(row(html, "forward-2025-11")).toBe(
      "November 2025 new to the fit: DeepSeek-R1, gpt-oss-120b 329 162 77 % 19 % 50 %",
    );
    expect(row(html, "forward-2026-01")).toBe("January 2026 555 83 100 % 22 % 56 %");
    expect(html).not.toContain("forward-2026-01-new-models");
  });

  it("sums the months, overall and per engine, and counts the undated runs it leaves out", () => {
    expect(row(html, "forward-overall")).toBe("All months 245 85 % 20 % 51 %");
    expect(row(html, "forward-engine-sglang")).toBe("All months, SGLang 45 90 % 21 % 69 %");
    expect(text(html)).toContain("the 436 runs that record no date are in no fit and no month");
  });

  it("says how to compute it when the calibration lacks it", () => {
    const none = renderToString(<ForwardInTime heldOut={null} />);
    expect(none).toContain('data-testid="forward-in-time-missing"');
    expect(none).not.toContain("forward-in-time-table");
  });

  it("the committed calibration carries it: months in order, each fit on more runs than the last", () => {
    expect(HELD_OUT_TIME).not.toBeNull();
    const months = HELD_OUT_TIME!.months;
    expect(months.length).toBeGreaterThanOrEqual(3);
    expect(months.map((m) => m.month)).toEqual([...months.map((m) => m.month)].sort());
    for (let i = 1; i < months.length; i++) expect(months[i]!.trainRuns).toBeGreaterThan(months[i - 1]!.trainRuns);
    expect(HELD_OUT_TIME!.overall.rows).toBe(months.reduce((s, m) => s + m.rows, 0));
  });
});
