import { AMD_GPUS } from "./gpus-amd";
import { AMPERE_ADA_GPUS } from "./gpus-ampere-ada";
import { BLACKWELL_GPUS } from "./gpus-blackwell";
import { GEFORCE_GPUS } from "./gpus-geforce";
import { HOPPER_GPUS } from "./gpus-hopper";
import type { GpuSpec } from "./types";

/**
 * GPU catalog, transcribed from shared/reference/gpus.json (figures converted once with the unit constructors:
 * vendor GB and TB/s are decimal). All peak FLOP/s are dense (2:4-sparse datasheet figures halved).
 *
 * `interconnectBandwidth` is per GPU, one direction. `nvlinkDomain` is the number of GPUs that reach each other at
 * that bandwidth: 8 on HGX / OAM boards, 72 in a GB200/GB300 NVL72 rack, 2 for H100 NVL bridged pairs, and for
 * PCIe-only cards (A10G, L4, L40S, H100 PCIe, RTX 4090/5090) the GPUs per node (8) at the PCIe figure, so tensor
 * parallelism across PCIe is allowed but priced at PCIe speed.
 * Intel Gaudi 3 and Google TPUs from the reference are not included (GpuSpec covers NVIDIA and AMD only).
 */
export const GPUS: readonly GpuSpec[] = [...AMPERE_ADA_GPUS, ...HOPPER_GPUS, ...BLACKWELL_GPUS, ...AMD_GPUS, ...GEFORCE_GPUS];

export const GPU_IDS: readonly string[] = GPUS.map((g) => g.id);

const BY_ID = new Map(GPUS.map((g) => [g.id, g] as const));

/** The catalog GPU with this id, or undefined. */
export function getGpu(id: string): GpuSpec | undefined {
  return BY_ID.get(id);
}
