import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { GpuSpec, ModelArch } from "../../../lib/catalog/types";
import { estimateConfig } from "../../../lib/model/estimate";
import { profileFor } from "../../../lib/model/engines";
import { resolveLayout } from "../../../lib/model/layout";
import { buildSetup } from "../../../lib/model/setup";
import { decodeStep, prefill } from "../../../lib/model/step";
import { weightBytesPerGpu } from "../../../lib/model/weights";
import { A100_80, B200, DEEPSEEK_V3, GPT_OSS_120B, H100_SXM, LLAMA_70B, LLAMA_8B, MIXTRAL_8X7B, input } from "./fixtures";

const MODELS: readonly ModelArch[] = [LLAMA_8B, LLAMA_70B, MIXTRAL_8X7B, DEEPSEEK_V3, GPT_OSS_120B];
const GPUS: readonly GpuSpec[] = [H100_SXM, A100_80, B200];
const pow2 = (max: number) => fc.integer({ min: 0, max }).map((e) => 2 ** e);

const arbCase = fc.record({
  model: fc.constantFrom(...MODELS),
  gpu: fc.constantFrom(...GPUS),
  engine: fc.constantFrom("vllm", "sglang", "trtllm"),
  weights: fc.constantFrom("bf16", "fp8", "fp4", "int4"),
  kv: fc.constantFrom(undefined, "bf16", "fp8", "int8", "fp4"),
  tp: pow2(4),
  pp: pow2(2),
  dp: pow2(2),
  isl: fc.integer({ min: 1, max: 20000 }),
  osl: fc.integer({ min: 1, max: 8000 }),
  concurrency: fc.integer({ min: 1, max: 5000 }),
  price: fc.option(fc.double({ min: 0.1, max: 50, noNaN: true }), { nil: undefined }),
});

describe("properties", () => {
  it("every output is finite and non-negative for every valid input, and fits=false always comes with a reason", () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const r = estimateConfig({
          model: c.model,
          gpu: c.gpu,
          input: input({
            engine: c.engine, weights: c.weights, kv: c.kv, tp: c.tp, pp: c.pp, dp: c.dp, isl: c.isl, osl: c.osl,
            concurrency: c.concurrency, priceUsdPerGpuHour: c.price,
          }),
        });
        const nums = [
          r.ttftMs, r.tpotMs, r.outputTokensPerSecond, r.outputTokensPerSecondPerGpu, r.tokensPerSecondPerUser,
          r.maxConcurrency, r.costUsdPerHour, r.costUsdPerMonth, r.costUsdPerMillionInputTokens,
          r.costUsdPerMillionOutputTokens, ...Object.values(r.memory),
        ];
        for (const x of nums) if (!Number.isFinite(x) || x < 0) return false;
        return r.fits === (r.problems.length === 0);
      }),
      { numRuns: 400 },
    );
  });

  it("more HBM bandwidth never slows a decode step or a prefill", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MODELS), fc.integer({ min: 1, max: 1024 }), fc.integer({ min: 1, max: 32000 }),
        fc.double({ min: 1.01, max: 4, noNaN: true }), pow2(3),
        (m, B, N, k, tp) => {
          const prof = profileFor("vllm", H100_SXM);
          const faster = { ...H100_SXM, hbmBandwidth: (H100_SXM.hbmBandwidth * k) as GpuSpec["hbmBandwidth"] };
          const l = resolveLayout(m, H100_SXM, { tp, pp: 1, dp: 1 });
          const a = buildSetup(m, H100_SXM, l, prof.factors, "fp8", "bf16");
          const b = buildSetup(m, faster, l, prof.factors, "fp8", "bf16");
          return decodeStep(b, B, N).t <= decodeStep(a, B, N).t + 1e-15 && prefill(b, N).t <= prefill(a, N).t + 1e-15;
        },
      ),
    );
  });

  it("a larger TP never raises per-GPU weight bytes", () => {
    fc.assert(
      fc.property(fc.constantFrom(...MODELS), fc.constantFrom("bf16", "fp8", "fp4", "int4"), pow2(3), pow2(2), (m, w, tp, pp) => {
        const a = weightBytesPerGpu(m, w, resolveLayout(m, H100_SXM, { tp, pp, dp: 1 }), H100_SXM).total;
        const b = weightBytesPerGpu(m, w, resolveLayout(m, H100_SXM, { tp: tp * 2, pp, dp: 1 }), H100_SXM).total;
        return b <= a;
      }),
    );
  });

  it("more concurrency (within KV capacity) never lowers total throughput, never raises per-user speed", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(LLAMA_8B, LLAMA_70B, MIXTRAL_8X7B, DEEPSEEK_V3), fc.constantFrom(H100_SXM, B200),
        fc.constantFrom("vllm", "sglang", "trtllm"), fc.integer({ min: 1, max: 256 }),
        fc.integer({ min: 16, max: 8192 }), fc.integer({ min: 16, max: 4096 }),
        (m, gpu, engine, c, isl, osl) => {
          const tp = m === LLAMA_8B ? 1 : 8;
          const at = (cc: number) =>
            estimateConfig({ model: m, gpu, input: input({ engine, weights: "fp8", tp, isl, osl, concurrency: cc }) });
          const a = at(c);
          const b = at(c + 1);
          if (!a.fits || c + 1 > a.maxConcurrency) return true;
          return (
            b.outputTokensPerSecond >= a.outputTokensPerSecond * (1 - 1e-9) &&
            b.tokensPerSecondPerUser <= a.tokensPerSecondPerUser * (1 + 1e-9)
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("expert bytes read per step grow with the batch but never exceed the GPU's expert shard", () => {
    const prof = profileFor("trtllm", B200);
    const l = resolveLayout(DEEPSEEK_V3, B200, { tp: 8, pp: 1, dp: 1 });
    const s = buildSetup(DEEPSEEK_V3, B200, l, prof.factors, "fp4", "fp8");
    let prev = 0;
    for (const B of [1, 2, 4, 8, 16, 64, 256, 4096]) {
      const e = decodeStep(s, B, 1000).bytesExperts;
      expect(e).toBeGreaterThanOrEqual(prev);
      expect(e).toBeLessThanOrEqual(s.wg.experts + 1);
      prev = e;
    }
  });
});
