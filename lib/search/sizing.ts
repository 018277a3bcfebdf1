/**
 * Constraints and replica sizing of one candidate (a replica layout at concurrency C with its estimates).
 *
 *   X      = requests/s one replica completes with C in flight (closed-loop estimate, Little's law)
 *   E[S]   = C / X                                  time a request holds a slot
 *   c_s²   = (TPOT · σ_OSL)² / E[S]²               service-time variability from the output-length spread
 *   N₀     = ⌈λ_peak · (1 + headroom) / X⌉          replicas for the peak with headroom
 *   N      = smallest N ≥ N₀ whose M/G/c waits (λ_peak / N per replica) keep TTFT p50/p95 and E2E p95 within
 *            their SLOs (waits shrink as N grows; found by doubling then bisection)
 *   TTFT_p = TTFT(C) + W_p;  E2E_p95 = TTFT_p95 + (OSL_p95 − 1) · TPOT_p95
 *   cost   = (N + redundancy) · GPUs per replica · $/GPU-h · 730.5 h
 *
 * TTFT(C) and TPOT(C) are the model's figures for a full batch of C (the occupancy the replica is sized for); the
 * p95 ones are for a batch of p95-length requests — conservative on both counts.
 */
import { HOURS_PER_MONTH } from "../model/units";
import { mgcWait } from "./queueing";
import type { SearchSpec } from "./spec";

export const V_TPOT = 1;
export const V_TTFT50 = 2;
export const V_TTFT95 = 4;
export const V_E2E = 8;
export const V_BUDGET_MONTH = 16;
export const V_BUDGET_MTOK = 32;

export type SetBy = "traffic" | "ttft-p50" | "ttft-p95" | "e2e";

export interface Sized {
  replicasTraffic: number;
  setBy: SetBy;
  ttft50: number;
  ttft95: number;
  e2e95: number;
  wait50: number;
  wait95: number;
  pw: number;
  utilisation: number;
  costHour: number;
  costMonth: number;
  costMtok: number;
  violations: number;
}

export interface ServiceFigures {
  c: number;
  /** Requests/s per replica at mean lengths. */
  x: number;
  ttftSvc50: number;
  ttftSvc95: number;
  tpot50: number;
  tpot95: number;
  gpus: number;
  price: number;
}

/** Caps the replica search: beyond this many times N₀ the wait cannot be the problem. */
const MAX_SCALE = 1 << 12;

interface Waits {
  ttft50: number;
  ttft95: number;
  e2e95: number;
  wait50: number;
  wait95: number;
  pw: number;
  utilisation: number;
}

function waitsAt(spec: SearchSpec, f: ServiceFigures, meanS: number, scv: number, n: number, w: Waits): void {
  const q = mgcWait(f.c, spec.peak / n, meanS, scv);
  w.wait50 = q.p50 * 1000;
  w.wait95 = q.p95 * 1000;
  w.pw = q.probabilityOfWait;
  w.utilisation = q.utilisation;
  w.ttft50 = f.ttftSvc50 + w.wait50;
  w.ttft95 = f.ttftSvc95 + w.wait95;
  w.e2e95 = w.ttft95 + (spec.osl95 - 1) * f.tpot95;
}

function queueFails(spec: SearchSpec, w: Waits): number {
  let v = 0;
  if (w.ttft50 > spec.slo.ttft50) v |= V_TTFT50;
  if (w.ttft95 > spec.slo.ttft95) v |= V_TTFT95;
  if (w.e2e95 > spec.slo.e2e95) v |= V_E2E;
  return v;
}

/**
 * Targets missed by the service figures alone are missed whatever N is; for those, N is sized so that waiting adds
 * at most 10 % (so a near miss reports what it would take, not a queue that has run away).
 */
const MISSED_TARGET_SLACK = 1.1;

function sizingFails(spec: SearchSpec, w: Waits, intrinsic: number, f: ServiceFigures, e2eSvc: number): number {
  let v = 0;
  if (w.ttft50 > (intrinsic & V_TTFT50 ? f.ttftSvc50 * MISSED_TARGET_SLACK : spec.slo.ttft50)) v |= V_TTFT50;
  if (w.ttft95 > (intrinsic & V_TTFT95 ? f.ttftSvc95 * MISSED_TARGET_SLACK : spec.slo.ttft95)) v |= V_TTFT95;
  if (w.e2e95 > (intrinsic & V_E2E ? e2eSvc * MISSED_TARGET_SLACK : spec.slo.e2e95)) v |= V_E2E;
  return v;
}

const scratch: Waits = { ttft50: 0, ttft95: 0, e2e95: 0, wait50: 0, wait95: 0, pw: 0, utilisation: 0 };

