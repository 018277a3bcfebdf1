import { bytes, gb, gbPerSecond, tbPerSecond, tflops, watts } from "../model/units";
import type { GpuSpec } from "./types";

export const AMPERE_ADA_GPUS = [
  {
    id: "a10g",
    name: "NVIDIA A10G (AWS G5 variant of A10, 24GB)",
    vendor: "NVIDIA",
    generation: "ampere",
    memory: gb(24),
    hbmBandwidth: tbPerSecond(0.6),
    peakFlops: { bf16: tflops(70), fp8: null, fp4: null, int8: tflops(140) },
    interconnectBandwidth: gbPerSecond(32),
    interconnect: "PCIe Gen4 x16 (no NVLink)",
    // PCIe card: nvlinkDomain = GPUs per node (reference max_gpus_per_node) that reach each other at the PCIe figure above.
    nvlinkDomain: 8,
    tdp: watts(150),
    confidence: "low",
    sources: [
      { url: "github:cli99/llm-analysis@d841e40aec8c84b9e76ba9cfbce67418adb172bd:llm_analysis/gpu_configs/a10g-pcie-24gb.json", kind: "secondary", note: "fp16 70 TFLOPS, int8 140, 600 GB/s, 24 GB" },
      { url: "huggingface.co/RajBhope/gpu-runtime-predictor gpu_catalog.json", kind: "secondary", note: "fp16 62.5 TFLOPS, 600 GB/s, 150 W, 80 SMs" },
      { url: "third-party Go source gpuSpecsCSV (find_string id 36737115718): 'g5.*,A10G,...,150'", kind: "secondary", note: "TDP 150 W" },
      { url: "shared/reference/gpus.json#a10g", kind: "transcribed-from", note: "intra-node: PCIe Gen4 x16, unidirectional (~32 GB/s; 64 GB/s bidirectional); dense (no 2:4 sparsity); vendor 'with sparsity' figures halved" },
    ],
    notes: "NVIDIA publishes no datasheet for A10G (AWS-custom SKU). Dense BF16 is uncertain: 70 TFLOPS (llm-analysis) vs 62.5 (HF catalog) vs 125 dense for the retail A10 datasheet (72 SMs, full-rate FP32-accumulate). 80 SMs x 512 FLOP/clk x ~1.7 GHz ~= 70 TFLOPS matches a half-rate FP32-accumulate (GeForce-like) tensor path. Treat as 70 dense and benchmark. Ampere: no FP8.",
  },
  {
    id: "l4",
    name: "NVIDIA L4",
    vendor: "NVIDIA",
    generation: "ada",
    memory: gb(24),
    hbmBandwidth: tbPerSecond(0.3),
    peakFlops: { bf16: tflops(121), fp8: tflops(242.5), fp4: null, int8: tflops(242.5) },
    interconnectBandwidth: gbPerSecond(32),
    interconnect: "PCIe Gen4 x16 (no NVLink)",
    // PCIe card: nvlinkDomain = GPUs per node (reference max_gpus_per_node) that reach each other at the PCIe figure above.
    nvlinkDomain: 8,
    tdp: watts(72),
    confidence: "high",
    sources: [
      { url: "https://www.nvidia.com/en-us/data-center/l4/ (datasheet: BF16 242, FP8/INT8 485 with sparsity)", kind: "primary-quoted", note: "seen via grokipedia.com/page/NVIDIA_L4_vs_L40S and store.sourcecode.com compare page (pages corpus)" },
      { url: "github:ai-dynamo/aiconfigurator@095f58a51c4ca8e61b66ec108d86f223f8d559ce:aic-core/src/aiconfigurator_core/systems/l4.yaml", kind: "cross-check", note: "bf16 121 dense (242 sparse), fp8/int8 242 dense (485 sparse), 300 GB/s, 72 W" },
      { url: "shared/reference/gpus.json#l4", kind: "transcribed-from", note: "intra-node: PCIe Gen4 x16 unidirectional; dense (no 2:4 sparsity); vendor 'with sparsity' figures halved" },
    ],
    notes: "Datasheet tensor figures are with 2:4 sparsity; halved here. GDDR6 (not HBM). Max 8 per node reflects GCP g2-standard-96 / AWS g6.48xlarge shapes.",
  },
  {
    id: "l40s",
    name: "NVIDIA L40S",
    vendor: "NVIDIA",
    generation: "ada",
    memory: gb(48),
    hbmBandwidth: tbPerSecond(0.864),
    peakFlops: { bf16: tflops(362.05), fp8: tflops(733), fp4: null, int8: tflops(733) },
    interconnectBandwidth: gbPerSecond(32),
    interconnect: "PCIe Gen4 x16 (no NVLink)",
    // PCIe card: nvlinkDomain = GPUs per node (reference max_gpus_per_node) that reach each other at the PCIe figure above.
    nvlinkDomain: 8,
    tdp: watts(350),
    confidence: "high",
    sources: [
      { url: "NVIDIA L40/L40S datasheet table (BF16 362.05 | 733*, FP8 733 | 1,466*, *=sparsity; 864 GB/s; 350 W)", kind: "primary-quoted", note: "seen via https://www.mullet.se/product.html?product_id=355414 (reseller copy, pages corpus)" },
      { url: "github:ai-dynamo/aiconfigurator@095f58a51c4ca8e61b66ec108d86f223f8d559ce:aic-core/src/aiconfigurator_core/systems/l40s.yaml", kind: "cross-check", note: "bf16 362.05, fp8/int8 733, 864 GB/s, 46068 MiB usable, 350 W" },
      { url: "shared/reference/gpus.json#l40s", kind: "transcribed-from", note: "intra-node: PCIe Gen4 x16: 64 GB/s bidirectional per datasheet -> 32 unidirectional; dense (no 2:4 sparsity); vendor 'with sparsity' figures halved" },
    ],
    notes: "Datasheet lists dense | sparse pairs. INT8 row blank in the reseller copy for L40S; 733 dense taken from aiconfigurator (consistent with FP8). Some secondary pages (itcreations) wrongly say 300 W (that is the L40).",
  },
  {
    id: "a100-40gb",
    name: "NVIDIA A100 40GB SXM4",
    vendor: "NVIDIA",
    generation: "ampere",
    // 40 GiB: nvidia-smi reports 40,960 MiB (= 42.9 GB decimal).
    memory: bytes(40_960 * 2 ** 20),
    hbmBandwidth: tbPerSecond(1.555),
    peakFlops: { bf16: tflops(312), fp8: null, fp4: null, int8: tflops(624) },
    interconnectBandwidth: gbPerSecond(300),
    interconnect: "NVLink3 + NVSwitch",
    // HGX board: 8 GPUs on NVSwitch.
    nvlinkDomain: 8,
    tdp: watts(400),
    confidence: "high",
    sources: [
      { url: "https://www.nvidia.com/en-us/data-center/a100/", kind: "primary-quoted", note: "seen via third-party markdown transcription of NVIDIA product-page spec tables (A100/H100/H200/HGX B200/GB200/HGX B300/GB300), read via find_string/read_file id 43180238867 (repo not named by the index)" },
      { url: "github:cli99/llm-analysis@d841e40aec8c84b9e76ba9cfbce67418adb172bd:llm_analysis/gpu_configs/a100-sxm-40gb.json", kind: "cross-check", note: "1555 GB/s, 312 fp16, 300 GB/s intra-node" },
      { url: "github:hahnyuan/LLM-Viewer@472f71f1a1807e80b573252e9185fd5e8d795e95:hardwares/hardware_params.py", kind: "cross-check", note: "nvidia_A100_40G 1555e9 B/s, FP16 312e12" },
      { url: "github:abhibambhaniya/GenZ-LLM-Analyzer@091bdd0a2777dfe4d405a8fcdd91c8f12b474bf3:Systems/system_configs.py", kind: "cross-check", note: "A100_40GB_GPU Memory_BW 1600 (rounded)" },
      { url: "shared/reference/gpus.json#a100-40gb-sxm", kind: "transcribed-from", note: "intra-node: 600 GB/s total NVLink per GPU (bidirectional) -> 300 unidirectional; dense (no 2:4 sparsity); vendor 'with sparsity' figures halved" },
    ],
    notes: "Ampere has no FP8. HGX A100 also came in 16-GPU form; 8 is the common node. 40GB uses HBM2.",
  },
  {
    id: "a100-80gb",
    name: "NVIDIA A100 80GB SXM4",
    vendor: "NVIDIA",
    generation: "ampere",
    // 80 GiB, not 80 GB: nvidia-smi reports 81,920 MiB (= 85.9 GB decimal); aiconfigurator's a100_sxm.yaml configures
    // mem_capacity 85899345920 ("80GiB").
    memory: bytes(81_920 * 2 ** 20),
    hbmBandwidth: tbPerSecond(2.039),
    peakFlops: { bf16: tflops(312), fp8: null, fp4: null, int8: tflops(624) },
    interconnectBandwidth: gbPerSecond(300),
    interconnect: "NVLink3 + NVSwitch",
    // HGX board: 8 GPUs on NVSwitch.
    nvlinkDomain: 8,
    tdp: watts(400),
    confidence: "high",
    sources: [
      { url: "https://www.nvidia.com/en-us/data-center/a100/ (A100 80GB SXM: 2,039 GB/s, BF16 312 | 624*, INT8 624 | 1248*, 400 W)", kind: "primary-quoted", note: "seen via third-party markdown transcription of NVIDIA product-page spec tables (A100/H100/H200/HGX B200/GB200/HGX B300/GB300), read via find_string/read_file id 43180238867 (repo not named by the index)" },
      { url: "github:ai-dynamo/aiconfigurator@095f58a51c4ca8e61b66ec108d86f223f8d559ce:aic-core/src/aiconfigurator_core/systems/a100_sxm.yaml", kind: "cross-check", note: "2.039 TB/s, 312 bf16, 624 int8, 400 W, 300 GB/s" },
      { url: "github:cli99/llm-analysis@d841e40aec8c84b9e76ba9cfbce67418adb172bd:llm_analysis/gpu_configs/a100-sxm-80gb.json", kind: "cross-check" },
      { url: "shared/reference/gpus.json#a100-80gb-sxm", kind: "transcribed-from", note: "intra-node: 600 GB/s NVLink bidirectional -> 300 unidirectional; dense (no 2:4 sparsity); vendor 'with sparsity' figures halved" },
    ],
    notes: "A100 80GB PCIe differs: 1,935 GB/s, 300 W.",
  },
  {
    id: "a100-80gb-pcie",
    name: "NVIDIA A100 80GB PCIe",
    vendor: "NVIDIA",
    generation: "ampere",
    // 80 GiB, not 80 GB: nvidia-smi reports 81,920 MiB (= 85.9 GB decimal); aiconfigurator's a100_sxm.yaml configures
    // mem_capacity 85899345920 ("80GiB").
    memory: bytes(81_920 * 2 ** 20),
    hbmBandwidth: tbPerSecond(1.935),
    peakFlops: { bf16: tflops(312), fp8: null, fp4: null, int8: tflops(624) },
    // PCIe Gen4 x16: 64 GB/s bidirectional -> 32 per direction. An NVLink bridge joins pairs at 600 GB/s; not assumed.
    interconnectBandwidth: gbPerSecond(32),
    interconnect: "PCIe Gen4 x16 (optional NVLink bridge for pairs, not assumed)",
    // PCIe card: nvlinkDomain = GPUs per node ("systems with 1-8 GPUs") that reach each other at the PCIe figure above.
    nvlinkDomain: 8,
    tdp: watts(300),
    confidence: "high",
    sources: [
      { url: "https://www.nvidia.com/en-us/data-center/a100/ (A100 80GB PCIe: 1,935 GB/s, BF16 312 | 624*, INT8 624 | 1248*, 300 W, NVLink Bridge for 2 GPUs 600 GB/s, PCIe Gen4 64 GB/s, systems with 1-8 GPUs)", kind: "primary-quoted", note: "seen via third-party markdown transcription of NVIDIA product-page spec tables (A100/H100/H200/HGX B200/GB200/HGX B300/GB300), read via find_string/read_file id 43180238867 (repo not named by the index)" },
    ],
    notes: "Same GA100 die and tensor rates as the SXM part; lower bandwidth (1,935 against 2,039 GB/s) and power (300 W). Multi-GPU traffic is taken over PCIe; with NVLink bridges a pair would be faster than estimated.",
  },
] as const satisfies readonly GpuSpec[];
