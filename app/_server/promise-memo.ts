/**
 * A bounded memo of promises by key, for pure work that takes a while (a plan search): the first caller starts the
 * work and every later caller, during it or after, shares its promise. The least recently used entry is dropped
 * first; a promise that rejects, or whose value `keep` refuses, is forgotten, so the next caller starts afresh.
 *
 * Cancelling: each caller may pass the AbortSignal of its own request. The work's interest (./interest.ts, what
 * `start` receives) is gone while every caller still waiting for the unfinished work has aborted; a caller without a
 * signal waits for good. So one client leaving never cancels work another client still waits for, and work nobody
 * waits for any more can be dropped (the planner pool drops it if it has not started, or stops it when other work
 * waits). A caller who comes back for unfinished work makes it wanted again; if it was stopped meanwhile (an error
 * `restartOn` accepts), it is started again for that caller.
 */
import { settableInterest, type Interest } from "./interest";

export interface PromiseMemo<V> {
  get(key: string, start: (interest: Interest) => Promise<V>, signal?: AbortSignal): Promise<V>;
  clear(): void;
}

interface Entry<V> {
  promise: Promise<V>;
  readonly interest: ReturnType<typeof settableInterest>;
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
    e.interest.rejoin();
    if (!signal) {
      e.waiting = Infinity;
      return;
    }
    e.waiting++;
    const leave = () => {
      if (e.settled) return;
      if (--e.waiting <= 0) e.interest.leave();
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
        join(hit, signal);
        return hit.promise;
      }
      const e: Entry<V> = { promise: Promise.resolve() as Promise<V>, interest: settableInterest(), waiting: 0, settled: false };
      e.promise = (async () => {
        for (;;) {
          try {
            return await start(e.interest);
          } catch (err) {
            // Stopped while nobody waited, and someone has come back for it since: start it again.
            if (e.interest.gone || !restartOn(err)) throw err;
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
