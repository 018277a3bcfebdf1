import { describe, expect, it } from "vitest";
import { runEstimate } from "../../lib/run-estimate";
import { DEEPSEEK_V3, GPT_OSS, LLAMA } from "./catalog/hf-fixtures";

const base = { model: "llama-3.1-70b", gpu: "h100-sxm", tp: 2, weights: "fp8", kv: "bf16" };

function errorsOf(raw: unknown, opts?: Parameters<typeof runEstimate>[1]) {
  const r = runEstimate(raw, opts);
  if (r.ok) throw new Error("expected field errors");
  expect(r.status).toBe(400);
  return r.errors;
}

describe("runEstimate: validation → field errors", () => {
  it("names a bad number field with the schema's message", () => {
    const e = errorsOf({ ...base, tp: "two" });
    expect(e).toContainEqual({ field: "tp", message: "tp must be a number" });
  });
  it("rejects non-objects at the root", () => {
    for (const raw of [null, "llama", 42, []]) expect(errorsOf(raw)[0]!.field).toBe("request");
  });
  it("lists valid values for an unknown model and an unknown GPU, both at once", () => {
    const e = errorsOf({ ...base, model: "llama-9", gpu: "h900" });
    const model = e.find((x) => x.field === "model")!;
    const gpu = e.find((x) => x.field === "gpu")!;
    expect(model.message).toContain('unknown model "llama-9"');
    expect(model.message).toContain("llama-3.1-8b");
    expect(gpu.message).toContain('unknown gpu "h900"');
    expect(gpu.message).toContain("h100-sxm");
    expect(gpu.message).toContain("mi300x");
  });
  it("wants exactly one model source", () => {
    expect(errorsOf({ ...base, hfConfigJson: LLAMA })[0]!.field).toBe("model");
    const { model: _m, ...noModel } = base;
    expect(errorsOf(noModel)[0]!.field).toBe("model");
  });
  it("bad enum values name the valid ones", () => {
    const e = errorsOf({ ...base, engine: "tgi" });
    expect(e[0]).toEqual({ field: "engine", message: "engine must be one of vllm, sglang, trtllm" });
  });
});

describe("runEstimate: config.json", () => {
  const { model: _m, ...noModel } = base;
  it("imports a pasted config (hfConfigJson)", () => {
    const r = runEstimate({ ...noModel, hfConfigJson: LLAMA });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.model.layers).toBe(32); // num_hidden_layers in the fixture
      expect(r.model.hiddenSize).toBe(4096);
    }
  });
  it("names the missing config field", () => {
    const { num_hidden_layers: _n, ...broken } = LLAMA;
    const e = errorsOf({ ...noModel, hfConfigJson: broken });
    expect(e[0]!.field).toBe("hfConfigJson.num_hidden_layers");
    expect(e[0]!.message).toContain("num_hidden_layers");
  });
  it("estimates a config of a family the importer does not know, and names an unreadable field of one", () => {
    const r = runEstimate({ ...noModel, gpu: "h200-sxm", tp: 8, hfConfigJson: { ...DEEPSEEK_V3, model_type: "kimi_k2", hidden_act: "silu" } });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.model.attention.kind).toBe("mla");
    const e = errorsOf({ ...noModel, hfConfigJson: { ...LLAMA, model_type: "falcon_h1", hidden_act: "silu", mamba_d_state: 128 } });
    expect(e[0]!.field).toBe("hfConfigJson.mamba_d_state");
    expect(e[0]!.message).toContain('model_type "falcon_h1" is not a family the importer knows');
  });
  it("rejects a server path unless a reader is given (API)", () => {
    const e = errorsOf({ ...noModel, hfConfig: "/etc/passwd" });
    expect(e[0]!.field).toBe("hfConfig");
    expect(e[0]!.message).toContain("hfConfigJson");
  });
  it("reads a path through opts.readHfConfig (CLI)", () => {
    const seen: string[] = [];
    const r = runEstimate({ ...noModel, hfConfig: "my/config.json" }, { readHfConfig: (p) => (seen.push(p), LLAMA) });
    expect(seen).toEqual(["my/config.json"]);
    expect(r.ok).toBe(true);
  });
  it("reports an unreadable path as a field error", () => {
    const e = errorsOf(
      { ...noModel, hfConfig: "nope.json" },
      {
        readHfConfig: () => {
          throw new Error("ENOENT: no such file");
        },
      },
    );
    expect(e[0]).toEqual({ field: "hfConfig", message: "cannot read nope.json: ENOENT: no such file" });
  });
});

