import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
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
  QWEN3_5_MOE: F.QWEN3_5_MOE,
  NEMOTRON_3_NANO: F.NEMOTRON_3_NANO,
  GRANITE_HYBRID: F.GRANITE_HYBRID,
  // families the importer has no rules for, read by their fields
  KIMI_K2: F.KIMI_K2,
  OLMO2: F.OLMO2,
};

/** The Hugging Face configs of ../shared/calibration (real files, nested quantisation and rope blocks); absent in a user's clone. */
const SHARED_CONFIGS = path.resolve(process.cwd(), "../shared/calibration/hf-configs");
const shared: Record<string, Record<string, unknown>> = existsSync(SHARED_CONFIGS)
  ? Object.fromEntries(
      readdirSync(SHARED_CONFIGS)
        .filter((f) => f.endsWith(".json"))
        .map((f) => [`shared ${f}`, JSON.parse(readFileSync(path.join(SHARED_CONFIGS, f), "utf8")) as Record<string, unknown>]),
    )
  : {};

const WRONG: readonly unknown[] = [undefined, null, "x", -1, 0, 1.5, true, [], {}, 1e12];

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * Each mutation: [path, mutated config]. Fields of nested objects (text_config, quantization_config, rope_scaling…)
 * are mutated inside them too, two levels deep.
 */
function mutations(cfg: Record<string, unknown>, prefix = "", depth = 0): [string, Record<string, unknown>][] {
  const out: [string, Record<string, unknown>][] = [];
  for (const key of Object.keys(cfg)) {
    const inner = cfg[key];
    if (isObj(inner) && depth < 2)
      for (const [what, m] of mutations(inner, `${prefix}${key}.`, depth + 1)) out.push([what, { ...cfg, [key]: m }]);
    for (const v of WRONG) out.push([`${prefix}${key}=${JSON.stringify(v) ?? "undefined"}`, { ...cfg, [key]: v }]);
  }
  return out;
}

const h100 = getGpu("h100-sxm")!;
const input = estimateInputSchema.parse({ model: "mutated", gpu: "h100-sxm", engine: "vllm", weights: "fp8", tp: 8, isl: 512, osl: 64, concurrency: 1 });

describe("importHfConfig on mutated configs: a model or an error naming a field, nothing else", () => {
  it.skipIf(!existsSync(SHARED_CONFIGS))("reads the 14 shared configs too (needs ../shared)", () => {
    expect(Object.keys(shared).length).toBe(14);
  });
  for (const [name, cfg] of Object.entries({ ...CONFIGS, ...shared })) {
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
