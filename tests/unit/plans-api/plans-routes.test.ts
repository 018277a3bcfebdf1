import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exportCsv, exportJson } from "../../../app/_plans/export";
import { MAX_BODY_BYTES } from "../../../app/_plans/http";
import { listPlans, savePlan, type PlanRouteDeps } from "../../../app/_plans/save";
import { createSqliteStore } from "../../../db/store-sqlite";
import type { PlanStore } from "../../../db/store";
import { parseCsv } from "../../../lib/plan/csv";
import { fakeEngine } from "./fake-engine";

let store: PlanStore;
let deps: PlanRouteDeps;
beforeEach(() => {
  store = createSqliteStore({ file: ":memory:" });
  deps = { engine: fakeEngine as never, store: async () => store };
});
afterEach(async () => store.close());

const post = (body: unknown, headers: Record<string, string> = { "content-type": "application/json" }) =>
  new Request("http://x/api/plans", {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

async function errorsOf(res: Response) {
  return ((await res.json()) as { errors: { field: string; message: string }[] }).errors;
}

describe("POST /api/plans", () => {
  it("saves and answers 201 with an unguessable slug and a Location", async () => {
    const res = await savePlan(post({ title: " Chat launch ", notes: "n", input: { model: "m", peakRps: 12.5 } }), deps);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { slug: string; url: string };
    expect(body.slug).toMatch(/^[0-9A-Za-z]{12}$/);
    expect(res.headers.get("location")).toBe(`/p/${body.slug}`);
    const got = await exportJson(new Request(`http://x/api/plans/${body.slug}`), body.slug, deps);
    const doc = (await got.json()) as Record<string, unknown>;
    expect(doc.title).toBe("Chat launch"); // trimmed
    expect(doc.input).toEqual({ model: "m", peakRps: 12.5 });
    // snapshot computed at save time: 12.5 rps × 1000 = 12,500
    expect((doc.result as { options: { costUsdPerMonth: number }[] }).options[0]!.costUsdPerMonth).toBe(12500);
    expect(doc.versions).toMatchObject({ planSchema: "1", catalog: "test-catalog", permalinkFormat: 1 });
  });

  it("malformed JSON → 400 naming the body", async () => {
    const res = await savePlan(post('{"title": "x", '), deps);
    expect(res.status).toBe(400);
    expect((await errorsOf(res))[0]!.field).toBe("(body)");
  });

  it("wrong types and out-of-range numbers → 400 with every field error at once", async () => {
    const res = await savePlan(post({ title: 42, notes: "x".repeat(5001), input: { model: "", peakRps: -1 } }), deps);
    expect(res.status).toBe(400);
    const fields = (await errorsOf(res)).map((e) => e.field).sort();
    expect(fields).toEqual(["input.model", "input.peakRps", "notes", "title"]);
  });

  it("missing input, non-object bodies and unknown sourceSlug → 400", async () => {
    expect(await errorsOf(await savePlan(post({ title: "t" }), deps))).toContainEqual({
      field: "input",
      message: "input (the plan input) is required",
    });
    for (const b of ["[]", "null", "3", '"s"']) expect((await savePlan(post(b), deps)).status).toBe(400);
    const r = await savePlan(post({ title: "t", input: { model: "m", peakRps: 1 }, sourceSlug: "AAAAAAAAAAAA" }), deps);
    expect(r.status).toBe(400);
    expect((await errorsOf(r))[0]!.field).toBe("sourceSlug");
  });

  it("bodies over the limit → 413, by Content-Length or by streaming", async () => {
    const big = JSON.stringify({ title: "t", notes: "x".repeat(MAX_BODY_BYTES), input: {} });
    expect((await savePlan(post(big), deps)).status).toBe(413);
    // No Content-Length: a stream that keeps going is cut off at the limit.
    const chunk = new TextEncoder().encode("x".repeat(16 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent++ < 100) c.enqueue(chunk);
        else c.close();
      },
    });
    const req = new Request("http://x/api/plans", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect((await savePlan(req, deps)).status).toBe(413);
    expect(sent).toBeLessThan(100); // stopped reading early
    expect(await store.countPlans()).toBe(0);
  });

  it("non-JSON content types → 415; empty bodies → 400; invalid UTF-8 → 400", async () => {
    expect((await savePlan(post({ title: "t" }, { "content-type": "text/plain" }), deps)).status).toBe(415);
    expect((await savePlan(post(""), deps)).status).toBe(400);
    const bad = new Request("http://x/api/plans", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: Uint8Array.from([0x7b, 0xff, 0x7d]),
    });
    expect((await savePlan(bad, deps)).status).toBe(400);
  });

  it("50 parallel saves through the route all persist", async () => {
    const res = await Promise.all(
      Array.from({ length: 50 }, (_, i) => savePlan(post({ title: `p${i}`, input: { model: "m", peakRps: i + 1 } }), deps)),
    );
    expect(res.every((r) => r.status === 201)).toBe(true);
    expect(await store.countPlans()).toBe(50);
  });
});

