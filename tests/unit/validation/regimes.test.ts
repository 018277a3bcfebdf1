import { describe, expect, it } from "vitest";
import { batchBucket, contextBucket, groupId, groupLabel, inGroup, project } from "../../../lib/validation/regimes";

describe("regime buckets", () => {
  it("splits batch at 8 and 64", () => {
    expect([1, 8, 9, 64, 65, 4096].map(batchBucket)).toEqual(["b1-8", "b1-8", "b9-64", "b9-64", "b65-up", "b65-up"]);
  });
  it("splits context (ISL + OSL) at 2,048 and 8,192 tokens", () => {
    // 1024 + 1024 = 2048 ≤ 2k ; 1024 + 1025 = 2049 ; 4096 + 4096 = 8192 ; 8192 + 1024 = 9216 > 8k
    expect(contextBucket(1024, 1024)).toBe("ctx-le2k");
    expect(contextBucket(1024, 1025)).toBe("ctx-2k-8k");
    expect(contextBucket(4096, 4096)).toBe("ctx-2k-8k");
    expect(contextBucket(8192, 1024)).toBe("ctx-gt8k");
  });
});

describe("regime groups", () => {
  const r = { arch: "moe", batch: "b1-8", context: "ctx-gt8k", generation: "blackwell", engine: "sglang" } as const;
  it("names a projection by its fixed dimensions in a stable order", () => {
    expect(groupId(project(r, ["engine", "arch"]))).toBe("regime_moe_sglang");
    expect(groupId(project(r, ["arch", "batch", "generation", "engine", "context"]))).toBe(
      "regime_moe_b1-8_blackwell_sglang_ctx-gt8k",
    );
    expect(groupId({})).toBe("regime_all");
    expect(groupLabel(project(r, ["arch", "batch"]))).toBe("MoE · batch 1–8");
  });
  it("tests membership on the fixed dimensions only", () => {
    expect(inGroup(r, { arch: "moe" })).toBe(true);
    expect(inGroup(r, { arch: "moe", engine: "vllm" })).toBe(false);
    expect(inGroup(r, {})).toBe(true);
  });
});
