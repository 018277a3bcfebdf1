import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  formatBandwidth,
  formatBytes,
  formatCount,
  formatFlopRate,
  formatFlops,
  formatMs,
  formatParams,
  formatPercent,
  formatRate,
  formatRatio,
  formatSeconds,
  formatUsd,
  formatUsdPerHour,
  formatWithUnit,
  MISSING,
} from "../../lib/format";

describe("formatBytes (decimal)", () => {
  it("uses decimal prefixes", () => {
    expect(formatBytes(80e9)).toBe("80 GB"); // 80e9 / 1e9 = 80
    expect(formatBytes(141e9)).toBe("141 GB");
    expect(formatBytes(327_680)).toBe("328 kB"); // 327,680 / 1000 = 327.68 → 3 s.f.
    expect(formatBytes(36_337_860_608)).toBe("36.3 GB");
    expect(formatBytes(1.2e12)).toBe("1.2 TB");
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(0)).toBe("0 B");
  });
  it("rolls over at the rounded boundary (999,999 B is 1 MB, not 1,000 kB)", () => {
    expect(formatBytes(999_999)).toBe("1 MB");
    expect(formatBytes(999)).toBe("999 B");
  });
  it("keeps the sign", () => {
    expect(formatBytes(-2.5e9)).toBe("-2.5 GB");
  });
});

describe("formatSeconds / formatMs", () => {
  it("chooses s, ms, µs, ns", () => {
    expect(formatSeconds(2.154)).toBe("2.15 s");
    expect(formatSeconds(0.022381)).toBe("22.4 ms");
    expect(formatSeconds(0.00085)).toBe("850 µs");
    expect(formatSeconds(1.2e-8)).toBe("12 ns");
    expect(formatSeconds(0)).toBe("0 s");
  });
  it("uses minutes and hours for long times", () => {
    expect(formatSeconds(210)).toBe("3.5 min"); // 210 / 60
    expect(formatSeconds(7560)).toBe("2.1 h"); // 7560 / 3600
  });
  it("does not print 1000 ms (0.9999 s rounds to 1 s)", () => {
    expect(formatSeconds(0.99999)).toBe("1 s");
  });
  it("formatMs takes milliseconds", () => {
    expect(formatMs(215.366)).toBe("215 ms");
    expect(formatMs(10.4)).toBe("10.4 ms");
    expect(formatMs(1500)).toBe("1.5 s");
  });
});

describe("formatUsd", () => {
  it("abbreviates thousands, millions and billions", () => {
    expect(formatUsd(1234)).toBe("$1.23k");
    expect(formatUsd(46_500)).toBe("$46.5k");
    expect(formatUsd(3_100_000)).toBe("$3.1M");
    expect(formatUsd(2.4e9)).toBe("$2.4B");
    expect(formatUsd(999_999)).toBe("$1M");
  });
  it("prints cents where they matter", () => {
    expect(formatUsd(12.4)).toBe("$12.40");
    expect(formatUsd(312.4)).toBe("$312");
    expect(formatUsd(0.52)).toBe("$0.52");
    // two significant digits below $1, trailing zero kept so a column of prices lines up
    expect(formatUsd(0.4)).toBe("$0.40");
    expect(formatUsd(0.9)).toBe("$0.90");
    expect(formatUsd(0.052)).toBe("$0.052");
    expect(formatUsd(0.0042)).toBe("$0.0042");
    expect(formatUsd(0)).toBe("$0");
    expect(formatUsd(-5)).toBe("−$5.00");
  });
  it("per hour", () => {
    expect(formatUsdPerHour(4.2)).toBe("$4.20/h");
  });
});

describe("FLOPs, rates, counts, percentages", () => {
  it("FLOP and FLOP/s", () => {
    expect(formatFlops(141_107_412_992)).toBe("141 GFLOP"); // 2 × 70.55e9 params
    expect(formatFlopRate(1.979e15)).toBe("1.98 PFLOP/s");
    expect(formatBandwidth(3.35e12)).toBe("3.35 TB/s");
  });
  it("counts and rates", () => {
    expect(formatCount(165)).toBe("165");
    expect(formatCount(1234)).toBe("1,234");
    expect(formatCount(12_345)).toBe("12.3k");
    expect(formatCount(4_500_000)).toBe("4.5M");
    expect(formatCount(44.6798)).toBe("44.7");
    expect(formatRate(691.58)).toBe("692 tok/s");
    expect(formatRate(12_345, "req/s")).toBe("12.3k req/s");
  });
  it("percentages and ratios", () => {
    expect(formatPercent(0.153)).toBe("15 %");
    expect(formatPercent(0.047)).toBe("4.7 %");
    expect(formatPercent(1)).toBe("100 %");
    expect(formatRatio(1.234)).toBe("1.23×");
  });
  it("parameters", () => {
    expect(formatParams(70_553_706_496)).toBe("70.6 B");
    expect(formatParams(1_300_000)).toBe("1.3 M");
  });
  it("by derivation unit", () => {
    expect(formatWithUnit(0.012, "s")).toBe("12 ms");
    expect(formatWithUnit(327_680, "B")).toBe("328 kB");
    expect(formatWithUnit(691.58, "tok/s")).toBe("692 tok/s");
    expect(formatWithUnit(2.5, "USD/h")).toBe("$2.50/h");
    expect(formatWithUnit(165, "1")).toBe("165");
    expect(formatWithUnit(3, "widgets")).toBe("3 widgets");
  });
});

describe("never NaN", () => {
  const all = [
    formatBytes,
    formatSeconds,
    formatMs,
    formatUsd,
    formatUsdPerHour,
    formatFlops,
    formatFlopRate,
    formatBandwidth,
    formatCount,
    (x: number) => formatRate(x),
    formatPercent,
    formatRatio,
    formatParams,
    (x: number) => formatWithUnit(x, "B"),
  ];
  it("prints — for NaN, ±Infinity, null and undefined", () => {
    for (const f of all) {
      for (const bad of [NaN, Infinity, -Infinity]) expect(f(bad)).toBe(MISSING);
    }
    expect(formatBytes(null)).toBe(MISSING);
    expect(formatUsd(undefined)).toBe(MISSING);
  });
  it("no output of any finite double contains NaN, Infinity or undefined", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        for (const f of all) {
          const s = f(x);
          expect(s).not.toMatch(/NaN|Infinity|undefined/);
          expect(s.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
