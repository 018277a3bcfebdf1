/**
 * A small pool of worker threads with a bounded queue and a time limit per job. The planner runs here (see
 * ./plan-pool.ts) so a search of several seconds leaves the server's main thread free for every other page and API
 * call, a burst of plans queues instead of piling onto one thread, and a job that does not finish is stopped (its
 * thread terminated and replaced) instead of holding the server at 100 % CPU.
 *
 * Failure policy: a full queue rejects at once with PoolBusyError (the route answers 503 + Retry-After); a job past
 * its time limit is asked to stop (below) and rejects with PoolTimeoutError (503), its thread terminated and replaced
 * only if it has not stopped within STOP_GRACE_MS; a worker that crashes rejects the job it was running with
 * PoolWorkerError and is replaced. When no worker thread can be started at all, `runInline` runs jobs in-process
 * (the pool's only fallback: correct answers, just on the main thread).
 *
 * Cancelling: a job's interest (./interest.ts: whether anyone still waits for it; an AbortSignal will do), when it
 * goes while the job still waits in the queue, takes the job out (it never runs) and rejects it with
 * PoolCancelledError. A job a worker has already taken and that nobody waits for any more runs on
 * while no other job waits (its answer is worth keeping: see ./plan-cache.ts), but yields as soon as one does: the
 * pool sets the job's stop flag, an Int32Array over memory shared with the worker that the job polls, and the worker
 * answers { stopped: true } (PoolCancelledError, `started` true). No thread is restarted for it.
 */
import type { Worker } from "node:worker_threads";

import { signalInterest, type Interest } from "./interest";
import { PoolBusyError, PoolCancelledError, PoolTimeoutError, PoolWorkerError } from "./pool-errors";

export * from "./pool-errors";

export interface PoolOptions<J, R> {
  /** Worker threads at most (started lazily, one per concurrent job). */
  readonly size: number;
  /** Jobs waiting for a free worker at most; one more is refused with PoolBusyError. */
  readonly queueMax: number;
  /** Wall-clock limit per job, from the moment a worker takes it. */
  readonly timeoutMs: number;
  /**
   * Starts one worker thread; it answers { id, ok: true, value } or { id, ok: false, message } to { id, job, stop }, or
   * { id, ok: false, stopped: true } once it has seen `stop[0]` set to 1 (the pool's request to stop the job).
   */
  readonly spawn: () => Worker;
  /** Runs a job in-process: used only when no worker thread could be started. */
  readonly runInline: (job: J) => R;
}

interface Pending<J, R> {
  readonly id: number;
  readonly job: J;
  readonly resolve: (r: R) => void;
  readonly reject: (e: Error) => void;
  readonly interest: Interest | undefined;
  /** Detaches the job's listener once it settles. */
  release: () => void;
}

interface Slot<J, R> {
  readonly worker: Worker;
  current: Pending<J, R> | null;
  timer: ReturnType<typeof setTimeout> | null;
  /** Shared with the worker: 1 asks the running job to stop. */
  readonly stop: Int32Array;
  /** The running job is past its time limit and was asked to stop: its stop is a timeout, not a cancellation. */
  overdue: boolean;
}

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string; stopped?: true };

export interface WorkerPool<J, R> {
  /** Worker threads at most. */
  readonly size: number;
  /**
   * `interest` (or an AbortSignal, gone once aborted): gone while the job is still queued takes the job out and rejects
   * with PoolCancelledError; gone while it runs and another job waits stops it (PoolCancelledError, `started`).
   */
  run(job: J, interest?: Interest | AbortSignal): Promise<R>;
  /** Jobs running and waiting now, workers started, whether jobs run inline (no worker thread could start), jobs
   * accepted since the pool was made, those of them cancelled before they started, and those stopped while running. */
  stats(): { running: number; queued: number; workers: number; inline: boolean; accepted: number; cancelled: number; stopped: number };
  /** Terminates every worker; jobs still queued or running are rejected. */
  close(): Promise<void>;
}

/** How long a job past its time limit has to stop by itself before its thread is terminated. */
export const STOP_GRACE_MS = 2_000;

