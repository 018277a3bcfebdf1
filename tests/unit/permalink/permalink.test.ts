import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { canonicalJson, decodePayload, encodePayload, PERMALINK_MAX_CHARS } from "../../../lib/plan/permalink-codec";
import { decodePermalink, encodePermalink, PermalinkError, permalinkHint } from "../../../lib/plan/permalink";

/** A stand-in schema: the codec is schema-agnostic; tests/unit/permalink/plan-permalink.test.ts uses the real one. */
const schema = z.object({
  model: z.string().min(1),
  peakRps: z.number({ error: "peakRps must be a number" }).positive({ error: "peakRps must be positive" }),
  gpus: z.array(z.string()).default([]),
});
const input = { model: "llama-3.1-70b", peakRps: 12.5, gpus: ["h100-sxm", "h200-sxm"] };

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(PermalinkError);
    return (e as PermalinkError).code;
  }
  throw new Error("did not throw");
}

describe("permalink codec", () => {
  it("round-trips any JSON value with its schema version", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 1, max: 99 }), (v, sv) => {
        const back = decodePayload(encodePayload(v, sv));
        expect(back.schemaVersion).toBe(sv);
        // JSON round trip normalises -0 to 0, as any JSON transport would
        expect(back.value).toEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 300 },
    );
  });

  it("is versioned, URL-safe and deterministic (key order does not matter)", () => {
    const a = encodePermalink({ b: 1, a: [2, { d: 3, c: 4 }] }, 1);
    const b = encodePermalink({ a: [2, { c: 4, d: 3 }], b: 1 }, 1);
    expect(a).toBe(b);
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(canonicalJson({ b: 1, a: { d: 1, c: 2 } })).toBe('{"a":{"c":2,"d":1},"b":1}');
  });

  it("is shorter than the JSON it carries for a plan-sized input", () => {
    const plan = {
      model: "llama-3.1-70b",
      workload: { inputTokens: { mean: 1500, p95: 6000 }, outputTokens: { mean: 300, p95: 1200 } },
      slo: { preset: "chat", ttftP95Ms: 500, tpotP95Ms: 40 },
      traffic: { mode: "dau", dailyActiveUsers: 50000, requestsPerUserPerDay: 8, peakToAverage: 3 },
      constraints: { allowedGpus: ["h100-sxm", "h200-sxm", "b200"], term: "on-demand", engines: ["vllm", "sglang"] },
    };
    const json = JSON.stringify(plan);
    const token = encodePermalink(plan, 1);
    expect(token.length).toBeLessThan(json.length);
  });
});

describe("decodePermalink", () => {
  it("validates with the schema and applies its defaults", () => {
    const { input: back, fromSchemaVersion } = decodePermalink(encodePermalink({ model: "m", peakRps: 1 }, 2), schema, 2);
    expect(back).toEqual({ model: "m", peakRps: 1, gpus: [] });
    expect(fromSchemaVersion).toBeNull();
  });

  it("accepts an older schema version that still validates, and says so", () => {
    expect(decodePermalink(encodePermalink(input, 1), schema, 2).fromSchemaVersion).toBe("1");
  });

  it("an old link whose fields no longer fit names the version and the fields", () => {
    const token = encodePermalink({ model: "m", peakRps: "fast" }, 1);
    try {
      decodePermalink(token, schema, 2);
      throw new Error("did not throw");
    } catch (e) {
      const err = e as PermalinkError;
      expect(err.code).toBe("schema");
      expect(err.message).toMatch(/older plan form \(version 1; now 2\)/);
      expect(err.issues).toEqual([{ field: "peakRps", message: "peakRps must be a number" }]);
      expect(permalinkHint(err)).toMatch(/planner/);
    }
  });

  it("out-of-range values in a current link are schema errors with fields", () => {
    const token = encodePermalink({ model: "m", peakRps: -3 }, 2);
    expect(() => decodePermalink(token, schema, 2)).toThrow(/not valid/);
    expect(codeOf(() => decodePermalink(token, schema, 2))).toBe("schema");
  });

  it("every truncation is a PermalinkError (truncated or corrupted), never a crash", () => {
    const token = encodePermalink(input, 2);
    for (let n = 0; n < token.length; n++) {
      const code = codeOf(() => decodePermalink(token.slice(0, n), schema, 2));
      expect(["empty", "format", "truncated", "corrupted"]).toContain(code);
    }
    // Cutting the payload (after "v1.") is reported as truncated.
    expect(codeOf(() => decodePermalink(token.slice(0, token.length - 4), schema, 2))).toBe("truncated");
  });

  it("every single-character change is detected", () => {
    const token = encodePermalink(input, 2);
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (let i = 3; i < token.length; i++) {
      const c = token[i]!;
      const other = alphabet[(alphabet.indexOf(c) + 17) % 64]!;
      const bad = token.slice(0, i) + other + token.slice(i + 1);
      let ok = false;
      try {
        const got = decodePermalink(bad, schema, 2).input;
        // The last character may carry only padding bits that base64 ignores; then the input is unchanged.
        ok = JSON.stringify(got) === JSON.stringify(decodePermalink(token, schema, 2).input);
      } catch (e) {
        ok = e instanceof PermalinkError;
      }
      expect(ok, `change at ${i}`).toBe(true);
    }
  });

  it("random strings never crash the decoder", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        for (const t of [s, `v1.${s}`]) {
          try {
            decodePermalink(t, schema, 2);
          } catch (e) {
            expect(e).toBeInstanceOf(PermalinkError);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("explains wrong versions, foreign strings, extra bytes and huge links", () => {
    const token = encodePermalink(input, 2);
    expect(() => decodePermalink(token.replace(/^v1\./, "v0."), schema, 2)).toThrow(/older version of Atlas \(link format v0\)/);
    expect(() => decodePermalink(token.replace(/^v1\./, "v7."), schema, 2)).toThrow(/newer version/);
    expect(codeOf(() => decodePermalink("hello world", schema, 2))).toBe("format");
    expect(codeOf(() => decodePermalink("   ", schema, 2))).toBe("empty");
    expect(codeOf(() => decodePermalink(`${token}AAAA`, schema, 2))).toBe("corrupted");
    expect(codeOf(() => decodePermalink(`v1.${"A".repeat(PERMALINK_MAX_CHARS)}`, schema, 2))).toBe("format");
  });
});
