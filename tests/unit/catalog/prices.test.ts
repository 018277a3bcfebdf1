import { describe, expect, it } from "vitest";
import { API_PRICES, CATALOG_VERSION, GPU_IDS, GPU_PRICES, PROVIDERS, pricePerGpuHour } from "../../../lib/catalog";

describe("GPU prices", () => {
  it("every row prices a catalog GPU with a positive, finite per-GPU figure, a date and a source", () => {
    for (const p of GPU_PRICES) {
      expect(GPU_IDS).toContain(p.gpuId);
      expect(Number.isFinite(p.perGpuHour) && p.perGpuHour > 0 && p.perGpuHour < 50).toBe(true);
      expect(Number.isInteger(p.gpusPerInstance) && p.gpusPerInstance >= 1).toBe(true);
      expect(p.dateSeen.trim()).not.toBe("");
      expect(p.source.trim()).not.toBe("");
      expect(["on-demand", "1yr", "3yr", "spot"]).toContain(p.term);
    }
  });

  it("gives every catalog GPU an on-demand price", () => {
    for (const id of GPU_IDS) expect(pricePerGpuHour(id), id).not.toBeNull();
  });

  it("labels estimates: provider 'estimate', low confidence, the derivation in the source, on-demand only", () => {
    const estimates = GPU_PRICES.filter((p) => p.provider === "estimate");
    expect(estimates.map((p) => p.gpuId).sort()).toEqual(["gb300", "mi355x"]);
    for (const p of estimates) {
      expect(p.confidence).toBe("low");
      expect(p.source).toMatch(/^estimate: /);
      expect(p.term).toBe("on-demand");
    }
    // GB300: CoreWeave GB200 10.50 x (Hyperstack B300 7.40 / B200 6.00) = 12.95
    expect(pricePerGpuHour("gb300")?.perGpuHour).toBeCloseTo(10.5 * (7.4 / 6.0), 2);
  });

  it("returns the median row of the best-confidence tier", () => {
    // H100 NVL on-demand: RunPod 3.19 (medium), Azure 6.98 and 8.82 (high) -> high+medium kept -> median 6.98
    const nvl = pricePerGpuHour("h100-nvl");
    expect(nvl?.perGpuHour).toBe(6.98);
    expect(nvl?.provider).toBe("Azure");
    // RTX 4090: RunPod 0.34 and 0.74 (both medium) -> lower median 0.34
    expect(pricePerGpuHour("rtx-4090")?.perGpuHour).toBe(0.34);
    // MI300X: DigitalOcean 2.59 (medium) beats the low-confidence 1.50 / 1.85 quotes
    expect(pricePerGpuHour("mi300x")?.provider).toBe("DigitalOcean");
  });

  it("filters by provider, case-insensitively", () => {
    // Lambda H100 SXM: 3.99 (8x) and 4.29 (1x) -> lower median 3.99
    expect(pricePerGpuHour("h100-sxm", "on-demand", "lambda")?.perGpuHour).toBe(3.99);
    expect(pricePerGpuHour("h100-sxm", "on-demand", "No Such Cloud")).toBeNull();
  });

  it("returns null where no price for the term is published instead of inventing one", () => {
    expect(pricePerGpuHour("h100-sxm", "1yr")).toBeNull();
    expect(pricePerGpuHour("gb300", "3yr")).toBeNull();
    expect(pricePerGpuHour("not-a-gpu")).toBeNull();
    // The one reserved row set in the reference: GCP a2-highgpu-1g asia-east1, month_3y / 730
    expect(pricePerGpuHour("a100-40gb", "3yr", "GCP")?.perGpuHour).toBe(1.3266);
    expect(pricePerGpuHour("a100-40gb", "1yr")?.perGpuHour).toBe(2.3878);
  });

  it("lists providers once, sorted, without the estimate pseudo-provider", () => {
    expect(new Set(PROVIDERS).size).toBe(PROVIDERS.length);
    expect([...PROVIDERS].sort((a, b) => a.localeCompare(b))).toEqual(PROVIDERS);
    expect(PROVIDERS).not.toContain("estimate");
    for (const p of ["AWS", "GCP", "Azure", "Lambda", "CoreWeave", "RunPod"]) expect(PROVIDERS).toContain(p);
  });
});

describe("API prices", () => {
  it("each row has a positive output price, a non-negative input price or null, a date and a source", () => {
    expect(API_PRICES.length).toBeGreaterThanOrEqual(20);
    for (const p of API_PRICES) {
      expect(p.usdPerMillionOutput).toBeGreaterThan(0);
      if (p.usdPerMillionInput !== null) expect(p.usdPerMillionInput).toBeGreaterThanOrEqual(0);
      expect(p.dateSeen.trim()).not.toBe("");
      expect(p.source.trim()).not.toBe("");
    }
    const fw = API_PRICES.find((p) => p.provider === "Fireworks AI" && p.model === "gpt-oss-120b");
    expect(fw).toMatchObject({ usdPerMillionInput: 0.15, usdPerMillionOutput: 0.6 });
  });
});

describe("CATALOG_VERSION", () => {
  it("is a dated version string", () => {
    expect(CATALOG_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/);
  });
});