describe("runEstimate: results", () => {
  it("uses the request's price: 2 GPUs × $2.50 = $5/h, × 730.5 h = $3,652.50/month", () => {
    const r = runEstimate({ ...base, priceUsdPerGpuHour: 2.5 });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.price.source).toBe("request");
    expect(r.result.gpusPerReplica).toBe(2);
    expect(r.result.costUsdPerHour).toBeCloseTo(5, 9);
    expect(r.result.costUsdPerMonth).toBeCloseTo(3652.5, 6);
  });
  it("falls back to the catalog price and says so", () => {
    const r = runEstimate(base);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.price.source).toBe("catalog");
    expect(r.input.priceUsdPerGpuHour).toBe(r.price.usdPerGpuHour);
    expect(r.result.costUsdPerHour).toBeCloseTo(2 * r.price.usdPerGpuHour, 9);
    expect(r.result.notes?.some((n) => n.startsWith("Price: $"))).toBe(true);
  });
  it("explain adds derivations: KV per token of a 70B at 16 bit = 2·80·8·128·2 = 327,680 B", () => {
    const lean = runEstimate(base);
    expect(lean.ok && lean.result.derivations).toBeFalsy();
    const r = runEstimate(base, { explain: true });
    if (!r.ok) throw new Error("unexpected errors");
    const kv = r.result.derivations!.find((d) => d.key === "kv.bytesPerToken")!;
    expect(kv.value).toBe(327_680);
    expect(r.result.derivations!.map((d) => d.key)).toContain("tpot");
  });
  it("an impossible but valid request is ok:true with fits=false and a reason", () => {
    // 405B at bf16 ≈ 810 GB of weights cannot fit one 80 GB GPU.
    const r = runEstimate({ model: "llama-3.1-405b", gpu: "h100-sxm", weights: "bf16" });
    if (!r.ok) throw new Error("unexpected errors");
    expect(r.result.fits).toBe(false);
    expect(r.result.problems.join(" ")).toMatch(/Does not fit/);
  });
  it("keeps the request id", () => {
    const r = runEstimate({ ...base, id: "abc" });
    expect(r.ok && r.input.id).toBe("abc");
  });
});

describe("runEstimate: weights default to the precision the checkpoint ships in", () => {
  const ok = (raw: unknown) => {
    const r = runEstimate(raw);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r;
  };
  const h200 = { gpu: "h200-sxm", tp: 8, isl: 1024, osl: 256, concurrency: 4 };

  it("a pasted config with quantization_config fp8 (DeepSeek-V3) runs at fp8 and says why", () => {
    const r = ok({ ...h200, hfConfigJson: DEEPSEEK_V3 });
    expect(r.input.weights).toBe("fp8");
    expect(r.result.notes?.join(" ")).toContain("Weights: fp8, the precision the checkpoint ships in");
    // the same request at bf16 holds twice the weight bytes
    const bf16 = ok({ ...h200, hfConfigJson: DEEPSEEK_V3, weights: "bf16" });
    expect(bf16.input.weights).toBe("bf16");
    expect(bf16.result.memory.weights / r.result.memory.weights).toBeGreaterThan(1.8);
    expect(bf16.result.notes?.join(" ") ?? "").not.toContain("ships in");
  });

  it("an MXFP4 config (gpt-oss) runs at fp4; a catalog model with a native precision too", () => {
    expect(ok({ ...h200, tp: 1, hfConfigJson: GPT_OSS }).input.weights).toBe("fp4");
    expect(ok({ ...h200, model: "deepseek-r1" }).input.weights).toBe("fp8");
  });

  it("a config without quantization_config stays at bf16, without a note", () => {
    const r = ok({ ...h200, tp: 1, hfConfigJson: LLAMA });
    expect(r.input.weights).toBe("bf16");
    expect(r.result.notes?.join(" ") ?? "").not.toContain("Weights:");
  });

  it("a checkpoint in a precision the estimator does not model (int8) stays at bf16 and says so", () => {
    const int8 = { ...LLAMA, quantization_config: { quant_method: "gptq", bits: 8 } };
    const r = ok({ ...h200, tp: 1, hfConfigJson: int8 });
    expect(r.input.weights).toBe("bf16");
    expect(r.result.notes?.join(" ")).toContain("the checkpoint ships int8 weights, which the estimator does not model");
  });
});

describe("catalog notes", () => {
  it("an estimate of a catalog model carries what its entry says of the architecture, under the model's name", () => {
    const r = runEstimate({ model: "nemotron-3-nano-30b-a3b", gpu: "h100-sxm", tp: 1 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const note = (r.result.notes ?? []).find((n) => n.startsWith("Nemotron 3 Nano 30B-A3B (catalog): "));
    expect(note).toContain("23 Mamba-2 mixers");
    expect(note).toContain("No measured run of a Mamba-2 model backs the estimate");
  });
});
