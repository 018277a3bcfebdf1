import { describe, expect, it } from "vitest";
import { capacityByContext, contextLadder, sizeRatio, throughputByBatch, tokensPerSecondBySize } from "../../../lib/lessons/charts";
import { DEFAULT_SCENARIO } from "../../../lib/lessons/scenario";

describe("tokens/s vs model size on one GPU", () => {
  const pts = tokensPerSecondBySize(DEFAULT_SCENARIO);

  it("sorts by size, and both ceilings fall as models grow", () => {
    expect(pts.length).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < pts.length; i++) {
      expect(pts[i]!.paramsB).toBeGreaterThan(pts[i - 1]!.paramsB);
      expect(pts[i]!.bandwidthTps).toBeLessThan(pts[i - 1]!.bandwidthTps);
      expect(pts[i]!.computeTps).toBeLessThan(pts[i - 1]!.computeTps);
    }
  });

  it("the bandwidth ceiling is the lower one for every model, and estimates sit under it", () => {
    for (const p of pts) {
      expect(p.bandwidthTps).toBeLessThan(p.computeTps);
      if (p.estimateTps !== null) expect(p.estimateTps).toBeLessThan(p.bandwidthTps);
    }
  });

  it("405B at FP8 does not fit on one 80 GiB GPU; 70B at FP8 just does (72.7 GB of weights in 85.5 GB); an 8B does", () => {
    expect(pts.find((p) => p.id === "llama-3.1-405b")?.fits).toBe(false);
    expect(pts.find((p) => p.id === "llama-3.1-70b")?.fits).toBe(true);
    expect(pts.find((p) => p.id === "llama-3.1-8b")?.fits).toBe(true);
  });

  it("70B vs 8B: the slowdown follows the bytes, ≈ the 8.8× parameter ratio", () => {
    const r = sizeRatio(pts)!;
    // 70,553,706,496 / 8,030,261,248 = 8.786
    expect(r.params).toBeCloseTo(8.786, 2);
    expect(r.slowdown).toBeGreaterThan(8);
    expect(r.slowdown).toBeLessThan(9.5);
  });
});

describe("users vs context: the capacity cliff", () => {
  const { points, kv, altKv } = capacityByContext(DEFAULT_SCENARIO);

  it("runs up to the model's 131,072-token window", () => {
    expect(contextLadder(131_072).at(-1)).toBe(128_000);
    expect(points.at(-1)?.context).toBe(128_000);
  });

  it("users never rise with context, and doubling the context about halves them", () => {
    for (let i = 1; i < points.length; i++) expect(points[i]!.users).toBeLessThanOrEqual(points[i - 1]!.users);
    const a = points.find((p) => p.context === 2000)!.users;
    const b = points.find((p) => p.context === 4000)!.users;
    expect(b / a).toBeGreaterThan(0.4);
    expect(b / a).toBeLessThan(0.6);
  });

  it("an FP8 cache holds about twice the users of a BF16 one", () => {
    expect(kv).toBe("bf16");
    expect(altKv).toBe("fp8");
    const p = points.find((x) => x.context === 4000)!;
    expect(p.usersAlt / p.users).toBeGreaterThan(1.8);
    expect(p.usersAlt / p.users).toBeLessThan(2.2);
  });
});

describe("batch vs throughput", () => {
  const pts = throughputByBatch(DEFAULT_SCENARIO);

  it("doubles concurrency from 1, past the KV-cache limit", () => {
    expect(pts[0]?.concurrency).toBe(1);
    for (let i = 1; i < pts.length; i++) expect(pts[i]!.concurrency).toBe(2 * pts[i - 1]!.concurrency);
    expect(pts.some((p) => p.queued)).toBe(true);
  });

  it("replica throughput rises while each user's speed falls", () => {
    for (let i = 1; i < pts.length; i++) {
      if (!pts[i]!.queued) expect(pts[i]!.throughput).toBeGreaterThan(pts[i - 1]!.throughput);
      expect(pts[i]!.perUser).toBeLessThanOrEqual(pts[i - 1]!.perUser * 1.001);
    }
    // bandwidth-bound at small batch: 2 users ≈ twice the throughput of one
    expect(pts[1]!.throughput / pts[0]!.throughput).toBeGreaterThan(1.8);
  });

  it("the price per output token falls as users share the GPUs", () => {
    expect(pts.at(-1)!.costPerMillionOutput).toBeLessThan(pts[0]!.costPerMillionOutput / 10);
  });
});
