/**
 * Page object for /plan: the wizard and its results, by intent. Reads visible numbers (never chart pixels).
 */
import { expect, type Locator, type Page } from "@playwright/test";

/** "$10,651" → 10651, "$17.8k" → 17800, "$3.1M" → 3100000, "$0.21" → 0.21 (as lib/format writes them). */
export function money(text: string | null): number {
  const m = /\$([\d,]+(?:\.\d+)?)([kMB]?)/.exec(text ?? "");
  if (!m) throw new Error(`no dollar amount in "${text}"`);
  const scale = { "": 1, k: 1e3, M: 1e6, B: 1e9 }[m[2] as "" | "k" | "M" | "B"];
  return Number(m[1]!.replace(/,/g, "")) * scale;
}
export function millis(text: string | null): number {
  const m = /([\d.,]+)\s*(ms|s)\b/.exec(text ?? "");
  if (!m) throw new Error(`no duration in "${text}"`);
  const v = Number(m[1]!.replace(/,/g, ""));
  return m[2] === "s" ? v * 1000 : v;
}

export class PlanPage {
  constructor(readonly page: Page) {}

  async goto(query = "") {
    await this.page.goto(`/plan${query ? `?${query}` : ""}`);
    await expect(this.page.getByRole("heading", { name: /Plan a deployment/ })).toBeVisible();
  }

  heading(): Locator {
    return this.page.getByRole("heading", { name: /^Step \d of 4/ });
  }

  async expectStep(n: number) {
    await expect(this.heading()).toContainText(`Step ${n} of 4`);
  }

  async next() {
    await this.page.getByRole("button", { name: "Next" }).click();
  }

  async back() {
    await this.page.getByRole("button", { name: "Back" }).click();
  }

  async chooseModel(id: string) {
    await this.page.getByLabel("Catalog model").selectOption(id);
  }

  async setNumber(label: string | RegExp, value: number | "") {
    const input = this.page.getByLabel(label, { exact: typeof label === "string" ? false : undefined }).first();
    await input.fill(String(value));
  }

  async choosePreset(name: string) {
    await this.page.getByRole("radio", { name }).check();
  }

  async setSlo(s: { ttftP50Ms?: number | ""; ttftP95Ms?: number | ""; tpotP95Ms?: number | "" }) {
    if (s.ttftP50Ms !== undefined) await this.setNumber(/Time to first token, p50/, s.ttftP50Ms);
    if (s.ttftP95Ms !== undefined) await this.setNumber(/Time to first token, p95/, s.ttftP95Ms);
    if (s.tpotP95Ms !== undefined) await this.setNumber(/Time per output token, p95/, s.tpotP95Ms);
  }

  async fillTraffic(t: { dailyUsers: number; requestsPerUser: number; peakFactor?: number }) {
    await this.page.getByRole("radio", { name: "By daily active users" }).check();
    await this.page.getByRole("spinbutton", { name: "Daily active users" }).fill(String(t.dailyUsers));
    await this.setNumber(/Requests per user per day/, t.requestsPerUser);
    if (t.peakFactor !== undefined) await this.setNumber(/Peak-to-average factor/, t.peakFactor);
  }

  async setBudget(usdPerMonth: number | "") {
    await this.setNumber(/Budget ceiling/, usdPerMonth);
  }

  /** Submits and waits for this search's answer (not a previous one still on screen). */
  async submit() {
    const answered = this.page.waitForResponse(
      (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/plan" && !r.url().includes("explain="),
      { timeout: 30_000 },
    );
    await this.page.getByRole("button", { name: "Find deployments" }).click();
    await answered;
    await expect(this.page.getByTestId("searching")).toHaveCount(0);
    await expect(this.page.getByTestId("summary")).toBeVisible({ timeout: 20_000 });
  }

  summary(): Locator {
    return this.page.getByTestId("summary");
  }

  cards(): Locator {
    return this.page.getByTestId("option-card");
  }

  rows(): Locator {
    return this.page.getByTestId("option-row");
  }

  async rowCosts(): Promise<{ month: number; perUser: number }[]> {
    const n = await this.rows().count();
    const out: { month: number; perUser: number }[] = [];
    for (let i = 0; i < n; i++) {
      const row = this.rows().nth(i);
      out.push({
        month: money(await row.getByTestId("row-cost-month").textContent()),
        perUser: money(await row.getByTestId("row-cost-user").textContent()),
      });
    }
    return out;
  }

  /** Opens the derivation of a figure of the first card (by derivation key) and returns its text. */
  async explainFirstCard(key: string): Promise<string> {
    const explain = this.cards().first().locator(`[data-testid="explain"][data-key="${key}"]`);
    await explain.locator("summary").click();
    const note = explain.getByRole("note");
    await expect(note).toBeVisible();
    return (await note.textContent()) ?? "";
  }

  relaxAdvice(): Locator {
    return this.page.getByTestId("relax").getByRole("listitem");
  }
}
