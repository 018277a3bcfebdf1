import type { EngineId, WeightPrecision } from "../../lib/catalog/types";
import type { MeasuredRow } from "../../lib/validation/types";

export const AIC_ATTRIBUTION = {
  repo: "github.com/ai-dynamo/aiconfigurator",
  path: "aic-core/src/aiconfigurator_core/systems/silicon_sample.csv",
  commit: "095f58a51c4ca8e61b66ec108d86f223f8d559ce",
  license: "Apache-2.0",
  owner: "NVIDIA",
} as const;

/** Hugging Face paths measured upstream → catalog id of the same architecture (quantised checkpoints included). */
export const HF_TO_CATALOG: Readonly<Record<string, string>> = {
  "meta-llama/Llama-3.1-70B": "llama-3.1-70b",
  "meta-llama/Llama-3.1-8B-Instruct": "llama-3.1-8b",
  "nvidia/Llama-3.1-8B-Instruct-FP8": "llama-3.1-8b",
  "Qwen/Qwen3-32B": "qwen3-32b",
  "nvidia/Qwen3-32B-NVFP4": "qwen3-32b",
  "deepseek-ai/DeepSeek-R1": "deepseek-r1",
  "nvidia/DeepSeek-R1-NVFP4": "deepseek-r1",
  "openai/gpt-oss-120b": "gpt-oss-120b",
};

/** Upstream `system` → catalog GPU id. */
export const SYSTEM_TO_GPU: Readonly<Record<string, string>> = {
  h100_sxm: "h100-sxm",
  h200_sxm: "h200-sxm",
  b200_sxm: "b200",
  gb200: "gb200",
};

const ENGINES: readonly EngineId[] = ["vllm", "sglang", "trtllm"];
const WEIGHTS: readonly WeightPrecision[] = ["bf16", "fp8", "fp4", "int4"];

function int(rec: Record<string, string>, col: string, id: string): number {
  const v = Number(rec[col]);
  if (!Number.isInteger(v) || v < 0) throw new Error(`aic row ${id}: ${col} = "${rec[col]}" is not a whole number`);
  return v;
}

function optInt(rec: Record<string, string>, col: string, id: string): number | null {
  return (rec[col] ?? "") === "" ? null : int(rec, col, id);
}

function positive(rec: Record<string, string>, col: string, id: string): number {
  const v = Number(rec[col]);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`aic row ${id}: ${col} = "${rec[col]}" is not a positive number`);
  return v;
}

/** `key=value; key=value` → map. */
function provenance(s: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const part of s.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) m.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return m;
}

/** One silicon_sample.csv record → a typed row. Throws naming the row and column when a value is unusable. */
export function aicRow(rec: Record<string, string>): MeasuredRow {
  const id = rec.id ?? "";
  if (id === "") throw new Error("aic row without id");
  const hfModel = rec.model_path ?? "";
  const gpu = SYSTEM_TO_GPU[rec.system ?? ""];
  if (!gpu) throw new Error(`aic row ${id}: unknown system "${rec.system}"`);
  const engine = ENGINES.find((e) => e === rec.backend);
  if (!engine) throw new Error(`aic row ${id}: unknown backend "${rec.backend}"`);
  const weights = WEIGHTS.find((w) => w === rec.weights);
  if (!weights) throw new Error(`aic row ${id}: unknown weights "${rec.weights}"`);
  const prov = provenance(rec.silicon_data_source ?? "");
  const measuredRaw = prov.get("measured") ?? null;
  const measured = measuredRaw === null ? null : measuredRaw.slice(0, 10);
  const dpRaw = optInt(rec, "attention_dp_size", id);
  const moeTp = optInt(rec, "moe_tp_size", id);
  const moeEp = optInt(rec, "moe_ep_size", id);
  const sourceFile = prov.get("source_file");
  const source = [
    `${AIC_ATTRIBUTION.repo}@${AIC_ATTRIBUTION.commit.slice(0, 7)} ${AIC_ATTRIBUTION.path} id=${id}`,
    sourceFile ? `source_file=${sourceFile}` : null,
    measured ? `measured=${measured}` : null,
  ]
    .filter((x) => x !== null)
    .join("; ");
  return {
    id,
    hfModel,
    model: HF_TO_CATALOG[hfModel] ?? null,
    gpu,
    engine,
    engineVersion: rec.backend_version ? rec.backend_version : null,
    weights,
    isl: int(rec, "isl", id),
    osl: int(rec, "osl", id),
    concurrency: int(rec, "concurrency", id),
    batchSize: optInt(rec, "batch_size", id),
    tp: int(rec, "tp_size", id),
    pp: int(rec, "pp_size", id),
    // empty means 1 or not recorded; a recorded 0 is read the same way
    dp: dpRaw === null || dpRaw === 0 ? 1 : dpRaw,
    // 0 upstream means "not recorded" like empty
    moeTp: moeTp === 0 ? null : moeTp,
    moeEp: moeEp === 0 ? null : moeEp,
    ttftMs: positive(rec, "silicon_ttft_ms", id),
    tpotMs: positive(rec, "silicon_tpot_ms", id),
    measured,
    source,
  };
}
