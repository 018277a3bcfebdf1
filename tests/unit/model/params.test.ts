import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MODELS } from "../../../lib/catalog/models";
import { paramsByComponent } from "../../../lib/model/params";
import { DEEPSEEK_V3, GPT_OSS_120B, LLAMA_70B, MIXTRAL_8X7B } from "./fixtures";

describe("paramsByComponent — hand-derived", () => {
  it("Llama-3.1-70B", () => {
    const p = paramsByComponent(LLAMA_70B);
    // embedding V·d = 128256 · 8192 = 1,050,673,152
    expect(p.embedding).toBe(1_050_673_152);
    expect(p.lmHead).toBe(1_050_673_152); // untied
    // per layer: q 8192·64·128 = 67,108,864; k,v 8192·8·128 = 8,388,608 each; o 67,108,864 → 150,994,944
    expect(p.attentionPerLayer).toBe(150_994_944);
    expect(p.attention).toBe(150_994_944 * 80); // 12,079,595,520
    // FFN 3·8192·28672 = 704,643,072 per layer, × 80 = 56,371,445,760
    expect(p.ffn).toBe(56_371_445_760);
    // norms 80·2·8192 + 8192 = 1,318,912
    expect(p.norms).toBe(1_318_912);
    // total = 2·1,050,673,152 + 12,079,595,520 + 56,371,445,760 + 1,318,912 = 70,553,706,496
    expect(p.total).toBe(70_553_706_496);
    expect(p.active).toBe(p.total);
  });

  it("Mixtral-8x7B: 8 experts top-2", () => {
    const p = paramsByComponent(MIXTRAL_8X7B);
    // one expert 3·4096·14336 = 176,160,768; all experts 32·8·that = 45,097,156,608
    expect(p.expertParams).toBe(176_160_768);
    expect(p.experts).toBe(45_097_156_608);
    // router 32·4096·8 = 1,048,576
    expect(p.router).toBe(1_048_576);
    // attention 32·(4096·4096·2 + 2·4096·1024) = 32·41,943,040 = 1,342,177,280
    expect(p.attention).toBe(1_342_177_280);
    // embedding + head 2·32000·4096 = 262,144,000; norms 32·8192 + 4096 = 266,240
    // total = 45,097,156,608 + 1,048,576 + 1,342,177,280 + 262,144,000 + 266,240 = 46,702,792,704
    expect(p.total).toBe(46_702_792_704);
    // active = total − experts + 32·2·176,160,768 = 1,605,636,096 + 11,274,289,152 = 12,879,925,248
    expect(p.active).toBe(12_879_925_248);
  });

  it("DeepSeek-V3: MLA, 3 dense layers, 58 MoE layers with a shared expert", () => {
    const p = paramsByComponent(DEEPSEEK_V3);
    // q: 7168·1536 + 1536·128·192 = 11,010,048 + 37,748,736 = 48,758,784
    expect(p.attnQ).toBe(48_758_784);
    // kv_a: 7168·(512+64) = 4,128,768; kv_b: 512·128·(128+128) = 16,777,216; o: 128·128·7168 = 117,440,512
    expect(p.attnK).toBe(4_128_768);
    expect(p.attnV).toBe(16_777_216);
    expect(p.attnO).toBe(117_440_512);
    // dense FFN 3 layers · 3·7168·18432 = 3 · 396,361,728 = 1,189,085,184
    expect(p.ffn).toBe(1_189_085_184);
    // experts 58 · 256 · 3·7168·2048 (= 44,040,192): 256 · 44,040,192 = 11,274,289,152; × 58 = 653,908,770,816
    expect(p.experts).toBe(653_908_770_816);
    // total ≈ 671.0 B, active ≈ 37.5 B (DeepSeek reports 671 B / 37 B)
    expect(p.total / 1e9).toBeCloseTo(671.03, 1);
    expect(p.active / 1e9).toBeCloseTo(37.55, 1);
  });

  it("gpt-oss-120b: attention biases counted, ≈ 116.8 B total, ≈ 5.1 B active", () => {
    const p = paramsByComponent(GPT_OSS_120B);
    // q with bias: 2880·64·64 + 64·64 = 11,800,576
    expect(p.attnQ).toBe(11_800_576);
    expect(p.total / 1e9).toBeGreaterThan(116.0);
    expect(p.total / 1e9).toBeLessThan(117.5);
  });
});

const SHARED = path.resolve(process.cwd(), "../shared");
const HAS_SHARED = existsSync(SHARED);
if (!HAS_SHARED) console.warn(`skipping reference parameter totals: ${SHARED} not present`);

describe.skipIf(!HAS_SHARED)("paramsByComponent vs ../shared/reference/models.json (within 1.5 %)", () => {
  const ref = HAS_SHARED
    ? (JSON.parse(readFileSync(path.join(SHARED, "reference/models.json"), "utf8")) as {
        id: string;
        params_total_b: number | null;
        params_active_b: number | null;
      }[])
    : [];
  const checked = ref.filter((r) => typeof r.params_total_b === "number" && MODELS.some((m) => m.id === r.id));
  it("covers the catalog models", () => {
    expect(checked.length).toBeGreaterThanOrEqual(15);
  });
  for (const r of checked) {
    it(r.id, () => {
      const m = MODELS.find((x) => x.id === r.id)!;
      const p = paramsByComponent(m);
      expect(Math.abs(p.total / 1e9 / r.params_total_b! - 1)).toBeLessThan(0.015);
      if (typeof r.params_active_b === "number") expect(Math.abs(p.active / 1e9 / r.params_active_b - 1)).toBeLessThan(0.015);
    });
  }
});

describe("Llama 2 (catalog)", () => {
  it("7B and 70B come to the parameter counts Hugging Face lists for the checkpoints (6,738,415,616 and 68,976,648,192)", () => {
    const byId = new Map(MODELS.map((m) => [m.id, m]));
    expect(paramsByComponent(byId.get("llama-2-7b")!).total).toBe(6_738_415_616);
    expect(paramsByComponent(byId.get("llama-2-70b")!).total).toBe(68_976_648_192);
  });
});