/** Service-time squared coefficient of variation. */
export function serviceScv(spec: SearchSpec, f: ServiceFigures, meanS: number): number {
  if (spec.scvOutput === 0 || meanS <= 0) return 0;
  const sdOut = Math.sqrt(spec.scvOutput) * spec.osl;
  const sdS = (f.tpot50 / 1000) * sdOut;
  return (sdS * sdS) / (meanS * meanS);
}

/**
 * Size one candidate and check every constraint. Targets the service figures alone (no waiting) already miss cannot
 * be fixed by more replicas; N is grown only for the others.
 */
export function sizeCandidate(spec: SearchSpec, f: ServiceFigures, out: Sized): Sized {
  const meanS = f.c / f.x;
  const scv = serviceScv(spec, f, meanS);
  const n0 = Math.max(1, Math.ceil((spec.peak * spec.headroomFactor) / f.x - 1e-9));
  let intrinsic = 0;
  if (f.tpot95 > spec.slo.tpot95) intrinsic |= V_TPOT;
  if (f.ttftSvc50 > spec.slo.ttft50) intrinsic |= V_TTFT50;
  if (f.ttftSvc95 > spec.slo.ttft95) intrinsic |= V_TTFT95;
  if (f.ttftSvc95 + (spec.osl95 - 1) * f.tpot95 > spec.slo.e2e95) intrinsic |= V_E2E;

  // Grow N until the waits meet every queueing target (targets already missed without waiting: within 10 %).
  const e2eSvc = f.ttftSvc95 + (spec.osl95 - 1) * f.tpot95;
  let n = n0;
  let setBy: SetBy = "traffic";
  waitsAt(spec, f, meanS, scv, n, scratch);
  const first = sizingFails(spec, scratch, intrinsic, f, e2eSvc);
  if (first !== 0) {
    setBy = first & V_TTFT95 ? "ttft-p95" : first & V_TTFT50 ? "ttft-p50" : "e2e";
    let lo = n0;
    let hi = n0 * 2;
    while (hi <= n0 * MAX_SCALE) {
      waitsAt(spec, f, meanS, scv, hi, scratch);
      if (sizingFails(spec, scratch, intrinsic, f, e2eSvc) === 0) break;
      lo = hi;
      hi *= 2;
    }
    if (hi > n0 * MAX_SCALE) {
      hi = n0 * MAX_SCALE;
    } else {
      while (hi - lo > 1) {
        // lo + ⌊(hi − lo)/2⌋, not (lo + hi) >>> 1: a peak of millions of requests/s puts N past 2³¹; past 2⁵³ the
        // integers are no longer consecutive doubles, so stop when the midpoint cannot move
        const mid = lo + Math.floor((hi - lo) / 2);
        if (mid === lo || mid === hi) break;
        waitsAt(spec, f, meanS, scv, mid, scratch);
        if (sizingFails(spec, scratch, intrinsic, f, e2eSvc) === 0) hi = mid;
        else lo = mid;
      }
    }
    n = hi;
    waitsAt(spec, f, meanS, scv, n, scratch);
  }
  const fails = queueFails(spec, scratch);
  const replicas = n + spec.redundancy;
  const costHour = replicas * f.gpus * f.price;
  const costMonth = costHour * HOURS_PER_MONTH;
  const costMtok = spec.tokensPerMonth > 0 ? costMonth / (spec.tokensPerMonth / 1e6) : 0;
  let v = intrinsic | fails;
  if (costMonth > spec.budgetMonth) v |= V_BUDGET_MONTH;
  if (costMtok > spec.budgetMtok) v |= V_BUDGET_MTOK;

  out.replicasTraffic = n;
  out.setBy = setBy;
  out.ttft50 = scratch.ttft50;
  out.ttft95 = scratch.ttft95;
  out.e2e95 = scratch.e2e95;
  out.wait50 = scratch.wait50;
  out.wait95 = scratch.wait95;
  out.pw = scratch.pw;
  out.utilisation = scratch.utilisation;
  out.costHour = costHour;
  out.costMonth = costMonth;
  out.costMtok = costMtok;
  out.violations = v;
  return out;
}

/** The first violated constraint in the order the search reports them. */
export function firstViolation(v: number): "tpot" | "ttft-p50" | "ttft-p95" | "e2e" | "budget-month" | "budget-mtok" | null {
  if (v & V_TPOT) return "tpot";
  if (v & V_TTFT50) return "ttft-p50";
  if (v & V_TTFT95) return "ttft-p95";
  if (v & V_E2E) return "e2e";
  if (v & V_BUDGET_MONTH) return "budget-month";
  if (v & V_BUDGET_MTOK) return "budget-mtok";
  return null;
}
