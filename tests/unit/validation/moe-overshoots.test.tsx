import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MoeOvershoots } from "../../../app/validate/_components/MoeOvershoots";
import { overshootEvidence, sameSetupElsewhere, type RunAt } from "../../../lib/validation/moe-overshoots";
import { measured } from "./fixtures";

const at = (over: Parameters<typeof measured>[0], remapped: RunAt["remapped"] = null): RunAt => ({ row: measured(over), remapped });

// the run over the target: SGLang, release not recorded, 2025-11-10, TP 8, C 4
const bad = at({ id: "bad", model: "moe-x", hfModel: "org/moe", gpu: "b200", engine: "sglang", weights: "fp4", isl: 8192, osl: 1024, concurrency: 4, tp: 8, moeTp: 8, moeEp: 1, ttftMs: 5615, tpotMs: 12.4, measured: "2025-11-10" });
// the same setup on a later release, recorded as tp 64 × ep 8 and predicted at TP 8 · EP 8 (the cleaning rule)
const later = at(
  { ...bad.row, id: "later", engineVersion: "0.5.9", measured: "2026-03-25", tp: 64, moeTp: 8, moeEp: 8, ttftMs: 246, tpotMs: 8.38 },
  { tp: 8, dp: 1, moeTp: 1, moeEp: 8 },
);
// the same setup on 4 GPUs: another setup
const fourGpus = at({ ...bad.row, id: "four", engineVersion: "0.5.9", measured: "2026-03-25", tp: 4, moeTp: 4 });
// another concurrency, another engine, and the same run recorded again under another id (same release and date)
const c8 = at({ ...bad.row, id: "c8", engineVersion: "0.5.9", measured: "2026-03-25", concurrency: 8 });
const trt = at({ ...bad.row, id: "trt", engine: "trtllm", engineVersion: "1.2.0", measured: "2026-01-01" });
const repeat = at({ ...bad.row, id: "repeat" });
// an undated run of the same setup sorts after the dated ones
const undated = at({ ...bad.row, id: "undated", engineVersion: "0.5.1", measured: null, ttftMs: 400 });

describe("the MoE runs over the throughput target, with the same setup's other runs", () => {
  const runs = [bad, later, fourGpus, c8, trt, repeat, undated];

  it("another run of a setup: same inputs and GPU count at the parallelism predicted, another release or date", () => {
    expect(sameSetupElsewhere(bad, later)).toBe(true);
    expect(sameSetupElsewhere(bad, fourGpus)).toBe(false);
    expect(sameSetupElsewhere(bad, c8)).toBe(false);
    expect(sameSetupElsewhere(bad, trt)).toBe(false);
    expect(sameSetupElsewhere(bad, repeat)).toBe(false);
    expect(sameSetupElsewhere(bad, bad)).toBe(false);
    // without the cleaning rule the later run would count 64 GPUs and not match
    expect(sameSetupElsewhere(bad, { ...later, remapped: null })).toBe(false);
  });

  it("resolves each listed run by id and orders the same setup's runs by date, undated last", () => {
    const [e, missing] = overshootEvidence(
      [
        { id: "bad", overshoot: 2.132, ttftPredMs: 186, tpotPredMs: 8.2 },
        { id: "gone", overshoot: 2.05, ttftPredMs: 1, tpotPredMs: 1 },
      ],
      runs,
    );
    expect(e!.run?.row.id).toBe("bad");
    expect(e!.overshoot).toBe(2.132);
    expect(e!.sameSetup.map((r) => r.row.id)).toEqual(["later", "undated"]);
    expect(missing!.run).toBeNull();
    expect(missing!.sameSetup).toEqual([]);
  });

  it("renders the run's measurement, the prediction and the other runs in words", () => {
    const items = overshootEvidence([{ id: "bad", overshoot: 2.132, ttftPredMs: 186, tpotPredMs: 8.2 }], runs);
    const html = renderToString(<MoeOvershoots items={items} />).replace(/<!-- -->/g, "");
    const text = html.replace(/<[^>]+>/g, "");
    expect(text).toContain("2.13×");
    expect(text).toContain("org/moe on B200, SGLang (release not recorded), measured 2025-11-10, FP4, TP 8, ISL 8,192 / OSL 1,024, concurrency 4");
    expect(text).toContain("first token 5.62 s measured, 186 ms predicted");
    expect(text).toContain("TPOT 12.4 ms measured, 8.2 ms predicted");
    expect(text).toContain("SGLang 0.5.9, measured 2026-03-25 (TP 8 · EP 8): first token 246 ms, TPOT 8.38 ms");
    expect(text).toContain("SGLang 0.5.1, date not recorded (TP 8): first token 400 ms");
    expect((html.match(/data-testid="held-out-moe-over-same"/g) ?? []).length).toBe(2);
    // nothing over the target: nothing rendered
    expect(renderToString(<MoeOvershoots items={[]} />)).toBe("");
  });

  it("says so when no other run of the setup was measured", () => {
    const items = overshootEvidence([{ id: "bad", overshoot: 2.5, ttftPredMs: 186, tpotPredMs: 8.2 }], [bad]);
    const text = renderToString(<MoeOvershoots items={items} />).replace(/<!-- -->/g, "").replace(/<[^>]+>/g, "");
    expect(text).toContain("No other run of the same setup was measured.");
  });
});
