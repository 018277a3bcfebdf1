import { describe, expect, it } from "vitest";
import { getGpu } from "../../../lib/catalog";
import { fitAll, GENERATION_FACTORS } from "../../../lib/model/calib/fit-all";
import type { CalibRow } from "../../../lib/model/calib/rows";
import type { EngineFactors } from "../../../lib/model/engine-types";
import { LLAMA_70B, LLAMA_8B } from "./fixtures";

const EVALS = 60; // short fits: the test compares two fits of the same rows, not the fitted values themselves

const ctx = {
  models: new Map([
    ["llama-8b", LLAMA_8B],
    ["llama-70b", LLAMA_70B],
  ]),
  gpus: new Map(["h100-sxm", "h200-sxm", "gb200"].map((id) => [id, getGpu(id)!])),
};

/** Synthetic closed-loop rows; `slow` multiplies every measured figure on that GPU. */
function rows(gpus: readonly string[], concurrencies: readonly number[], slow: (gpu: string) => number): CalibRow[] {
  const out: CalibRow[] = [];
  let i = 0;
  for (const gpu of gpus) {
    for (const arch of ["llama-8b", "llama-70b"]) {
      for (const c of concurrencies) {
        for (const [isl, osl] of [[1024, 1024], [8192, 1024]] as const) {
          const base = (arch === "llama-70b" ? 9 : 4) * (gpu === "h100-sxm" ? 1.4 : gpu === "h200-sxm" ? 1.1 : 0.7);
          out.push({
            id: `r${i++}`, modelPath: arch, arch, gpu, engine: "vllm", weights: "bf16", tp: arch === "llama-70b" ? 4 : 1,
            pp: 1, dp: 1, moeTp: undefined, moeEp: undefined, isl, osl, concurrency: c,
            tpotMs: base * (1 + c / 64) * slow(gpu),
            ttftMs: (20 + (isl / 1024) * base * 6 * (1 + c / 16)) * slow(gpu),
            source: "synthetic", engineVersion: null,
          });
        }
      }
    }
  }
  return out;
}

/** Σ |ln(Blackwell / Hopper)| over the generation factors: how far the two generations' factors sit apart. */
function spread(f: Record<string, EngineFactors>): number {
  return GENERATION_FACTORS.reduce((a, k) => a + Math.abs(Math.log(f["vllm:blackwell"]![k] / f["vllm:hopper"]![k])), 0);
}

describe("partial pooling of the generation factors", () => {
  // plenty of Hopper rows; four odd GB200 rows (2.5× slower than the law the Hopper rows follow)
  const data = [
    ...rows(["h100-sxm", "h200-sxm"], [1, 8, 64], () => 1),
    ...rows(["gb200"], [1], () => 2.5),
  ];

  it("pulls a generation measured on few rows towards the factors of all generations together", () => {
    const free = fitAll(data, ctx, EVALS, undefined, 0).factors;
    const pooled = fitAll(data, ctx, EVALS, undefined, 1e4).factors;
    expect(spread(pooled)).toBeLessThan(0.5 * spread(free));
  });

});
