/** The bounded promise memo behind the plan routes' kept answers (app/_server/promise-memo.ts). */
import { describe, expect, it } from "vitest";
import type { Interest } from "@/app/_server/interest";
import { promiseMemo } from "@/app/_server/promise-memo";

/** A `start` whose work stays pending until `finish`; `interests` holds what each start was given. */
function pendingWork() {
  const interests: Interest[] = [];
  let finish!: (v: number) => void;
  const start = (i: Interest) => {
    interests.push(i);
    return new Promise<number>((r) => (finish = r));
  };
  return { start, interests, finish: (v: number) => finish(v) };
}

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

  it("makes the work's interest gone only when every caller waiting for it has left", async () => {
    const m = promiseMemo<number>(4);
    const { start, interests, finish } = pendingWork();
    const a = new AbortController();
    const b = new AbortController();
    const pa = m.get("k", start, a.signal);
    const pb = m.get("k", start, b.signal);
    expect(pb).toBe(pa);
    const work = interests[0]!;
    let told = 0;
    work.onGone(() => told++);
    a.abort();
    expect(work.gone).toBe(false); // b still waits
    b.abort();
    expect([work.gone, told]).toEqual([true, 1]);
    finish(7);
    expect(await pa).toBe(7);
  });

  it("never gives up work a caller without a signal waits for, nor work that has finished", async () => {
    const m = promiseMemo<number>(4);
    const { start, interests, finish } = pendingWork();
    const a = new AbortController();
    const pa = m.get("k", start, a.signal);
    void m.get("k", start); // waits for good
    a.abort();
    expect(interests[0]!.gone).toBe(false);
    finish(1);
    await pa;
    const c = new AbortController();
    expect(await m.get("k", start, c.signal)).toBe(1);
    c.abort();
    expect(interests).toHaveLength(1);
    expect(interests[0]!.gone).toBe(false);
  });

  it("counts a caller whose signal has already aborted as gone, and starts afresh after a cancelled start rejects", async () => {
    const m = promiseMemo<number>(4);
    let starts = 0;
    const start = (i: Interest) => {
      starts++;
      return new Promise<number>((resolve, reject) => {
        if (i.gone) reject(new Error("cancelled"));
        i.onGone(() => reject(new Error("cancelled")));
        setTimeout(() => resolve(starts), 10);
      });
    };
    await expect(m.get("k", start, AbortSignal.abort())).rejects.toThrow("cancelled");
    expect(await m.get("k", start)).toBe(2);
  });

  it("makes abandoned work wanted again when a caller comes back for it before it ends", async () => {
    const m = promiseMemo<number>(4);
    const { start, interests, finish } = pendingWork();
    const left = new AbortController();
    void m.get("k", start, left.signal);
    left.abort();
    expect(interests[0]!.gone).toBe(true);
    const p = m.get("k", start, new AbortController().signal);
    expect(interests[0]!.gone).toBe(false); // the pool would no longer stop it
    expect(interests).toHaveLength(1);
    finish(4);
    expect(await p).toBe(4);
  });

  it("restarts abandoned work stopped before the caller who came back for it got its answer", async () => {
    const cancelled = new Error("cancelled");
    const m = promiseMemo<number>(4, () => true, (e) => e === cancelled);
    const starts: { interest: Interest; fail: (e: Error) => void; finish: (v: number) => void }[] = [];
    const start = (interest: Interest) =>
      new Promise<number>((finish, fail) => {
        starts.push({ interest, fail, finish });
      });
    const left = new AbortController();
    void m.get("k", start, left.signal).catch(() => undefined);
    left.abort();
    const p = m.get("k", start, new AbortController().signal); // comes back; the stop was already under way
    starts[0]!.fail(cancelled);
    await new Promise((r) => setTimeout(r, 0));
    expect(starts).toHaveLength(2);
    expect(starts[1]!.interest.gone).toBe(false);
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
