import { describe, expect, it } from "vitest";
import { CARDS, SECTIONS, SECTION_IDS, cardsOf, getCard, neighbours } from "../../../lib/lessons/atlas";
import { scenarioFigures } from "../../../lib/lessons/figures";
import { COMPONENTS, METER_KINDS, metersFor } from "../../../lib/lessons/meters";
import { DEFAULT_SCENARIO, scenarioFields, type Scenario } from "../../../lib/lessons/scenario";
import { kvByModel } from "../../../lib/lessons/compare";
import { fillSummary } from "../../../lib/lessons/summary";

describe("Atlas table of contents", () => {
  it("has five sections in order and about seventeen cards, each in a known section", () => {
    expect(SECTIONS.map((s) => s.id)).toEqual([...SECTION_IDS]);
    expect(CARDS.length).toBeGreaterThanOrEqual(17);
    for (const c of CARDS) expect(SECTION_IDS).toContain(c.section);
    for (const s of SECTION_IDS) expect(cardsOf(s).length).toBeGreaterThan(0);
  });
  it("card paths are unique and every component has a card", () => {
    const keys = CARDS.map((c) => `${c.section}/${c.slug}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(CARDS.map((c) => c.component))).toEqual(new Set(COMPONENTS));
  });
  it("each knob is a valid scenario value", () => {
    for (const c of CARDS) {
      const r = scenarioFields[c.knob.field].safeParse(String(c.knob.value));
      expect(r.success, `${c.slug}: ${c.knob.field}=${String(c.knob.value)}`).toBe(true);
      expect(c.knob.prompt.length).toBeGreaterThan(20);
    }
  });
  it("reading order runs through every card", () => {
    const first = CARDS[0]!;
    expect(neighbours(first).prev).toBeNull();
    let c: (typeof CARDS)[number] | null = first;
    let n = 0;
    while (c) {
      n++;
      c = neighbours(c).next;
    }
    expect(n).toBe(CARDS.length);
    expect(getCard("attention", "qkv")?.title).toMatch(/Q, K, V/);
    expect(getCard("attention", "nope")).toBeUndefined();
  });
});

describe("card meters against hand arithmetic (default scenario)", () => {
  const f = scenarioFigures(DEFAULT_SCENARIO);
  const m = (c: (typeof COMPONENTS)[number]) => metersFor(c, f);

  it("embedding: V·d = 128,256 × 8,192 parameters, one 16-bit row read per token", () => {
    expect(m("embedding").params?.value).toBe(1_050_673_152);
    // 1 sequence × 8,192 × 2 B
    expect(m("embedding").bytes?.value).toBe(16_384);
    expect(m("embedding").flops).toBeNull();
  });

  it("Q, K, V: 80 · (8192·8192 + 2·8192·1024) = 6,710,886,400 parameters, 2 FLOP each per token", () => {
    expect(m("qkv").params?.value).toBe(6_710_886_400);
    expect(m("qkv").flops?.value).toBe(13_421_772_800);
    expect(m("qkv").kv?.value).toBe(327_680);
  });

  it("gate + up: 80 · 2 · 8192 · 28672 = 37,580,963,840 parameters; down is half of that", () => {
    expect(m("gateUp").params?.value).toBeCloseTo(37_580_963_840, -1);
    expect(m("down").params?.value).toBeCloseTo(18_790_481_920, -1);
    // FP8 weights ≈ 1 B each, read once per step for the one user
    expect(m("gateUp").bytes!.value / 37.58e9).toBeCloseTo(1, 2);
  });

  it("LM head: 2·V·d = 2,101,346,304 FLOPs per token, V·d·2 B = 2.1 GB read per step (16-bit)", () => {
    expect(m("lmHead").flops?.value).toBeCloseTo(2_101_346_304, -1);
    expect(m("lmHead").bytes?.value).toBeCloseTo(2_101_346_304, -1);
  });

  it("scores and attention·V split the KV read in halves (GQA)", () => {
    expect(m("scores").bytes!.value).toBeCloseTo(m("attnV").bytes!.value, 0);
    // the two halves are the whole cache read: one user at context 1,250 → 1,250 · 327,680 B = 409.6 MB
    expect(m("scores").bytes!.value + m("attnV").bytes!.value).toBeCloseTo(409_600_000, -3);
  });

  it("a dense model has no experts; RoPE has no meters", () => {
    expect(m("moe").params?.value).toBe(0);
    expect(METER_KINDS.every((k) => m("rope")[k] === null)).toBe(true);
  });
});

describe("MoE card", () => {
  it("at one user touches exactly k experts per layer; at 64 users many more", () => {
    const one = metersFor("moe", scenarioFigures({ ...DEFAULT_SCENARIO, model: "qwen3-30b-a3b", gpus: 1 }));
    const many = metersFor("moe", scenarioFigures({ ...DEFAULT_SCENARIO, model: "qwen3-30b-a3b", gpus: 1, concurrency: 64 }));
    const touched = (x: typeof one) => x.extra.find((e) => e.key === "lesson.expertsTouched")!.value;
    // Qwen3-30B-A3B: 8 of 128 experts per token
    expect(touched(one)).toBeCloseTo(8, 9);
    // 128 · (1 − (1 − 8/128)^64) = 128 · (1 − 0.9375^64) ≈ 128 · 0.9839 ≈ 125.9
    expect(touched(many)).toBeCloseTo(125.9, 0);
    expect(many.bytes!.value).toBeGreaterThan(5 * one.bytes!.value);
  });
});

describe("SwiGLU card", () => {
  const width = (model: string) =>
    metersFor("swiglu", scenarioFigures({ ...DEFAULT_SCENARIO, model, gpus: 1, weights: "fp8" })).extra.find((e) => e.key === "lesson.ffnWidth")!;
  it("a dense model's token runs d_ff channels per layer", () => {
    expect(width("llama-3.1-70b").value).toBe(28672);
  });
  it("where every layer is MoE, the token's k experts and the shared one: Qwen3.5-35B-A3B 8 · 512 + 1 · 512", () => {
    const w = width("qwen3.5-35b-a3b");
    expect(w.value).toBe(4608);
    expect(w.substituted).toBe("8 · 512 + 1 · 512");
    // Mixtral 8x7B: 2 experts of 14,336, no shared expert
    expect(width("mixtral-8x7b").value).toBe(28672);
  });
  it("a hybrid model's attention cards count only its attention layers and their K and V", () => {
    const f = scenarioFigures({ ...DEFAULT_SCENARIO, model: "qwen3.5-35b-a3b", gpus: 1, weights: "bf16" });
    const qkv = metersFor("qkv", f).params!;
    // 10 gated-attention layers · (q 2048 · 2 · 16 · 256 + k and v 2048 · 2 · 256 each); the 30 DeltaNet layers are not Q, K, V
    expect(qkv.value).toBe(10 * (2048 * 2 * 16 * 256 + 2 * 2048 * 2 * 256));
    expect(qkv.formula).toMatch(/^L_attn · /);
    // keys and values read: the 10 layers' cache at the mean context, 2 · 2 heads · 256 · 2 B per token each
    const kv = metersFor("scores", f).bytes!.value + metersFor("attnV", f).bytes!.value;
    expect(kv).toBeCloseTo(f.step.decodeTokens * f.context * 10 * 2 * 2 * 256 * 2, -2);
    // the KV card also moves the state: read and written back, 30 layers · 2,146,304 B per sequence
    const all = metersFor("kvCache", f).bytes!;
    expect(all.label).toContain("linear-attention state read and written");
    expect(all.value - kv).toBeCloseTo(f.step.decodeTokens * 2 * 30 * 2_146_304, -2);
    // a dense model's figures are unchanged: all layers, all bytes
    const llama = scenarioFigures(DEFAULT_SCENARIO);
    expect(metersFor("qkv", llama).params!.formula).toMatch(/^L · /);
    expect(metersFor("scores", llama).bytes!.value + metersFor("attnV", llama).bytes!.value).toBeCloseTo(metersFor("kvCache", llama).bytes!.value, 6);
  });

  it("the KV table names a hybrid's linear-attention layers beside its KV heads", () => {
    const row = kvByModel({ ...DEFAULT_SCENARIO, model: "qwen3.5-35b-a3b" }).find((r) => r.id === "qwen3.5-35b-a3b")!;
    expect(row.design).toBe("GQA: 2 KV heads for 16 query heads, 30 of 40 layers linear attention (a fixed state, no KV)");
    // 10 attention layers · 2 · 2 KV heads · 256 · 2 B
    expect(row.kvBytesPerToken).toBe(20_480);
  });

  it("a Mamba-2 hybrid (Nemotron 3 Nano): relu² experts, norms without the FFN-free layers' second norm, Mamba-2 in the KV table", () => {
    const f = scenarioFigures({ ...DEFAULT_SCENARIO, model: "nemotron-3-nano-30b-a3b", gpus: 1, weights: "bf16" });
    const act = metersFor("swiglu", f).extra.find((e) => e.key === "lesson.ffnWidth")!;
    // 6 experts of 1,856 channels + one shared expert of 3,712, one relu² each (no gate)
    expect(act.value).toBe(6 * 1856 + 3712);
    expect(act.formula).toContain("relu²");
    expect(metersFor("gateUp", f).params!.label).toBe("Up projection parameters (this FFN has no gate)");
    // 29 mixer layers · 2 norms, less one on each of the 6 layers with no FFN block, + the final norm: 53 · 2688
    const norms = metersFor("rmsnorm", f).params!;
    expect(norms.value).toBe(53 * 2688);
    expect(norms.substituted).toBe("2 · 2688 · 29 − 2688 · 6 + 2688");
    const row = kvByModel({ ...DEFAULT_SCENARIO, model: "nemotron-3-nano-30b-a3b" }).find((r) => r.id === "nemotron-3-nano-30b-a3b")!;
    expect(row.design).toBe("GQA: 2 KV heads for 32 query heads, 23 of 29 layers Mamba-2 (a fixed state, no KV)");
    expect(row.kvBytesPerToken).toBe(6 * 2 * 2 * 128 * 2);
    // one request holds the 6 attention layers' KV for its tokens and the 23 Mamba-2 layers' fixed state
    const perRequest = f.d["lesson.kvPerRequest"]!;
    expect(perRequest.value).toBe(6 * 2 * 2 * 128 * 2 * (f.scenario.isl + f.scenario.osl) + 23 * 2_134_016);
    expect(perRequest.formula).toContain("+ the fixed Mamba-2 state");
    for (const c of CARDS) expect(fillSummary(c.summary, metersFor(c.component, f)), c.slug).not.toMatch(/NaN|undefined|Infinity|\{/);
  });

  it("a hybrid model's lessons carry no empty or non-finite figure", () => {
    const f = scenarioFigures({ ...DEFAULT_SCENARIO, model: "qwen3.5-35b-a3b", gpus: 1, weights: "fp8" });
    for (const c of CARDS) {
      const line = fillSummary(c.summary, metersFor(c.component, f));
      expect(line, c.slug).not.toMatch(/NaN|undefined|Infinity|\{/);
    }
  });
});

describe("one-line summaries", () => {
  const scenarios: Scenario[] = [
    DEFAULT_SCENARIO,
    { ...DEFAULT_SCENARIO, model: "deepseek-v3", gpu: "b200", gpus: 8, par: "dp-ep", concurrency: 64 },
    { ...DEFAULT_SCENARIO, model: "gpt-oss-20b", gpu: "l4", gpus: 1, weights: "fp4", isl: 32000 },
  ];
  it("fill every placeholder with a number for every card and scenario", () => {
    for (const s of scenarios) {
      const f = scenarioFigures(s);
      for (const c of CARDS) {
        const line = fillSummary(c.summary, metersFor(c.component, f));
        expect(line, `${s.model}/${c.slug}`).not.toMatch(/[{}]|undefined|NaN/);
      }
    }
  });
  it("names parameters in B/M and bytes with decimal prefixes", () => {
    const f = scenarioFigures(DEFAULT_SCENARIO);
    expect(fillSummary("{params} · {bytes}", metersFor("embedding", f))).toBe("1.05 B · 16.4 kB");
    expect(fillSummary("{flops} {x:lesson.nope}", metersFor("embedding", f))).toBe("— —");
  });
});
