/** The plan page's retry policy after a 503 (app/plan/_components/retry.ts). */
import { describe, expect, it } from "vitest";
import { retryAfterSeconds, sleepUnlessAborted } from "@/app/plan/_components/retry";

describe("retryAfterSeconds", () => {
  it("reads delta-seconds, within 1–30 s", () => {
    expect(retryAfterSeconds("5")).toBe(5);
    expect(retryAfterSeconds(" 12 ")).toBe(12);
    expect(retryAfterSeconds("0")).toBe(1);
    expect(retryAfterSeconds("3600")).toBe(30);
  });

  it("reads an HTTP date as the seconds left until it", () => {
    const now = Date.parse("2026-12-07T20:00:00Z");
    expect(retryAfterSeconds("Mon, 07 Dec 2026 20:00:08 GMT", now)).toBe(8);
    expect(retryAfterSeconds("Mon, 07 Dec 2026 19:59:00 GMT", now)).toBe(1);
  });

  it("waits 5 s when the header is missing or unreadable", () => {
    expect(retryAfterSeconds(null)).toBe(5);
    expect(retryAfterSeconds("")).toBe(5);
    expect(retryAfterSeconds("soon")).toBe(5);
    expect(retryAfterSeconds("-3")).toBe(5);
  });
});

describe("sleepUnlessAborted", () => {
  it("resolves after the wait, and rejects with AbortError at once when stopped", async () => {
    await expect(sleepUnlessAborted(5, new AbortController().signal)).resolves.toBeUndefined();
    const ctl = new AbortController();
    const waiting = sleepUnlessAborted(60_000, ctl.signal);
    ctl.abort();
    await expect(waiting).rejects.toMatchObject({ name: "AbortError" });
    await expect(sleepUnlessAborted(60_000, AbortSignal.abort())).rejects.toMatchObject({ name: "AbortError" });
  });
});
