export * from "./types";
export { GPUS, GPU_IDS, getGpu } from "./gpus";
export { MODELS, MODEL_IDS, getModel } from "./models";
export { GPU_PRICES, PROVIDERS, pricePerGpuHour } from "./prices";
export { API_PRICES } from "./api-prices";
export { CATALOG_VERSION } from "./version";
export { importHfConfig, HfConfigError, type HfImportOptions } from "./hf-import";
