import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GPUS, MODELS } from "../../../lib/catalog";
import { estimateConfig } from "../../../lib/model/estimate";
import { enumerateLayouts } from "../../../lib/search/enumerate";
import { fitAt, prepareShape, serveAt, type FastFigures } from "../../../lib/search/fast-estimate";
import { KV_PRECISIONS, WEIGHT_PRECISIONS, ENGINE_IDS } from "../../../lib/plan/estimate-input";

/**
 * The search's per-shape fast path must give estimateConfig's numbers exactly (it reuses the model's functions;
 * this guards against the two drifting apart when the model changes).
 */
describe("fast estimate path", () => {
  it("equals estimateConfig for random models, GPUs, layouts, precisions, engines, loads, request overheads and batch limits", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MODELS.length - 1 }),
        fc.integer({ min: 0, max: GPUS.length - 1 }),
        fc.nat(),
        fc.constantFrom(...WEIGHT_PRECISIONS),
        fc.constantFrom(...KV_PRECISIONS),
        fc.constantFrom(...ENGINE_IDS),
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 1, max: 16_000 }),
        fc.integer({ min: 1, max: 4000 }),
        fc.constantFrom(null, 0, 12.5, 250),
        fc.constantFrom(null, 1, 7, 64),
        (mi, gi, li, weights, kv, engine, c, isl, osl, overhead, maxBatch) => {
          const model = MODELS[mi]!;
          const gpu = GPUS[gi]!;
          const layouts = enumerateLayouts(model, gpu).valid;
          if (layouts.length === 0) return;
          const l = layouts[li % layouts.length]!;
          const input = {
            model: model.id, gpu: gpu.id, engine, weights, kv, tp: l.tp, pp: l.pp, dp: l.dp,
            moeEp: model.moe ? l.moeEp : undefined, isl, osl, concurrency: c, priceUsdPerGpuHour: 2,
            arrivals: "staggered" as const,
            ...(overhead !== null ? { requestOverheadMs: overhead } : {}),
            ...(maxBatch !== null ? { maxBatch } : {}),
          };
          const ref = estimateConfig({ model, gpu, input });
          const setup = prepareShape(model, gpu, l, weights, kv, engine, 0, { requestOverheadMs: overhead, maxBatch });
          const fit = fitAt(setup, isl, osl);
          expect(fit.maxConcurrency).toBe(ref.maxConcurrency);
          if (isl + osl <= model.maxContext) expect(fit.fits).toBe(ref.fits);
          const out: FastFigures = { ttftMs: 0, tpotMs: 0, outputTokensPerSecond: 0, binding: "compute" };
          serveAt(setup, c, fit.maxConcurrency, isl, osl, out);
          expect(out.ttftMs).toBe(ref.ttftMs);
          expect(out.tpotMs).toBe(ref.tpotMs);
          expect(out.outputTokensPerSecond).toBe(ref.outputTokensPerSecond);
          expect(out.binding).toBe(ref.binding);
        },
      ),
      { numRuns: 400, seed: 42 },
    );
  });

  it("equals estimateConfig with MTP drafts on the models that ship an MTP module", () => {
    const withMtp = MODELS.filter((m) => m.mtp?.acceptance);
    expect(withMtp.map((m) => m.id)).toEqual(["deepseek-v3", "deepseek-r1"]);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: withMtp.length - 1 }),
        fc.integer({ min: 0, max: GPUS.length - 1 }),
        fc.nat(),
        fc.constantFrom(...ENGINE_IDS),
        fc.constantFrom(1, 3),
        fc.integer({ min: 1, max: 256 }),
        fc.integer({ min: 1, max: 8000 }),
        fc.integer({ min: 1, max: 2000 }),
        (mi, gi, li, engine, drafts, c, isl, osl) => {
          const model = withMtp[mi]!;
          const gpu = GPUS[gi]!;
          const layouts = enumerateLayouts(model, gpu).valid;
          if (layouts.length === 0) return;
          const l = layouts[li % layouts.length]!;
          const input = {
            model: model.id, gpu: gpu.id, engine, weights: "fp4" as const, kv: "fp8" as const, tp: l.tp, pp: l.pp, dp: l.dp,
            moeEp: l.moeEp, isl, osl, concurrency: c, priceUsdPerGpuHour: 2, arrivals: "staggered" as const, mtpDraftTokens: drafts,
          };
          const ref = estimateConfig({ model, gpu, input });
          const setup = prepareShape(model, gpu, l, "fp4", "fp8", engine, drafts);
          const fit = fitAt(setup, isl, osl);
          expect(fit.maxConcurrency).toBe(ref.maxConcurrency);
          const out: FastFigures = { ttftMs: 0, tpotMs: 0, outputTokensPerSecond: 0, binding: "compute" };
          serveAt(setup, c, fit.maxConcurrency, isl, osl, out);
          expect(out.tpotMs).toBe(ref.tpotMs);
          expect(out.ttftMs).toBe(ref.ttftMs);
          expect(out.outputTokensPerSecond).toBe(ref.outputTokensPerSecond);
        },
      ),
      { numRuns: 150, seed: 7 },
    );
  });
});
