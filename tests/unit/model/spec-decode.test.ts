import { describe, expect, it } from "vitest";
import { run } from "../../../cli/commands/estimate";
import { runCaptured } from "../cli/fake-io";
import { importHfConfig } from "../../../lib/catalog/hf-import";
import { getModel } from "../../../lib/catalog/models";
import type { ModelArch } from "../../../lib/catalog/types";
import { profileFor } from "../../../lib/model/engines";
import { estimateConfig, estimateCore } from "../../../lib/model/estimate";
import { resolveLayout } from "../../../lib/model/layout";
import { memoryPerGpu } from "../../../lib/model/memory";
import { buildSetup } from "../../../lib/model/setup";
import { acceptanceLength, specDecodeOf } from "../../../lib/model/spec-decode";
import { decodeStep, draftPass } from "../../../lib/model/step";
import { estimateInputSchema } from "../../../lib/plan/estimate-input";
import { B200, DEEPSEEK_V3, LLAMA_8B, H100_SXM, input } from "./fixtures";

/** The fixture DeepSeek-V3 with one MTP module and made-up acceptance rates (80 % first, 50 % later). */
const DS_MTP: ModelArch = { ...DEEPSEEK_V3, mtp: { modules: 1, acceptance: { first: 0.8, later: 0.5, source: "test" } } };

function setupWith(spec: { draftTokens: number; acceptanceLength: number; modules: number } | null) {
  const l = resolveLayout(DS_MTP, B200, { tp: 8, pp: 1, dp: 1 });
  return buildSetup(DS_MTP, B200, l, profileFor("trtllm", B200).factors, "fp4", "fp8", spec);
}

describe("acceptance length from per-draft acceptance rates", () => {
  it("is 1 + a₁ · (1 + a + … + a^(k−1)), worked by hand", () => {
    const a = { first: 0.8, later: 0.5, source: "t" };
    expect(acceptanceLength(a, 0)).toBe(1);
    expect(acceptanceLength(a, 1)).toBeCloseTo(1.8, 12);
    expect(acceptanceLength(a, 3)).toBeCloseTo(1 + 0.8 * (1 + 0.5 + 0.25), 12); // 2.4
    expect(acceptanceLength({ ...a, later: 1 }, 4)).toBeCloseTo(1 + 0.8 * 4, 12);
  });

  it("DeepSeek-R1's published rates give 2.75 tokens a verify pass at 3 drafts, 1.875 at 1", () => {
    const r1 = getModel("deepseek-r1");
    expect(r1?.mtp?.modules).toBe(1);
    const acc = r1!.mtp!.acceptance!;
    // 1 + 0.875 · (1 + 0.62 + 0.62²) = 2.7538
    expect(acceptanceLength(acc, 3)).toBeCloseTo(2.7538, 3);
    expect(acceptanceLength(acc, 1)).toBeCloseTo(1.875, 12);
    expect(acc.source).toContain("2412.19437");
  });
});