export function createWorkerPool<J, R>(opts: PoolOptions<J, R>): WorkerPool<J, R> {
  const slots: Slot<J, R>[] = [];
  const queue: Pending<J, R>[] = [];
  let nextId = 1;
  let cancelled = 0;
  let stopped = 0;
  let inline = opts.size < 1;
  let closed = false;
  // Whether any worker has answered: until one has, a worker error means the entry cannot load (run in-process).
  let loaded = false;

  function settle(slot: Slot<J, R>): Pending<J, R> | null {
    const p = slot.current;
    p?.release();
    slot.current = null;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    return p;
  }

  function drop(slot: Slot<J, R>): void {
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
    slot.worker.removeAllListeners();
    slot.worker.on("error", () => undefined);
    void slot.worker.terminate().catch(() => undefined);
  }

  function runInlineNow(p: Pending<J, R>): void {
    p.release();
    try {
      p.resolve(opts.runInline(p.job));
    } catch (e) {
      p.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }

  function startSlot(): Slot<J, R> | null {
    let worker: Worker;
    try {
      worker = opts.spawn();
    } catch {
      inline = true;
      return null;
    }
    const slot: Slot<J, R> = { worker, current: null, timer: null, stop: new Int32Array(new SharedArrayBuffer(4)), overdue: false };
    worker.on("message", (msg: Reply) => {
      loaded = true;
      const p = slot.current;
      if (!p || p.id !== msg.id) return;
      const overdue = slot.overdue;
      settle(slot);
      if (msg.ok) p.resolve(msg.value as R);
      else if (msg.stopped && overdue) p.reject(new PoolTimeoutError(opts.timeoutMs));
      else if (msg.stopped) {
        stopped++;
        p.reject(new PoolCancelledError(true));
      } else p.reject(new PoolWorkerError(msg.message));
      pump();
    });
    worker.on("error", (err: Error) => {
      const p = settle(slot);
      drop(slot);
      // A worker failing before any worker has answered cannot load (e.g. its entry is missing): run in-process.
      if (!loaded) {
        inline = true;
        if (p) runInlineNow(p);
        for (const q of queue.splice(0)) runInlineNow(q);
        return;
      }
      p?.reject(new PoolWorkerError(err.message));
      pump();
    });
    worker.on("exit", (code) => {
      if (!slots.includes(slot)) return;
      const p = settle(slot);
      drop(slot);
      p?.reject(new PoolWorkerError(`it exited with code ${code}`));
      pump();
    });
    worker.unref();
    slots.push(slot);
    return slot;
  }

  function assign(slot: Slot<J, R>, p: Pending<J, R>): void {
    slot.current = p;
    slot.overdue = false;
    Atomics.store(slot.stop, 0, 0);
    // Past the limit the job is asked to stop (the thread then stays, warm); one that has not within STOP_GRACE_MS
    // (stuck where it does not poll the flag) has its thread terminated and replaced.
    slot.timer = setTimeout(() => {
      slot.overdue = true;
      Atomics.store(slot.stop, 0, 1);
      slot.timer = setTimeout(() => {
        const q = settle(slot);
        drop(slot);
        q?.reject(new PoolTimeoutError(opts.timeoutMs));
        pump();
      }, STOP_GRACE_MS);
      slot.timer.unref?.();
    }, opts.timeoutMs);
    slot.timer.unref?.();
    slot.worker.postMessage({ id: p.id, job: p.job, stop: slot.stop });
  }

  /** While a job waits, asks every running job nobody waits for any more to stop (its thread then takes the next). */
  function yieldUnwanted(): void {
    if (queue.length === 0) return;
    for (const slot of slots) if (slot.current?.interest?.gone) Atomics.store(slot.stop, 0, 1);
  }

  function pump(): void {
    while (queue.length > 0 && !closed) {
      if (inline) {
        runInlineNow(queue.shift()!);
        continue;
      }
      const slot = slots.find((s) => s.current === null) ?? (slots.length < opts.size ? startSlot() : null);
      if (!slot) {
        if (inline) continue;
        return;
      }
      assign(slot, queue.shift()!);
    }
  }

  return {
    size: opts.size,
    run(job: J, wanted?: Interest | AbortSignal): Promise<R> {
      if (closed) return Promise.reject(new PoolWorkerError("the pool is closed"));
      const interest = wanted === undefined ? undefined : "aborted" in wanted ? signalInterest(wanted) : wanted;
      if (interest?.gone) return Promise.reject(new PoolCancelledError());
      const busy = slots.length >= opts.size && slots.every((s) => s.current !== null);
      // A running job nobody waits for any more yields its thread to the next: it counts as a free place.
      const yielding = slots.filter((s) => s.current?.interest?.gone).length;
      if (!inline && busy && queue.length >= opts.queueMax + yielding) return Promise.reject(new PoolBusyError(queue.length));
      return new Promise<R>((resolve, reject) => {
        const p: Pending<J, R> = { id: nextId++, job, resolve, reject, interest, release: () => undefined };
        if (interest) {
          const onGone = () => {
            const i = queue.indexOf(p);
            if (i < 0) {
              yieldUnwanted(); // running: stopped only if another job waits
              return;
            }
            queue.splice(i, 1);
            p.release();
            cancelled++;
            reject(new PoolCancelledError());
          };
          p.release = interest.onGone(onGone);
        }
        queue.push(p);
        pump();
        yieldUnwanted();
      });
    },
    stats: () => ({
      running: slots.filter((s) => s.current !== null).length,
      queued: queue.length,
      workers: slots.length,
      inline,
      accepted: nextId - 1,
      cancelled,
      stopped,
    }),
    async close(): Promise<void> {
      closed = true;
      for (const p of queue.splice(0)) {
        p.release();
        p.reject(new PoolWorkerError("the pool is closed"));
      }
      for (const slot of [...slots]) {
        settle(slot)?.reject(new PoolWorkerError("the pool is closed"));
        drop(slot);
      }
    },
  };
}
