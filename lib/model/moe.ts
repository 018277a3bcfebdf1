/**
 * Expected number of distinct experts a batch of B tokens touches in one MoE layer with E experts and top-k
 * routing, assuming each token picks its k experts uniformly: each expert is missed by one token with probability
 * (1 − k/E), so by all B tokens with (1 − k/E)^B, giving
 *
 *   E_touched(B) = E · (1 − (1 − k/E)^B).
 *
 * B = 1 gives exactly k; B → ∞ gives E. Real routers are skewed (hot experts), which makes this an upper bound on
 * distinct experts for a given B — i.e. a slight overestimate of the expert bytes read.
 */
export function expectedDistinctExperts(numExperts: number, topK: number, tokens: number): number {
  if (numExperts <= 0 || topK <= 0 || tokens <= 0) return 0;
  const k = Math.min(topK, numExperts);
  return numExperts * (1 - Math.pow(1 - k / numExperts, tokens));
}

/** Fraction of the routed-expert weights a batch of B tokens reads: E_touched / E. */
export function touchedExpertFraction(numExperts: number, topK: number, tokens: number): number {
  if (numExperts <= 0) return 0;
  return expectedDistinctExperts(numExperts, topK, tokens) / numExperts;
}
