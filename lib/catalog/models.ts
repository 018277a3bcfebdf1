import { DEEPSEEK_MODELS } from "./models-deepseek";
import { GEMMA_PHI_MODELS } from "./models-gemma-phi";
import { GPT_OSS_MODELS } from "./models-gpt-oss";
import { LLAMA_MODELS } from "./models-llama";
import { MISTRAL_MODELS } from "./models-mistral";
import { NVIDIA_MODELS } from "./models-nvidia";
import { QWEN_MODELS } from "./models-qwen";
import type { ModelArch } from "./types";

/**
 * Model catalog: decoder architectures normalised from their Hugging Face config.json (see each entry's sources).
 * Chunked-local attention (Llama 4) is stored as sliding layers with the chunk size as the window; MLA (DeepSeek)
 * as `attention.kind = "mla"`; `nativePrecision` is set where the checkpoint ships quantized (DeepSeek FP8,
 * gpt-oss MXFP4 experts).
 */
export const MODELS: readonly ModelArch[] = [
  ...LLAMA_MODELS,
  ...QWEN_MODELS,
  ...MISTRAL_MODELS,
  ...DEEPSEEK_MODELS,
  ...GPT_OSS_MODELS,
  ...GEMMA_PHI_MODELS,
  ...NVIDIA_MODELS,
];

export const MODEL_IDS: readonly string[] = MODELS.map((m) => m.id);

const BY_ID = new Map(MODELS.map((m) => [m.id, m] as const));

/** The catalog model with this id, or undefined. */
export function getModel(id: string): ModelArch | undefined {
  return BY_ID.get(id);
}
