import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { packJson, unpackJson } from "../../../db/stored-json";
import { createSqliteStore } from "../../../db/store-sqlite";
import { createPlan } from "../../../db/queries-core";

describe("stored JSON", () => {
  it("round-trips any JSON text, small or large", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 1, max: 400 }), (v, n) => {
        const json = JSON.stringify(Array.from({ length: n }, () => v));
        expect(unpackJson(packJson(json))).toBe(json);
      }),
      { numRuns: 100 },
    );
  });

  it("leaves small JSON as it is and reads old plain rows unchanged", () => {
    expect(packJson('{"a":1}')).toBe('{"a":1}');
    const big = JSON.stringify({ x: "y".repeat(10_000) });
    expect(unpackJson(big)).toBe(big);
  });

  it("stores a large result compressed in the column", async () => {
    const s = createSqliteStore({ file: ":memory:" });
    const result = { rows: Array.from({ length: 5000 }, (_, i) => ({ gpu: "h100-sxm", tp: i % 8, cost: 1234.5 + i })) };
    const { slug } = await createPlan(s, { title: "t", notes: "", input: {}, result, schemaVersion: 1, catalogVersion: "c" });
    const raw = s.sqlite.prepare("select result from plans where slug = ?").get(slug) as { result: string };
    expect(raw.result.startsWith("gz:")).toBe(true);
    expect(raw.result.length).toBeLessThan(JSON.stringify(result).length / 4);
    await s.close();
  });
});
