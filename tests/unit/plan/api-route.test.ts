import { describe, expect, it } from "vitest";
import { POST } from "../../../app/api/plan/route";
import { SMALL_PLAN } from "../search/helpers";

const post = (body: string, query = "") =>
  POST(new Request(`http://localhost/api/plan${query}`, { method: "POST", body, headers: { "content-type": "application/json" } }));

describe("POST /api/plan", () => {
  it("returns the plan result", async () => {
    const res = await post(JSON.stringify(SMALL_PLAN));
    expect(res.status).toBe(200);
    const r = await res.json();
    expect(r.feasible).toBe(true);
    expect(r.options[0].confidence.level).toMatch(/high|medium|low/);
    expect(r.queueing.model).toMatch(/Erlang C/);
  });
  it("400 with a field error per bad field", async () => {
    const res = await post(JSON.stringify({ ...SMALL_PLAN, traffic: { mode: "peak" }, budget: { gpus: ["x100"] } }));
    expect(res.status).toBe(400);
    const { errors } = await res.json();
    expect(errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(["traffic.peakRequestsPerSecond", "budget.gpus.0"]));
  });
  it("400 on a body that is not JSON", async () => {
    const res = await post("{nope");
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].field).toBe("(body)");
  });
  it("413 over the size limit", async () => {
    const res = await post(JSON.stringify({ ...SMALL_PLAN, pad: "x".repeat(300 * 1024) }));
    expect(res.status).toBe(413);
  });
  it("explains one candidate by id, 404 for an unknown one", async () => {
    const r = await (await post(JSON.stringify(SMALL_PLAN))).json();
    const id = r.pareto.throughputInteractivity.front[0].id as string;
    const ok = await post(JSON.stringify(SMALL_PLAN), `?explain=${encodeURIComponent(id)}`);
    expect(ok.status).toBe(200);
    const { candidate } = await ok.json();
    expect(candidate.id).toBe(id);
    expect(candidate.derivations.length).toBeGreaterThan(10);
    const missing = await post(JSON.stringify(SMALL_PLAN), "?explain=h100-sxm|3.1.1.1|bf16/bf16|vllm|8");
    expect(missing.status).toBe(404);
  });
});
