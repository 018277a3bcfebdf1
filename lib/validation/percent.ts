/** Fraction → "12 %" / "3.4 %" for the reasons attached to a confidence level (move to lib/format.ts once it has a percent formatter). */
export function percent(fraction: number): string {
  const p = fraction * 100;
  const digits = Math.abs(p) < 10 && p !== Math.round(p) ? 1 : 0;
  return `${p.toFixed(digits)} %`;
}
