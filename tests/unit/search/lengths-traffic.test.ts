import { describe, expect, it } from "vitest";
import { lengthScv, lognormalSigma, Z95 } from "../../../lib/search/lengths";
import { trafficSummary } from "../../../lib/search/traffic";
import { parse } from "./helpers";

describe("request lengths", () => {
  it("fits a lognormal to mean 1000, p95 3000", () => {
    // z·σ − σ²/2 = ln 3 = 1.098612; σ = z − √(z² − 2 ln 3) = 1.644854 − √(2.705544 − 2.197225)
    //   = 1.644854 − 0.712965 = 0.931889; c² = e^{σ²} − 1 = e^{0.868418} − 1 = 2.383135 − 1 = 1.383135
    expect(lognormalSigma(1000, 3000)).toBeCloseTo(0.931889, 5);
    expect(lengthScv(1000, 3000)).toBeCloseTo(1.383135, 5);
  });
  it("the fitted lognormal reproduces the p95", () => {
    const s = lognormalSigma(500, 1200);
    const mu = Math.log(500) - (s * s) / 2;
    expect(Math.exp(mu + Z95 * s)).toBeCloseTo(1200, 6);
  });
  it("fixed lengths have no spread; an impossible ratio caps σ at z", () => {
    expect(lengthScv(1000, undefined)).toBe(0);
    expect(lengthScv(1000, 1000)).toBe(0);
    expect(lognormalSigma(100, 10_000)).toBe(Z95);
  });
});

describe("traffic", () => {
  it("daily users → average and peak rates, monthly volume", () => {
    // average = 50,000 · 10 ÷ 86,400 = 5.787037 req/s; peak = · 3 = 17.36111 req/s
    // requests/month = 5.787037 · 3600 · 730.5 = 500,000 · 30.4375 = 15,218,750
    // tokens/month = 15,218,750 · (1000 + 300) = 19,784,375,000
    const t = trafficSummary(
      parse({
        workload: { model: "llama-3.1-8b", inputTokens: 1000, outputTokens: 300 },
        traffic: { mode: "users", dailyActiveUsers: 50_000, requestsPerUserPerDay: 10, peakToAverage: 3 },
      }),
    );
    expect(t.averageRequestsPerSecond).toBeCloseTo(5.787037, 5);
    expect(t.peakRequestsPerSecond).toBeCloseTo(17.36111, 4);
    expect(t.requestsPerMonth).toBeCloseTo(15_218_750, 3);
    expect(t.inputTokensPerMonth + t.outputTokensPerMonth).toBeCloseTo(19_784_375_000, 0);
    expect(t.derivations.map((d) => d.key)).toContain("traffic.peak");
  });
  it("peak mode divides by the peak-to-average factor for the monthly volume", () => {
    // average = 20 ÷ 4 = 5 req/s; requests/month = 5 · 3600 · 730.5 = 13,149,000
    const t = trafficSummary(
      parse({ workload: { model: "llama-3.1-8b" }, traffic: { mode: "peak", peakRequestsPerSecond: 20, peakToAverage: 4 } }),
    );
    expect(t.averageRequestsPerSecond).toBe(5);
    expect(t.requestsPerMonth).toBeCloseTo(13_149_000, 3);
    expect(t.dailyActiveUsers).toBeNull();
  });
});
