import type { EngineId } from "../../../lib/catalog/types";

export const ENGINE_NAMES: Readonly<Record<EngineId, string>> = {
  vllm: "vLLM",
  sglang: "SGLang",
  trtllm: "TensorRT-LLM",
};

/** One colour per engine, the same in the scatter and the table. */
export const ENGINE_COLOURS: Readonly<Record<EngineId, string>> = {
  vllm: "#2563eb",
  sglang: "#d97706",
  trtllm: "#059669",
};
