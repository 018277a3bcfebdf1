/** The bounded promise memo behind the plan routes' kept answers (app/_server/promise-memo.ts). */
import { describe, expect, it } from "vitest";
import { promiseMemo } from "@/app/_server/promise-memo";

describe("promiseMemo", () => {
  it("shares one start among callers, during the work and after it", async () => {
    const m = promiseMemo<number>(4);
    let starts = 0;
    const start = () => Promise.resolve(++starts);
    const [a, b] = await Promise.all([m.get("k", start), m.get("k", start)]);
    expect([a, b, await m.get("k", start), starts]).toEqual([1, 1, 1, 1]);
  });

  it("forgets a rejection and a value `keep` refuses, so the next caller starts again", async () => {
    const m = promiseMemo<number>(4, (v) => v > 0);
    await expect(m.get("x", () => Promise.reject(new Error("busy")))).rejects.toThrow("busy");
    expect(await m.get("x", () => Promise.resolve(-1))).toBe(-1);
    expect(await m.get("x", () => Promise.resolve(2))).toBe(2);
    expect(await m.get("x", () => Promise.resolve(3))).toBe(2);
  });

  it("drops the least recently used entry when full", async () => {
    const m = promiseMemo<string>(2);
    await m.get("a", async () => "a1");
    await m.get("b", async () => "b1");
    await m.get("a", async () => "a2"); // a is now the most recent
    await m.get("c", async () => "c1"); // drops b
    expect(await m.get("a", async () => "a3")).toBe("a1");
    expect(await m.get("b", async () => "b2")).toBe("b2");
  });
});
