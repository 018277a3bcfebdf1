import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { openLoopAt } from "../../../lib/model/open-loop";

/** A stand-in replica: E2E(N) = 1 s + 10 ms per request in flight (TTFT 100 ms, OSL 101). */
const OSL = 101;
const at = (c: number) => ({ ttftMs: 100, tpotMs: (900 + 10 * c) / (OSL - 1) });

describe("openLoopAt: the steady state of a replica at an offered request rate", () => {
  it("finds the in-flight count of Little's law: N = λ·E2E(N) → 12 at 10 req/s", () => {
    // 10 · (1 + 0.01·N) ≤ N first holds at N = 12 (11.2 ≤ 12; at 11: 11.1 > 11)
    const p = openLoopAt(at, OSL, 10, 64);
    expect(p.inFlight).toBe(12);
    expect(p.saturated).toBe(false);
    expect(p.completedPerSecond).toBe(10);
    expect(p.tpotMs).toBeCloseTo((900 + 120) / 100, 12);
  });

  it("a rate the KV-limited maximum cannot carry is saturated, completing C_max / E2E(C_max)", () => {
    const p = openLoopAt(at, OSL, 200, 64);
    expect(p.saturated).toBe(true);
    expect(p.inFlight).toBe(64);
    expect(p.completedPerSecond).toBeCloseTo(64 / 1.64, 9);
  });

  it("finds N past 2³¹ requests in flight (a bisection that does not wrap)", () => {
    // E2E = (1000 + 100 · 10) ms = 2 s at any N, so N = λ · 2 s = 3·10⁹ at 1.5·10⁹ req/s, with C_max = 2³²
    const flat = () => ({ ttftMs: 1000, tpotMs: 10 });
    const p = openLoopAt(flat, OSL, 1.5e9, 2 ** 32);
    expect(p.inFlight).toBe(3e9);
    expect(p.saturated).toBe(false);
  });

  it("a light rate leaves a request alone: the figures at one in flight", () => {
    const p = openLoopAt(at, OSL, 0.5, 64);
    expect(p).toEqual({ inFlight: 1, saturated: false, completedPerSecond: 0.5, ttftMs: 100, tpotMs: 9.1 });
  });

  it("equals a scan for the smallest N that keeps up, for any rate and slope", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 500, noNaN: true }), fc.double({ min: 0, max: 0.05, noNaN: true }), fc.integer({ min: 1, max: 300 }), (rate, slope, cMax) => {
        const f = (c: number) => ({ ttftMs: 50, tpotMs: (950 + 1000 * slope * c) / (OSL - 1) });
        const e2e = (c: number) => 1 + slope * c;
        const p = openLoopAt(f, OSL, rate, cMax);
        let scan = -1;
        for (let n = 1; n <= cMax; n++) if (rate * e2e(n) <= n + 1e-9) { scan = n; break; }
        if (scan === -1) expect(p.saturated).toBe(true);
        else expect(p.inFlight).toBe(scan);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
