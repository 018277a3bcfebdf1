/**
 * Pareto fronts: the points no other point beats on both axes. Pure; O(n log n): sort by x (the better end
 * first), sweep keeping the best y seen so far.
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
  const sx = lowerX ? 1 : -1;
  const sy = lowerY ? 1 : -1;
  const idx = points.map((_, i) => i).filter((i) => Number.isFinite(points[i]!.x) && Number.isFinite(points[i]!.y));
  idx.sort((a, b) => {
    const pa = points[a]!;
    const pb = points[b]!;
    return sx * (pa.x - pb.x) || sy * (pa.y - pb.y);
  });
  const out: number[] = [];
  let best = Infinity;
  for (const i of idx) {
    const y = sy * points[i]!.y;
    if (y < best) {
      out.push(i);
      best = y;
    }
  }
  out.sort((a, b) => points[a]!.x - points[b]!.x);
  return out;
}
