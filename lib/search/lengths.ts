/**
 * Request lengths from a mean and an optional 95th percentile: a lognormal fitted to the two.
 *   mean = exp(μ + σ²/2),  p95 = exp(μ + z·σ), z = 1.6449  ⇒  z·σ − σ²/2 = ln(p95 / mean)
 *   σ = z − √(z² − 2·ln(p95/mean))   (the smaller root; when p95/mean > e^{z²/2} ≈ 3.87 no lognormal fits and σ = z)
 *   squared coefficient of variation c² = e^{σ²} − 1
 * No p95 (or p95 = mean): fixed lengths, c² = 0.
 */
export const Z95 = 1.6448536269514722;

export function lognormalSigma(mean: number, p95: number): number {
  if (!(p95 > mean) || !(mean > 0)) return 0;
  const lnR = Math.log(p95 / mean);
  const disc = Z95 * Z95 - 2 * lnR;
  return disc <= 0 ? Z95 : Z95 - Math.sqrt(disc);
}

/** Squared coefficient of variation of a lognormal with this mean and p95 (0 when p95 ≤ mean). */
export function lengthScv(mean: number, p95: number | undefined): number {
  if (p95 === undefined) return 0;
  const s = lognormalSigma(mean, p95);
  return Math.expm1(s * s);
}
