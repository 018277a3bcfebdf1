import { describe, expect, it } from "vitest";
import { copyTitle, FROM_PARAM, parseFromParam } from "../../../lib/plan/lineage";
import { savePlanRequestSchema, TITLE_MAX } from "../../../lib/plan/save-request";

describe("parseFromParam", () => {
  it("accepts exactly 12 letters and digits", () => {
    expect(FROM_PARAM).toBe("from");
    expect(parseFromParam("AbC123xYz789")).toBe("AbC123xYz789");
    expect(parseFromParam("000000000000")).toBe("000000000000");
  });

  it("ignores anything else instead of throwing", () => {
    for (const bad of [
      undefined,
      null,
      "",
      "AbC123xYz78", // 11 characters
      "AbC123xYz7890", // 13 characters
      " AbC123xYz789", // padded
      "AbC123xYz789\n",
      "AbC123-Yz789", // a dash
      "AbC123xYz78é",
      "../../etc/pwd",
      ["AbC123xYz789", "AbC123xYz789"], // a repeated query parameter
      123456789012,
      { slug: "AbC123xYz789" },
    ]) {
      expect(parseFromParam(bad)).toBeNull();
    }
  });

  it("agrees with the save API's sourceSlug check", () => {
    const base = { title: "t", input: {} };
    expect(savePlanRequestSchema.safeParse({ ...base, sourceSlug: "AbC123xYz789" }).success).toBe(true);
    expect(savePlanRequestSchema.safeParse({ ...base, sourceSlug: "AbC123xYz78" }).success).toBe(false);
  });
});

describe("copyTitle", () => {
  it("prefixes the original's title", () => {
    expect(copyTitle("Chat launch")).toBe("Copy of Chat launch");
    expect(copyTitle("  Chat launch  ")).toBe("Copy of Chat launch");
  });

  it("stays within the save form's title limit", () => {
    // "Copy of " is 8 characters; 8 + 200 = 208 → cut to TITLE_MAX = 200, i.e. 192 of the x's
    const t = copyTitle("x".repeat(200));
    expect(t).toHaveLength(200);
    expect(t).toBe(`Copy of ${"x".repeat(192)}`);
    expect(TITLE_MAX).toBe(200);
    expect(savePlanRequestSchema.safeParse({ title: t, input: {} }).success).toBe(true);
  });
});
