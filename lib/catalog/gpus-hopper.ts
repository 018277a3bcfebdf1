import { bytes, gb, gbPerSecond, tbPerSecond, tflops, watts } from "../model/units";
import type { GpuSpec } from "./types";

export const HOPPER_GPUS = [
  {
    id: "h100-pcie",
    name: "NVIDIA H100 PCIe 80GB",
    vendor: "NVIDIA",
    generation: "hopper",
    // 80 GiB, not 80 GB: nvidia-smi reports 81,559 MiB (= 85.5 GB decimal) for "H100 80GB HBM3" and "H100 PCIe"; the
    // engines size their KV cache from that. NVIDIA's "80GB" is binary, as its Blackwell figures are.
    memory: bytes(81_559 * 2 ** 20),
    hbmBandwidth: tbPerSecond(2),
    peakFlops: { bf16: tflops(756), fp8: tflops(1513), fp4: null, int8: tflops(1513) },
    interconnectBandwidth: gbPerSecond(64),
    interconnect: "PCIe Gen5 x16 (optional 2-GPU NVLink bridge, 600 GB/s)",
    // PCIe card: nvlinkDomain = GPUs per node (reference max_gpus_per_node) that reach each other at the PCIe figure above.
    nvlinkDomain: 8,
    tdp: watts(350),
    confidence: "medium",
    sources: [
      { url: "NVIDIA H100 PCIe product brief PB-11133-001_v02 (350 W TDP, >2,000 GB/s)", kind: "primary-quoted", note: "seen via https://manuals.plus/m/56b0c3ef7d0a1c470c0af8f05a0bd1f29a778007472ba941201fbbb185c9bccd" },
      { url: "github:ai-dynamo/aiconfigurator@095f58a51c4ca8e61b66ec108d86f223f8d559ce:aic-core/src/aiconfigurator_core/systems/h100_pcie.yaml", kind: "cross-check", note: "756.5 bf16 dense (1513 sparse), 1513 fp8/int8 dense, 2 TB/s, 350 W" },
      { url: "github:cli99/llm-analysis@d841e40aec8c84b9e76ba9cfbce67418adb172bd:llm_analysis/gpu_configs/h100-pcie-80gb.json", kind: "cross-check", note: "2000 GB/s, 756 fp16, 1513 int8; lists intra-node 300 GB/s (assumes NVLink bridge)" },
      { url: "github:hahnyuan/LLM-Viewer@472f71f1a1807e80b573252e9185fd5e8d795e95:hardwares/hardware_params.py", kind: "conflict", note: "nvidia_H100_PCIe bandwidth 2048e9 (early whitepaper figure)" },
      { url: "shared/reference/gpus.json#h100-pcie", kind: "transcribed-from", note: "intra-node: PCIe Gen5 x16 unidirectional (128 GB/s bidirectional); bridged pairs get 300 GB/s unidirectional between the two; dense (no 2:4 sparsity); vendor 'with sparsity' figures halved" },
    ],
    notes: "HBM2e. Tensor numbers in NVIDIA material are with sparsity (BF16 1,513, FP8 3,026); halved here. llm-analysis assumes NVLink-bridge bandwidth for intra-node; most cloud H100 PCIe hosts have PCIe only.",
  },
  {
    id: "h100-sxm",
    name: "NVIDIA H100 SXM5 80GB",
    vendor: "NVIDIA",
    generation: "hopper",
    // 80 GiB, not 80 GB: nvidia-smi reports 81,559 MiB (= 85.5 GB decimal) for "H100 80GB HBM3" and "H100 PCIe"; the
    // engines size their KV cache from that. NVIDIA's "80GB" is binary, as its Blackwell figures are.
    memory: bytes(81_559 * 2 ** 20),
    hbmBandwidth: tbPerSecond(3.35),
    peakFlops: { bf16: tflops(989.5), fp8: tflops(1979), fp4: null, int8: tflops(1979) },
    interconnectBandwidth: gbPerSecond(450),
    interconnect: "NVLink4 + NVSwitch",
    // HGX board: 8 GPUs on NVSwitch.
    nvlinkDomain: 8,
    tdp: watts(700),
    confidence: "high",
    sources: [
      { url: "https://www.nvidia.com/en-us/data-center/h100/ (BF16 1,979*, FP8 3,958*, INT8 3,958*, *=with sparsity; 3.35 TB/s; up to 700 W; NVLink 900 GB/s)", kind: "primary-quoted", note: "seen via third-party markdown transcription of NVIDIA product-page spec tables (A100/H100/H200/HGX B200/GB200/HGX B300/GB300), read via find_string/read_file id 43180238867 (repo not named by the index)" },
      { url: "github:ai-dynamo/aiconfigurator@095f58a51c4ca8e61b66ec108d86f223f8d559ce:aic-core/src/aiconfigurator_core/systems/h100_sxm.yaml", kind: "cross-check", note: "989 bf16, 1978 fp8/int8, 3.35 TB/s, 700 W, 450 GB/s" },
      { url: "github:cli99/llm-analysis@d841e40aec8c84b9e76ba9cfbce67418adb172bd:llm_analysis/gpu_configs/h100-sxm-80gb.json", kind: "cross-check" },
      { url: "github:hahnyuan/LLM-Viewer@472f71f1a1807e80b573252e9185fd5e8d795e95:hardwares/hardware_params.py", kind: "conflict", note: "nvidia_H100_SXM bandwidth 3072e9 (pre-launch whitepaper '3 TB/s')" },
      { url: "github:abhibambhaniya/GenZ-LLM-Analyzer@091bdd0a2777dfe4d405a8fcdd91c8f12b474bf3:Systems/system_configs.py", kind: "cross-check", note: "H100_GPU 989 TFLOPS, 3400 GB/s (rounded)" },
      { url: "github:microsoft/vidur@7d47513363ec447a741ac5e47241580b47724fbf:vidur/config/device_sku_config.py", kind: "cross-check", note: "fp16_tflops 1000 (rounded)" },
      { url: "shared/reference/gpus.json#h100-sxm", kind: "transcribed-from", note: "intra-node: 900 GB/s NVLink bidirectional -> 450 unidirectional; dense (no 2:4 sparsity); vendor 'with sparsity' figures halved" },
    ],
    notes: "Halved from NVIDIA's sparse figures (1979 -> 989.5).",
  },
  {
    id: "h100-nvl",
    name: "NVIDIA H100 NVL 94GB (per GPU)",
    vendor: "NVIDIA",
    generation: "hopper",
    memory: gb(94),
    hbmBandwidth: tbPerSecond(3.9),
    peakFlops: { bf16: tflops(835.5), fp8: tflops(1670.5), fp4: null, int8: tflops(1670.5) },
    interconnectBandwidth: gbPerSecond(300),
    interconnect: "PCIe Gen5 + NVLink bridge (pairs)",
    // NVLink bridges join pairs only: 2 GPUs talk at 300 GB/s; beyond a pair traffic crosses PCIe Gen5 (64 GB/s).
    // Clouds sell H100 NVL as 1- or 2-GPU VMs (Azure NC40ads / NC80adis H100 v5), so the domain is the bridged pair.
    nvlinkDomain: 2,
    tdp: watts(400),
    confidence: "high",
    sources: [
      { url: "https://www.nvidia.com/en-us/data-center/h100/ (H100 NVL column: BF16 1,671*, FP8 3,341*, 94 GB, 3.9 TB/s, 350-400 W, NVLink 600 GB/s)", kind: "primary-quoted", note: "seen via third-party markdown transcription of NVIDIA product-page spec tables (A100/H100/H200/HGX B200/GB200/HGX B300/GB300), read via find_string/read_file id 43180238867 (repo not named by the index)" },
      { url: "NVIDIA H100 NVL datasheet hosted by PNY (same figures)", kind: "primary-quoted", note: "seen via find_string id 66157821910" },
      { url: "shared/reference/gpus.json#h100-nvl", kind: "transcribed-from", note: "intra-node: NVLink bridge 600 GB/s bidirectional within a bridged pair -> 300 unidirectional; other pairs over PCIe Gen5 (64 GB/s unidirectional); dense (no 2:4 sparsity); vendor 'with sparsity' figures halved" },
    ],
    notes: "Current per-GPU NVL spec. Early (2023) launch material quoted the NVL as a dual-GPU product (188 GB, 7.8 TB/s, 7,916 TFLOPS FP8) - do not mix. TDP configurable 350-400 W.",
  },
  {
    id: "h200-sxm",
    name: "NVIDIA H200 SXM 141GB",
    vendor: "NVIDIA",
    generation: "hopper",
    // nvidia-smi reports 143,771 MiB (= 150.8 GB decimal) for the H200 SXM: NVIDIA's "141GB" is binary (≈ 140.4 GiB).
    memory: bytes(143_771 * 2 ** 20),
    hbmBandwidth: tbPerSecond(4.8),
    peakFlops: { bf16: tflops(989.5), fp8: tflops(1979), fp4: null, int8: tflops(1979) },
    interconnectBandwidth: gbPerSecond(450),
    interconnect: "NVLink4 + NVSwitch",
    // HGX board: 8 GPUs on NVSwitch.
    nvlinkDomain: 8,
    tdp: watts(700),
    confidence: "high",
    sources: [
      { url: "https://www.nvidia.com/en-us/data-center/h200/ (141 GB HBM3e, 4.8 TB/s, same sparse tensor numbers as H100 SXM, up to 700 W)", kind: "primary-quoted", note: "seen via third-party markdown transcription of NVIDIA product-page spec tables (A100/H100/H200/HGX B200/GB200/HGX B300/GB300), read via find_string/read_file id 43180238867 (repo not named by the index)" },
      { url: "github:ai-dynamo/aiconfigurator@095f58a51c4ca8e61b66ec108d86f223f8d559ce:aic-core/src/aiconfigurator_core/systems/h200_sxm.yaml", kind: "cross-check", note: "4.8 TB/s, 989 bf16, 141 GiB configured" },
      { url: "mlcommons inference_results_v4.1 H200-SXM-141GBx8 system json: '18x 4th Gen NVLink, 900GB/s', TGP 700W", kind: "cross-check" },
      { url: "shared/reference/gpus.json#h200-sxm", kind: "transcribed-from", note: "intra-node: 900 GB/s NVLink bidirectional -> 450 unidirectional; dense (no 2:4 sparsity); vendor 'with sparsity' figures halved" },
    ],
    notes: "H200 NVL (PCIe) variant: 141 GB, 4.8 TB/s, up to 600 W, BF16 835.5 dense, 2/4-way NVLink bridge 900 GB/s.",
  },
  {
    id: "gh200",
    name: "NVIDIA GH200 Grace Hopper Superchip (GPU side)",
    vendor: "NVIDIA",
    generation: "hopper",
    memory: gb(96),
    hbmBandwidth: tbPerSecond(4),
    peakFlops: { bf16: tflops(989.5), fp8: tflops(1979), fp4: null, int8: tflops(1979) },
    interconnectBandwidth: gbPerSecond(450),
    interconnect: "NVLink-C2C to Grace CPU (900 GB/s); NVLink4 to other GPUs in NVL2/NVL32 configs",
    // 4 = quad GH200 nodes (reference max_gpus_per_node); cloud instances are usually a single superchip.
    nvlinkDomain: 4,
    tdp: watts(1000),
    confidence: "medium",
    sources: [
      { url: "NVIDIA GH200 material (96 GB HBM3 @ 4 TB/s or 144 GB HBM3e @ 4.9 TB/s; module up to 1000 W incl. CPU+LPDDR5X)", kind: "primary-quoted", note: "seen via wikimili.com Hopper (microarchitecture) infobox; aiwiki.ai/wiki/nvidia_gh200 (pages corpus)" },
      { url: "github:abhibambhaniya/GenZ-LLM-Analyzer@091bdd0a2777dfe4d405a8fcdd91c8f12b474bf3:Systems/system_configs.py", kind: "conflict", note: "GH200_GPU Flops 1979 (that is the sparse BF16 figure), 144 GB, 4900 GB/s" },
      { url: "api-evangelist/lambda-labs plans/lambda-labs-plans-pricing.yml (1x GH200 instance: 96 GB VRAM)", kind: "cross-check" },
      { url: "shared/reference/gpus.json#gh200", kind: "transcribed-from", note: "intra-node: NVLink4 900 GB/s bidirectional -> 450 unidirectional GPU-GPU (when present); C2C to CPU 900 GB/s bidirectional; dense (no 2:4 sparsity); vendor 'with sparsity' figures halved" },
    ],
    notes: "Two memory SKUs: 96 GB HBM3 / 4.0 TB/s (original, e.g. Lambda 1x GH200) and 144 GB HBM3e / 4.9 TB/s (2024 refresh). Compute equals H100 SXM. TDP is for the whole superchip module (450-1000 W configurable), not the GPU alone. Nodes are 1 superchip (cloud) or 4 (HPE/Alps-style quad nodes). No vendor datasheet page was found in the stored corpora - verify.",
  },
] as const satisfies readonly GpuSpec[];
