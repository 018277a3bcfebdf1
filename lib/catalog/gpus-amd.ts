import { gb, gbPerSecond, tbPerSecond, tflops, watts } from "../model/units";
import type { GpuSpec } from "./types";

export const AMD_GPUS = [
  {
    id: "mi300x",
    name: "AMD Instinct MI300X",
    vendor: "AMD",
    generation: "cdna3",
    memory: gb(192),
    hbmBandwidth: tbPerSecond(5.3),
    peakFlops: { bf16: tflops(1307.4), fp8: tflops(2614.9), fp4: null, int8: tflops(2614.9) },
    interconnectBandwidth: gbPerSecond(448),
    interconnect: "AMD Infinity Fabric (xGMI), 8-GPU fully connected",
    // 8-GPU OAM platform, fully connected Infinity Fabric.
    nvlinkDomain: 8,
    tdp: watts(750),
    confidence: "high",
    sources: [
      { url: "https://www.amd.com/content/dam/amd/en/documents/instinct-tech-docs/data-sheets/amd-instinct-mi300x-platform-data-sheet.pdf", kind: "primary-cited", note: "seen via github:abhibambhaniya/GenZ-LLM-Analyzer@091bdd0a2777dfe4d405a8fcdd91c8f12b474bf3:Systems/system_configs.py (cites it; lists 1307 TFLOPS, 192 GB, 5300 GB/s)" },
      { url: "third-party source with AMD dense peaks (find_string id 62776330756): bf16 1307.4, fp8 2614.9", kind: "cross-check" },
      { url: "https://www.emergentmind.com/topics/amd-mi300x-gpu", kind: "secondary", note: "128 GB/s bidirectional per link, 448 GB/s aggregate" },
      { url: "https://www.codesota.com/hardware/mi300x", kind: "conflict", note: "labels 2,615 as 'FP16 dense' - that is the sparse FP16 figure" },
      { url: "https://gpu.blog/gpus/instinct-mi300x-mi300x", kind: "conflict", note: "BF16 330.6 - wrong (vector rate)" },
      { url: "shared/reference/gpus.json#mi300x", kind: "transcribed-from", note: "intra-node: 7 links x 128 GB/s bidirectional = 896 GB/s aggregate bidirectional -> 448 unidirectional aggregate (64 GB/s per peer per direction); dense (no 2:4 sparsity); vendor 'with sparsity' figures halved" },
    ],
    notes: "AMD quotes dense and 'with structured sparsity' (2x) separately: BF16 1307.4 / 2614.9, FP8 2614.9 / 5229.8. INT8 = FP8 rate. GenZ ICN 400 GB/s is a rounded assumption.",
  },
  {
    id: "mi325x",
    name: "AMD Instinct MI325X",
    vendor: "AMD",
    generation: "cdna3",
    memory: gb(256),
    hbmBandwidth: tbPerSecond(6),
    peakFlops: { bf16: tflops(1307.4), fp8: tflops(2614.9), fp4: null, int8: tflops(2614.9) },
    interconnectBandwidth: gbPerSecond(448),
    interconnect: "AMD Infinity Fabric (xGMI), 8-GPU fully connected",
    // 8-GPU OAM platform, fully connected Infinity Fabric.
    nvlinkDomain: 8,
    tdp: watts(1000),
    confidence: "medium",
    sources: [
      { url: "https://awesomeagents.ai/hardware/amd-mi325x", kind: "secondary", note: "256 GB HBM3e, 6 TB/s, FP8 2614.9 dense / 5229.8 sparse, BF16 1307.4, TDP 1,000 W" },
      { url: "https://wiaix.com/amd-instincttm-mi325x-accelerators", kind: "secondary", note: "seven Infinity Fabric links, 2 TB per 8-GPU platform, 6 TB/s" },
      { url: "github:abhibambhaniya/GenZ-LLM-Analyzer@091bdd0a2777dfe4d405a8fcdd91c8f12b474bf3:Systems/system_configs.py", kind: "cross-check", note: "MI325X 1307 TFLOPS, 256 GB, 6000 GB/s" },
      { url: "shared/reference/gpus.json#mi325x", kind: "transcribed-from", note: "intra-node: same 7-link Infinity Fabric as MI300X (896 GB/s aggregate bidirectional); dense (no 2:4 sparsity); vendor 'with sparsity' figures halved" },
    ],
    notes: "Same CDNA3 compute die as MI300X. AMD datasheet PDF not found in stored corpora; values agree across secondary sources.",
  },
  {
    id: "mi355x",
    name: "AMD Instinct MI355X",
    vendor: "AMD",
    generation: "cdna4",
    memory: gb(288),
    hbmBandwidth: tbPerSecond(8),
    peakFlops: { bf16: tflops(2516.6), fp8: tflops(5033.2), fp4: tflops(10066.4), int8: null },
    // Not in the reference: 7 Infinity Fabric links x 153.6 GB/s bidirectional (humeconsulting.co, ~153 GB/s per link)
    // = 1075.2 GB/s aggregate bidirectional -> 537.6 unidirectional, the same derivation as MI300X (7 x 128 / 2 = 448).
    interconnectBandwidth: gbPerSecond(537.6),
    interconnect: "AMD Infinity Fabric, 8-GPU fully connected",
    // 8-GPU OAM platform, fully connected Infinity Fabric.
    nvlinkDomain: 8,
    tdp: watts(1400),
    confidence: "medium",
    sources: [
      { url: "https://humeconsulting.co/amd-mi355x-strong-node-level-inference-but-not-yet-rack-scale", kind: "secondary", note: "Infinity Fabric/XGMI ~153 GB/s bidirectional per link; used for interconnectBandwidth (7 links, halved to one direction)" },
      { url: "third-party source with AMD dense peaks (find_string id 62776330756): bf16 2516.6, fp8 5033.2, mxfp4 10066.4", kind: "cross-check" },
      { url: "https://www.tomshardware.com/pc-components/gpus/amds-instinct-mi355x-accelerator-will-consume-1-400-watts", kind: "secondary", note: "288 GB HBM3E, 8 TB/s, 1,400 W; 'FP4/FP6 20.1 PFLOPS' (sparse/peak marketing figure)" },
      { url: "https://aiwiki.ai/wiki/amd_instinct_mi355x", kind: "secondary", note: "288 GB, 8 TB/s, 1,400 W, CDNA 4" },
      { url: "shared/reference/gpus.json#mi355x", kind: "transcribed-from", note: "intra-node: not found in stored sources; dense (no 2:4 sparsity); vendor 'with sparsity' figures halved" },
    ],
    notes: "FP4 10.07 PF dense (MXFP4); Tom's 20.1 PF figure is 2x (sparsity). MI350X sibling: 1,000 W, ~8% lower clocks. INT8 dense and Infinity Fabric bandwidth not confirmed in stored sources.",
  },
] as const satisfies readonly GpuSpec[];
