import type { GpuSpec, KvPrecision, Precision } from "../catalog/types";

/**
 * Storage cost of one weight, in bits, scales included.
 *  - bf16: 16.
 *  - fp8: 8 + one FP32 scale per 128×128 block (DeepSeek-style block scaling; per-tensor scales are smaller still):
 *    8 + 32/16384 ≈ 8.002.
 *  - int8: 8 + one FP16 scale per group of 128: 8.125.
 *  - int4: group-quantised (AWQ/GPTQ, g128), FP16 scale + FP16 zero per 128 weights: 4 + 32/128 = 4.25.
 *  - fp4: NVFP4, one FP8 (E4M3) scale per 16 weights: 4 + 8/16 = 4.5. Checkpoints that ship MXFP4 (one E8M0 scale
 *    per 32: MXFP4_BITS = 4.25; gpt-oss) are told apart by ModelArch.fp4Format (weights.ts).
 */
export const WEIGHT_BITS: Readonly<Record<Precision, number>> = {
  bf16: 16,
  fp8: 8 + 32 / (128 * 128),
  int8: 8 + 16 / 128,
  int4: 4 + 32 / 128,
  fp4: 4 + 8 / 16,
};

/** MXFP4 (OCP microscaling): 4-bit E2M1 values with one E8M0 scale per 32 → 4 + 8/32 = 4.25 bits. */
export const MXFP4_BITS = 4 + 8 / 32;

/** Bytes per stored weight element (bits / 8). */
export function bytesPerWeight(p: Precision): number {
  return WEIGHT_BITS[p] / 8;
}

/** KV-cache element size in bytes. fp4 KV (NVFP4 cache) carries its block scales: 4.5 bits. */
export const KV_BYTES: Readonly<Record<KvPrecision, number>> = {
  bf16: 2,
  fp8: 1,
  int8: 1,
  fp4: 4.5 / 8,
};

/** Activations and all-reduce messages travel in 16 bits. */
export const ACTIVATION_BYTES = 2;

/**
 * The matmul datatype a weight precision runs at on a GPU.
 *  - fp8 weights on a chip with an FP8 tensor path run W8A8 at the fp8 peak.
 *  - fp4 weights on a chip with an FP4 path run at the fp4 peak.
 *  - otherwise the weights are dequantised on the fly (weight-only quantisation, W8A16/W4A16): memory and bandwidth
 *    at the stored size, math at bf16. This is how engines run fp8 checkpoints on A100 (Marlin kernels), MXFP4 gpt-oss on
 *    Hopper, and AWQ/GPTQ int4 everywhere.
 */
export type ComputePath = "bf16" | "fp8" | "fp4";

export function computePath(weights: Precision, gpu: GpuSpec): ComputePath {
  if (weights === "fp8") return gpu.peakFlops.fp8 !== null ? "fp8" : "bf16";
  if (weights === "fp4") {
    if (gpu.peakFlops.fp4 !== null) return "fp4";
    return "bf16";
  }
  return "bf16";
}

/** True when the request runs weight-only (dequantised) rather than natively on the tensor cores. */
export function isWeightOnly(weights: Precision, gpu: GpuSpec): boolean {
  return weights !== "bf16" && computePath(weights, gpu) === "bf16";
}

export function peakFlopsFor(path: ComputePath, gpu: GpuSpec): number {
  if (path === "fp4") return gpu.peakFlops.fp4 ?? gpu.peakFlops.bf16;
  if (path === "fp8") return gpu.peakFlops.fp8 ?? gpu.peakFlops.bf16;
  return gpu.peakFlops.bf16;
}

