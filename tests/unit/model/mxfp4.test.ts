import { describe, expect, it } from "vitest";
import { estimateConfig, estimateCore } from "../../../lib/model/estimate";
import { B200, GPT_OSS_120B, H100_SXM, input } from "./fixtures";

// An MXFP4 checkpoint (gpt-oss ships its experts so; quant_method "mxfp4") against the same architecture read as NVFP4.
const MX = { ...GPT_OSS_120B, fp4Format: "mxfp4" as const };
const NV = { ...GPT_OSS_120B, fp4Format: "nvfp4" as const };

describe("MXFP4 experts run W4A16", () => {
  const req = input({ engine: "trtllm", weights: "fp4", tp: 1, isl: 8192, osl: 1024, concurrency: 1 });

  it("expert matmuls use the bf16 peak on a GPU with an FP4 path; NVFP4 uses the FP4 peak", () => {
    const mx = estimateCore({ model: MX, gpu: B200, input: req }).setup;
    const nv = estimateCore({ model: NV, gpu: B200, input: req }).setup;
    expect(mx.expertPath).toBe("bf16");
    expect(mx.peakExpert).toBe(B200.peakFlops.bf16);
    expect(nv.expertPath).toBe("fp4");
    expect(nv.peakExpert).toBe(B200.peakFlops.fp4);
  });

  it("an 8k-token prefill is compute-bound, so it takes longer as MXFP4 than as NVFP4; the result says why", () => {
    const mx = estimateCore({ model: MX, gpu: B200, input: req }).serving.prefill.t;
    const nv = estimateCore({ model: NV, gpu: B200, input: req }).serving.prefill.t;
    expect(mx).toBeGreaterThan(nv * 1.2);
    const r = estimateConfig({ model: MX, gpu: B200, input: req });
    expect(r.notes?.some((n) => /MXFP4/.test(n) && /W4A16/.test(n))).toBe(true);
    expect(estimateConfig({ model: NV, gpu: B200, input: req }).notes?.some((n) => /MXFP4/.test(n)) ?? false).toBe(false);
  });

  it("on Hopper (no FP4 path) both run weight-only at bf16: same math, MXFP4 reads 4.25/4.5 of the expert bytes", () => {
    const mx = estimateCore({ model: MX, gpu: H100_SXM, input: req });
    const nv = estimateCore({ model: NV, gpu: H100_SXM, input: req });
    expect(mx.setup.expertPath).toBe("bf16");
    expect(nv.setup.expertPath).toBe("bf16");
    expect(mx.setup.wg.experts / nv.setup.wg.experts).toBeCloseTo(4.25 / 4.5, 12);
  });
});
