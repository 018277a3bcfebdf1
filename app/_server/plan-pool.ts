/**
 * The server's planner pool: plan searches run on worker threads (./plan-worker.ts via ./worker-pool.ts), one process-
 * wide pool shared by every route and page (kept on globalThis: Next.js may load this module once per route bundle).
 *
 * Settings (environment, read once):
 *   ATLAS_PLAN_WORKERS     worker threads (default: CPU cores − 1, between 1 and 4; 0 runs plans on the main thread)
 *   ATLAS_PLAN_QUEUE_MAX   plans waiting for a worker before new ones get 503 (default 32)
 *   ATLAS_PLAN_TIMEOUT_S   seconds one plan may run before it is stopped with a 503 (default 120)
 */
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { DEFAULT_PLAN_INPUT } from "@/lib/plan/schema";
import type { Interest } from "./interest";
import { runJob, type PlanJob, type PlanJobResult } from "./plan-jobs";
import { createWorkerPool, isPoolOverload, type WorkerPool } from "./worker-pool";

function envInt(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    console.warn(`[atlas] ${name}=${raw} is not an integer in ${min}–${max}; using ${fallback}`);
    return fallback;
  }
  return n;
}

type AnyResult = PlanJobResult[PlanJob["kind"]];
const KEY = Symbol.for("atlas.planPool");
const g = globalThis as typeof globalThis & { [KEY]?: WorkerPool<PlanJob, AnyResult> };

function spawnPlanWorker(): Worker {
  // Under Next.js the bundler turns this entry into its own server chunk.
  if (process.env.NEXT_RUNTIME) return new Worker(new URL("./plan-worker.ts", import.meta.url));
  // Run from source (unit tests, tsx scripts), the entry is TypeScript: scripts/ts-worker.mjs loads it with tsx.
  const here = path.dirname(fileURLToPath(import.meta.url));
  const entry = pathToFileURL(path.join(here, "plan-worker.ts")).href;
  return new Worker(path.join(here, "..", "..", "scripts", "ts-worker.mjs"), { workerData: { entry } });
}

export function planPool(): WorkerPool<PlanJob, AnyResult> {
  g[KEY] ??= createWorkerPool<PlanJob, AnyResult>({
    size: envInt("ATLAS_PLAN_WORKERS", Math.min(4, Math.max(1, availableParallelism() - 1)), 0, 64),
    queueMax: envInt("ATLAS_PLAN_QUEUE_MAX", 32, 0, 10_000),
    timeoutMs: envInt("ATLAS_PLAN_TIMEOUT_S", 120, 1, 3600) * 1000,
    spawn: spawnPlanWorker,
    runInline: runJob,
  });
  return g[KEY];
}

/**
 * Starts every planner thread and answers the default plan request once on each, so the first user's plan does not
 * pay for loading and compiling the planner and for building the confidence regimes its badges read (the default
 * plan's first answer: ~2.3 s cold, ~0.7 s warm on 2 cores). Never rejects.
 */
export async function warmPlanPool(): Promise<void> {
  const pool = planPool();
  if (pool.stats().inline) return;
  const t0 = performance.now();
  const n = Math.max(1, pool.size);
  const done = await Promise.allSettled(Array.from({ length: n }, () => pool.run({ kind: "request", raw: DEFAULT_PLAN_INPUT })));
  const failed = done.filter((d) => d.status === "rejected").length;
  console.log(`[atlas] planner ready: ${n} worker thread${n === 1 ? "" : "s"} warmed in ${Math.round(performance.now() - t0)} ms${failed ? ` (${failed} warm-up plans failed)` : ""}`);
}

/**
 * Runs one planner job on the pool. Rejects with PoolBusyError / PoolTimeoutError (answer 503), PoolWorkerError, or
 * PoolCancelledError when nobody waited for it any more (`interest` gone) and it was dropped or stopped for another.
 */
export function runPlanJob<K extends PlanJob["kind"]>(job: PlanJob & { kind: K }, interest?: Interest): Promise<PlanJobResult[K]> {
  return planPool().run(job, interest) as Promise<PlanJobResult[K]>;
}

/** Seconds a client told the planner is busy should wait before asking again (the 503s' Retry-After). */
export const PLANNER_RETRY_AFTER_S = 5;

/** 503 for a busy or timed-out planner (with Retry-After), null for any other error. */
export function overloadResponse(e: unknown): Response | null {
  if (!isPoolOverload(e)) return null;
  return new Response(JSON.stringify({ errors: [{ field: "(plan)", message: e.message }] }), {
    status: 503,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", "retry-after": String(PLANNER_RETRY_AFTER_S) },
  });
}
