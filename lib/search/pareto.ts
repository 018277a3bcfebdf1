/**
 * Pareto fronts: the points no other point beats on both axes. Pure; O(n log n): sort by x (the better end
 * first), sweep keeping the best y seen so far. A search scores up to a million candidates, so the sweep first drops
 * the points a few known front points already beat (one binary search each), and sorts only what is left.
 */
export interface XY {
  readonly x: number;
  readonly y: number;
}

/**
 * Indices of the Pareto-optimal points, sorted by x ascending.
 * @param lowerX true when a smaller x is better; lowerY likewise.
 * @example paretoIndices([{x:1,y:5},{x:2,y:3},{x:3,y:4}], true, true) // [0, 1]
 */
export function paretoIndices(points: readonly XY[], lowerX: boolean, lowerY: boolean): number[] {
  const xs = new Float64Array(points.length);
  const ys = new Float64Array(points.length);
  points.forEach((p, i) => {
    xs[i] = p.x;
    ys[i] = p.y;
  });
  return paretoIndicesXY(xs, ys, lowerX, lowerY);
}

/** Points at most this many are swept directly; above it a sample's front first prunes the rest. */
const DIRECT = 4096;

/**
 * Indices (sorted by x ascending) of the Pareto-optimal points of (xs[i], ys[i]); non-finite points are never on it.
 * Ties: of points equal in x and y the first (lowest index) counts, as a stable sort by (x, y) then a sweep keeps it.
 */
export function paretoIndicesXY(xs: ArrayLike<number>, ys: ArrayLike<number>, lowerX: boolean, lowerY: boolean): number[] {
  const sx = lowerX ? 1 : -1;
  const sy = lowerY ? 1 : -1;
  const n = xs.length;
  let idx: number[] = [];
  for (let i = 0; i < n; i++) if (Number.isFinite(xs[i]) && Number.isFinite(ys[i])) idx.push(i);
  if (idx.length > DIRECT) idx = pruneByAnchors(idx, xs, ys, sx, sy);
  return sweep(idx, xs, ys, sx, sy);
}

/** The sort-and-sweep on the given indices (ascending), as the module comment says. */
function sweep(idx: number[], xs: ArrayLike<number>, ys: ArrayLike<number>, sx: number, sy: number): number[] {
  idx.sort((a, b) => sx * (xs[a]! - xs[b]!) || sy * (ys[a]! - ys[b]!) || a - b);
  const out: number[] = [];
  let best = Infinity;
  for (const i of idx) {
    const y = sy * ys[i]!;
    if (y < best) {
      out.push(i);
      best = y;
    }
  }
  out.sort((a, b) => xs[a]! - xs[b]! || a - b);
  return out;
}

/**
 * Drops the points that an anchor beats: an anchor with a strictly better x and an equal or better y comes before the
 * point in the sweep's order and leaves the best y at or below the point's, so the sweep would skip the point; and
 * every point after it still sees that anchor, so dropping the point changes nothing else. Anchors are the front of
 * an evenly strided sample (real points), kept themselves. Their front is sorted by oriented x with y strictly
 * improving, so the anchor with the largest x still below a point's is the best one to test (binary search).
 */
function pruneByAnchors(idx: number[], xs: ArrayLike<number>, ys: ArrayLike<number>, sx: number, sy: number): number[] {
  const stride = Math.ceil(idx.length / DIRECT);
  const sample: number[] = [];
  for (let j = 0; j < idx.length; j += stride) sample.push(idx[j]!);
  const anchors = sweep(sample, xs, ys, sx, sy);
  // oriented coordinates, ascending in x (and strictly descending in y)
  const ax = anchors.map((i) => sx * xs[i]!);
  const ay = anchors.map((i) => sy * ys[i]!);
  if (sx < 0) {
    ax.reverse();
    ay.reverse();
  }
  const kept: number[] = [];
  for (const i of idx) {
    const x = sx * xs[i]!;
    // the last anchor with ax < x
    let lo = 0;
    let hi = ax.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ax[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0 && ay[lo - 1]! <= sy * ys[i]!) continue;
    kept.push(i);
  }
  return kept;
}
