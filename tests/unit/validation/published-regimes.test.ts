import { describe, expect, it } from "vitest";
import { getGpu, getModel } from "../../../lib/catalog";
import {
  buildConfidenceTable,
  judgeRegime,
  judgementSummary,
  lookupConfidence,
  publishedLevel,
  toBadgeTable,
} from "../../../lib/validation/confidence";
import { knownFailureModes } from "../../../lib/validation/failure-modes";
import type { PublicComparison } from "../../../lib/validation/public-compare";
import { publishedByRegime } from "../../../lib/validation/published-regimes";
import type { ErrorSummary } from "../../../lib/validation/stats";
import type { PublicRow } from "../../../lib/validation/types";
import { scored } from "./fixtures";

const publicRow = (over: Partial<PublicRow> = {}): PublicRow => ({
  row: 1,
  modelName: "Llama-3.1-8B",
  model: "llama-3.1-8b",
  modelNote: null,
  gpuName: "H100",
  gpu: "h100-sxm",
  engine: "vllm",
  engineLabel: "test",
  weights: "fp8",
  kv: null,
  numGpus: 1,
  tp: 1,
  pp: 1,
  dp: 1,
  moeTp: null,
  moeEp: null,
  isl: 1024,
  osl: 512,
  concurrency: 16,
  metric: "output_tps_total",
  value: 1000,
  unit: "tok/s",
  suspect: false,
  source: "test",
  sourceDetail: "",
  notes: "",
  ...over,
});

const compared = (err: number | null, over: Partial<PublicRow> = {}, concurrencyUsed: number | null = 16): PublicComparison => {
  const row = publicRow(over);
  return {
    row,
    mode: row.concurrency === null ? "capacity" : "stated",
    concurrencyUsed,
    predicted: err === null ? null : row.value * (1 + err),
    err,
    problem: err === null ? "does not fit" : null,
  };
};

const resolve = { getModel, getGpu };
const ID = "regime_dense_b9-64_hopper_vllm_ctx-le2k";

describe("publishedByRegime", () => {
  it("groups predicted throughput figures under the regime ids of the measured rows, with their MdAPE", () => {
    // three dense Hopper vLLM figures at batch 16, ISL+OSL ≤ 2k: errors +10 %, −40 %, +20 % → MdAPE 20 %
    const r = publishedByRegime([compared(0.1), compared(-0.4), compared(0.2)], resolve);
    expect(r[ID]).toEqual({ rows: 3, throughputMdape: expect.closeTo(0.2, 12) });
    expect(r["regime_all"]?.rows).toBe(3);
    // the ids the measured rows of the same regime build
    const measured = buildConfidenceTable(Array.from({ length: 3 }, () => scored(0.1, 0.1)));
    expect(Object.keys(r).sort()).toEqual(Object.keys(measured.byId).sort());
  });

  it("places a figure by the batch it was predicted at, its model's architecture and its GPU's generation", () => {
    const r = publishedByRegime(
      [compared(0.1, { concurrency: null }, 2048), compared(0.1, { model: "deepseek-r1", gpu: "b200", engine: "trtllm" }, 4)],
      resolve,
    );
    expect(r["regime_dense_b65-up_hopper_vllm_ctx-le2k"]?.rows).toBe(1);
    expect(r["regime_moe_b1-8_blackwell_trtllm_ctx-le2k"]?.rows).toBe(1);
  });

  it("leaves out TTFT figures, suspect figures, unpredicted figures and models or GPUs outside the catalog", () => {
    const r = publishedByRegime(
      [
        compared(0.1),
        compared(0.1, { metric: "ttft_ms" }),
        compared(0.1, { suspect: true }),
        compared(null),
        compared(0.1, { model: "no-such-model" }),
        compared(0.1, { gpu: "no-such-gpu" }),
        compared(0.5, { metric: "itl_ms" }),
      ],
      resolve,
    );
    expect(r["regime_all"]?.rows).toBe(2);
  });
});

