/**
 * Saved plans journey: save from a shared link, reopen the permalink in a fresh browser
 * context with the same numbers, duplicate and edit a plan into a linked copy, compare two
 * plans, download the CSV, open a damaged link.
 */
import { expect, test, type Page } from "@playwright/test";
import fs from "node:fs";
import { parseCsv } from "../lib/plan/csv";
import type { PlanInputRaw } from "../lib/plan/schema";
import { planToken as token, SAMPLE_PLAN_INPUT, SAMPLE_PLAN_INPUT_B } from "../tests/fixtures/sample-plan-input";
import { PlanPage } from "./pages/plan-page";

// Each save and each shared link runs the planner search (~1 s of CPU, more on a busy 2-core machine).
test.describe.configure({ timeout: 120_000 });

async function saveViaUi(page: Page, raw: PlanInputRaw, title: string, notes = ""): Promise<string> {
  await page.goto(`/l/${token(raw)}`);
  await page.getByLabel("Title").fill(title);
  if (notes) await page.getByLabel(/Notes/).fill(notes);
  await page.getByRole("button", { name: "Save plan" }).click();
  await page.waitForURL(/\/p\/[0-9A-Za-z]{12}$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

test("save a plan and reopen its permalink in a fresh context with the same numbers", async ({ page, browser }) => {
  const title = 'Chat launch <img src=x onerror="window.__xss=1"> & co';
  const slug = await saveViaUi(page, SAMPLE_PLAN_INPUT, title, "for <b>finance</b>");
  const cost = await page.getByTestId("headline-cost").textContent();
  const deployment = await page.getByTestId("headline-deployment").textContent();
  const options = await page.getByTestId("options-table").locator("tbody tr").allTextContents();
  expect(cost).toMatch(/^\$/);

  const fresh = await browser.newContext();
  const p2 = await fresh.newPage();
  const res = await p2.goto(`/p/${slug}`);
  expect(res?.status()).toBe(200);
  // Security headers on the permalink page.
  const h = res!.headers();
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBeTruthy();

  await expect(p2.getByTestId("plan-title")).toHaveText(title); // shown as text
  await expect(p2.getByTestId("plan-notes")).toHaveText("for <b>finance</b>");
  expect(await p2.locator("img[src=x]").count()).toBe(0);
  expect(await p2.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await expect(p2.getByTestId("headline-cost")).toHaveText(cost!);
  await expect(p2.getByTestId("headline-deployment")).toHaveText(deployment!);
  expect(await p2.getByTestId("options-table").locator("tbody tr").allTextContents()).toEqual(options);
  await fresh.close();
});

test("duplicate and edit: the copy is saved linked to its original", async ({ page }) => {
  const original = await saveViaUi(page, SAMPLE_PLAN_INPUT, "Chat launch");
  await page.getByRole("link", { name: "Duplicate and edit" }).click();
  await page.waitForURL(/\/plan\?/);
  const from = new RegExp(`[?&]from=${original}(&|$)`);
  expect(page.url()).toMatch(from);
  const planner = new PlanPage(page);
  const copyOf = page.getByTestId("copy-of");
  await expect(copyOf).toContainText(`Editing a copy of Chat launch (${original})`);
  await expect(copyOf.getByRole("link", { name: "Chat launch" })).toHaveAttribute("href", `/p/${original}`);

  // The wizard rewrites the URL on every step and on search; the lineage stays in it.
  await planner.expectStep(1);
  for (const n of [2, 3, 4]) {
    await planner.next();
    await planner.expectStep(n);
    await expect(page).toHaveURL(from);
  }
  await planner.setBudget(250_000);
  await planner.submit();
  await expect(page).toHaveURL(from);

  await expect(page.getByLabel("Title")).toHaveValue("Copy of Chat launch");
  await page.getByLabel("Title").fill("Chat launch, bigger budget");
  await page.getByRole("button", { name: "Save plan" }).click();
  await page.waitForURL(/\/p\/[0-9A-Za-z]{12}$/);
  const copy = new URL(page.url()).pathname.split("/").pop()!;
  expect(copy).not.toBe(original);
  await expect(page.getByTestId("plan-title")).toHaveText("Chat launch, bigger budget");
  const copied = page.getByTestId("copied-from");
  await expect(copied).toHaveText("Copied from Chat launch");
  // the print view (for finance) names the original by its title and slug too
  await page.goto(`/p/${copy}/print`);
  await expect(page.getByTestId("copied-from")).toHaveText(`Copied from Chat launch (saved plan ${original})`);
  await page.goto(`/p/${copy}`);
  await copied.getByRole("link", { name: "Chat launch" }).click();
  await page.waitForURL(new RegExp(`/p/${original}$`));
  await expect(page.getByTestId("plan-title")).toHaveText("Chat launch");
  await expect(page.getByTestId("copied-from")).toHaveCount(0);
});

test("a duplicate link to a plan that is not here still opens the planner and saves without lineage", async ({ page }) => {
  const planner = new PlanPage(page);
  await planner.goto(`step=4&from=ZZZZZZZZZZZZ`);
  await expect(page.getByTestId("copy-of-missing")).toContainText("ZZZZZZZZZZZZ");
  await planner.submit();
  await expect(page).not.toHaveURL(/from=/); // not carried on: a save will not name it
  await page.getByLabel("Title").fill("Orphan copy");
  await page.getByRole("button", { name: "Save plan" }).click();
  await page.waitForURL(/\/p\/[0-9A-Za-z]{12}$/);
  await expect(page.getByTestId("plan-title")).toHaveText("Orphan copy");
  await expect(page.getByTestId("copied-from")).toHaveCount(0);
});

test("the header links to the saved plans and marks the section", async ({ page }) => {
  await page.goto("/plan");
  const nav = page.getByRole("navigation", { name: "Main" });
  const saved = nav.getByRole("link", { name: "Saved" });
  await expect(saved).toHaveAttribute("title", "Your saved plans and permalinks");
  await saved.click();
  await page.waitForURL(/\/plans$/);
  await expect(page.getByRole("heading", { name: "Saved plans" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Saved" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Plan", exact: true })).not.toHaveAttribute("aria-current", "page");
});

test("compare two saved plans side by side with differences highlighted", async ({ page, request }) => {
  const a = await request.post("/api/plans", { data: { title: "Plan A", input: SAMPLE_PLAN_INPUT } });
  const b = await request.post("/api/plans", { data: { title: "Plan B", input: SAMPLE_PLAN_INPUT_B } });
  expect(a.status()).toBe(201);
  expect(b.status()).toBe(201);
  const sa = ((await a.json()) as { slug: string }).slug;
  const sb = ((await b.json()) as { slug: string }).slug;

  await page.goto("/plans");
  await page.getByLabel("Compare Plan A").first().check();
  await page.getByLabel("Compare Plan B").first().check();
  await page.getByRole("button", { name: "Compare selected" }).click();
  await expect(page).toHaveURL(/\/compare\?/);
  const table = page.getByTestId("compare-table");
  await expect(table.getByRole("link", { name: "Plan A" })).toHaveAttribute("href", `/p/${sa}`);
  await expect(table.getByRole("link", { name: "Plan B" })).toHaveAttribute("href", `/p/${sb}`);
  expect(await table.locator("[data-differs=true]").count()).toBeGreaterThan(0);
});

test("download the options CSV and check its rows", async ({ page }) => {
  const slug = await saveViaUi(page, SAMPLE_PLAN_INPUT, "CSV plan");
  const shown = await page.getByTestId("options-table").locator("tbody tr").count();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-csv").click()]);
  expect(download.suggestedFilename()).toBe(`atlas-plan-${slug}-options.csv`);
  const rows = parseCsv(fs.readFileSync((await download.path())!, "utf8"));
  expect(rows[0]!.slice(0, 2)).toEqual(["rank", "option"]);
  expect(rows.length - 1).toBe(shown);
  rows.slice(1).forEach((r, i) => expect(r[0]).toBe(String(i + 1)));
});

test("a damaged or truncated link shows a clear message and a way forward", async ({ page }) => {
  const t = token(SAMPLE_PLAN_INPUT);
  const i = Math.floor(t.length / 2);
  const damaged = t.slice(0, i) + (t[i] === "A" ? "B" : "A") + t.slice(i + 1);
  await page.goto(`/l/${damaged}`);
  await expect(page.getByTestId("permalink-error")).toContainText("This plan link cannot be opened");
  await expect(page.getByTestId("permalink-error")).toContainText(/damaged|cut short/);
  await expect(page.getByRole("link", { name: "Start a new plan" })).toHaveAttribute("href", "/plan");

  await page.goto(`/l/${t.slice(0, t.length - 6)}`);
  await expect(page.getByTestId("permalink-error")).toContainText("cut short");

  await page.goto(`/l/${t.replace(/^v1\./, "v0.")}`);
  await expect(page.getByTestId("permalink-error")).toContainText("older version of Atlas");
});

test("the plans API answers bad bodies with 4xx and field errors, never 500", async ({ request }) => {
  const post = (data: string, type = "application/json") =>
    request.post("/api/plans", { data, headers: { "content-type": type } });
  const malformed = await post('{"title":');
  expect(malformed.status()).toBe(400);
  expect(((await malformed.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe("(body)");
  const wrong = await post(JSON.stringify({ title: 5, input: { nonsense: true } }));
  expect(wrong.status()).toBe(400);
  const fields = ((await wrong.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
  expect(fields).toContain("title");
  expect(fields.some((f) => f.startsWith("input"))).toBe(true);
  expect((await post(JSON.stringify({ title: "t", notes: "x".repeat(100_000), input: {} }))).status()).toBe(413);
  expect((await post("title=x", "application/x-www-form-urlencoded")).status()).toBe(415);
  expect((await request.get("/api/plans/AAAAAAAAAAAA")).status()).toBe(404);
  expect((await request.get("/p/AAAAAAAAAAAA")).status()).toBe(404);
});
