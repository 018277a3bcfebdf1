import { describe, expect, it } from "vitest";
import { GPUS, GPU_IDS, getGpu } from "../../../lib/catalog";

const REQUIRED = [
  "a10g", "l4", "l40s", "a100-40gb", "a100-80gb", "h100-pcie", "h100-sxm", "h100-nvl", "h200-sxm", "gh200",
  "b200", "b300", "gb200", "gb300", "mi300x", "mi325x", "mi355x", "rtx-4090", "rtx-5090",
];
const GENERATIONS = ["ampere", "ada", "hopper", "blackwell", "cdna3", "cdna4"];

describe("GPU catalog", () => {
  it("has every required id, each once, in GPU_IDS order", () => {
    for (const id of REQUIRED) expect(GPU_IDS).toContain(id);
    expect(new Set(GPU_IDS).size).toBe(GPU_IDS.length);
    expect(GPU_IDS).toEqual(GPUS.map((g) => g.id));
  });

  it("getGpu finds entries and returns undefined for unknown ids", () => {
    expect(getGpu("h100-sxm")?.name).toMatch(/H100 SXM/);
    expect(getGpu("h100")).toBeUndefined();
    expect(getGpu("")).toBeUndefined();
  });

  describe.each(GPUS.map((g) => [g.id, g] as const))("%s", (_id, g) => {
    it("has figures in sane ranges (SI units)", () => {
      expect(g.memory).toBeGreaterThanOrEqual(16e9);
      expect(g.memory).toBeLessThanOrEqual(300e9);
      expect(g.hbmBandwidth).toBeGreaterThanOrEqual(0.3e12);
      expect(g.hbmBandwidth).toBeLessThanOrEqual(10e12);
      expect(g.peakFlops.bf16).toBeGreaterThanOrEqual(50e12);
      expect(g.peakFlops.bf16).toBeLessThanOrEqual(5000e12);
      expect(g.interconnectBandwidth).toBeGreaterThanOrEqual(16e9);
      expect(g.interconnectBandwidth).toBeLessThanOrEqual(2e12);
      expect(g.tdp).toBeGreaterThanOrEqual(50);
      expect(g.tdp).toBeLessThanOrEqual(2000);
      expect(Number.isInteger(g.nvlinkDomain) && g.nvlinkDomain >= 1 && g.nvlinkDomain <= 72).toBe(true);
      expect(GENERATIONS).toContain(g.generation);
    });

    it("has fp8 and fp4 at least the bf16 rate where present", () => {
      if (g.peakFlops.fp8 !== null) expect(g.peakFlops.fp8).toBeGreaterThanOrEqual(g.peakFlops.bf16);
      if (g.peakFlops.fp4 !== null) expect(g.peakFlops.fp4).toBeGreaterThanOrEqual(g.peakFlops.fp8 ?? g.peakFlops.bf16);
    });

    it("names its sources", () => {
      expect(g.sources.length).toBeGreaterThan(0);
      for (const s of g.sources) expect(s.url.trim()).not.toBe("");
    });
  });

  it("transcribes H100 SXM from the reference: 80 GiB, 3.35 TB/s, 989.5 TFLOP/s bf16 dense, 450 GB/s, HGX 8", () => {
    const g = getGpu("h100-sxm");
    // what the driver reports (nvidia-smi: 81,559 MiB = 85.5 GB), as for Blackwell: NVIDIA's "80GB" is binary
    expect(g?.memory).toBe(81_559 * 1_048_576);
    expect(g?.hbmBandwidth).toBe(3.35e12);
    // NVIDIA's 1,979 TFLOPS is with 2:4 sparsity; dense = 1979 / 2 = 989.5
    expect(g?.peakFlops.bf16).toBe(989.5e12);
    expect(g?.peakFlops.fp8).toBe(1979e12);
    expect(g?.peakFlops.fp4).toBeNull();
    // 900 GB/s NVLink bidirectional / 2 = 450 GB/s one way
    expect(g?.interconnectBandwidth).toBe(450e9);
    expect(g?.nvlinkDomain).toBe(8);
  });

  it("marks chips without a datapath as null: Ampere has no FP8, Hopper no FP4", () => {
    expect(getGpu("a100-80gb")?.peakFlops.fp8).toBeNull();
    expect(getGpu("a10g")?.peakFlops.fp8).toBeNull();
    expect(getGpu("h200-sxm")?.peakFlops.fp4).toBeNull();
    expect(getGpu("b200")?.peakFlops.fp4).toBe(9000e12);
  });

  it("sizes the scale-up domain: NVL72 racks 72, H100 NVL bridged pairs 2, PCIe cards at PCIe speed", () => {
    expect(getGpu("gb200")?.nvlinkDomain).toBe(72);
    expect(getGpu("gb300")?.nvlinkDomain).toBe(72);
    expect(getGpu("h100-nvl")?.nvlinkDomain).toBe(2);
    expect(getGpu("h100-nvl")?.interconnectBandwidth).toBe(300e9);
    // PCIe Gen4 x16 = 32 GB/s one way; Gen5 = 64 GB/s
    expect(getGpu("l40s")?.interconnectBandwidth).toBe(32e9);
    expect(getGpu("h100-pcie")?.interconnectBandwidth).toBe(64e9);
  });

  it("uses the AMD dense figures, not the sparse ones", () => {
    // MI300X: 1307.4 dense BF16 (2614.9 is 'with structured sparsity')
    expect(getGpu("mi300x")?.peakFlops.bf16).toBe(1307.4e12);
    expect(getGpu("mi355x")?.generation).toBe("cdna4");
    // 7 links x 153.6 GB/s bidirectional / 2 = 537.6 GB/s one way
    expect(getGpu("mi355x")?.interconnectBandwidth).toBeCloseTo(537.6e9, -3);
  });
});
