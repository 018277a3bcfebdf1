/**
 * Nelder–Mead simplex minimiser (deterministic: fixed initial simplex, standard coefficients).
 * Used by calibration in log-parameter space.
 */
export interface NmOptions {
  readonly maxEvals: number;
  /** Initial step per coordinate. */
  readonly step: number;
  /** Stop when the spread of function values in the simplex falls below this. */
  readonly tol: number;
}

export function nelderMead(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  opt: NmOptions = { maxEvals: 2000, step: 0.3, tol: 1e-7 },
): { x: number[]; fx: number; evals: number } {
  const n = x0.length;
  let evals = 0;
  const F = (x: number[]) => {
    evals++;
    const v = f(x);
    return Number.isFinite(v) ? v : 1e30;
  };
  const simplex: { x: number[]; fx: number }[] = [];
  simplex.push({ x: [...x0], fx: F([...x0]) });
  for (let i = 0; i < n; i++) {
    const x = [...x0];
    x[i] = x[i]! + opt.step;
    simplex.push({ x, fx: F(x) });
  }
  const comb = (a: number[], b: number[], t: number) => a.map((ai, i) => ai + t * (b[i]! - ai));
  while (evals < opt.maxEvals) {
    simplex.sort((a, b) => a.fx - b.fx);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    if (Math.abs(worst.fx - best.fx) < opt.tol) break;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j]! += simplex[i]!.x[j]! / n;
    const xr = comb(centroid, worst.x, -1);
    const fr = F(xr);
    if (fr < best.fx) {
      const xe = comb(centroid, worst.x, -2);
      const fe = F(xe);
      simplex[n] = fe < fr ? { x: xe, fx: fe } : { x: xr, fx: fr };
    } else if (fr < simplex[n - 1]!.fx) {
      simplex[n] = { x: xr, fx: fr };
    } else {
      const outside = fr < worst.fx;
      const xc = outside ? comb(centroid, xr, 0.5) : comb(centroid, worst.x, 0.5);
      const fc = F(xc);
      if (fc < (outside ? fr : worst.fx)) simplex[n] = { x: xc, fx: fc };
      else {
        for (let i = 1; i <= n; i++) {
          const x = comb(best.x, simplex[i]!.x, 0.5);
          simplex[i] = { x, fx: F(x) };
        }
      }
    }
  }
  simplex.sort((a, b) => a.fx - b.fx);
  return { x: simplex[0]!.x, fx: simplex[0]!.fx, evals };
}
