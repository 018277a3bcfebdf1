import { gb, gbPerSecond, tbPerSecond, tflops, watts } from "../model/units";
import type { GpuSpec } from "./types";

/** GeForce cards: tensor BF16/FP8 figures are at FP32 accumulate (half the FP16-accumulate rate). */
export const GEFORCE_GPUS = [
  {
    id: "rtx-4090",
    name: "NVIDIA GeForce RTX 4090",
    vendor: "NVIDIA",
    generation: "ada",
    memory: gb(24),
    hbmBandwidth: tbPerSecond(1.008),
    peakFlops: { bf16: tflops(165.2), fp8: tflops(330.3), fp4: null, int8: tflops(660.6) },
    interconnectBandwidth: gbPerSecond(32),
    interconnect: "PCIe Gen4 x16 (no NVLink; P2P disabled on GeForce drivers)",
    // PCIe card: nvlinkDomain = GPUs per node (reference max_gpus_per_node) that reach each other at the PCIe figure above.
    nvlinkDomain: 8,
    tdp: watts(450),
    confidence: "medium",
    sources: [
      { url: "NVIDIA Ada Lovelace architecture whitepaper (RTX 4090 column)", kind: "primary-cited", note: "FP16/BF16 tensor 165.15 dense (FP32 accumulate), FP8 330.3 (FP32 acc) / 660.6 (FP16 acc), INT8 660.6, 1008 GB/s, 450 W; seen via https://waredb.com/processor/nvidia-geforce-rtx-4090 and https://hmc-tech.com (pages corpus)" },
      { url: "https://gigagpu.com/?p=34220", kind: "conflict", note: "lists FP8 660.6 dense (FP16 accumulate)" },
      { url: "shared/reference/gpus.json#rtx-4090", kind: "transcribed-from", note: "intra-node: PCIe Gen4 x16 unidirectional; dense (no 2:4 sparsity); vendor 'with sparsity' figures halved" },
    ],
    notes: "GeForce cards run FP16/BF16/FP8 tensor math at half rate with FP32 accumulation; FP16-accumulate rates are 2x (BF16 330, FP8 660.6). Values here use FP32 accumulate (what inference kernels use for BF16). GDDR6X.",
  },
  {
    id: "rtx-5090",
    name: "NVIDIA GeForce RTX 5090",
    vendor: "NVIDIA",
    generation: "blackwell",
    memory: gb(32),
    hbmBandwidth: tbPerSecond(1.792),
    peakFlops: { bf16: tflops(209.5), fp8: tflops(419), fp4: tflops(1676), int8: null },
    interconnectBandwidth: gbPerSecond(64),
    interconnect: "PCIe Gen5 x16 (no NVLink)",
    // PCIe card: nvlinkDomain = GPUs per node (reference max_gpus_per_node) that reach each other at the PCIe figure above.
    nvlinkDomain: 8,
    tdp: watts(575),
    confidence: "low",
    sources: [
      { url: "https://www.spheron.network/blog/nvidia-rtx-5090-specs/", kind: "secondary", note: "32 GB GDDR7, 1,792 GB/s, FP16 tensor 838.4 sparse, FP8 1,676.8 sparse, FP4 3,352 sparse ('AI TOPS'), 575 W" },
      { url: "third-party planner (find_string id 71432216746)", kind: "cross-check", note: "bf16 209.5, fp8 419, fp4 1676 dense" },
      { url: "https://pocketmags.com/linux-format-magazine/may-2025/articles/nvidia-geforce-rtx-5090", kind: "secondary", note: "838 FP16, 3,352 FP8/4, 575 W" },
      { url: "shared/reference/gpus.json#rtx-5090", kind: "transcribed-from", note: "intra-node: PCIe Gen5 x16 unidirectional; dense (no 2:4 sparsity); vendor 'with sparsity' figures halved" },
    ],
    notes: "NVIDIA's headline '3,352 AI TOPS' is FP4 with sparsity. Sparse FP16 838 -> 419 dense with FP16 accumulate -> 209.5 with FP32 accumulate (GeForce half rate). FP8 419 dense assumes FP32 accumulate (838 with FP16 acc). FP4 1676 dense. Blackwell consumer whitepaper not in stored corpora; verify.",
  },
] as const satisfies readonly GpuSpec[];
