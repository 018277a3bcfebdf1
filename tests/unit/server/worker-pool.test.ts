/**
 * The worker pool the server runs plans on (app/_server/worker-pool.ts): real worker threads running a stand-in
 * (tests/fixtures/pool-test-worker.mjs), then the planner's own worker (app/_server/plan-worker.ts, loaded with tsx)
 * against the in-process planner.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { threadId, Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { overloadResponse } from "@/app/_server/plan-pool";
import type { PlanAnswer, PlanJob } from "@/app/_server/plan-jobs";
import { createWorkerPool, PoolBusyError, PoolCancelledError, PoolTimeoutError, PoolWorkerError, type WorkerPool } from "@/app/_server/worker-pool";
import { planInputSchema } from "@/lib/plan/schema";
import { runPlan } from "@/lib/search";

type Job = { kind: "stoppable"; ms: number } | { kind: "echo"; value: unknown } | { kind: "fail"; message: string } | { kind: "exit" } | { kind: "throw" } | { kind: "hang" } | { kind: "spin"; ms: number };
type Out = { echo?: unknown; spun?: number; threadId: number; inline?: true };

const FIXTURE = path.resolve(import.meta.dirname, "../../fixtures/pool-test-worker.mjs");
const pools: WorkerPool<unknown, unknown>[] = [];

function pool(over: Partial<Parameters<typeof createWorkerPool<Job, Out>>[0]> = {}): WorkerPool<Job, Out> {
  const p = createWorkerPool<Job, Out>({
    size: 1,
    queueMax: 8,
    timeoutMs: 10_000,
    spawn: () => new Worker(FIXTURE),
    runInline: (job) => ({ echo: job.kind === "echo" ? job.value : null, threadId, inline: true }),
    ...over,
  });
  pools.push(p as WorkerPool<unknown, unknown>);
  return p;
}

afterEach(async () => {
  for (const p of pools.splice(0)) await p.close();
});

describe("createWorkerPool", () => {
  it("runs a job on a worker thread, not the caller's", async () => {
    const r = await pool().run({ kind: "echo", value: { a: [1, 2] } });
    expect(r.echo).toEqual({ a: [1, 2] });
    expect(r.inline).toBeUndefined();
    expect(r.threadId).not.toBe(threadId);
  });

  it("keeps the caller's event loop free while a job computes", async () => {
    const p = pool();
    let ticks = 0;
    const t = setInterval(() => ticks++, 5);
    await p.run({ kind: "spin", ms: 400 });
    clearInterval(t);
    // Run on this thread, the 400 ms busy loop would let no timer fire before it returned.
    expect(ticks).toBeGreaterThan(0);
  });

  it("runs up to `size` jobs at once on separate threads and queues the rest in order", async () => {
    const p = pool({ size: 2 });
    const jobs = [p.run({ kind: "spin", ms: 150 }), p.run({ kind: "spin", ms: 150 }), p.run({ kind: "echo", value: 3 })] as const;
    expect(p.stats()).toMatchObject({ running: 2, queued: 1, workers: 2 });
    const [a, b, c] = await Promise.all(jobs);
    expect(a.threadId).not.toBe(b.threadId);
    expect(c.echo).toBe(3);
    expect(p.stats()).toMatchObject({ running: 0, queued: 0, workers: 2 });
  });

  it("refuses a job at once when every worker is busy and the queue is full", async () => {
    const p = pool({ size: 1, queueMax: 1, timeoutMs: 60_000 });
    const first = p.run({ kind: "hang" });
    const second = p.run({ kind: "hang" });
    await expect(p.run({ kind: "echo", value: 1 })).rejects.toBeInstanceOf(PoolBusyError);
    await p.close();
    await expect(first).rejects.toBeInstanceOf(PoolWorkerError);
    await expect(second).rejects.toBeInstanceOf(PoolWorkerError);
  });

  it("asks a job past its time limit to stop, keeps its thread and serves the next job on it", async () => {
    const p = pool({ timeoutMs: 300 });
    const { threadId: worker } = await p.run({ kind: "echo", value: 0 });
    const long = p.run({ kind: "stoppable", ms: 60_000 });
    const next = p.run({ kind: "echo", value: "after" });
    const err = await long.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PoolTimeoutError);
    const r = await next;
    expect(r.echo).toBe("after");
    expect(r.threadId).toBe(worker);
    expect(p.stats()).toMatchObject({ workers: 1, stopped: 0, cancelled: 0 });
  });

  it("terminates and replaces a thread whose job does not stop when asked, and serves the next job", async () => {
    const p = pool({ timeoutMs: 300 });
    const { threadId: worker } = await p.run({ kind: "echo", value: 0 });
    const hung = p.run({ kind: "hang" });
    const next = p.run({ kind: "echo", value: "after" });
    const err = await hung.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PoolTimeoutError);
    expect((err as Error).message).toBe("the plan did not finish within 0 s and was stopped");
    const r = await next;
    expect(r.echo).toBe("after");
    expect(r.inline).toBeUndefined();
    expect(r.threadId).not.toBe(worker);
  });

  it("reports a worker that exits or throws mid-job, and carries on with a new one", async () => {
    const p = pool();
    await p.run({ kind: "echo", value: 0 }); // the worker has answered once: it loads
    await expect(p.run({ kind: "exit" })).rejects.toThrow(/exited with code 3/);
    await expect(p.run({ kind: "throw" })).rejects.toThrow(/boom in the worker/);
    expect((await p.run({ kind: "echo", value: "still here" })).echo).toBe("still here");
  });

  it("passes a job's own failure through as PoolWorkerError with its message", async () => {
    await expect(pool().run({ kind: "fail", message: "no such GPU" })).rejects.toThrow(/worker failed: no such GPU/);
  });

  it("falls back to running in-process when no worker thread can load", async () => {
    const p = pool({ spawn: () => new Worker(path.join(import.meta.dirname, "no-such-worker.mjs")) });
    const [a, b] = await Promise.all([p.run({ kind: "echo", value: "x" }), p.run({ kind: "echo", value: "y" })]);
    expect([a.echo, b.echo]).toEqual(["x", "y"]);
    expect(a.inline).toBe(true);
    expect(p.stats().inline).toBe(true);
  });

  it("drops a queued job whose signal aborts: it never runs, and the jobs behind it move up", async () => {
    const p = pool({ size: 1 });
    const running = p.run({ kind: "spin", ms: 300 });
    const ctl = new AbortController();
    // Had it run, this job would have ended the worker, and the job after it would run on a new thread.
    const dropped = p.run({ kind: "exit" }, ctl.signal);
    const after = p.run({ kind: "echo", value: "next" });
    expect(p.stats()).toMatchObject({ running: 1, queued: 2, cancelled: 0 });
    ctl.abort();
    expect(p.stats()).toMatchObject({ running: 1, queued: 1, cancelled: 1 });
    await expect(dropped).rejects.toBeInstanceOf(PoolCancelledError);
    const first = await running;
    const next = await after;
    expect(next.echo).toBe("next");
    expect(next.threadId).toBe(first.threadId);
    expect(p.stats()).toMatchObject({ running: 0, queued: 0, workers: 1, accepted: 3, cancelled: 1 });
  });

  it("takes a new job in place of a running one nobody waits for, even with no queue room, and stops that one", async () => {
    const p = pool({ size: 1, queueMax: 0 });
    const ctl = new AbortController();
    const abandoned = p.run({ kind: "stoppable", ms: 60_000 }, ctl.signal);
    await expect(p.run({ kind: "echo", value: "refused" })).rejects.toBeInstanceOf(PoolBusyError); // still wanted: full
    ctl.abort();
    const next = p.run({ kind: "echo", value: "taken" });
    await expect(abandoned).rejects.toMatchObject({ name: "PoolCancelledError", started: true });
    expect((await next).echo).toBe("taken");
  });

  it("lets a running job nobody waits for finish while no other job waits, and refuses one whose signal has already fired", async () => {
    const p = pool({ size: 1 });
    const ctl = new AbortController();
    const taken = p.run({ kind: "stoppable", ms: 200 }, ctl.signal);
    expect(p.stats()).toMatchObject({ running: 1, queued: 0 });
    ctl.abort();
    expect((await taken).spun).toBe(200);
    await expect(p.run({ kind: "echo", value: 1 }, ctl.signal)).rejects.toBeInstanceOf(PoolCancelledError);
    expect(p.stats()).toMatchObject({ accepted: 1, cancelled: 0, stopped: 0 });
  });

  it("stops a running job nobody waits for as soon as another job waits, on the same thread", async () => {
    const p = pool({ size: 1 });
    const { threadId: worker } = await p.run({ kind: "echo", value: 0 });
    const ctl = new AbortController();
    const abandoned = p.run({ kind: "stoppable", ms: 60_000 }, ctl.signal);
    ctl.abort();
    await new Promise((r) => setTimeout(r, 100));
    expect(p.stats()).toMatchObject({ running: 1, queued: 0, stopped: 0 }); // nothing else waits: it goes on
    const next = p.run({ kind: "echo", value: "next" });
    await expect(abandoned).rejects.toMatchObject({ name: "PoolCancelledError", started: true });
    const n = await next;
    expect(n.echo).toBe("next");
    expect(n.threadId).toBe(worker);
    expect(p.stats()).toMatchObject({ running: 0, queued: 0, workers: 1, stopped: 1, cancelled: 0 });
  });

  it("runs in-process when its size is 0", async () => {
    const p = pool({ size: 0, spawn: () => { throw new Error("must not spawn"); } });
    expect((await p.run({ kind: "echo", value: 5 })).inline).toBe(true);
  });
});

describe("the pool's errors across bundles", () => {
  it("are recognised from another copy of the module, as Next.js's route and page chunks each hold one", async () => {
    // A second instance of the error classes, as another server chunk would load them.
    const copy = "../../../app/_server/pool-errors.ts?another-chunk"; // a variable: tsc does not resolve a query
    const other = (await import(/* @vite-ignore */ copy)) as typeof import("@/app/_server/pool-errors");
    const { isPoolCancelled, isPoolOverload, isPoolWorkerError } = await import("@/app/_server/worker-pool");
    expect(other.PoolBusyError).not.toBe(PoolBusyError);
    expect(new other.PoolBusyError(3)).not.toBeInstanceOf(PoolBusyError);
    expect(isPoolOverload(new other.PoolBusyError(3))).toBe(true);
    expect(isPoolOverload(new other.PoolTimeoutError(1000))).toBe(true);
    expect(isPoolCancelled(new other.PoolCancelledError(true))).toBe(true);
    expect(isPoolWorkerError(new other.PoolWorkerError("x"))).toBe(true);
    expect(overloadResponse(new other.PoolBusyError(3))?.status).toBe(503);
    for (const e of [new Error("busy"), new other.PoolWorkerError("x"), "PoolBusyError", null]) expect(isPoolOverload(e)).toBe(false);
    expect(isPoolCancelled(new other.PoolBusyError(1))).toBe(false);
  });
});

