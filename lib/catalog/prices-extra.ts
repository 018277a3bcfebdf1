import { usdPerHour } from "../model/units";
import type { GpuPrice } from "./types";

const SILYBENCH = "https://raw.githubusercontent.com/tgarg01/silybench-data/main/derived/csv/gpu_prices.csv";
const CLIFFCENTER = "https://www.cliffcenter.com/research/amd-inference-economics";

/**
 * Published prices for catalog GPUs the reference file does not cover (L4, RTX 4090/5090, MI300X, MI325X) or covers
 * thinly (L40S, H200, B200), found in the stored public corpora. Each `source` names the page the price was read from
 * and the copy it was seen through.
 */
export const PUBLISHED_GPU_PRICES: readonly GpuPrice[] = [
  // L4: AWS g6.xlarge (1x L4, 4 vCPU) Linux on-demand list price in us-east-1.
  { gpuId: "l4", provider: "AWS", instance: "g6.xlarge", region: "us-east-1", term: "on-demand", perGpuHour: usdPerHour(0.8048), gpusPerInstance: 1, dateSeen: "undated (current AWS list in 2026 code tables)", source: "https://aws.amazon.com/ec2/pricing/on-demand/ as quoted in several EC2 price tables in public code (find_string ids 68449185741, 51843200052, 69328628875: g6.xlarge 0.8048, g6.48xlarge 13.3504)", confidence: "medium" },
  { gpuId: "rtx-4090", provider: "RunPod", instance: "RTX 4090 (Community Cloud)", region: "global", term: "on-demand", perGpuHour: usdPerHour(0.34), gpusPerInstance: 1, dateSeen: "2026-09-25", source: `https://www.runpod.io/pricing (read 2026-09-25, via ${SILYBENCH})`, confidence: "medium" },
  { gpuId: "rtx-4090", provider: "RunPod", instance: "RTX 4090 (Secure Cloud)", region: "global", term: "on-demand", perGpuHour: usdPerHour(0.74), gpusPerInstance: 1, dateSeen: "2026-09-25", source: `https://www.runpod.io/pricing (read 2026-09-25, via ${SILYBENCH})`, confidence: "medium" },
  { gpuId: "a100-80gb-pcie", provider: "RunPod", instance: "A100 PCIe (Community Cloud)", region: "global", term: "on-demand", perGpuHour: usdPerHour(1.19), gpusPerInstance: 1, dateSeen: "2026-09-25", source: `https://www.runpod.io/pricing (read 2026-09-25, via ${SILYBENCH})`, confidence: "medium" },
  { gpuId: "a100-80gb-pcie", provider: "RunPod", instance: "A100 PCIe (Secure Cloud)", region: "global", term: "on-demand", perGpuHour: usdPerHour(1.59), gpusPerInstance: 1, dateSeen: "2026-09-25", source: `https://www.runpod.io/pricing (read 2026-09-25, via ${SILYBENCH})`, confidence: "medium" },
  // RTX PRO 6000 Blackwell Server Edition: AWS g7e.2xlarge (1 GPU, 8 vCPU, 64 GiB) Linux on-demand list price.
  { gpuId: "rtx-pro-6000", provider: "AWS", instance: "g7e.2xlarge", region: "eu-central-1", term: "on-demand", perGpuHour: usdPerHour(5.72), gpusPerInstance: 1, dateSeen: "2026-09-25 (AWS price list)", source: "https://aws.amazon.com/ec2/pricing/on-demand/ as quoted in a public lab README ('g7e.2xlarge USD 5.72 / hour, eu-central-1, AWS price list published 2026-09-25'; find_string id 71001447783)", confidence: "medium" },
  { gpuId: "rtx-pro-6000", provider: "RunPod", instance: "RTX PRO 6000 Blackwell Server Edition", region: "global", term: "on-demand", perGpuHour: usdPerHour(1.69), gpusPerInstance: 1, dateSeen: "undated (2026)", source: "a public repository's record of its RunPod pod ('NVIDIA RTX PRO 6000 Blackwell Server Edition, $1.69/h'; find_string id 68446043906); not read from runpod.io", confidence: "low" },
  { gpuId: "rtx-5090", provider: "Vast.ai", instance: "1x RTX 5090 (marketplace)", region: "various (DK, CA, KR)", term: "on-demand", perGpuHour: usdPerHour(0.44), gpusPerInstance: 1, dateSeen: "undated (SkyPilot catalog snapshot, 2026)", source: "https://raw.githubusercontent.com/skypilot-org/skypilot-catalog/master/catalogs/v8/vast/vms.csv (1x-RTX_5090-32-65536, Price 0.44); marketplace prices move daily", confidence: "low" },
  { gpuId: "rtx-5090", provider: "RunPod", instance: "RTX 5090", region: "global", term: "on-demand", perGpuHour: usdPerHour(0.69), gpusPerInstance: 1, dateSeen: "2026-03-10", source: "https://deploybase.ai/articles/rtx-5090-cloud ('RunPod rental: $0.69/hr', data as of March 2026; a sibling article lists 0.69 as spot - conflict)", confidence: "low" },
  { gpuId: "l40s", provider: "RunPod", instance: "L40S (Community Cloud)", region: "global", term: "on-demand", perGpuHour: usdPerHour(0.79), gpusPerInstance: 1, dateSeen: "2026-09-25", source: `https://www.runpod.io/pricing (read 2026-09-25, via ${SILYBENCH})`, confidence: "medium" },
  { gpuId: "l40s", provider: "RunPod", instance: "L40S (Secure Cloud)", region: "global", term: "on-demand", perGpuHour: usdPerHour(1.09), gpusPerInstance: 1, dateSeen: "2026-09-25", source: `https://www.runpod.io/pricing (read 2026-09-25, via ${SILYBENCH})`, confidence: "medium" },
  { gpuId: "l40s", provider: "Nebius", instance: "L40S (Intel)", region: null, term: "on-demand", perGpuHour: usdPerHour(1.55), gpusPerInstance: 1, dateSeen: "2026-09-25", source: `https://nebius.com/prices (read 2026-09-25, via ${SILYBENCH})`, confidence: "medium" },
  { gpuId: "h200-sxm", provider: "RunPod", instance: "H200 (Community Cloud)", region: "global", term: "on-demand", perGpuHour: usdPerHour(3.59), gpusPerInstance: 1, dateSeen: "2026-09-25", source: `https://www.runpod.io/pricing (read 2026-09-25, via ${SILYBENCH})`, confidence: "medium" },
  { gpuId: "h200-sxm", provider: "RunPod", instance: "H200 (Secure Cloud)", region: "global", term: "on-demand", perGpuHour: usdPerHour(4.59), gpusPerInstance: 1, dateSeen: "2026-09-25", source: `https://www.runpod.io/pricing (read 2026-09-25, via ${SILYBENCH})`, confidence: "medium" },
  { gpuId: "h200-sxm", provider: "Nebius", instance: "HGX H200", region: null, term: "on-demand", perGpuHour: usdPerHour(4.5), gpusPerInstance: 1, dateSeen: "2026-09-25", source: `https://nebius.com/prices (read 2026-09-25, via ${SILYBENCH})`, confidence: "medium" },
  { gpuId: "b200", provider: "RunPod", instance: "B200 (Secure Cloud)", region: "global", term: "on-demand", perGpuHour: usdPerHour(6.79), gpusPerInstance: 1, dateSeen: "2026-09-25", source: `https://www.runpod.io/pricing (read 2026-09-25, via ${SILYBENCH})`, confidence: "medium" },
  { gpuId: "b200", provider: "Nebius", instance: "HGX B200", region: null, term: "on-demand", perGpuHour: usdPerHour(7.15), gpusPerInstance: 1, dateSeen: "2026-09-25", source: `https://nebius.com/prices (read 2026-09-25, via ${SILYBENCH})`, confidence: "medium" },
  // MI300X: DigitalOcean's API list price, and neocloud prices quoted in a dated research note.
  { gpuId: "mi300x", provider: "DigitalOcean", instance: "gpu-mi300x1-192gb", region: null, term: "on-demand", perGpuHour: usdPerHour(2.59), gpusPerInstance: 1, dateSeen: "2026-10-07", source: "DigitalOcean API list price, collected 2026-10-07 in https://huggingface.co/datasets/tokenwatt/gpu-cloud-prices", confidence: "medium" },
  { gpuId: "mi300x", provider: "TensorWave", instance: "MI300X", region: null, term: "on-demand", perGpuHour: usdPerHour(1.5), gpusPerInstance: 1, dateSeen: "2026-05-18", source: `${CLIFFCENTER} (research note 2026-05-18: 'MI300X rents for $1.50/GPU-hr at TensorWave')`, confidence: "low" },
  { gpuId: "mi300x", provider: "Vultr", instance: "MI300X", region: null, term: "on-demand", perGpuHour: usdPerHour(1.85), gpusPerInstance: 1, dateSeen: "2026-05-18", source: `${CLIFFCENTER} (research note 2026-05-18: '$1.85 at Vultr')`, confidence: "low" },
  { gpuId: "mi325x", provider: "TensorWave", instance: "MI325X", region: null, term: "on-demand", perGpuHour: usdPerHour(1.95), gpusPerInstance: 1, dateSeen: "2026-05-18", source: `${CLIFFCENTER} (research note 2026-05-18: 'TensorWave MI325X at $1.95')`, confidence: "low" },
];

