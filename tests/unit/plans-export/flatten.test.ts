import { describe, expect, it } from "vitest";
import { alignFlat, flattenJson } from "../../../lib/plan/flatten";

describe("flattenJson", () => {
  it("lists leaves by dotted path, keys sorted, scalar arrays kept whole", () => {
    expect(flattenJson({ b: { y: 1, x: [2, 3] }, a: "s", c: [{ id: "h100" }], d: null })).toEqual([
      { path: "a", value: "s" },
      { path: "b.x", value: [2, 3] },
      { path: "b.y", value: 1 },
      { path: "c.0.id", value: "h100" },
      { path: "d", value: null },
    ]);
  });
});

describe("alignFlat", () => {
  it("aligns by path and marks differences, including a field only one side has", () => {
    const rows = alignFlat([
      { model: "llama-3.1-70b", peak: 10, gpus: ["h100"] },
      { model: "llama-3.1-70b", peak: 20, gpus: ["h100"], extra: true },
    ]);
    expect(rows).toEqual([
      { path: "extra", cells: [undefined, true], differs: true },
      { path: "gpus", cells: [["h100"], ["h100"]], differs: false },
      { path: "model", cells: ["llama-3.1-70b", "llama-3.1-70b"], differs: false },
      { path: "peak", cells: [10, 20], differs: true },
    ]);
  });
});
