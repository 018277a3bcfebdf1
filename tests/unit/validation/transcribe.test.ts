import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { aicRow } from "../../../scripts/transcribe/aic";
import { parseCsv } from "../../../scripts/transcribe/csv";
import { publicRow } from "../../../scripts/transcribe/public";
import { renderModules, stampedDate, transcribe } from "../../../scripts/transcribe/render";
import { MEASURED_ROWS, PROVENANCE } from "../../../lib/validation/measurements.generated";
import { PUBLIC_ROWS } from "../../../lib/validation/public-measurements.generated";

const shared = path.resolve(process.cwd(), "../shared");
const haveShared = existsSync(shared);
if (!haveShared) console.warn(`skipping transcription checks against ../shared: ${shared} is absent`);

describe("parseCsv", () => {
  it("handles quotes, doubled quotes, commas and newlines inside fields", () => {
    const rows = parseCsv('a,b,c\n1,"x, ""y""",3\r\n"multi\nline",,z\n');
    expect(rows).toEqual([
      { a: "1", b: 'x, "y"', c: "3" },
      { a: "multi\nline", b: "", c: "z" },
    ]);
  });
  it("rejects a row with the wrong number of fields, naming it", () => {
    expect(() => parseCsv("a,b\n1,2,3\n")).toThrow(/row 1: 3 fields, header has 2/);
  });
});

describe("aicRow", () => {
  const rec = {
    id: "x_1",
    model_path: "nvidia/DeepSeek-R1-NVFP4",
    system: "b200_sxm",
    backend: "trtllm",
    backend_version: "1.3.0rc1",
    weights: "fp4",
    isl: "4000",
    osl: "1000",
    concurrency: "224",
    batch_size: "56",
    tp_size: "4",
    pp_size: "1",
    attention_dp_size: "",
    moe_tp_size: "1",
    moe_ep_size: "4",
    silicon_ttft_ms: "588.61",
    silicon_tpot_ms: "90.84",
    silicon_data_source: "source_file=b200_sxm/a.csv; measured=2026-03-17; image=x",
  };
  it("maps paths and systems to catalog ids and keeps the provenance", () => {
    const r = aicRow(rec);
    expect(r).toMatchObject({
      model: "deepseek-r1",
      gpu: "b200",
      engine: "trtllm",
      weights: "fp4",
      dp: 1,
      moeEp: 4,
      ttftMs: 588.61,
      tpotMs: 90.84,
      measured: "2026-03-17",
    });
    expect(r.source).toContain("aiconfigurator@095f58a");
    expect(r.source).toContain("id=x_1");
    expect(r.source).toContain("source_file=b200_sxm/a.csv");
  });
  it("reads an attention DP of 0 as 1 and names a bad column", () => {
    expect(aicRow({ ...rec, attention_dp_size: "0" }).dp).toBe(1);
    expect(() => aicRow({ ...rec, system: "tpu" })).toThrow(/x_1: unknown system "tpu"/);
    expect(() => aicRow({ ...rec, isl: "abc" })).toThrow(/x_1: isl/);
  });
});

describe("publicRow", () => {
  const base = {
    source: "s",
    source_detail: "d",
    model: "DeepSeek-R1-0528",
    gpu: "B200",
    num_gpus: "4",
    tp: "4",
    pp: "1",
    ep: "4",
    precision: "FP4",
    engine: "TensorRT-LLM 1.1+/main docs (trtllm-bench throughput, PyTorch backend)",
    isl: "1000",
    osl: "1000",
    concurrency: "",
    metric: "output_tps_per_gpu",
    value: "6463",
    unit: "tok/s/gpu",
    notes: "DEP4 = attention data parallel + expert parallel over 4 GPUs",
  };
  it("reads DEPn as attention DP n with expert parallel n", () => {
    const r = publicRow(base, 7);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.row).toMatchObject({ model: "deepseek-r1", gpu: "b200", tp: 1, dp: 4, moeTp: 1, moeEp: 4 });
      expect(r.row.concurrency).toBeNull();
    }
  });
  it("transcribes an FP8 column of gpt-oss (an MXFP4-only checkpoint) as fp4 weights with an FP8 KV cache", () => {
    const r = publicRow({ ...base, model: "gpt-oss-120b", gpu: "H100", precision: "FP8" }, 3);
    expect(r.ok && r.row).toMatchObject({ model: "gpt-oss-120b", weights: "fp4", kv: "fp8" });
    const dense = publicRow({ ...base, model: "Llama-3.3-70B", gpu: "H100", precision: "FP8" }, 4);
    expect(dense.ok && dense.row).toMatchObject({ weights: "fp8", kv: "fp8" });
  });
  it("reads a stated MTP draft count as speculative decoding to predict, not a suspect figure", () => {
    const notes = "min-latency: batch 1, ISL 1K/OSL 2K real dataset, 10 requests, MTP speculative decoding (3 nextn layers) ENABLED";
    const r = publicRow({ ...base, notes }, 5);
    expect(r.ok && r.row).toMatchObject({ mtpDraftTokens: 3, suspect: false });
    const vague = publicRow({ ...base, notes: "speculative decoding (Eagle) ENABLED" }, 6);
    expect(vague.ok && vague.row.suspect).toBe(true);
    expect(vague.ok && vague.row.mtpDraftTokens).toBeUndefined();
    expect(publicRow(base, 7).ok && (publicRow(base, 7) as { row: { mtpDraftTokens?: number } }).row.mtpDraftTokens).toBeUndefined();
  });
  it("says why a figure cannot be expressed", () => {
    expect(publicRow({ ...base, engine: "LMDeploy v0.1.0a1 (TurboMind)" }, 1)).toEqual({
      ok: false,
      reason: "engine not modelled: LMDeploy v0.1.0a1 (TurboMind)",
    });
    expect(publicRow({ ...base, model: "GPT-J-6B" }, 1)).toEqual({ ok: false, reason: "model not in catalog: GPT-J-6B" });
  });
});

describe.skipIf(!haveShared)("transcription of ../shared", () => {
  const aic = haveShared ? readFileSync(path.join(shared, "calibration/aic-silicon-agg.csv"), "utf8") : "";
  const pub = haveShared ? readFileSync(path.join(shared, "reference/measurements-public.csv"), "utf8") : "";

  it("is deterministic", () => {
    const a = renderModules(transcribe(aic, pub), "2026-01-01");
    const b = renderModules(transcribe(aic, pub), "2026-01-01");
    expect(a.measured).toBe(b.measured);
    expect(a.published).toBe(b.published);
  });

  it("ships every row of the calibration CSV", () => {
    // data rows = non-empty lines − header (no field of this file spans lines)
    const csvRows = aic.split("\n").filter((l) => l.trim() !== "").length - 1;
    expect(MEASURED_ROWS.length).toBe(csvRows);
    expect(PROVENANCE.aic.csvRows).toBe(csvRows);
  });

  it("the committed modules are what `npm run transcribe` produces today", () => {
    const t = transcribe(aic, pub);
    const date = stampedDate(readFileSync(path.resolve("lib/validation/measurements.generated.ts"), "utf8"));
    expect(date).not.toBeNull();
    const fresh = renderModules(t, date!);
    expect(readFileSync(path.resolve("lib/validation/measurements.generated.ts"), "utf8")).toBe(fresh.measured);
    expect(readFileSync(path.resolve("lib/validation/public-measurements.generated.ts"), "utf8")).toBe(
      fresh.published,
    );
    expect(PUBLIC_ROWS.length).toBe(t.published.length);
  });
});
