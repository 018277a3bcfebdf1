import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../../cli/commands/plan";
import { runPlanRequest } from "../../../lib/run-plan";
import { SMALL_PLAN } from "../search/helpers";
import { fakeIo } from "./fake-io";

const dir = mkdtempSync(path.join(tmpdir(), "atlas-plan-"));
const file = (name: string, body: unknown) => {
  const p = path.join(dir, name);
  writeFileSync(p, typeof body === "string" ? body : JSON.stringify(body));
  return p;
};

describe("atlas plan", () => {
  it("--json prints what POST /api/plan returns", async () => {
    const f = fakeIo();
    expect(await run(["--input", file("ok.json", SMALL_PLAN), "--json"], f.io)).toBe(0);
    const cli = JSON.parse(f.out());
    const api = runPlanRequest(SMALL_PLAN);
    if (!api.ok) throw new Error("expected ok");
    expect(cli.options.map((o: { id: string }) => o.id)).toEqual(api.result.options.map((o) => o.id));
    expect(cli.best.costUsdPerMonth).toBe(api.result.best!.costUsdPerMonth);
  });
  it("prints a table, the rejections and the API comparison", async () => {
    const f = fakeIo();
    expect(await run(["--input", file("ok2.json", SMALL_PLAN)], f.io)).toBe(0);
    expect(f.out()).toMatch(/Options \(cheapest meeting every target first\)/);
    expect(f.out()).toMatch(/Rejected:/);
    expect(f.out()).toMatch(/Self-host vs API/);
  });
  it("reads stdin with --input -", async () => {
    const f = fakeIo(JSON.stringify(SMALL_PLAN));
    expect(await run(["--input", "-"], f.io)).toBe(0);
    expect(f.out()).toMatch(/Llama 3.1 8B/);
  });
  it("names the bad field with the valid values, exit 2", async () => {
    const f = fakeIo();
    const bad = { ...SMALL_PLAN, budget: { ...SMALL_PLAN.budget, engines: ["tgi"] } };
    expect(await run(["--input", file("bad.json", bad)], f.io)).toBe(2);
    expect(f.err()).toMatch(/budget\.engines\.0: engines\[\] must be one of vllm, sglang, trtllm/);
  });
  it("a missing file or flag is a usage error, exit 1", async () => {
    expect(await run(["--input", path.join(dir, "nope.json")], fakeIo().io)).toBe(1);
    const f = fakeIo();
    expect(await run([], f.io)).toBe(1);
    expect(f.err()).toMatch(/--input is required/);
    expect(await run(["--input", file("notjson.json", "{oops")], fakeIo().io)).toBe(2);
  });
});
