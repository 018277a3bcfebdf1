/**
 * Server-rendered plan pages, with a stand-in planner (tests/unit/plans-api/fake-engine.ts)
 * whose prices can change between save and view, over a temporary SQLite file.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fakeEngine } from "./fake-engine";

const priceFactor = vi.hoisted(() => ({ value: 1, catalog: "test-catalog", busy: false }));
vi.mock("next/navigation", async (orig) => ({
  ...(await orig<typeof import("next/navigation")>()),
  useRouter: () => ({ push: () => undefined }),
}));
vi.mock("../../../app/_plans/engine", async () => {
  const { fakeEngine: e } = await import("./fake-engine");
  const { PoolBusyError } = await import("../../../app/_server/worker-pool");
  return {
    planEngine: {
      ...e,
      get catalogVersion() {
        return priceFactor.catalog;
      },
      compute: async (i: { model: string; peakRps: number }) => {
        // A planner whose worker threads are all busy and whose queue is full (app/_server/plan-pool.ts).
        if (priceFactor.busy) throw new PoolBusyError(32);
        const r = await e.compute(i);
        return { options: r.options.map((o) => ({ ...o, costUsdPerMonth: o.costUsdPerMonth * priceFactor.value })) };
      },
    },
  };
});

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-pages-"));
process.env.DATABASE_PATH = path.join(dir, "pages.db");
delete process.env.DATABASE_URL;

const { POST } = await import("../../../app/api/plans/route");
const { default: SavedPlanPage } = await import("../../../app/p/[slug]/page");
const { default: PrintPlanPage } = await import("../../../app/p/[slug]/print/page");
const { default: ComparePage } = await import("../../../app/compare/page");
const { default: SharedLinkPage } = await import("../../../app/l/[token]/page");
const { default: PlannerPage } = await import("../../../app/plan/page");
const { resetStore } = await import("../../../db/client");
const { clearRecomputeCache } = await import("../../../app/_plans/recompute");

async function save(title: string, input: unknown, notes = "", sourceSlug?: string): Promise<string> {
  const res = await POST(
    new Request("http://x/api/plans", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title, notes, input, ...(sourceSlug ? { sourceSlug } : {}) }),
    }),
  );
  expect(res.status).toBe(201);
  return ((await res.json()) as { slug: string }).slug;
}

const html = async (el: Promise<React.ReactElement> | React.ReactElement) => renderToStaticMarkup(await el);

beforeAll(() => {
  priceFactor.value = 1;
});
afterAll(async () => {
  await resetStore();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("/p/[slug]", () => {
  it("shows the snapshot; titles and notes are escaped text", async () => {
    const slug = await save('<script>alert("x")</script>', { model: "m", peakRps: 12.5 }, "<img src=x onerror=alert(1)>");
    const out = await html(SavedPlanPage({ params: Promise.resolve({ slug }) }));
    expect(out).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(out).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(out).not.toContain("<script>alert");
    expect(out).not.toContain("<img src=x");
    // 12.5 rps × $1000 = $12,500 → "$12.5k" (lib/format: 3 significant digits)
    expect(out).toMatch(/data-testid="headline-cost"[^>]*>\$12.5k</);
    expect(out).toContain("same answer");
  });

  it("when today's prices differ, says 'recomputed today: before → after' and keeps the saved figures", async () => {
    priceFactor.value = 1;
    const slug = await save("price drop", { model: "m", peakRps: 41 });
    priceFactor.value = 38 / 41; // today's catalog is cheaper
    priceFactor.catalog = "today-catalog";
    clearRecomputeCache(); // a real server process never changes catalog between save and view
    const out = await html(SavedPlanPage({ params: Promise.resolve({ slug }) }));
    priceFactor.value = 1;
    priceFactor.catalog = "test-catalog";
    // saved 41 × 1000 = $41,000 → "$41k"; today 41,000 × 38/41 = $38,000 → "$38k"
    expect(out).toContain("Recomputed today: $41k → $38k/month");
    expect(out).toMatch(/data-testid="headline-cost"[^>]*>\$41k</);
    expect(out).toContain("test-catalog → today-catalog");
  });

  it("an unknown slug is a 404", async () => {
    await expect(SavedPlanPage({ params: Promise.resolve({ slug: "AAAAAAAAAAAA" }) })).rejects.toMatchObject({
      digest: expect.stringMatching(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/),
    });
  });
});

describe("/p/[slug]/print", () => {
  it("prints the saved figures with versions, price sources and assumptions sections", async () => {
    const slug = await save("Finance <copy>", { model: "m", peakRps: 5 }, "note");
    const out = await html(PrintPlanPage({ params: Promise.resolve({ slug }) }));
    expect(out).toContain("Finance &lt;copy&gt;");
    expect(out).toContain("catalog test-catalog");
    expect(out).toContain("Price sources");
    expect(out).toContain("Assumptions");
    expect(out).toMatch(/data-testid="headline-cost"[^>]*>\$5k</); // 5 × $1000 = $5,000 → "$5k"
  });
});

describe("/compare", () => {
  it("puts two plans side by side and marks what differs", async () => {
    const a = await save("A", { model: "m", peakRps: 10 });
    const b = await save("B", { model: "m", peakRps: 20 });
    const out = await html(ComparePage({ searchParams: Promise.resolve({ p: [a, b] }) }));
    // 10 × 1000 = $10k; 20 × 1000 = $20k, +100 %
    expect(out).toContain("$10k");
    expect(out).toContain("$20k (+100.0 %)");
    expect(out).toMatch(/data-differs="true"[^>]*>20</); // the peakRps input row
    expect(out).toContain("model");
  });

  it("asks for plans when given fewer than two, and names unknown ones", async () => {
    const out = await html(ComparePage({ searchParams: Promise.resolve({ p: "ZZZZZZZZZZZZ" }) }));
    expect(out).toContain("No saved plan ZZZZZZZZZZZZ.");
    expect(out).toContain("Pick two to four saved plans");
  });
});

describe("/l/[token]", () => {
  it("computes a valid link and explains a damaged one", async () => {
    const t = fakeEngine.encodeLink({ model: "m", peakRps: 2 });
    const ok = await html(SharedLinkPage({ params: Promise.resolve({ token: t }) }));
    // 2 rps × $1000 = $2,000 → "$2k"
    expect(ok).toMatch(/data-testid="headline-cost"[^>]*>\$2k</);
    expect(ok).toContain("Save plan");
    const bad = await html(SharedLinkPage({ params: Promise.resolve({ token: t.slice(0, -5) }) }));
    expect(bad).toContain("This plan link cannot be opened");
    expect(bad).toContain("cut short");
  });
});

describe("lineage (Duplicate and edit)", () => {
  const hrefOf = (out: string, testId: string) => /href="([^"]*)"/.exec(out.slice(out.indexOf(`data-testid="${testId}"`)))?.[1];

  it("the original's Duplicate-and-edit link carries from=<its slug>", async () => {
    const slug = await save("Original", { model: "m", peakRps: 3 });
    const out = await html(SavedPlanPage({ params: Promise.resolve({ slug }) }));
    const href = hrefOf(out, "duplicate-edit")!.replace(/&amp;/g, "&");
    const q = new URLSearchParams(href.slice(href.indexOf("?") + 1));
    expect(href.startsWith("/plan?")).toBe(true);
    expect(q.get("from")).toBe(slug);
    expect(q.get("i")).toMatch(/^v1\./);
    expect(out).not.toContain("Copied from");
  });

  it("a copy's page says 'Copied from <original title>' and links to the original", async () => {
    const original = await save("Chat <launch>", { model: "m", peakRps: 3 });
    const copy = await save("Chat launch, cheaper", { model: "m", peakRps: 2 }, "", original);
    const out = await html(SavedPlanPage({ params: Promise.resolve({ slug: copy }) }));
    expect(out).toMatch(/data-testid="copied-from"[^>]*>Copied from <a[^>]*>Chat &lt;launch&gt;<\/a>/);
    expect(hrefOf(out, "copied-from")).toBe(`/p/${original}`);
  });

  it("the planner opened with from=<saved slug> names the original and links to it", async () => {
    const original = await save("Team plan", { model: "m", peakRps: 4 });
    const out = await html(PlannerPage({ searchParams: Promise.resolve({ from: original }) }));
    expect(out).toMatch(/data-testid="copy-of"[^>]*>Editing a copy of <a[^>]*>Team plan<\/a> \(/);
    expect(out).toContain(`(${original})`);
    expect(hrefOf(out, "copy-of")).toBe(`/p/${original}`);
    expect(out).not.toContain("copy-of-missing");
  });

  it("a stale from (no such plan) opens the planner with a note and no lineage; a malformed one is ignored", async () => {
    const stale = await html(PlannerPage({ searchParams: Promise.resolve({ from: "ZZZZZZZZZZZZ" }) }));
    expect(stale).toContain("Plan a deployment");
    expect(stale).not.toContain('data-testid="copy-of"');
    expect(stale).toMatch(/data-testid="copy-of-missing"[^>]*>This link copies saved plan ZZZZZZZZZZZZ, which does not exist here/);
    for (const from of ["nope", "ZZZZZZZZZZZZZ", "../../p/x", ""]) {
      const out = await html(PlannerPage({ searchParams: Promise.resolve({ from }) }));
      expect(out).toContain("Plan a deployment");
      expect(out).not.toContain("copy-of");
      expect(out).not.toContain("could not be read"); // not reported as a broken link setting either
    }
    // a repeated parameter is not one slug
    const twice = await html(PlannerPage({ searchParams: Promise.resolve({ from: ["ZZZZZZZZZZZZ", "ZZZZZZZZZZZZ"] }) }));
    expect(twice).not.toContain("copy-of");
  });
});

describe("when the planner is busy (every worker thread taken, queue full)", () => {
  it("/l/[token] says so with a link to try again, and computes the plan once the planner is free", async () => {
    const t = fakeEngine.encodeLink({ model: "m", peakRps: 3 });
    priceFactor.busy = true;
    const busy = await html(SharedLinkPage({ params: Promise.resolve({ token: t }) }));
    priceFactor.busy = false;
    expect(busy).toContain("The planner could not compute this plan just now");
    expect(busy).toContain("the planner is busy (32 plans waiting)");
    expect(busy).toContain(`href="/l/${t}"`);
    // It opens itself again in 5 s, counting its attempts in the link.
    expect(busy).toContain(`data-href="/l/${t}?attempt=2"`);
    expect(busy).toMatch(/Trying again by itself in <span[^>]*>5 s</);
    expect(busy).not.toContain("headline-cost");
    priceFactor.busy = true;
    const third = await html(SharedLinkPage({ params: Promise.resolve({ token: t }), searchParams: Promise.resolve({ attempt: "3" }) }));
    const fourth = await html(SharedLinkPage({ params: Promise.resolve({ token: t }), searchParams: Promise.resolve({ attempt: "4" }) }));
    const odd = await html(SharedLinkPage({ params: Promise.resolve({ token: t }), searchParams: Promise.resolve({ attempt: "x" }) }));
    priceFactor.busy = false;
    expect(third).toContain(`data-href="/l/${t}?attempt=4"`);
    // After three retries of its own, the page leaves it to the reader.
    expect(fourth).not.toContain("auto-retry");
    expect(fourth).toContain("Tried 4 times.");
    expect(fourth).toContain(`href="/l/${t}"`);
    expect(odd).toContain(`data-href="/l/${t}?attempt=2"`);
    const ok = await html(SharedLinkPage({ params: Promise.resolve({ token: t }) }));
    expect(ok).toMatch(/data-testid="headline-cost"[^>]*>\$3k</);
  });

  it("/p/[slug] shows the saved snapshot, says the recompute is pending, and recomputes on the next view", async () => {
    const slug = await save("busy recompute", { model: "m", peakRps: 7 });
    clearRecomputeCache(); // as if the server restarted since the save
    priceFactor.busy = true;
    const busy = await html(SavedPlanPage({ params: Promise.resolve({ slug }) }));
    priceFactor.busy = false;
    expect(busy).toMatch(/data-testid="headline-cost"[^>]*>\$7k</);
    expect(busy).toContain("The planner is busy, so this plan was not recomputed");
    const later = await html(SavedPlanPage({ params: Promise.resolve({ slug }) }));
    expect(later).toContain("same answer");
    expect(later).not.toContain("The planner is busy");
  });

  it("/compare lists a link it could not compute as a problem, and still shows the saved plans", async () => {
    const a = await save("A2", { model: "m", peakRps: 10 });
    const b = await save("B2", { model: "m", peakRps: 20 });
    const t = fakeEngine.encodeLink({ model: "m", peakRps: 4 });
    priceFactor.busy = true;
    const out = await html(ComparePage({ searchParams: Promise.resolve({ p: [a, b], l: t }) }));
    priceFactor.busy = false;
    expect(out).toContain("Link 1: the planner is busy (32 plans waiting); try again in a few seconds.");
    expect(out).toContain("$20k (+100.0 %)");
  });
});
