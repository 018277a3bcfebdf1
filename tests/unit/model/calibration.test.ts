import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../lib/model/calib/csv";
import { emitCalibration } from "../../../lib/model/calib/emit";
import { mapCsvRecord, normaliseRow, type CalibRow } from "../../../lib/model/calib/rows";
import { mapPublicRecord } from "../../../lib/model/calib/public";
import { nelderMead } from "../../../lib/model/calib/nelder-mead";
import { CALIBRATION } from "../../../lib/model/calibration.generated";
import { getEngineProfile, PRIOR_FACTORS } from "../../../lib/model/engines";
import { groupStats, mdape, median, shareWithin } from "../../../lib/model/validation-stats";

describe("CSV and row mapping", () => {
  it("parses quoted fields with commas and doubled quotes", () => {
    const rows = parseCsv('a,b,c\n1,"x, y","say ""hi"""\r\n2,,z\n');
    expect(rows).toEqual([
      { a: "1", b: "x, y", c: 'say "hi"' },
      { a: "2", b: "", c: "z" },
    ]);
  });

  const rec = {
    id: "r1", model_path: "deepseek-ai/DeepSeek-R1", system: "b200_sxm", backend: "trtllm", weights: "fp4",
    isl: "1024", osl: "1024", concurrency: "256", batch_size: "32", tp_size: "1", pp_size: "1",
    attention_dp_size: "8", moe_tp_size: "1", moe_ep_size: "8", silicon_ttft_ms: "791.5", silicon_tpot_ms: "23.9",
    silicon_data_source: "x",
  };

  it("maps system, weights and parallelism; dp from attention_dp_size; empty/0 → default", () => {
    const m = mapCsvRecord(rec);
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    expect(m.row).toMatchObject({ gpu: "b200", engine: "trtllm", weights: "fp4", tp: 1, dp: 8, moeTp: 1, moeEp: 8, concurrency: 256 });
    const z = mapCsvRecord({ ...rec, attention_dp_size: "", moe_tp_size: "0", moe_ep_size: "0" });
    expect(z.ok && z.row.dp === 1 && z.row.moeTp === undefined && z.row.moeEp === undefined).toBe(true);
    expect(mapCsvRecord({ ...rec, system: "tpu_v5" }).ok).toBe(false);
  });

  it("keeps the engine release the row recorded, null where backend_version is empty or absent", () => {
    const v = mapCsvRecord({ ...rec, backend_version: "1.2.0rc6.post3" });
    expect(v.ok && v.row.engineVersion).toBe("1.2.0rc6.post3");
    const e = mapCsvRecord({ ...rec, backend_version: "" });
    expect(e.ok && e.row.engineVersion).toBeNull();
    const a = mapCsvRecord(rec);
    expect(a.ok && a.row.engineVersion).toBeNull();
  });

  it("remaps upstream tp×ep encodings on 8-GPU systems back to n GPUs with EP n", () => {
    const base = (mapCsvRecord(rec) as { ok: true; row: CalibRow }).row;
    expect(normaliseRow({ ...base, tp: 64, dp: 1, moeTp: 8, moeEp: 8 }, 8)).toMatchObject({ tp: 8, dp: 1, moeTp: 1, moeEp: 8 });
    expect(normaliseRow({ ...base, tp: 1, dp: 64, moeTp: 8, moeEp: 8 }, 8)).toMatchObject({ tp: 1, dp: 8, moeTp: 1, moeEp: 8 });
    // inside one NVLink domain (GB200 NVL72) the row is taken as written
    const nvl = { ...base, tp: 64, dp: 1, moeTp: 8, moeEp: 8 };
    expect(normaliseRow(nvl, 72)).toBe(nvl);
  });

  it("maps wide NVL72 rows whose tp does not divide the heads to attention DP with the recorded MoE split", () => {
    const base = (mapCsvRecord(rec) as { ok: true; row: CalibRow }).row;
    // 128 heads: 36 ∤ 128 → attention DP 36 (tp 1), experts sliced 36 ways as recorded (moe_tp 36, moe_ep 1)
    const wide = { ...base, gpu: "gb200", tp: 36, dp: 1, moeTp: 36, moeEp: 1 };
    expect(normaliseRow(wide, 72, 128)).toMatchObject({ tp: 1, dp: 36, moeTp: 36, moeEp: 1 });
    // 8 | 128: a real TP layout stays as written
    const tp8 = { ...base, tp: 8, dp: 1, moeTp: 1, moeEp: 8 };
    expect(normaliseRow(tp8, 72, 128)).toBe(tp8);
  });

  it("maps the same wide family at tp 64 (which divides 128 heads) to attention DP on NVL72, but not on an 8-GPU board", () => {
    const base = (mapCsvRecord(rec) as { ok: true; row: CalibRow }).row;
    const tp64 = { ...base, gpu: "gb200", tp: 64, dp: 1, moeTp: 64, moeEp: 1 };
    expect(normaliseRow(tp64, 72, 128)).toMatchObject({ tp: 1, dp: 64, moeTp: 64, moeEp: 1 });
    // tp 16 sliced 16 ways on a 72-GPU domain: wide as well
    expect(normaliseRow({ ...tp64, tp: 16, moeTp: 16 }, 72, 128)).toMatchObject({ tp: 1, dp: 16 });
    // on an HGX board (domain 8) tp 16 = 4 × 4 is rule 1's tp × ep encoding, not this family
    const hgx = { ...base, tp: 16, dp: 1, moeTp: 4, moeEp: 4 };
    expect(normaliseRow(hgx, 8, 128)).toMatchObject({ tp: 4, dp: 1, moeTp: 1, moeEp: 4 });
  });

  it("maps a published DEP row to attention-DP + EP, and skips open-loop rows", () => {
    const pub = {
      model: "DeepSeek-R1", gpu: "B200", tp: "8", pp: "1", ep: "8", precision: "FP4", engine: "TensorRT-LLM 1.0",
      isl: "1024", osl: "1024", concurrency: "", metric: "output_tps_per_gpu", value: "5000", notes: "DEP8 offline",
    };
    const m = mapPublicRecord(pub);
    expect(m.ok && m.c.input).toMatchObject({ tp: 1, dp: 8, moeEp: 8 });
    expect(mapPublicRecord({ ...pub, metric: "ttft_ms" }).ok).toBe(false);
    expect(m.ok && m.c.inProcess).toBe(false);
  });

  it("runs an FP8 column of an MXFP4-only model (gpt-oss on Hopper) as its MXFP4 checkpoint; other labels as written", () => {
    const row = {
      model: "gpt-oss-20b", gpu: "H100", tp: "1", pp: "1", ep: "", precision: "FP8", engine: "TensorRT-LLM 1.1+",
      isl: "1024", osl: "1024", concurrency: "", metric: "output_tps_per_gpu", value: "11403", notes: "offline, all requests queued",
    };
    const m = mapPublicRecord(row);
    expect(m.ok && m.c.input.weights).toBe("fp4");
    const llama = mapPublicRecord({ ...row, model: "Llama-3.3-70B" });
    expect(llama.ok && llama.c.input.weights).toBe("fp8");
    const b200 = mapPublicRecord({ ...row, gpu: "B200", precision: "FP4" });
    expect(b200.ok && b200.c.input.weights).toBe("fp4");
  });

  it("marks a gptSessionBenchmark row as measured in-process (its TTFT is compared with the prefill time)", () => {
    const row = {
      model: "Mistral-7B", gpu: "H100", tp: "1", pp: "1", ep: "", precision: "FP8", engine: "TensorRT-LLM 0.9.0 (gptSessionBenchmark)",
      isl: "128", osl: "1", concurrency: "1", metric: "ttft_ms", value: "6.5", notes: "batch size 1 first-token latency",
    };
    const m = mapPublicRecord(row);
    expect(m.ok && m.c.inProcess).toBe(true);
    const served = mapPublicRecord({ ...row, engine: "TensorRT-LLM 0.10.0 (gptManagerBenchmark, IFB, TensorRT engine)" });
    expect(served.ok && served.c.inProcess).toBe(false);
  });
});