describe("a regime judged on published figures as well", () => {
  const summary: ErrorSummary = {
    rows: 40, predicted: 40, sharePredicted: 1, tpotMdape: 0.08, ttftMdape: 0.2,
    tpotBias: 0, ttftBias: 0, tpotWithinBand: 1, ttftWithinBand: 1,
  };

  it("judges published throughput on the TPOT limits, and not at all under the minimum count", () => {
    expect(publishedLevel({ rows: 20, throughputMdape: 0.15 })?.level).toBe("high");
    expect(publishedLevel({ rows: 19, throughputMdape: 0.05 })?.level).toBe("medium");
    expect(publishedLevel({ rows: 40, throughputMdape: 0.151 })?.level).toBe("medium");
    expect(publishedLevel({ rows: 40, throughputMdape: 0.3 })?.level).toBe("medium");
    expect(publishedLevel({ rows: 40, throughputMdape: 0.301 })?.level).toBe("low");
    expect(publishedLevel({ rows: 7, throughputMdape: 0.9 })).toBeNull();
  });

  it("lowers a level the published figures do not support, saying why, and never raises one", () => {
    const j = judgeRegime(summary, null, { rows: 30, throughputMdape: 0.35 });
    expect(j.level).toBe("low");
    expect(j.reasons.join(" ")).toContain("on published figures (other harnesses and releases): throughput MdAPE 35 % over 30 published figures → low");
    expect(judgeRegime(summary, null, { rows: 30, throughputMdape: 0.1 }).level).toBe("high");
    expect(judgeRegime({ ...summary, tpotMdape: 0.4 }, null, { rows: 30, throughputMdape: 0.01 }).level).toBe("low");
    // too few figures: noted nowhere, level unchanged
    expect(judgeRegime(summary, null, { rows: 3, throughputMdape: 0.9 })).toEqual(judgeRegime(summary, null));
  });

  it("takes the lowest of in-sample, held-out and published levels", () => {
    const j = judgeRegime(summary, { rows: 40, tpotMdape: 0.2, ttftMdape: 0.2 }, { rows: 30, throughputMdape: 0.5 });
    expect(j.level).toBe("low");
    expect(judgeRegime(summary, { rows: 40, tpotMdape: 0.5, ttftMdape: 0.2 }, { rows: 30, throughputMdape: 0.2 }).level).toBe("low");
  });

  it("carries the published figures to the table, the badge and the failure modes", () => {
    const rows = Array.from({ length: 20 }, () => scored(0.1, -0.2));
    const table = buildConfidenceTable(rows, undefined, { [ID]: { rows: 12, throughputMdape: 0.45 } });
    expect(table.byId[ID]?.judgement.level).toBe("low");
    expect(table.byId[ID]?.published).toEqual({ rows: 12, throughputMdape: 0.45 });
    expect(buildConfidenceTable(rows).byId[ID]?.judgement.level).toBe("high");
    const a = lookupConfidence(toBadgeTable(table), { arch: "dense", batch: "b9-64", context: "ctx-le2k", generation: "hopper", engine: "vllm" });
    expect([a.level, a.publishedThroughputMdape, a.publishedRows]).toEqual(["low", 0.45, 12]);
    const modes = knownFailureModes(table);
    expect(modes.map((m) => m.regime.id)).toContain(ID);
    expect(modes.find((m) => m.regime.id === ID)?.text).toContain("on 12 published figures, throughput MdAPE 45 %");
  });
});

describe("judgementSummary", () => {
  it("counts the judged regimes by level and which evidence lowered them", () => {
    const rows = Array.from({ length: 20 }, () => scored(0.1, -0.2));
    const plain = judgementSummary(buildConfidenceTable(rows));
    // 20 identical dense Hopper vLLM rows: every group along the chain and each single dimension, all high
    expect(plain.judged).toBe(Object.keys(buildConfidenceTable(rows).byId).length);
    expect(plain.levels).toEqual({ low: 0, medium: 0, high: plain.judged });
    expect([plain.loweredByHeldOut, plain.loweredByPublished, plain.withPublished]).toEqual([0, 0, 0]);
    const s = judgementSummary(
      buildConfidenceTable(
        rows,
        { regime_all: { rows: 20, tpotMdape: 0.2, ttftMdape: 0.2 } },
        { [ID]: { rows: 12, throughputMdape: 0.45 }, regime_dense: { rows: 30, throughputMdape: 0.05 } },
      ),
    );
    expect([s.loweredByHeldOut, s.loweredByPublished, s.withPublished]).toEqual([1, 1, 2]);
    expect(s.levels).toEqual({ low: 1, medium: 1, high: plain.judged - 2 });
  });
});

describe("pipelineFigures", () => {
  it("judges the published throughput figures with pp > 1 only, suspect and latency figures left out", async () => {
    const { pipelineFigures } = await import("../../../lib/validation/published-regimes");
    const cmp = (pp: number, err: number, over: Record<string, unknown> = {}) =>
      ({ row: { pp, suspect: false, metric: "output_tps_total", ...over }, mode: "capacity", concurrencyUsed: 64, predicted: 1, err, problem: null }) as never;
    // eight pp > 1 throughput figures: |errors| 0.1 … 0.45 → median (0.25 + 0.3) / 2 = 0.275 → medium (≤ 30 %), not high (< 20 figures)
    const list = [0.1, -0.15, 0.2, -0.25, 0.3, -0.35, 0.4, -0.45].map((e) => cmp(4, e));
    const out = pipelineFigures([...list, cmp(1, 5), cmp(2, 5, { suspect: true }), cmp(2, 5, { metric: "ttft_ms" })])!;
    expect(out.rows).toBe(8);
    expect(out.throughputMdape).toBeCloseTo(0.275, 12);
    expect(out.level).toBe("medium");
    // fewer than 8 figures: low, saying why; none: undefined
    expect(pipelineFigures(list.slice(0, 3))!.level).toBe("low");
    expect(pipelineFigures([cmp(1, 0.1)])).toBeUndefined();
  });
});
