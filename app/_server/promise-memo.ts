/**
 * A bounded memo of promises by key, for pure work that takes a while (a plan search): the first caller starts the
 * work and every later caller, during it or after, shares its promise. The least recently used entry is dropped
 * first; a promise that rejects, or whose value `keep` refuses, is forgotten, so the next caller starts afresh.
 *
 * Cancelling: each caller may pass the AbortSignal of its own request. The work's signal (the one `start` receives)
 * aborts only when every caller still waiting for unfinished work has aborted; a caller without a signal waits for
 * good. So one client leaving never cancels work another client still waits for, and work nobody waits for any more
 * can be dropped (the planner pool drops it if it has not started, or stops it when other work waits).
 * A caller who comes for work that everyone had left, and that has not finished, re-arms it with a fresh signal; if the
 * abandoned work then fails with an error `restartOn` accepts (it was cancelled), it is started again for that caller.
 */
export interface PromiseMemo<V> {
  get(key: string, start: (signal: AbortSignal) => Promise<V>, signal?: AbortSignal): Promise<V>;
  clear(): void;
}

interface Entry<V> {
  promise: Promise<V>;
  /** The signal of the current start; replaced when a caller re-arms abandoned work. */
  controller: AbortController;
  /** Callers waiting for the unfinished work whose signal has not aborted; Infinity once one came without a signal. */
  waiting: number;
  settled: boolean;
}

export function promiseMemo<V>(
  max: number,
  keep: (value: V) => boolean = () => true,
  restartOn: (error: unknown) => boolean = () => false,
): PromiseMemo<V> {
  const entries = new Map<string, Entry<V>>();

  function join(e: Entry<V>, signal: AbortSignal | undefined): void {
    if (e.settled) return;
    if (!signal) {
      e.waiting = Infinity;
      return;
    }
    e.waiting++;
    const leave = () => {
      if (e.settled) return;
      if (--e.waiting <= 0) e.controller.abort();
    };
    if (signal.aborted) leave();
    else {
      signal.addEventListener("abort", leave, { once: true });
      void e.promise.then(
        () => signal.removeEventListener("abort", leave),
        () => signal.removeEventListener("abort", leave),
      );
    }
  }

  return {
    get(key, start, signal) {
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key); // most recently used last
        entries.set(key, hit);
        if (!hit.settled && hit.controller.signal.aborted) {
          hit.controller = new AbortController(); // everyone had left; this caller wants it again
          hit.waiting = 0;
        }
        join(hit, signal);
        return hit.promise;
      }
      const e: Entry<V> = { promise: Promise.resolve() as Promise<V>, controller: new AbortController(), waiting: 0, settled: false };
      e.promise = (async () => {
        for (;;) {
          const c = e.controller;
          try {
            return await start(c.signal);
          } catch (err) {
            // Restart only if a caller re-armed the work after its start was abandoned and cancelled.
            if (e.controller === c || e.controller.signal.aborted || !restartOn(err)) throw err;
          }
        }
      })();
      const forget = () => {
        e.settled = true;
        if (entries.get(key) === e) entries.delete(key);
      };
      e.promise.then((v) => {
        e.settled = true;
        if (!keep(v)) forget();
      }, forget);
      if (entries.size >= max) entries.delete(entries.keys().next().value!);
      entries.set(key, e);
      join(e, signal);
      return e.promise;
    },
    clear: () => entries.clear(),
  };
}
