/**
 * A JSON value as a list of (path, value) leaves — "workload.inputTokens.mean" → 1024 —
 * so saved inputs can be listed and compared field by field whatever the schema's shape.
 * Arrays of scalars stay one leaf (shown joined); arrays of objects are indexed ("gpus.0.id").
 */
export type Leaf = string | number | boolean | null;
export interface FlatEntry {
  readonly path: string;
  readonly value: Leaf | readonly Leaf[];
}

const isLeaf = (v: unknown): v is Leaf => v === null || ["string", "number", "boolean"].includes(typeof v);

export function flattenJson(value: unknown, prefix = ""): FlatEntry[] {
  if (isLeaf(value)) return [{ path: prefix || "(value)", value }];
  if (Array.isArray(value)) {
    if (value.every(isLeaf)) return [{ path: prefix || "(value)", value: value as Leaf[] }];
    return value.flatMap((v, i) => flattenJson(v, prefix ? `${prefix}.${i}` : String(i)));
  }
  if (value && typeof value === "object") {
    return Object.keys(value)
      .sort()
      .flatMap((k) => flattenJson((value as Record<string, unknown>)[k], prefix ? `${prefix}.${k}` : k));
  }
  return []; // undefined, functions: not JSON
}

/** The leaves of several values aligned by path; `differs` when not all values are equal. */
export function alignFlat(values: readonly unknown[]): { path: string; cells: (FlatEntry["value"] | undefined)[]; differs: boolean }[] {
  const maps = values.map((v) => new Map(flattenJson(v).map((e) => [e.path, e.value])));
  const paths = [...new Set(maps.flatMap((m) => [...m.keys()]))].sort();
  return paths.map((path) => {
    const cells = maps.map((m) => m.get(path));
    const keys = cells.map((c) => JSON.stringify(c ?? null));
    return { path, cells, differs: keys.some((k) => k !== keys[0]) };
  });
}