describe("overloadResponse", () => {
  it("answers 503 with Retry-After and the reason for a busy or timed-out planner, nothing for other errors", async () => {
    const busy = overloadResponse(new PoolBusyError(32))!;
    expect(busy.status).toBe(503);
    expect(busy.headers.get("retry-after")).toBe("5");
    expect(await busy.json()).toEqual({ errors: [{ field: "(plan)", message: "the planner is busy (32 plans waiting); try again in a few seconds" }] });
    expect(overloadResponse(new PoolTimeoutError(120_000))!.status).toBe(503);
    expect(overloadResponse(new PoolWorkerError("x"))).toBeNull();
    expect(overloadResponse(new Error("x"))).toBeNull();
  });
});

describe("the planner's worker (app/_server/plan-worker.ts)", () => {
  it("returns the same plan as the in-process planner, computed on another thread", async () => {
    const p = createWorkerPool<PlanJob, unknown>({
      size: 1,
      queueMax: 4,
      timeoutMs: 120_000,
      spawn: () =>
        new Worker(path.resolve(import.meta.dirname, "../../../scripts/ts-worker.mjs"), {
          workerData: { entry: pathToFileURL(path.resolve(import.meta.dirname, "../../../app/_server/plan-worker.ts")).href },
        }),
      runInline: () => {
        throw new Error("the planner's worker did not load");
      },
    });
    pools.push(p);
    const input = planInputSchema.parse({
      workload: { model: "llama-3.1-8b", inputTokens: 1000, outputTokens: 300 },
      slo: { ttftP95Ms: 1000, tpotP95Ms: 50 },
      traffic: { mode: "peak", peakRequestsPerSecond: 2 },
    });
    const viaWorker = (await p.run({ kind: "plan", input })) as ReturnType<typeof runPlan>;
    const here = runPlan(input);
    const strip = (r: ReturnType<typeof runPlan>) => ({ ...r, stats: { ...r.stats, searchMs: 0, totalMs: 0 } });
    expect(strip(viaWorker)).toEqual(strip(here));
    expect(viaWorker.best?.gpuId).toBeTruthy();

    // A plan request comes back as the route's response: status and JSON text.
    const bad = (await p.run({ kind: "request", raw: { workload: { model: "no-such-model" } } })) as PlanAnswer;
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).errors.map((e: { field: string }) => e.field)).toContain("traffic");
    const good = (await p.run({ kind: "request", raw: { workload: { model: "llama-3.1-8b", inputTokens: 1000, outputTokens: 300 }, slo: { ttftP95Ms: 1000, tpotP95Ms: 50 }, traffic: { mode: "peak", peakRequestsPerSecond: 2 } } })) as PlanAnswer;
    expect(good.status).toBe(200);
    expect(JSON.parse(good.body).best.gpuId).toBe(here.best?.gpuId);
  });
});
