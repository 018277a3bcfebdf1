import { describe, expect, it } from "vitest";
import { estimateConfig, estimateCore } from "../../../lib/model/estimate";
import { B200, GPT_OSS_120B, H100_SXM, input } from "./fixtures";

// An MXFP4 checkpoint (gpt-oss ships its experts so; quant_method "mxfp4") against the same architecture read as NVFP4.
const MX = { ...GPT_OSS_120B, fp4Format: "mxfp4" as const };
const NV = { ...GPT_OSS_120B, fp4Format: "nvfp4" as const };

describe("MXFP4 experts run W4A16 (vLLM; TensorRT-LLM on Hopper)", () => {
  const req = input({ engine: "vllm", weights: "fp4", tp: 1, isl: 8192, osl: 1024, concurrency: 1 });

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

describe("TensorRT-LLM runs MXFP4 experts W4A8 on Blackwell (its documented default, W4A8_MXFP4_MXFP8)", () => {
  const trt = input({ engine: "trtllm", weights: "fp4", tp: 1, isl: 8192, osl: 1024, concurrency: 1 });

  it("the expert matmuls use the FP8 peak on B200, the bf16 peak on H100; the result says which", () => {
    const b = estimateCore({ model: MX, gpu: B200, input: trt }).setup;
    expect([b.expertPath, b.peakExpert]).toEqual(["fp8", B200.peakFlops.fp8]);
    const h = estimateCore({ model: MX, gpu: H100_SXM, input: trt }).setup;
    expect([h.expertPath, h.peakExpert]).toEqual(["bf16", H100_SXM.peakFlops.bf16]);
    const r = estimateConfig({ model: MX, gpu: B200, input: trt });
    expect(r.notes?.some((n) => /MXFP4/.test(n) && /W4A8/.test(n) && /FP8 peak/.test(n))).toBe(true);
  });

  it("so an 8k-token prefill on B200 is faster than on the W4A16 path with the same engine factors otherwise", () => {
    const t = estimateCore({ model: MX, gpu: B200, input: trt });
    const w4a16 = { engine: "trtllm" as const, generation: "blackwell" as const, factors: { ...t.setup.f, mxfp4Fp8Activations: 0 }, kvFp8ByDefault: true, origin: "fitted" as const };
    const v = estimateCore({ model: MX, gpu: B200, input: trt, profile: w4a16 });
    expect(v.setup.expertPath).toBe("bf16");
    expect(t.serving.prefill.t).toBeLessThan(v.serving.prefill.t * 0.85);
  });
});