describe("GET /api/plans", () => {
  it("lists newest first with summaries; rejects a bad limit", async () => {
    await savePlan(post({ title: "first", input: { model: "m", peakRps: 1 } }), deps);
    await new Promise((r) => setTimeout(r, 5));
    await savePlan(post({ title: "second", input: { model: "m", peakRps: 2 } }), deps);
    const body = (await (await listPlans(new Request("http://x/api/plans?limit=10"), deps)).json()) as {
      plans: { title: string; summary: { costUsdPerMonth: number } }[];
    };
    expect(body.plans.map((p) => p.title)).toEqual(["second", "first"]);
    expect(body.plans[0]!.summary.costUsdPerMonth).toBe(2000); // 2 rps × 1000
    for (const q of ["0", "201", "abc", "1.5"]) {
      expect((await listPlans(new Request(`http://x/api/plans?limit=${q}`), deps)).status).toBe(400);
    }
  });
});

describe("exports", () => {
  it("unknown or malformed slugs → 404", async () => {
    expect((await exportJson(new Request("http://x"), "AAAAAAAAAAAA", deps)).status).toBe(404);
    expect((await exportCsv("../../etc", deps)).status).toBe(404);
  });

  it("CSV has a header and one row per option, escaped", async () => {
    const { slug } = (await (await savePlan(post({ title: "t", input: { model: "m", peakRps: 10 } }), deps)).json()) as {
      slug: string;
    };
    const res = await exportCsv(slug, deps);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain(`atlas-plan-${slug}-options.csv`);
    // 10 rps: 10 × 1000 = 10,000 and 10 × 1500 = 15,000
    expect(parseCsv(await res.text())).toEqual([
      ["rank", "option", "gpu", "count", "costUsdPerMonth"],
      ["1", "2× h100-sxm", "h100-sxm", "2", "10000"],
      ["2", "4× a100-80gb", "a100-80gb", "4", "15000"],
    ]);
  });

  it("JSON export with ?download=1 is an attachment", async () => {
    const { slug } = (await (await savePlan(post({ title: "t", input: { model: "m", peakRps: 1 } }), deps)).json()) as {
      slug: string;
    };
    const res = await exportJson(new Request(`http://x/api/plans/${slug}?download=1`), slug, deps);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="atlas-plan-${slug}.json"`);
  });
});

describe("JSON export", () => {
  it("is valid JSON carrying the stored input and result texts byte for byte", async () => {
    const { slug } = (await (await savePlan(post({ title: 'q"uote\\', notes: "ü", input: { model: "m", peakRps: 0.1 } }), deps)).json()) as {
      slug: string;
    };
    const text = await (await exportJson(new Request(`http://x/api/plans/${slug}`), slug, deps)).text();
    const rec = (await store.getPlan(slug))!;
    expect(text).toContain(`"input":${rec.inputJson},"result":${rec.resultJson},`);
    const doc = JSON.parse(text) as { title: string; notes: string; kind: string; links: { csv: string } };
    expect(doc).toMatchObject({ kind: "atlas-plan", title: 'q"uote\\', notes: "ü", links: { csv: `/api/plans/${slug}/csv` } });
  });
});
