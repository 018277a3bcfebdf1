import { bytes, gb, gbPerSecond, tbPerSecond, tflops, watts } from "../model/units";
import type { GpuSpec } from "./types";

export const BLACKWELL_GPUS = [
  {
    id: "b200",
    name: "NVIDIA B200 (HGX B200, per GPU)",
    vendor: "NVIDIA",
    generation: "blackwell",
    // 180 GiB, not 180 GB: nvidia-smi reports 183,359 MiB (= 192.3 GB decimal; "179 GB visible" on Vultr is GiB) and
    // aiconfigurator's b200_sxm.yaml configures 180 GiB. NVIDIA's Blackwell "GB" figures are binary.
    memory: bytes(183_359 * 2 ** 20),
    hbmBandwidth: tbPerSecond(7.7),
    peakFlops: { bf16: tflops(2250), fp8: tflops(4500), fp4: tflops(9000), int8: tflops(4500) },
    interconnectBandwidth: gbPerSecond(900),
    interconnect: "NVLink5 + NVSwitch",
    // HGX board: 8 GPUs on NVSwitch.
    nvlinkDomain: 8,
    tdp: watts(1000),
    confidence: "high",
    sources: [
      { url: "https://www.nvidia.com/en-us/data-center/hgx/ / GB200 NVL72 page spec table (HGX B200 per GPU: FP4 18 PF*, FP8 9 PF*, INT8 9 POPS*, BF16 4.5 PF*, 180 GB HBM3E, 7.7 TB/s, up to 1,000 W; system NVFP4 144 | 72 PF)", kind: "primary-quoted", note: "seen via third-party markdown transcription of NVIDIA product-page spec tables (A100/H100/H200/HGX B200/GB200/HGX B300/GB300), read via find_string/read_file id 43180238867 (repo not named by the index)" },
      { url: "github:ai-dynamo/aiconfigurator@095f58a51c4ca8e61b66ec108d86f223f8d559ce:aic-core/src/aiconfigurator_core/systems/b200_sxm.yaml", kind: "cross-check", note: "7.7 TB/s, 180 GiB, bf16 2250, fp8 4500, fp4 9000, 1000 W, 900 GB/s" },
      { url: "https://glennklockwood.com/garden/processors/B200", kind: "secondary", note: "HGX B200 @1000 W: BF16 2250 dense, FP8 4500, FP4 9000; 192 GB / 8 TB/s" },
      { url: "https://docs.vultr.com/inference-cookbook/cuda/getting-started/hardware-overview", kind: "secondary", note: "179 GB visible, 8.0 TB/s quoted" },
      { url: "shared/reference/gpus.json#b200", kind: "transcribed-from", note: "intra-node: 1.8 TB/s NVLink bidirectional -> 900 unidirectional; dense (no 2:4 sparsity); vendor 'with sparsity' figures halved" },
    ],
    notes: "Launch material (2024) said 192 GB / 8 TB/s; current NVIDIA HGX B200 tables say 180 GB / 7.7 TB/s (nvidia-smi shows ~179 GB). Sparse figures halved; FP4 dense = 9 PF per NVIDIA's 144|72 PF system row.",
  },
  {
    id: "b300",
    name: "NVIDIA B300 / Blackwell Ultra (HGX B300, per GPU)",
    vendor: "NVIDIA",
    generation: "blackwell",
    // 270 "GB" is GiB: nvidia-smi reports 275,040 MiB = 288.4 GB decimal (aiconfigurator b300_sxm.yaml).
    memory: bytes(275_040 * 2 ** 20),
    hbmBandwidth: tbPerSecond(7.7),
    peakFlops: { bf16: tflops(2250), fp8: tflops(4500), fp4: tflops(13500), int8: tflops(153.5) },
    interconnectBandwidth: gbPerSecond(900),
    interconnect: "NVLink5 + NVSwitch",
    // HGX board: 8 GPUs on NVSwitch.
    nvlinkDomain: 8,
    tdp: watts(1100),
    confidence: "medium",
    sources: [
      { url: "https://resources.nvidia.com/en-us-blackwell-architecture/blackwell-ultra-datasheet (HGX B300 per GPU: FP4 18 | 14 PF, FP8 9 PF*, INT8 307 TOPS*, BF16 4.5 PF, 270 GB HBM3E, 7.7 TB/s, up to 1,100 W; system FP4 144 | 108 PF)", kind: "primary-quoted", note: "seen via third-party markdown transcription of NVIDIA product-page spec tables (A100/H100/H200/HGX B200/GB200/HGX B300/GB300), read via find_string/read_file id 43180238867 (repo not named by the index)" },
      { url: "github:ai-dynamo/aiconfigurator@095f58a51c4ca8e61b66ec108d86f223f8d559ce:aic-core/src/aiconfigurator_core/systems/b300_sxm.yaml", kind: "cross-check", note: "7.75 TB/s, 275040 MiB per nvidia-smi, bf16 2250, int8 153.5, fp8 4500, fp4 14000, 1100 W" },
      { url: "https://glennklockwood.com/garden/processors/B300", kind: "secondary", note: "FP4 13125 dense, 288 GB, 8 TB/s, 1400 W (GB300)" },
      { url: "https://itkb.uw.cz/2026/06/nvidia-h200-vs-b300-precisions-cores.html", kind: "conflict", note: "claims BF16 ~3500 / FP8 ~7000 dense, 1400 W - inconsistent with NVIDIA tables; ignore" },
      { url: "https://fibermall.com/blog/?p=17161", kind: "conflict", note: "pre-release HGX B300 NVL16 table (FP4 144 PF both columns, INT8 2 POPS system)" },
      { url: "shared/reference/gpus.json#b300", kind: "transcribed-from", note: "intra-node: 1.8 TB/s NVLink bidirectional -> 900 unidirectional; dense (no 2:4 sparsity); vendor 'with sparsity' figures halved" },
    ],
    notes: "FP4 dense: NVIDIA system row 108 PF/8 = 13.5 PF; per-GPU row rounds to 14 PF. Marketing memory is 288 GB HBM3e; HGX B300 table lists 270 GB usable (GB300: 279 GB). INT8 tensor throughput was cut sharply on Blackwell Ultra (307 TOPS sparse). FP64 ~1.2 TFLOPS.",
  },
  {
    id: "gb200",
    name: "NVIDIA GB200 (per Blackwell GPU in GB200 NVL72)",
    vendor: "NVIDIA",
    generation: "blackwell",
    // 186 "GB" is GiB: nvidia-smi reports 189,471 MiB = 198.7 GB decimal (aiconfigurator gb200.yaml).
    memory: bytes(189_471 * 2 ** 20),
    hbmBandwidth: tbPerSecond(8),
    peakFlops: { bf16: tflops(2500), fp8: tflops(5000), fp4: tflops(10000), int8: tflops(5000) },
    interconnectBandwidth: gbPerSecond(900),
    interconnect: "NVLink5 + NVLink Switch (72-GPU domain)",
    // NVL72 rack: all 72 GPUs share one NVLink Switch domain at the same per-GPU bandwidth.
    nvlinkDomain: 72,
    tdp: watts(1200),
    confidence: "high",
    sources: [
      { url: "https://www.nvidia.com/en-us/data-center/gb200-nvl72/ (per GPU: FP4 20 PF*, FP8 10 PF*, INT8 10 POPS*, BF16 5 PF*, 186 GB HBM3E, 8 TB/s, up to 1,200 W; NVL72 NVFP4 1,440 | 720 PF)", kind: "primary-quoted", note: "seen via third-party markdown transcription of NVIDIA product-page spec tables (A100/H100/H200/HGX B200/GB200/HGX B300/GB300), read via find_string/read_file id 43180238867 (repo not named by the index)" },
      { url: "github:ai-dynamo/aiconfigurator@095f58a51c4ca8e61b66ec108d86f223f8d559ce:aic-core/src/aiconfigurator_core/systems/gb200.yaml", kind: "cross-check", note: "8 TB/s, 189471 MiB per nvidia-smi, bf16 2500, fp8 5000, fp4 10000, 1200 W, 4 GPUs per tray, 72 per rack" },
      { url: "github:abhibambhaniya/GenZ-LLM-Analyzer@091bdd0a2777dfe4d405a8fcdd91c8f12b474bf3:Systems/system_configs.py", kind: "conflict", note: "GB200 Flops 4500, 192 GB" },
      { url: "shared/reference/gpus.json#gb200", kind: "transcribed-from", note: "intra-node: 1.8 TB/s NVLink bidirectional -> 900 unidirectional; same bandwidth across the 72-GPU rack domain; dense (no 2:4 sparsity); vendor 'with sparsity' figures halved" },
    ],
    notes: "max_gpus_per_node=72 is the NVLink domain (rack); a physical compute tray holds 4 GPUs + 2 Grace CPUs. Early material: 192 GB.",
  },
  {
    id: "gb300",
    name: "NVIDIA GB300 (per Blackwell Ultra GPU in GB300 NVL72)",
    vendor: "NVIDIA",
    generation: "blackwell",
    memory: gb(288),
    hbmBandwidth: tbPerSecond(8),
    peakFlops: { bf16: tflops(2500), fp8: tflops(5000), fp4: tflops(15000), int8: tflops(165) },
    interconnectBandwidth: gbPerSecond(900),
    interconnect: "NVLink5 + NVLink Switch (72-GPU domain)",
    // NVL72 rack: all 72 GPUs share one NVLink Switch domain at the same per-GPU bandwidth.
    nvlinkDomain: 72,
    tdp: watts(1400),
    confidence: "medium",
    sources: [
      { url: "https://resources.nvidia.com/en-us-blackwell-architecture/blackwell-ultra-datasheet", kind: "primary (as cited by the cross-check)" },
      { url: "github:ai-dynamo/aiconfigurator@095f58a51c4ca8e61b66ec108d86f223f8d559ce:aic-core/src/aiconfigurator_core/systems/gb300.yaml", kind: "cross-check", note: "8 TB/s, 284208 MiB per nvidia-smi, bf16 2500, int8 165, fp8 5000, fp4 15000 TFLOPS, 1400 W, 4 GPUs per tray, 72 per rack, 900 GB/s NVLink per direction" },
      { url: "shared/reference/gpus.json#gb300", kind: "transcribed-from", note: "intra-node: 1.8 TB/s NVLink bidirectional -> 900 unidirectional; same across the 72-GPU rack domain; dense (no 2:4 sparsity)" },
    ],
    notes: "Blackwell Ultra cut INT8 tensor throughput sharply (165 TOPS). 288 GB is NVIDIA's figure; nvidia-smi shows about 298 GB decimal (284,208 MiB).",
  },
  {
    id: "rtx-pro-6000",
    name: "NVIDIA RTX PRO 6000 Blackwell Server Edition",
    vendor: "NVIDIA",
    generation: "blackwell",
    // "96 GB" is GiB: nvidia-smi reports 97,887 MiB = 102.6 GB decimal.
    memory: bytes(97_887 * 2 ** 20),
    // The Server Edition's figure; the 1,792 GB/s that circulates is the Workstation Edition's.
    hbmBandwidth: tbPerSecond(1.597),
    peakFlops: { bf16: tflops(500), fp8: tflops(1000), fp4: tflops(2000), int8: null },
    interconnectBandwidth: gbPerSecond(64),
    interconnect: "PCIe Gen5 x16 (no NVLink)",
    // PCIe card: nvlinkDomain = GPUs per node (8 in AWS g7e.48xlarge) that reach each other at the PCIe figure above.
    nvlinkDomain: 8,
    tdp: watts(600),
    confidence: "medium",
    sources: [
      { url: "https://www.nvidia.com/en-us/data-center/rtx-pro-6000-blackwell-server-edition/ (FP4 Tensor Core 4 PFLOPS*, FP8 2 PFLOPS*, FP16/BF16 1 PFLOP*, 96 GB GDDR7, 1,597 GB/s, up to 600 W; *with sparsity)", kind: "primary-quoted", note: "seen via public repositories that re-fetched and tabulated the product page (find_string ids 69549664363, 70932380401, 67160728849)" },
      { url: "AWS EC2 G7e instance tables (8x RTX PRO 6000 Blackwell Server Edition in g7e.48xlarge: 96 GB GDDR7 and 1,597 GB/s per GPU, 752 tensor cores, 600 W)", kind: "secondary", note: "find_string ids 53852913184, 52600756863" },
      { url: "nvidia-smi on a RTX PRO 6000 Blackwell Server Edition: 97,887 MiB total", kind: "secondary", note: "find_string ids 67160152436, 71001447783" },
      { url: "https://gpu.name/posts/nvidia-unveils-rtx-pro-6000-blackwell-gpu-with-24-064-cores-and-96gb-memory", kind: "secondary", note: "GB202, 188 SMs, 24,064 CUDA cores, 96 GB GDDR7, 512-bit, PCIe Gen5, 600 W" },
    ],
    notes: "GB202 (compute capability 12.0, the GeForce Blackwell die), not the B200's GB100: its tensor cores, GDDR7 memory and PCIe-only multi-GPU differ from every GPU the fit measured, and it takes the Blackwell factors. Dense = NVIDIA's sparse figures halved (FP4 2,000, FP8 1,000, BF16 500 TFLOPS; as a data-center part it runs FP32-accumulate at the full rate, unlike GeForce). One source derives 1,920 dense FP4 for the Server Edition's lower clock; not used.",
  },
] as const satisfies readonly GpuSpec[];