/**
 * Explicit estimates for catalog GPUs with no published price found in the stored corpora. Provider "estimate";
 * each `source` gives the arithmetic. Only on-demand: no 1yr/3yr/spot figure is invented.
 */
export const ESTIMATED_GPU_PRICES: readonly GpuPrice[] = [
  // GB300: CoreWeave GB200 NVL72 $10.50/GPU-h x Hyperstack's B300/B200 ratio (7.40 / 6.00 = 1.2333) = $12.95.
  { gpuId: "gb300", provider: "estimate", instance: "GB300 NVL72 (per GPU)", region: null, term: "on-demand", perGpuHour: usdPerHour(12.95), gpusPerInstance: 4, dateSeen: "2026-11-28", source: "estimate: CoreWeave GB200 $10.50/GPU-h (2026-09-20) x Hyperstack B300/B200 price ratio 7.40/6.00 (2026-08-26) = 12.95; no published GB300 price found", confidence: "low" },
  // MI355X: DigitalOcean MI300X $2.59 x Hyperstack's B200/H100 SXM ratio (6.00 / 3.20 = 1.875) = $4.86; MI355X stands
  // to MI300X roughly as B200 to H100 (about 2x dense compute, 1.5x memory).
  { gpuId: "mi355x", provider: "estimate", instance: "MI355X (per GPU)", region: null, term: "on-demand", perGpuHour: usdPerHour(4.86), gpusPerInstance: 1, dateSeen: "2026-11-28", source: "estimate: DigitalOcean MI300X $2.59 (2026-10-07) x Hyperstack B200/H100 SXM price ratio 6.00/3.20 (2026-08-26) = 4.86; no published MI355X price found", confidence: "low" },
];
