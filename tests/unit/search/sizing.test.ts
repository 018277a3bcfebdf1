import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { sizeCandidate, V_BUDGET_MONTH, V_TPOT, V_TTFT95, type ServiceFigures, type Sized } from "../../../lib/search/sizing";
import { specWith } from "./helpers";

const NONE = { ttft50: Infinity, ttft95: Infinity, tpot95: Infinity, e2e95: Infinity };

function fig(over: Partial<ServiceFigures>): ServiceFigures {
  return { c: 1, x: 1, ttftSvc50: 100, ttftSvc95: 100, tpot50: 20, tpot95: 20, gpus: 2, price: 3, ...over };
}

describe("replica sizing", () => {
  it("peak × headroom ÷ capacity, plus N+1, priced by the month", () => {
    // N₀ = ⌈10 req/s · 1.2 ÷ 2 req/s⌉ = 6; +1 spare = 7 replicas
    // cost = 7 · 2 GPUs · $3/GPU-h · 730.5 h = $30,681/month
    const spec = specWith({ peak: 10, headroomFactor: 1.2, redundancy: 1, slo: NONE, scvOutput: 0 });
    const z = sizeCandidate(spec, fig({ c: 16, x: 2 }), {} as Sized);
    expect(z.replicasTraffic).toBe(6);
    expect(z.setBy).toBe("traffic");
    expect(z.costMonth).toBeCloseTo(30_681, 6);
    expect(z.violations).toBe(0);
  });

  it("adds replicas until the p95 wait fits the TTFT target (M/D/1, hand-derived)", () => {
    // One slot, E[S] = C/X = 1 s, deterministic service (c_s² = 0), λ = 0.5 req/s, no headroom: N₀ = 1.
    // N = 1: a = 0.5, P_W = 0.5, θ = (1/2)·1/(1 − 0.5) = 1 s, W₉₅ = ln(0.5/0.05)·1 = 2.3026 s
    // N = 2: λ = 0.25, P_W = 0.25, θ = 0.5/0.75 = 0.6667 s, W₉₅ = 0.6667·ln 5 = 1.0730 s  (> 1 s)
    // N = 3: λ = 1/6, P_W = 1/6, θ = 0.5/(5/6) = 0.6 s,  W₉₅ = 0.6·ln(10/3) = 0.7224 s  (≤ 1 s) → N = 3
    const spec = specWith({ peak: 0.5, headroomFactor: 1, redundancy: 0, slo: { ...NONE, ttft95: 100 + 1000 }, scvOutput: 0 });
    const z = sizeCandidate(spec, fig({ c: 1, x: 1 }), {} as Sized);
    expect(z.replicasTraffic).toBe(3);
    expect(z.setBy).toBe("ttft-p95");
    expect(z.wait95).toBeCloseTo(0.6 * Math.log(10 / 3) * 1000, 6);
    expect(z.ttft95).toBeCloseTo(100 + 0.6 * Math.log(10 / 3) * 1000, 6);
    expect(z.violations).toBe(0);
  });

  it("a TPOT the batch cannot reach is a violation no replica count fixes", () => {
    const spec = specWith({ peak: 1, headroomFactor: 1, redundancy: 0, slo: { ...NONE, tpot95: 10 }, scvOutput: 0 });
    const z = sizeCandidate(spec, fig({ tpot95: 20, c: 8, x: 4 }), {} as Sized);
    expect(z.violations & V_TPOT).toBe(V_TPOT);
    expect(z.replicasTraffic).toBe(1);
  });

  it("a service TTFT over target stays a violation, with waits kept within 10 % of it", () => {
    const spec = specWith({ peak: 0.9, headroomFactor: 1, redundancy: 0, slo: { ...NONE, ttft95: 50 }, scvOutput: 0 });
    const z = sizeCandidate(spec, fig({ c: 1, x: 1, ttftSvc95: 100 }), {} as Sized);
    expect(z.violations & V_TTFT95).toBe(V_TTFT95);
    expect(z.ttft95).toBeLessThanOrEqual(110 + 1e-9);
  });

  it("flags a monthly budget overrun", () => {
    // 1 replica · 2 GPUs · $3 · 730.5 h = $4,383 > $4,000
    const spec = specWith({ peak: 0.1, headroomFactor: 1, redundancy: 0, slo: NONE, budgetMonth: 4000 });
    const z = sizeCandidate(spec, fig({ c: 4, x: 1 }), {} as Sized);
    expect(z.costMonth).toBeCloseTo(4383, 6);
    expect(z.violations).toBe(V_BUDGET_MONTH);
  });

  it("sizes a peak of billions of requests/s: the bisection neither wraps past 2³¹ nor stalls past 2⁵³", () => {
    // The M/D/1 case above at K times the traffic: λ per replica = 0.5·K / N, so N = 2K (λ = 1/4, W₉₅ = 1.073 s)
    // misses the 1 s wait and N = 3K (λ = 1/6, W₉₅ = 0.722 s) meets it: 2K < N ≤ 3K. N passes 2³² at K = 2³³ (where
    // (lo + hi) >>> 1 wrapped) and 2⁵³ at K = 2⁶⁰ (where doubles are 2⁸ apart).
    for (const k of [2 ** 33, 2 ** 60]) {
      const spec = specWith({ peak: 0.5 * k, headroomFactor: 1, redundancy: 0, slo: { ...NONE, ttft95: 100 + 1000 }, scvOutput: 0 });
      const z = sizeCandidate(spec, fig({ c: 1, x: 1 }), {} as Sized);
      expect(z.setBy).toBe("ttft-p95");
      expect(z.replicasTraffic).toBeGreaterThan(2 * k);
      expect(z.replicasTraffic).toBeLessThanOrEqual(3 * k);
      expect(z.wait95).toBeLessThanOrEqual(1000);
      expect(Number.isFinite(z.costMonth)).toBe(true);
      expect(z.violations).toBe(0);
    }
  });

  it("more traffic never needs fewer replicas (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 500, noNaN: true }),
        fc.double({ min: 1.0, max: 3, noNaN: true }),
        fc.constantFrom(1, 4, 16, 64, 256),
        fc.double({ min: 0.05, max: 50, noNaN: true }),
        fc.double({ min: 200, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (peak, growth, c, x, ttft95, scv) => {
          const slo = { ...NONE, ttft95 };
          const f = fig({ c, x, ttftSvc50: 150, ttftSvc95: 150 });
          const a = sizeCandidate(specWith({ peak, headroomFactor: 1.2, slo, scvOutput: scv }), f, {} as Sized);
          const b = sizeCandidate(specWith({ peak: peak * growth, headroomFactor: 1.2, slo, scvOutput: scv }), f, {} as Sized);
          expect(b.replicasTraffic).toBeGreaterThanOrEqual(a.replicasTraffic);
        },
      ),
      { seed: 11, numRuns: 300 },
    );
  });

  it("a tighter TTFT target never needs fewer replicas (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        fc.constantFrom(1, 2, 8, 32),
        fc.double({ min: 0.1, max: 20, noNaN: true }),
        fc.double({ min: 200, max: 5000, noNaN: true }),
        fc.double({ min: 0.3, max: 1, noNaN: true }),
        (peak, c, x, loose, k) => {
          const f = fig({ c, x, ttftSvc50: 150, ttftSvc95: 150 });
          const a = sizeCandidate(specWith({ peak, slo: { ...NONE, ttft95: loose } }), f, {} as Sized);
          const b = sizeCandidate(specWith({ peak, slo: { ...NONE, ttft95: Math.max(160, loose * k) } }), f, {} as Sized);
          expect(b.replicasTraffic).toBeGreaterThanOrEqual(a.replicasTraffic);
        },
      ),
      { seed: 5, numRuns: 300 },
    );
  });
});