describe("a decode iteration with k draft tokens", () => {
  const ctx = 2048;
  const b = 16;

  it("verifies k + 1 tokens per sequence: 4× the attention and LM-head FLOPs, the KV read once, and k draft passes", () => {
    const plain = decodeStep(setupWith(null), b, ctx);
    const s = setupWith({ draftTokens: 3, acceptanceLength: 2.4, modules: 1 });
    const spec = decodeStep(s, b, ctx);
    expect(spec.bytesKv).toBeCloseTo(plain.bytesKv, 6);
    expect(spec.flopsAttnCore).toBeCloseTo(4 * plain.flopsAttnCore, 0);
    expect(spec.flopsLmHead).toBeCloseTo(4 * plain.flopsLmHead, 0);
    // 64 tokens touch more of the 256 experts than 16 do: more expert bytes read
    expect(spec.bytesExperts).toBeGreaterThan(plain.bytesExperts * 1.5);
    expect(spec.tDraft).toBeCloseTo(3 * draftPass(s, b, ctx), 12);
    expect(plain.tDraft).toBe(0);
  });

  it("a draft pass is one mean layer of the plain step plus the LM head, composed by hand", () => {
    const s = setupWith({ draftTokens: 2, acceptanceLength: 2, modules: 1 });
    const plain = decodeStep(setupWith(null), b, ctx);
    const f = s.f;
    // LM head over b rows on one of 8 TP ranks: 2·b·V·d FLOPs, V·d·2 bytes
    const V = 129280;
    const d = 7168;
    const lm = Math.max((2 * b * V * d) / 8 / (s.peakDense * f.flopEff), (V * d * 2) / 8 / (B200.hbmBandwidth * f.bwEff));
    expect(draftPass(s, b, ctx)).toBeCloseTo((plain.t - lm - f.stepOverheadS) / 61 + lm, 12);
  });

  it("TPOT is the iteration over τ: all drafts rejected is slower than no drafts; accepted ones make it faster", () => {
    const raw = { model: "x", gpu: "x", engine: "trtllm", weights: "fp4", tp: 8, isl: 1024, osl: 1024, concurrency: 4 };
    const off = estimateConfig({ model: DS_MTP, gpu: B200, input: input(raw) });
    const rejected = estimateConfig({ model: DS_MTP, gpu: B200, input: input({ ...raw, mtpDraftTokens: 3, mtpAcceptanceLength: 1 }) });
    const published = estimateConfig({ model: DS_MTP, gpu: B200, input: input({ ...raw, mtpDraftTokens: 3 }) });
    expect(rejected.tpotMs).toBeGreaterThan(off.tpotMs);
    expect(published.tpotMs).toBeLessThan(off.tpotMs);
    // the published rates of the fixture give τ = 2.4; the same τ given explicitly is the same estimate
    const given = estimateConfig({ model: DS_MTP, gpu: B200, input: input({ ...raw, mtpDraftTokens: 3, mtpAcceptanceLength: 2.4 }) });
    expect(given.tpotMs).toBeCloseTo(published.tpotMs, 9);
    const core = estimateCore({ model: DS_MTP, gpu: B200, input: input({ ...raw, mtpDraftTokens: 3, mtpAcceptanceLength: 2.4 }) });
    const srv = core.serving;
    const tbar = (1 - srv.prefillStepShare) * srv.decode.t + srv.prefillStepShare * srv.mixed.t;
    expect(srv.tpot).toBeCloseTo(tbar / 2.4, 12);
  });

  it("the derivations show the drafts: τ in TPOT, k + 1 rows in the overhead, the module in the weights", () => {
    const raw = { model: "x", gpu: "x", engine: "trtllm", weights: "fp4", tp: 8, isl: 1024, osl: 1024, concurrency: 4, mtpDraftTokens: 3 };
    const r = estimateConfig({ model: DS_MTP, gpu: B200, input: input(raw), explain: true });
    const by = (k: string) => r.derivations?.find((d) => d.key === k);
    expect(by("tpot")?.formula).toContain("/ τ");
    expect(by("tpot")?.substituted).toContain("/ 2.4 =");
    expect(by("step.overhead")?.formula).toContain("t_seq · (k + 1) · b · L");
    expect(by("step.overhead")?.substituted).toMatch(/· \(4 · [\d.]+( \+ 1)?\) · 61 =/);
    expect(by("memory.weights")?.substituted).toContain("· (1 + 1 / 61) =");
    expect(r.notes?.join(" ")).toContain("2.40 tokens kept per verify pass (from DeepSeek-V3 (fixture)'s published acceptance rates, 80 % for the first draft and 50 % for each later one");
  });

  it("SGLang's waves divide the decode part by τ too", () => {
    const raw = { model: "x", gpu: "x", engine: "sglang", weights: "fp4", tp: 8, isl: 1024, osl: 1024, concurrency: 8 };
    const off = estimateCore({ model: DS_MTP, gpu: B200, input: input(raw) }).serving;
    const on = estimateCore({ model: DS_MTP, gpu: B200, input: input({ ...raw, mtpDraftTokens: 1, mtpAcceptanceLength: 1.8 }) }).serving;
    expect(on.schedule).toBe("waves");
    expect(on.tpot).toBeCloseTo(on.decode.t / 1.8 + ((on.prefillPasses - on.meanPrefillPass) * on.mixed.t) / 1023, 12);
    expect(on.tpot).toBeLessThan(off.tpot);
  });

  it("loads the MTP module's weights (one mean layer more) and keeps its KV (one layer more, room for the drafts)", () => {
    const s = setupWith({ draftTokens: 3, acceptanceLength: 2.4, modules: 1 });
    const m = memoryPerGpu(s, 8, 1024, 1024);
    expect(m.weights).toBeCloseTo(s.wg.total * (1 + 1 / 61), 0);
    const plain = memoryPerGpu(setupWith(null), 8, 1024, 1024);
    expect(plain.weights).toBe(s.wg.total);
    // MLA: (512 + 64) elements · 1 B (FP8 cache) · 61 layers per token, replicated on every TP rank
    expect(plain.kvPerRequest).toBeCloseTo(576 * 61 * 2048, 0);
    expect(m.kvPerRequest).toBeCloseTo(576 * 61 * (2048 + 3) * (1 + 1 / 61), 0);
    expect(m.maxConcurrency).toBeLessThan(plain.maxConcurrency);
  });
});

