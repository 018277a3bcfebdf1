/**
 * A bounded memo of promises by key, for pure work that takes a while (a plan search): the first caller starts the
 * work and every later caller, during it or after, shares its promise. The least recently used entry is dropped
 * first; a promise that rejects, or whose value `keep` refuses, is forgotten, so the next caller starts afresh.
 */
export interface PromiseMemo<V> {
  get(key: string, start: () => Promise<V>): Promise<V>;
  clear(): void;
}

export function promiseMemo<V>(max: number, keep: (value: V) => boolean = () => true): PromiseMemo<V> {
  const entries = new Map<string, Promise<V>>();
  return {
    get(key, start) {
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key); // most recently used last
        entries.set(key, hit);
        return hit;
      }
      const p = start();
      const forget = () => {
        if (entries.get(key) === p) entries.delete(key);
      };
      p.then((v) => keep(v) || forget(), forget);
      if (entries.size >= max) entries.delete(entries.keys().next().value!);
      entries.set(key, p);
      return p;
    },
    clear: () => entries.clear(),
  };
}
