/**
 * The worker pool's errors (./worker-pool.ts). They are recognised by name, not instanceof: Next.js bundles the pool's
 * module into several server chunks (each route, page and instrumentation.ts), and the one process-wide pool throws the
 * classes of whichever chunk made it, so another chunk's `instanceof PoolBusyError` would be false.
 */
export class PoolBusyError extends Error {
  constructor(readonly queued: number) {
    super(`the planner is busy (${queued} plans waiting); try again in a few seconds`);
    this.name = "PoolBusyError";
  }
}

export class PoolTimeoutError extends Error {
  constructor(readonly limitMs: number) {
    super(`the plan did not finish within ${(limitMs / 1000).toFixed(0)} s and was stopped`);
    this.name = "PoolTimeoutError";
  }
}

export class PoolWorkerError extends Error {
  constructor(message: string) {
    super(`the planner's worker failed: ${message}`);
    this.name = "PoolWorkerError";
  }
}

export class PoolCancelledError extends Error {
  constructor(readonly started = false) {
    super(
      started
        ? "the job was stopped: everyone waiting for it had gone, and another job was waiting for its thread"
        : "the job was cancelled before it started: everyone waiting for it had gone",
    );
    this.name = "PoolCancelledError";
  }
}

const named = (e: unknown, ...names: string[]): boolean => e instanceof Error && names.includes(e.name);

/** A job refused because the pool is full, or stopped at its time limit: worth retrying shortly, not a bad input. */
export function isPoolOverload(e: unknown): e is PoolBusyError | PoolTimeoutError {
  return named(e, "PoolBusyError", "PoolTimeoutError");
}

/** A job cancelled or stopped because everyone waiting for it had gone. */
export function isPoolCancelled(e: unknown): e is PoolCancelledError {
  return named(e, "PoolCancelledError");
}

/** A job whose worker failed (crashed, threw, or the pool closed). */
export function isPoolWorkerError(e: unknown): e is PoolWorkerError {
  return named(e, "PoolWorkerError");
}
