import { describe, expect, it } from "vitest";
import { HfConfigError, importHfConfig } from "../../../lib/catalog";
import { estimateConfig } from "../../../lib/model/estimate";
import { getGpu } from "../../../lib/catalog/gpus";
import { estimateInputSchema } from "../../../lib/plan/estimate-input";
import * as F from "./hf-fixtures";

/**
 * Every field of every fixture config, removed or replaced by a value of the wrong kind: the importer either reads a
 * model the estimator can price (finite figures) or throws an HfConfigError that names a field. Never a TypeError,
 * never a NaN: "a config it cannot read is an error that names the field, never a guess".
 */
const CONFIGS: Record<string, Record<string, unknown>> = {
  LLAMA: F.LLAMA,
  MISTRAL_V01: F.MISTRAL_V01,
  MIXTRAL: F.MIXTRAL,
  QWEN2: F.QWEN2,
  QWEN3: F.QWEN3,
  QWEN3_MOE: F.QWEN3_MOE,
  DEEPSEEK_V3: F.DEEPSEEK_V3,
  GPT_OSS: F.GPT_OSS,
  LLAMA4: F.LLAMA4,
  GEMMA2: F.GEMMA2,
  GEMMA3: F.GEMMA3,
  GEMMA4: F.GEMMA4,
  QWEN3_NEXT: F.QWEN3_NEXT,
};

const WRONG: readonly unknown[] = [undefined, null, "x", -1, 0, 1.5, true, [], {}, 1e12];

/** Each mutation: [path, mutated config]. Fields of a nested text_config are mutated inside it. */
function mutations(cfg: Record<string, unknown>): [string, Record<string, unknown>][] {
  const out: [string, Record<string, unknown>][] = [];
  for (const key of Object.keys(cfg)) {
    const inner = cfg[key];
    if (key === "text_config" && inner !== null && typeof inner === "object" && !Array.isArray(inner)) {
      for (const k of Object.keys(inner))
        for (const v of WRONG) out.push([`text_config.${k}=${JSON.stringify(v) ?? "undefined"}`, { ...cfg, text_config: { ...inner, [k]: v } }]);
    }
    for (const v of WRONG) out.push([`${key}=${JSON.stringify(v) ?? "undefined"}`, { ...cfg, [key]: v }]);
  }
  return out;
}

const h100 = getGpu("h100-sxm")!;
const input = estimateInputSchema.parse({ model: "mutated", gpu: "h100-sxm", engine: "vllm", weights: "fp8", tp: 8, isl: 512, osl: 64, concurrency: 1 });

describe("importHfConfig on mutated configs: a model or an error naming a field, nothing else", () => {
  for (const [name, cfg] of Object.entries(CONFIGS)) {
    it(name, () => {
      const crashes: string[] = [];
      let imported = 0;
      let rejected = 0;
      for (const [what, mutated] of mutations(cfg)) {
        try {
          const m = importHfConfig(mutated);
          imported++;
          const r = estimateConfig({ model: m, gpu: h100, input });
          // fits or not, the figures it gives are numbers, and a misfit says why
          if (r.fits && !(Number.isFinite(r.ttftMs) && Number.isFinite(r.tpotMs) && r.tpotMs > 0)) crashes.push(`${what}: non-finite estimate`);
          if (!r.fits && r.problems.length === 0) crashes.push(`${what}: does not fit, no problem named`);
        } catch (e) {
          if (e instanceof HfConfigError && e.field.length > 0 && e.message.startsWith(`${e.field}: `)) rejected++;
          else crashes.push(`${what}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
        }
      }
      expect(crashes).toEqual([]);
      // the mutations exercise both outcomes
      expect(imported).toBeGreaterThan(0);
      expect(rejected).toBeGreaterThan(0);
    });
  }
});
