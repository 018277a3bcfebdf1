import { describe, expect, it } from "vitest";
import { POST } from "../../../app/api/estimate/route";
import { decodeCalcUrl, DEFAULT_VALUES, encodeCalcUrl } from "../../../app/calculate/_lib/url-state";
import { run } from "../../../cli/commands/estimate";
import { runCaptured } from "../cli/fake-io";
import { getGpu, getModel } from "../../../lib/catalog";
import { engineSettingDefaults } from "../../../lib/model/engine-settings";
import { estimateConfig } from "../../../lib/model/estimate";
import { ENGINE_IDS, estimateInputSchema, type EstimateInputRaw } from "../../../lib/plan/estimate-input";

const H100 = getGpu("h100-sxm")!;
const LLAMA_70B = getModel("llama-3.1-70b")!;

const input = (o: Partial<EstimateInputRaw>) => estimateInputSchema.parse({ model: "x", gpu: "x", ...o });
const base = { weights: "fp8" as const, tp: 4, isl: 1024, osl: 256 };

describe("requestOverheadMs: the serving stack's fixed first-token latency", () => {
  it("rejects a negative, non-numeric or absurd value with the field named", () => {
    for (const v of [-1, "fast", 60_001]) {
      const r = estimateInputSchema.safeParse({ model: "x", gpu: "x", requestOverheadMs: v });
      expect(r.success, String(v)).toBe(false);
      expect(r.error!.issues[0]!.path).toEqual(["requestOverheadMs"]);
      expect(r.error!.issues[0]!.message).toContain("requestOverheadMs");
    }
    expect(estimateInputSchema.safeParse({ model: "x", gpu: "x", requestOverheadMs: 0 }).success).toBe(true);
  });

  it("adds exactly what it states to a lone request's first token, on every engine", () => {
    for (const engine of ENGINE_IDS) {
      const alone = { ...base, engine, concurrency: 1 };
      const zero = estimateConfig({ model: LLAMA_70B, gpu: H100, input: input({ ...alone, requestOverheadMs: 0 }) });
      const forty = estimateConfig({ model: LLAMA_70B, gpu: H100, input: input({ ...alone, requestOverheadMs: 40 }) });
      // alone nothing else runs, so 40 ms more outside the GPU is 40 ms more to the first token (the decode share φ
      // of the lone request moves a little with it, hence the tolerance of a tenth of a millisecond)
      expect(Math.abs(forty.ttftMs - zero.ttftMs - 40), engine).toBeLessThan(0.1);
      expect(zero.ttftMs, engine).toBeGreaterThan(zero.prefillMs);
    }
  });

  it("absent, the engine's calibrated value applies, which the form shows as its placeholder", () => {
    for (const engine of ENGINE_IDS) {
      const at = { ...base, engine, concurrency: 16 };
      const def = estimateConfig({ model: LLAMA_70B, gpu: H100, input: input(at) });
      const shown = engineSettingDefaults(engine, H100).requestOverheadMs;
      const same = estimateConfig({ model: LLAMA_70B, gpu: H100, input: input({ ...at, requestOverheadMs: shown }) });
      expect(shown, engine).toBeGreaterThan(0);
      // the placeholder is rounded to 3 significant digits
      expect(Math.abs(same.ttftMs - def.ttftMs), engine).toBeLessThan(0.005 * shown + 0.01);
      const none = estimateConfig({ model: LLAMA_70B, gpu: H100, input: input({ ...at, requestOverheadMs: 0 }) });
      expect(none.ttftMs, engine).toBeLessThan(def.ttftMs);
    }
  });

  it("its derivation says whether t_0 is calibrated or the request's", () => {
    const at = { ...base, engine: "sglang" as const, concurrency: 8 };
    const def = estimateConfig({ model: LLAMA_70B, gpu: H100, input: input(at), explain: true });
    const mine = estimateConfig({ model: LLAMA_70B, gpu: H100, input: input({ ...at, requestOverheadMs: 12 }), explain: true });
    const d0 = def.derivations!.find((d) => d.key === "requestOverhead")!;
    const d1 = mine.derivations!.find((d) => d.key === "requestOverhead")!;
    expect(d0.substituted).toContain("(calibrated)");
    expect(d0.formula).toContain("set requestOverheadMs");
    expect(d1.value).toBeCloseTo(0.012, 12);
    expect(d1.substituted).toBe("12 ms = 12 ms");
  });

  it("says in a note that the first token uses the stated latency, and that the confidence figures used the calibrated one", () => {
    const at = { ...base, engine: "trtllm" as const, concurrency: 4, priceUsdPerGpuHour: 2 };
    const mine = estimateConfig({ model: LLAMA_70B, gpu: H100, input: input({ ...at, requestOverheadMs: 5 }) });
    const calibrated = engineSettingDefaults("trtllm", H100).requestOverheadMs;
    const note = (mine.notes ?? []).find((n) => n.startsWith("First token with your serving stack's 5 ms"));
    expect(note).toContain(`in place of trtllm's calibrated ${calibrated} ms`);
    const def = estimateConfig({ model: LLAMA_70B, gpu: H100, input: input(at) });
    expect((def.notes ?? []).some((n) => n.includes("serving stack"))).toBe(false);
  });

  it("reaches the CLI as --request-overhead-ms, and a bad one names the flag", async () => {
    const args = ["--model", "llama-3.1-70b", "--gpu", "h100-sxm", "--tp", "4", "--engine", "trtllm", "--concurrency", "1", "--json"];
    const a = JSON.parse((await runCaptured(run, [...args, "--request-overhead-ms", "0"])).out) as { ttftMs: number };
    const b = JSON.parse((await runCaptured(run, [...args, "--request-overhead-ms", "100"])).out) as { ttftMs: number };
    expect(b.ttftMs - a.ttftMs).toBeCloseTo(100, 0);
    const bad = await runCaptured(run, [...args, "--request-overhead-ms", "-3"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--request-overhead-ms");
  });

  it("answers 400 with the field error from the API", async () => {
    const res = await POST(
      new Request("http://localhost/api/estimate", {
        method: "POST",
        body: JSON.stringify({ model: "llama-3.1-8b", gpu: "h100-sxm", requestOverheadMs: -10 }),
        headers: { "content-type": "application/json" },
      }),
    );
    expect(res.status).toBe(400);
    const { errors } = (await res.json()) as { errors: { field: string; message: string }[] };
    expect(errors).toContainEqual({ field: "requestOverheadMs", message: "requestOverheadMs must be at least 0" });
  });

  it("travels in the /calculate address as overhead=, and a bad one is named", () => {
    const v = { ...DEFAULT_VALUES, requestOverheadMs: 15 };
    const qs = encodeCalcUrl(v);
    expect(qs).toContain("overhead=15");
    const back = decodeCalcUrl(new URLSearchParams(qs));
    expect(back.warnings).toEqual([]);
    expect(back.values).toEqual(v);
    const bad = decodeCalcUrl({ overhead: "-1" });
    expect(bad.values.requestOverheadMs).toBeUndefined();
    expect(bad.warnings.join("\n")).toContain("Ignored overhead=-1: requestOverheadMs must be at least 0");
  });
});
