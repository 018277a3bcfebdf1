import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { erlangB, erlangC, mgcWait, waitQuantile } from "../../../lib/search/queueing";

describe("Erlang B / C", () => {
  it("M/M/1: P_W = ρ", () => {
    // c = 1, a = 0.5: B₁ = 0.5/(1 + 0.5) = 1/3; C = (1/3) / (1 − 0.5·(1 − 1/3)) = (1/3)/(2/3) = 0.5
    expect(erlangC(1, 0.5)).toBeCloseTo(0.5, 12);
  });
  it("c = 2, a = 1 Erlang", () => {
    // B₁ = 1/(1+1) = 0.5; B₂ = 1·0.5/(2 + 0.5) = 0.2; ρ = 0.5; C = 0.2 / (1 − 0.5·0.8) = 0.2/0.6 = 1/3
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 12);
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
  });
  it("c = 3, a = 2 Erlangs", () => {
    // B₁ = 2/3; B₂ = 2·(2/3)/(2 + 4/3) = (4/3)/(10/3) = 0.4; B₃ = 2·0.4/(3 + 0.8) = 0.8/3.8 = 4/19
    // ρ = 2/3; C = (4/19) / (1 − (2/3)(15/19)) = (4/19)/(9/19) = 4/9
    expect(erlangC(3, 2)).toBeCloseTo(4 / 9, 12);
  });
  it("is 0 with no load and 1 when the queue is unstable", () => {
    expect(erlangC(4, 0)).toBe(0);
    expect(erlangC(4, 4)).toBe(1);
    expect(erlangC(4, 5)).toBe(1);
  });
  it("stays finite and in (0, 1) for large c", () => {
    const v = erlangC(512, 480);
    expect(v).toBeGreaterThan(0);
    expect(v).toBeLessThan(1);
  });
  it("more servers never raise, more load never lowers the chance of waiting", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (c, rho) => {
        const a = rho * c;
        expect(erlangC(c + 1, a)).toBeLessThanOrEqual(erlangC(c, a) + 1e-12);
        expect(erlangC(c, Math.min(a * 1.05, c * 0.999))).toBeGreaterThanOrEqual(erlangC(c, a) - 1e-12);
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});

describe("M/G/c waits (Allen–Cunneen)", () => {
  it("M/M/1 at ρ = 0.5, E[S] = 1 s", () => {
    // θ = E[S]/(c − a) = 1/(1 − 0.5) = 2 s; mean W = P_W·θ = 0.5·2 = 1 s (= ρ/(μ − λ) = 0.5/0.5)
    // p95: ln(0.5/0.05)·2 = 2·ln 10 = 4.60517 s; p50: P_W = 0.5 is not > 0.5 → 0
    const w = mgcWait(1, 0.5, 1, 1);
    expect(w.mean).toBeCloseTo(1, 12);
    expect(w.p95).toBeCloseTo(2 * Math.log(10), 10);
    expect(w.p50).toBe(0);
    expect(w.utilisation).toBeCloseTo(0.5, 12);
  });
  it("M/D/1 mean wait is half of M/M/1 (Pollaczek–Khinchine, exact for c = 1)", () => {
    // W = ρ·E[S] / (2(1 − ρ)) = 0.5·1/(2·0.5) = 0.5 s
    expect(mgcWait(1, 0.5, 1, 0).mean).toBeCloseTo(0.5, 12);
  });
  it("M/M/2 with a = 1", () => {
    // P_W = 1/3; θ = 1/(2 − 1) = 1 s; mean W = 1/3 s; p95 = ln((1/3)/0.05) = ln(6.6667) = 1.89712 s
    const w = mgcWait(2, 1, 1, 1);
    expect(w.mean).toBeCloseTo(1 / 3, 12);
    expect(w.p95).toBeCloseTo(Math.log(20 / 3), 10);
  });
  it("an unstable queue waits forever", () => {
    const w = mgcWait(2, 3, 1, 1);
    expect(w.p95).toBe(Infinity);
    expect(w.probabilityOfWait).toBe(1);
  });
  it("waitQuantile is 0 when fewer than 1 − p of arrivals wait", () => {
    expect(waitQuantile(0.04, 10, 0.95)).toBe(0);
    // 0.1 wait; p95 → θ·ln(0.1/0.05) = 10·ln 2
    expect(waitQuantile(0.1, 10, 0.95)).toBeCloseTo(10 * Math.log(2), 12);
  });
});

/** A tiny seeded FIFO M/G/c simulation: returns the waits of `n` arrivals after a warm-up. */
function simulate(c: number, lambda: number, service: (rand: () => number) => number, n: number, seed: number): number[] {
  let s = seed >>> 0;
  const rand = () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const free = new Array<number>(c).fill(0); // time each server frees up
  const waits: number[] = [];
  let t = 0;
  const warm = Math.floor(n / 10);
  for (let i = 0; i < n + warm; i++) {
    t += -Math.log(1 - rand()) / lambda;
    let k = 0;
    for (let j = 1; j < c; j++) if (free[j]! < free[k]!) k = j;
    const start = Math.max(t, free[k]!);
    free[k] = start + service(rand);
    if (i >= warm) waits.push(start - t);
  }
  return waits;
}

function quantile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
}

describe("against a seeded discrete-event simulation", () => {
  it("M/M/4 at ρ = 0.8: Erlang C mean and p95 wait match the simulation within 10 %", () => {
    // Exponential service, mean 1 s: Erlang C is exact for M/M/c, so only sampling noise separates the two.
    const waits = simulate(4, 3.2, (rand) => -Math.log(1 - rand()), 400_000, 99);
    const model = mgcWait(4, 3.2, 1, 1);
    const mean = waits.reduce((a, b) => a + b, 0) / waits.length;
    expect(mean).toBeGreaterThan(model.mean * 0.9);
    expect(mean).toBeLessThan(model.mean * 1.1);
    const p95 = quantile(waits, 0.95);
    expect(p95).toBeGreaterThan(model.p95 * 0.9);
    expect(p95).toBeLessThan(model.p95 * 1.1);
  });
  it("M/D/8 at ρ = 0.85: the Allen–Cunneen p95 wait is within 25 % of the simulation", () => {
    const waits = simulate(8, 6.8, () => 1, 200_000, 4242);
    const model = mgcWait(8, 6.8, 1, 0);
    const p95 = quantile(waits, 0.95);
    expect(p95).toBeGreaterThan(model.p95 * 0.75);
    expect(p95).toBeLessThan(model.p95 * 1.25);
  });
});