describe("validation statistics", () => {
  it("median, MdAPE and share within ±25 %", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    // APEs: |110−100|/100 = 0.1, |50−100|/100 = 0.5, |100−100|/100 = 0 → median 0.1
    const pairs = [
      { predicted: 110, measured: 100 },
      { predicted: 50, measured: 100 },
      { predicted: 100, measured: 100 },
    ];
    expect(mdape(pairs)).toBeCloseTo(0.1, 12);
    expect(shareWithin(pairs)).toBeCloseTo(2 / 3, 12);
  });

  it("group stats count unpredicted rows in the share but not in the errors", () => {
    const g = groupStats("x", [
      { model: "m", gpu: "g", engine: "e", weights: "w", predicted: true, tpotPred: 12, tpotMeas: 10, ttftPred: 100, ttftMeas: 100 },
      { model: "m", gpu: "g", engine: "e", weights: "w", predicted: false, tpotPred: 0, tpotMeas: 10, ttftPred: 0, ttftMeas: 100 },
    ]);
    expect(g.rows).toBe(2);
    expect(g.predictedShare).toBe(0.5);
    expect(g.tpotMdape).toBeCloseTo(0.2, 12); // |12 − 10| / 10
    expect(g.ttftMdape).toBe(0);
  });
});

describe("fitting machinery", () => {
  it("Nelder–Mead finds the minimum of a shifted quadratic", () => {
    const r = nelderMead((x) => (x[0]! - 1) ** 2 + 3 * (x[1]! + 2) ** 2, [0, 0], { maxEvals: 2000, step: 0.5, tol: 1e-14 });
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(-2, 4);
  });

  it("emits the same file for the same fit (deterministic)", () => {
    const e = {
      generatedOn: "2026-01-01", source: "s", rowsUsed: 3, rowsPerKey: { "vllm:hopper": 3 },
      fitError: { tpotMdape: 0.1, ttftMdape: 0.2 }, factors: { "vllm:hopper": PRIOR_FACTORS },
      fitted: ["bwEff", "stepOverheadS"] as const,
    };
    const a = emitCalibration(e);
    expect(emitCalibration(e)).toBe(a);
    expect(a).toContain('"vllm:hopper": {\n      bwEff: 0.75,\n      stepOverheadS: 0.0015,\n    },');
  });

  it("a factor no calibration row exercises stays at its prior (vLLM has no attention-DP rows)", () => {
    // not fitted, so not written to the calibration file: the profile keeps the prior
    expect(PRIOR_FACTORS.dpBalanceSteps).toBe(10);
    expect(getEngineProfile("vllm:hopper")!.factors.dpBalanceSteps).toBe(10);
    expect(getEngineProfile("vllm:blackwell")!.factors.dpBalanceSteps).toBe(10);
    expect(CALIBRATION.factors["vllm:hopper"]).not.toHaveProperty("dpBalanceSteps");
    // SGLang's waves replace both the burst share and the attention-DP wait: neither is fitted nor written
    expect(CALIBRATION.factors["sglang:blackwell"]).not.toHaveProperty("dpBalanceSteps");
    expect(CALIBRATION.factors["sglang:blackwell"]).not.toHaveProperty("burstFactor");
    expect(CALIBRATION.factors["trtllm:blackwell"]).toHaveProperty("burstFactor");
  });

  it("does not fit or write a factor the engine documents; the profile uses the documented value", () => {
    const e = {
      generatedOn: "2026-01-01", source: "s", rowsUsed: 2, rowsPerKey: { "trtllm:hopper": 1, "sglang:hopper": 1 },
      fitError: { tpotMdape: 0.1, ttftMdape: 0.2 },
      factors: { "trtllm:hopper": { ...PRIOR_FACTORS, dpBalanceSteps: 7 }, "sglang:hopper": { ...PRIOR_FACTORS, dpBalanceSteps: 7 } },
      fitted: ["bwEff", "dpBalanceSteps"] as const,
    };
    const text = emitCalibration(e);
    // TensorRT-LLM documents its attention-DP wait (AttentionDpConfig.timeout_iters = 50): not written
    expect(text).toContain('"trtllm:hopper": {\n      bwEff: 0.75,\n    },');
    // SGLang documents none: fitted and written
    expect(text).toContain('"sglang:hopper": {\n      bwEff: 0.75,\n      dpBalanceSteps: 7,\n    },');
    // the committed calibration holds no fitted value for it, and every TRT-LLM profile uses 50
    for (const [k, f] of Object.entries(CALIBRATION.factors)) {
      if (k.startsWith("trtllm:")) expect(f.dpBalanceSteps).toBeUndefined();
    }
    expect(getEngineProfile("trtllm:hopper")!.factors.dpBalanceSteps).toBe(50);
    expect(getEngineProfile("trtllm:blackwell")!.factors.dpBalanceSteps).toBe(50);
    expect(getEngineProfile("sglang:hopper")!.factors.dpBalanceSteps).not.toBe(50);
    // KV admission: TRT-LLM reserves the whole output (GUARANTEED_NO_EVICT), vLLM and SGLang page on demand
    expect(getEngineProfile("trtllm:blackwell")!.factors.kvOutputShare).toBe(1);
    expect(getEngineProfile("vllm:hopper")!.factors.kvOutputShare).toBe(0.5);
    expect(getEngineProfile("sglang:blackwell")!.factors.kvOutputShare).toBe(0.5);
    // TRT-LLM's free_gpu_memory_fraction is of the memory free after loading; the others' of the whole GPU
    expect(getEngineProfile("trtllm:hopper")!.factors.kvMemOfFree).toBe(1);
    expect(getEngineProfile("vllm:blackwell")!.factors.kvMemOfFree).toBe(0);
    // SGLang's chunked_prefill_size depends on the GPU's memory: 8192 on H100/H200, 16384 on B200/GB200
    expect(getEngineProfile("sglang:hopper")!.factors.prefillChunkTokens).toBe(8192);
    expect(getEngineProfile("sglang:blackwell")!.factors.prefillChunkTokens).toBe(16384);
    expect(getEngineProfile("vllm:blackwell")!.factors.prefillChunkTokens).toBe(8192);
  });
});
