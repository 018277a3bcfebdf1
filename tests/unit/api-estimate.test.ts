import { describe, expect, it } from "vitest";
import { POST } from "../../app/api/estimate/route";

const URL_ = "http://localhost/api/estimate";
const post = (body: string, url = URL_, headers: Record<string, string> = {}) =>
  POST(new Request(url, { method: "POST", body, headers: { "content-type": "application/json", ...headers } }));

describe("POST /api/estimate", () => {
  it("answers 200 with the result fields and the request id", async () => {
    const res = await post(JSON.stringify({ id: 7, model: "llama-3.1-8b", gpu: "h100-sxm", priceUsdPerGpuHour: 3 }));
    expect(res.status).toBe(200);
    const b = await res.json();
    expect(b.id).toBe(7);
    for (const k of ["ttftMs", "tpotMs", "outputTokensPerSecond", "outputTokensPerSecondPerGpu", "tokensPerSecondPerUser", "maxConcurrency", "fits", "memory", "costUsdPerMillionInputTokens", "costUsdPerMillionOutputTokens"]) {
      expect(b).toHaveProperty(k);
    }
    expect(b.costUsdPerHour).toBeCloseTo(3, 9); // 1 GPU × $3
    expect(b.derivations).toBeUndefined();
  });
  it("adds derivations with ?explain=1", async () => {
    const res = await post(JSON.stringify({ model: "llama-3.1-8b", gpu: "h100-sxm" }), `${URL_}?explain=1`);
    const b = await res.json();
    expect(b.derivations.length).toBeGreaterThan(10);
  });
  it("400 with field errors on bad input", async () => {
    const res = await post(JSON.stringify({ model: "llama-3.1-8b", gpu: "h100-sxm", tp: 0, weights: "fp3" }));
    expect(res.status).toBe(400);
    const { errors } = await res.json();
    expect(errors).toContainEqual({ field: "tp", message: "tp must be at least 1" });
    expect(errors.find((e: { field: string }) => e.field === "weights").message).toContain("bf16, fp8, fp4, int4");
  });
  it("takes the engine's memory fraction and prefill chunk, and answers 400 naming a bad one", async () => {
    const body = { model: "llama-3.1-70b", gpu: "h100-sxm", engine: "sglang", weights: "fp8", tp: 2, isl: 8192, osl: 1024, concurrency: 64 };
    const def = await (await post(JSON.stringify(body))).json();
    const set = await (await post(JSON.stringify({ ...body, memFraction: 0.8, prefillChunkTokens: 2048 }))).json();
    expect(set.maxConcurrency).toBeLessThan(def.maxConcurrency);
    expect(set.memory.runtimeReserve).toBeCloseTo(0.2 * set.memory.capacity, 0);
    const res = await post(JSON.stringify({ ...body, memFraction: 1.5, prefillChunkTokens: 0 }));
    expect(res.status).toBe(400);
    const { errors } = await res.json();
    expect(errors).toContainEqual({ field: "memFraction", message: "memFraction must be at most 1" });
    expect(errors).toContainEqual({ field: "prefillChunkTokens", message: "prefillChunkTokens must be at least 256" });
  });
  it("takes SGLang's recv interval and the benchmark's prompt count, and answers 400 naming a bad one", async () => {
    const body = { model: "deepseek-r1", gpu: "b200", engine: "sglang", weights: "fp4", tp: 8, isl: 1024, osl: 1024, concurrency: 32, randomRangeRatio: 0.8 };
    const def = await (await post(JSON.stringify(body))).json();
    const set = await (await post(JSON.stringify({ ...body, schedulerRecvInterval: 30, numPrompts: 320 }))).json();
    expect(set.ttftMs).toBeGreaterThan(def.ttftMs);
    const res = await post(JSON.stringify({ ...body, engine: "trtllm", schedulerRecvInterval: 30, numPrompts: 4 }));
    expect(res.status).toBe(400);
    const { errors } = await res.json();
    expect(errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(["schedulerRecvInterval", "numPrompts"]));
  });
  it("400 on malformed JSON and on an empty body", async () => {
    const a = await post("{ not json");
    expect(a.status).toBe(400);
    expect((await a.json()).errors[0].message).toMatch(/^malformed JSON/);
    const b = await post("");
    expect(b.status).toBe(400);
  });
  it("refuses a server-side config path", async () => {
    const res = await post(JSON.stringify({ hfConfig: "/etc/passwd", gpu: "h100-sxm" }));
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].field).toBe("hfConfig");
  });
  it("413 over 256 KiB, by header or by actual size", async () => {
    const big = JSON.stringify({ model: "llama-3.1-8b", gpu: "h100-sxm", pad: "x".repeat(300 * 1024) });
    expect((await post(big)).status).toBe(413);
    expect((await post("{}", URL_, { "content-length": String(1 << 30) })).status).toBe(413);
  });
});