describe("what a request may ask for", () => {
  const raw = { model: "x", gpu: "x", engine: "trtllm", weights: "fp4", tp: 8, isl: 1024, osl: 1024, concurrency: 4 };

  it("a model without an MTP module, or without published rates and no length given, is a problem naming the field", () => {
    const llama = estimateConfig({ model: LLAMA_8B, gpu: H100_SXM, input: input({ ...raw, weights: "fp8", tp: 1, mtpDraftTokens: 2 }) });
    expect(llama.fits).toBe(false);
    expect(llama.problems.join(" ")).toContain("num_nextn_predict_layers");
    const unknown: ModelArch = { ...DEEPSEEK_V3, mtp: { modules: 1, acceptance: null } };
    const r = specDecodeOf(input({ ...raw, mtpDraftTokens: 2 }), unknown);
    expect(r.problem).toContain("mtpAcceptanceLength");
    expect(specDecodeOf(input({ ...raw, mtpDraftTokens: 2, mtpAcceptanceLength: 2.2 }), unknown).spec).toEqual({
      draftTokens: 2,
      acceptanceLength: 2.2,
      modules: 1,
    });
    expect(specDecodeOf(input(raw), unknown)).toEqual({ spec: null, problem: null });
  });

  it("the schema rejects a length without drafts, above k + 1, and more than 8 drafts", () => {
    const noDrafts = estimateInputSchema.safeParse({ ...raw, mtpAcceptanceLength: 2 });
    expect(noDrafts.error?.issues[0]?.path).toEqual(["mtpAcceptanceLength"]);
    expect(noDrafts.error?.issues[0]?.message).toContain("mtpDraftTokens");
    const tooLong = estimateInputSchema.safeParse({ ...raw, mtpDraftTokens: 2, mtpAcceptanceLength: 3.5 });
    expect(tooLong.error?.issues[0]?.message).toBe(
      "mtpAcceptanceLength (3.5) cannot exceed mtpDraftTokens + 1 (3): a verify pass keeps at most the drafts and one token of its own",
    );
    expect(estimateInputSchema.safeParse({ ...raw, mtpDraftTokens: 9 }).error?.issues[0]?.message).toBe("mtpDraftTokens must be at most 8");
    expect(estimateInputSchema.safeParse({ ...raw, mtpDraftTokens: 1.5 }).success).toBe(false);
  });

  it("a config.json's num_nextn_predict_layers becomes MTP modules without acceptance rates", () => {
    const cfg = {
      model_type: "deepseek_v3",
      num_hidden_layers: 61,
      hidden_size: 7168,
      vocab_size: 129280,
      num_attention_heads: 128,
      num_key_value_heads: 128,
      intermediate_size: 18432,
      moe_intermediate_size: 2048,
      n_routed_experts: 256,
      num_experts_per_tok: 8,
      n_shared_experts: 1,
      first_k_dense_replace: 3,
      kv_lora_rank: 512,
      q_lora_rank: 1536,
      qk_nope_head_dim: 128,
      qk_rope_head_dim: 64,
      v_head_dim: 128,
      max_position_embeddings: 163840,
      num_nextn_predict_layers: 1,
    };
    expect(importHfConfig(cfg).mtp).toEqual({ modules: 1, acceptance: null });
    expect(importHfConfig({ ...cfg, num_nextn_predict_layers: 0 }).mtp).toBeUndefined();
  });

  it("the CLI takes --mtp-draft-tokens and --mtp-acceptance-length; a bad one names the flag", async () => {
    const args = ["--model", "deepseek-r1", "--gpu", "b200", "--engine", "trtllm", "--weights", "fp4", "--tp", "8", "--isl", "1024", "--osl", "1024", "--concurrency", "4", "--json"];
    const off = await runCaptured(run, args);
    const on = await runCaptured(run, [...args, "--mtp-draft-tokens", "3"]);
    expect(off.code).toBe(0);
    expect(on.code).toBe(0);
    const tpot = (o: { out: string }) => (JSON.parse(o.out) as { tpotMs: number }).tpotMs;
    expect(tpot(on)).toBeLessThan(tpot(off) * 0.8);
    expect((JSON.parse(on.out) as { notes: string[] }).notes.join(" ")).toContain("2.75 tokens kept per verify pass");
    const bad = await runCaptured(run, [...args, "--mtp-draft-tokens", "3", "--mtp-acceptance-length", "5"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--mtp-acceptance-length");
  });
});
