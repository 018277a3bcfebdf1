import { describe, expect, it } from "vitest";
import { getGpu, getModel } from "../../../lib/catalog";
import { estimateConfig } from "../../../lib/model/estimate";
import { int } from "../../../lib/model/explain-format";
import { input } from "./fixtures";

describe("whole numbers in derivations are written in full", () => {
  it("int keeps every digit of a whole number and falls back to three significant digits otherwise", () => {
    expect(int(1024)).toBe("1024");
    expect(int(16)).toBe("16");
    expect(int(1.5)).toBe("1.5");
    expect(int(2 / 3)).toBe("0.667");
  });

  it("the KV in use shows the engine's batch limit as 1024, as the max-concurrency figure does, not 1020", () => {
    // Llama 3.1 8B on an H100 at a short context: the cache holds more than vLLM's max_num_seqs 1024
    const r = estimateConfig({ model: getModel("llama-3.1-8b")!, gpu: getGpu("h100-sxm")!, input: input({ tp: 1, isl: 100, osl: 50, concurrency: 16, engine: "vllm" }), explain: true });
    expect(r.maxConcurrency).toBe(1024);
    const d = r.derivations!.find((x) => x.key === "memory.kvCache")!;
    expect(d.substituted).toMatch(/^min\(16, 1024\) · /);
  });
});
