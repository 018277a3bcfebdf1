/**
 * Whether anyone still waits for a piece of work: the pool's view of its callers (./worker-pool.ts). Unlike an
 * AbortSignal it can come back: work everyone had left becomes wanted again when a caller returns for it (the plan
 * answers kept per input, ./promise-memo.ts), so a running search is not stopped for a client who asked again.
 */
export interface Interest {
  /** True while nobody waits. */
  readonly gone: boolean;
  /** Calls `listener` each time the interest becomes gone; returns the unsubscribe. */
  onGone(listener: () => void): () => void;
}

/** An AbortSignal as an interest: gone once aborted, for good. */
export function signalInterest(signal: AbortSignal): Interest {
  return {
    get gone() {
      return signal.aborted;
    },
    onGone(listener) {
      signal.addEventListener("abort", listener, { once: true });
      return () => signal.removeEventListener("abort", listener);
    },
  };
}

/** An interest its owner sets: `leave()` makes it gone (telling the listeners), `rejoin()` wanted again. */
export function settableInterest(): Interest & { leave(): void; rejoin(): void } {
  const listeners = new Set<() => void>();
  let gone = false;
  return {
    get gone() {
      return gone;
    },
    onGone(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    leave() {
      if (gone) return;
      gone = true;
      for (const l of [...listeners]) l();
    },
    rejoin() {
      gone = false;
    },
  };
}
