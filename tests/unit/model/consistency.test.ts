import { describe, expect, it } from "vitest";
import { getGpu } from "../../../lib/catalog/gpus";
import { getModel } from "../../../lib/catalog/models";
import { inconsistentMeasurement, prefillPeakShare, type RunTiming } from "../../../lib/model/calib/consistency";
import { predictRow } from "../../../lib/model/calib/predict";
import type { CalibRow } from "../../../lib/model/calib/rows";

const qwen = getModel("qwen3-32b")!;
const b200 = getGpu("b200")!;

// An upstream run (aic-silicon-agg.csv, nvidia/Qwen3-32B-NVFP4 on 2 × B200, TensorRT-LLM 1.3.0rc5): 416 requests of
// 15,000 prompt tokens in flight, a first token after 719 ms and 13.66 ms per output token.
const cached: RunTiming = {
  weights: "fp4",
  isl: 15000,
  osl: 500,
  concurrency: 416,
  tp: 2,
  pp: 1,
  dp: 1,
  ttftMs: 719.2756748719952,
  tpotMs: 13.656220276942772,
};

describe("measured faster than the hardware allows (calib/consistency)", () => {
  it("computes the prefill FLOP/s a run needed as a share of its GPUs' peak, by Little's law", () => {
    // By hand: each request lasts 0.7193 + 499 × 0.013656 = 7.5338 s, so 416 / 7.5338 = 55.22 prompts arrive per
    // second. Qwen3-32B has 32.8 B parameters of which 0.778 B are the input embedding (151,936 × 5,120; model card:
    // 32.8 B in all), so a prompt token costs at least 2 × 32.0 B FLOP. 55.22 × 15,000 × 64.0 G = 5.30e16 FLOP/s
    // against 2 × 9 PFLOP/s of dense FP4 on two B200s: 2.94×.
    expect(prefillPeakShare(cached, qwen, b200)).toBeGreaterThan(2.85);
    expect(prefillPeakShare(cached, qwen, b200)).toBeLessThan(3.05);
    const why = inconsistentMeasurement(cached, qwen, b200);
    expect(why).toMatch(/faster than the hardware allows/);
    expect(why).toMatch(/\(416 requests in flight of 15000 prompt tokens would need 2\.9× the 2 GPUs' peak FLOP\/s/);
    expect(why).toMatch(/prefix cache/);
  });

  it("takes an ordinary run at its word, and scales with the lengths and the GPU count", () => {
    // The same requests at a 1,024-token prompt and 2 s to the first token need a fraction of the hardware
    const ordinary: RunTiming = { ...cached, isl: 1024, ttftMs: 2000, concurrency: 64 };
    expect(prefillPeakShare(ordinary, qwen, b200)).toBeLessThan(0.1);
    expect(inconsistentMeasurement(ordinary, qwen, b200)).toBeNull();
    // four times the GPUs: a quarter of the share
    expect(prefillPeakShare({ ...cached, tp: 8 }, qwen, b200)).toBeCloseTo(prefillPeakShare(cached, qwen, b200) / 4, 6);
    // the mean request of a random-length benchmark ((1 + r)/2 of the nominal lengths) needs less
    expect(prefillPeakShare(cached, qwen, b200, 0.9)).toBeLessThan(prefillPeakShare(cached, qwen, b200));
    // on Hopper FP4 weights run at the bf16 peak (no FP4 path): the bound uses the path the weights can take
    const h100 = getGpu("h100-sxm")!;
    expect(prefillPeakShare(ordinary, qwen, h100) / prefillPeakShare(ordinary, qwen, b200)).toBeCloseTo(9000 / 989.5, 3);
  });

  it("leaves such a run out of the predictions (and so out of the fit), naming why", () => {
    const row: CalibRow = {
      id: "qwen-15k",
      modelPath: "nvidia/Qwen3-32B-NVFP4",
      arch: "Qwen--Qwen3-32B",
      gpu: "b200",
      engine: "trtllm",
      moeTp: undefined,
      moeEp: undefined,
      source: "source_file=b200_sxm/trtllm/1.3.0rc5/nvidia_Qwen3-32B-NVFP4.csv; measured=2026-04-01",
      engineVersion: "1.3.0rc5",
      ...cached,
    };
    const p = predictRow(row, qwen, b200);
    expect(p.predicted).toBe(false);
    expect(p.problems[0]).toMatch(/faster than the hardware allows/);
    const ok = predictRow({ ...row, id: "qwen-1k", isl: 1024, ttftMs: 2000, concurrency: 64 }, qwen, b200);
    expect(ok.predicted).toBe(true);
    expect(ok.problems).toEqual([]);
  });
});
