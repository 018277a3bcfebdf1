import { describe, expect, it } from "vitest";
import { POST } from "../../../app/api/estimate/route";
import { decodeCalcUrl, DEFAULT_VALUES, encodeCalcUrl } from "../../../app/calculate/_lib/url-state";
import { run } from "../../../cli/commands/estimate";
import { runCaptured } from "../cli/fake-io";
import { getGpu, getModel } from "../../../lib/catalog";
import { estimateConfig } from "../../../lib/model/estimate";
import { estimateInputSchema, type EstimateInputRaw } from "../../../lib/plan/estimate-input";

const H100 = getGpu("h100-sxm")!;
const L8 = getModel("llama-3.1-8b")!;
const L70 = getModel("llama-3.1-70b")!;
const input = (o: Partial<EstimateInputRaw>) => estimateInputSchema.parse({ model: "x", gpu: "x", ...o });
const base = { engine: "trtllm" as const, weights: "bf16" as const, isl: 467, osl: 256, priceUsdPerGpuHour: 3 };

describe("estimate at a request rate (requestRate, open loop)", () => {
  it("runs at the fewest requests in flight that keep up with the rate, found by a scan of closed-loop estimates", () => {
    const rate = 8;
    const open = estimateConfig({ model: L8, gpu: H100, input: input({ ...base, requestRate: rate }) });
    // the scan: the first N whose closed loop, E2E(N) = TTFT + 255·TPOT, lets N in flight carry 8 req/s
    let n = 1;
    for (; n < 2000; n++) {
      const c = estimateConfig({ model: L8, gpu: H100, input: input({ ...base, concurrency: n }) });
      if (rate * (c.ttftMs + 255 * c.tpotMs) / 1000 <= n) break;
    }
    const closed = estimateConfig({ model: L8, gpu: H100, input: input({ ...base, concurrency: n }) });
    expect(open.openLoop).toEqual({ requestRate: rate, inFlight: n, saturated: false, completedPerSecond: rate });
    expect(n).toBeGreaterThan(1);
    expect(open.ttftMs).toBe(closed.ttftMs);
    expect(open.tpotMs).toBe(closed.tpotMs);
    // open, the replica completes what is offered: 8 req/s × 256 tokens, and the same GPU-hours cost more per token
    expect(open.outputTokensPerSecond).toBeCloseTo(rate * 256, 9);
    expect(closed.outputTokensPerSecond).toBeGreaterThanOrEqual(open.outputTokensPerSecond);
    expect(open.costUsdPerMillionOutputTokens).toBeCloseTo(closed.costUsdPerMillionOutputTokens * (closed.outputTokensPerSecond / (rate * 256)), 9);
    expect(open.costUsdPerHour).toBe(closed.costUsdPerHour);
    expect(open.fits).toBe(true);
  });

  it("a rate the replica cannot carry is a problem naming the most it completes", () => {
    const r = estimateConfig({ model: L70, gpu: H100, input: input({ ...base, tp: 4, requestRate: 40 }) });
    expect(r.fits).toBe(false);
    expect(r.openLoop?.saturated).toBe(true);
    expect(r.openLoop?.inFlight).toBe(r.maxConcurrency);
    expect(r.openLoop!.completedPerSecond).toBeLessThan(40);
    expect(r.problems.join(" ")).toMatch(/At 40 requests\/s one replica saturates: with the \d+ requests its KV cache holds it completes [\d.]+\/s/);
  });

  it("explains the in-flight count and restates throughput for the open loop", () => {
    const r = estimateConfig({ model: L8, gpu: H100, input: input({ ...base, requestRate: 4 }), explain: true });
    const inFlight = r.derivations!.find((d) => d.key === "openLoop.inFlight")!;
    expect(inFlight.value).toBe(r.openLoop!.inFlight);
    expect(inFlight.substituted).toMatch(new RegExp(`^4/s · \\(.+\\) = [\\d.]+ ≤ ${r.openLoop!.inFlight}$`));
    const thr = r.derivations!.find((d) => d.key === "throughput")!;
    expect(thr.value).toBe(r.outputTokensPerSecond);
    // 4 req/s × 256 tokens = 1,024 tok/s, written to 3 significant digits
    expect(thr.substituted).toBe("4/s · 256 = 1020 tok/s");
  });

  it("is refused when not above 0, with the field named, by the schema and the API", async () => {
    for (const v of [0, -2, "fast"]) {
      const p = estimateInputSchema.safeParse({ model: "x", gpu: "x", requestRate: v });
      expect(p.success, String(v)).toBe(false);
      expect(p.error!.issues[0]!.path).toEqual(["requestRate"]);
    }
    const res = await POST(new Request("http://localhost/api/estimate", { method: "POST", body: JSON.stringify({ model: "llama-3.1-8b", gpu: "h100-sxm", requestRate: 0 }), headers: { "content-type": "application/json" } }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { field: string; message: string }[] }).errors).toContainEqual({ field: "requestRate", message: "requestRate must be above 0" });
  });

  it("reaches the CLI as --request-rate and the /calculate address as rate=", async () => {
    const out = await runCaptured(run, ["--model", "llama-3.1-8b", "--gpu", "h100-sxm", "--engine", "trtllm", "--isl", "467", "--osl", "256", "--request-rate", "8", "--json"]);
    expect(out.code).toBe(0);
    const j = JSON.parse(out.out) as { openLoop: { requestRate: number; inFlight: number } };
    expect(j.openLoop.requestRate).toBe(8);
    expect(j.openLoop.inFlight).toBeGreaterThan(1);
    const v = { ...DEFAULT_VALUES, requestRate: 2.5 };
    const qs = encodeCalcUrl(v);
    expect(qs).toContain("rate=2.5");
    expect(decodeCalcUrl(new URLSearchParams(qs)).values).toEqual(v);
  });
});
