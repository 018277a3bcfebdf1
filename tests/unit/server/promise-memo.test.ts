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

  it("aborts the work's signal only when every caller waiting for it has left", async () => {
    const m = promiseMemo<number>(4);
    let workSignal: AbortSignal | undefined;
    let finish!: (v: number) => void;
    const start = (s: AbortSignal) => {
      workSignal = s;
      return new Promise<number>((r) => (finish = r));
    };
    const a = new AbortController();
    const b = new AbortController();
    const pa = m.get("k", start, a.signal);
    const pb = m.get("k", start, b.signal);
    expect(pb).toBe(pa);
    a.abort();
    expect(workSignal!.aborted).toBe(false); // b still waits
    b.abort();
    expect(workSignal!.aborted).toBe(true);
    finish(7);
    expect(await pa).toBe(7);
  });

  it("never aborts work a caller without a signal waits for, nor work that has finished", async () => {
    const m = promiseMemo<number>(4);
    const signals: AbortSignal[] = [];
    let finish!: (v: number) => void;
    const start = (s: AbortSignal) => {
      signals.push(s);
      return new Promise<number>((r) => (finish = r));
    };
    const a = new AbortController();
    const pa = m.get("k", start, a.signal);
    void m.get("k", start); // waits for good
    a.abort();
    expect(signals[0]!.aborted).toBe(false);
    finish(1);
    await pa;
    const c = new AbortController();
    expect(await m.get("k", start, c.signal)).toBe(1);
    c.abort();
    expect(signals).toHaveLength(1);
    expect(signals[0]!.aborted).toBe(false);
  });

  it("counts a caller whose signal has already aborted as gone, and starts afresh after a cancelled start rejects", async () => {
    const m = promiseMemo<number>(4);
    const gone = AbortSignal.abort();
    let starts = 0;
    const start = (s: AbortSignal) => {
      starts++;
      return new Promise<number>((resolve, reject) => {
        if (s.aborted) reject(new Error("cancelled"));
        s.addEventListener("abort", () => reject(new Error("cancelled")));
        setTimeout(() => resolve(starts), 10);
      });
    };
    await expect(m.get("k", start, gone)).rejects.toThrow("cancelled");
    expect(await m.get("k", start)).toBe(2);
  });

  it("restarts abandoned work that a returning caller re-armed, when it then fails as cancelled", async () => {
    const cancelled = new Error("cancelled");
    const m = promiseMemo<number>(4, () => true, (e) => e === cancelled);
    const starts: { signal: AbortSignal; fail: (e: Error) => void; finish: (v: number) => void }[] = [];
    const start = (signal: AbortSignal) =>
      new Promise<number>((finish, fail) => {
        starts.push({ signal, fail, finish });
      });
    const left = new AbortController();
    void m.get("k", start, left.signal).catch(() => undefined);
    left.abort();
    expect(starts[0]!.signal.aborted).toBe(true);
    const back = new AbortController();
    const p = m.get("k", start, back.signal); // re-arms before the abandoned work has failed
    starts[0]!.fail(cancelled);
    await new Promise((r) => setTimeout(r, 0));
    expect(starts).toHaveLength(2);
    expect(starts[1]!.signal.aborted).toBe(false);
    starts[1]!.finish(5);
    expect(await p).toBe(5);
  });

  it("passes the cancellation on when nobody came back for the work", async () => {
    const cancelled = new Error("cancelled");
    const m = promiseMemo<number>(4, () => true, (e) => e === cancelled);
    let fail!: (e: Error) => void;
    let starts = 0;
    const start = () => {
      starts++;
      return new Promise<number>((_, f) => (fail = f));
    };
    const left = new AbortController();
    const p = m.get("k", start, left.signal);
    left.abort();
    fail(cancelled);
    await expect(p).rejects.toBe(cancelled);
    expect(starts).toBe(1);
  });
});
