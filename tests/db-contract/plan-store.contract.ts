/**
 * Behaviour every PlanStore must have, run against SQLite (tests/unit/db) and
 * PostgreSQL (tests/pg). `open` returns a fresh, empty, migrated store.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createPlan,
  getPlanBySlug,
  getPlansBySlugs,
  listRecentPlans,
  PlanNotFoundError,
  countPlans,
} from "../../db/queries-core";
import type { PlanStore } from "../../db/store";

const sampleInput = { model: "llama-3.1-70b", traffic: { peakRps: 12.5 }, note: "ünïcødé ✓ <b>x</b>" };
const sampleResult = { options: [{ gpu: "h100-sxm", count: 2, costUsdPerMonth: 41234.5 }], tiny: 1e-300, big: 1.7976931348623157e308 };

export function planStoreContract(name: string, open: () => Promise<PlanStore>): void {
  describe(`PlanStore contract: ${name}`, () => {
    let store: PlanStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it("saves and reads back the exact JSON, versions and times", async () => {
      const { slug, createdAt } = await createPlan(
        store,
        {
          title: "Chat launch",
          notes: "for finance",
          input: sampleInput,
          result: sampleResult,
          summary: { model: "llama-3.1-70b", deployment: "2× H100", costUsdPerMonth: 41234.5, feasible: true },
          schemaVersion: 3,
          catalogVersion: "2026-11-28",
        },
        { now: () => 1_764_000_000_123 },
      );
      expect(slug).toMatch(/^[0-9A-Za-z]{12}$/);
      expect(createdAt.getTime()).toBe(1_764_000_000_123);
      const p = await getPlanBySlug(store, { slug });
      expect(p.title).toBe("Chat launch");
      expect(p.notes).toBe("for finance");
      expect(p.input).toEqual(sampleInput);
      expect(p.result).toEqual(sampleResult);
      expect(p.inputJson).toBe(JSON.stringify(sampleInput));
      expect(p.resultJson).toBe(JSON.stringify(sampleResult));
      expect(p.schemaVersion).toBe("3");
      expect(p.catalogVersion).toBe("2026-11-28");
      expect(p.summary.costUsdPerMonth).toBe(41234.5);
      expect(p.sourceSlug).toBeNull();
      expect(p.createdAt.getTime()).toBe(1_764_000_000_123);
    });

    it("unknown and malformed slugs are PlanNotFoundError", async () => {
      await expect(getPlanBySlug(store, { slug: "AAAAAAAAAAAA" })).rejects.toBeInstanceOf(PlanNotFoundError);
      await expect(getPlanBySlug(store, { slug: "'; drop table plans; --" })).rejects.toBeInstanceOf(PlanNotFoundError);
      await expect(getPlanBySlug(store, { slug: "" })).rejects.toBeInstanceOf(PlanNotFoundError);
    });

    it("a slug collision draws a new slug instead of overwriting", async () => {
      const slugs = ["AAAAAAAAAAAA", "AAAAAAAAAAAA", "BBBBBBBBBBBB"];
      const next = () => slugs.shift()!;
      const base = { notes: "", input: {}, result: {}, schemaVersion: 1, catalogVersion: "c" };
      const a = await createPlan(store, { ...base, title: "first" }, { slug: next });
      const b = await createPlan(store, { ...base, title: "second" }, { slug: next });
      expect(a.slug).toBe("AAAAAAAAAAAA");
      expect(b.slug).toBe("BBBBBBBBBBBB");
      expect((await getPlanBySlug(store, { slug: "AAAAAAAAAAAA" })).title).toBe("first");
    });

    it("lists newest first with summaries, and counts", async () => {
      const base = { notes: "", input: {}, result: {}, schemaVersion: 1, catalogVersion: "c" };
      for (let i = 0; i < 5; i++) {
        await createPlan(store, { ...base, title: `plan ${i}` }, { now: () => 1000 + i });
      }
      const list = await listRecentPlans(store, { limit: 3 });
      expect(list.map((p) => p.title)).toEqual(["plan 4", "plan 3", "plan 2"]);
      expect(list[0]!.summary).toEqual({ model: null, deployment: null, costUsdPerMonth: null, feasible: null });
      expect(await countPlans(store)).toBe(5);
    });

    it("reads several plans in the order asked and names a missing one", async () => {
      const base = { notes: "", input: {}, result: {}, schemaVersion: 1, catalogVersion: "c" };
      const a = await createPlan(store, { ...base, title: "a" });
      const b = await createPlan(store, { ...base, title: "b" });
      const got = await getPlansBySlugs(store, { slugs: [b.slug, a.slug] });
      expect(got.map((p) => p.title)).toEqual(["b", "a"]);
      await expect(getPlansBySlugs(store, { slugs: [a.slug, "ZZZZZZZZZZZZ"] })).rejects.toMatchObject({
        slug: "ZZZZZZZZZZZZ",
      });
    });

    it("50 parallel saves all persist with distinct slugs", async () => {
      const saves = Array.from({ length: 50 }, (_, i) =>
        createPlan(store, { title: `p${i}`, notes: "", input: { i }, result: { i }, schemaVersion: 1, catalogVersion: "c" }),
      );
      const done = await Promise.all(saves);
      expect(new Set(done.map((d) => d.slug)).size).toBe(50);
      expect(await countPlans(store)).toBe(50);
      const back = await getPlansBySlugs(store, { slugs: done.map((d) => d.slug) });
      expect(back.map((p) => (p.input as { i: number }).i)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    });

    it("a large result reads back byte for byte (stored compressed)", async () => {
      // ~600 kB of JSON with the repetition of a real plan result
      const big = { options: Array.from({ length: 3000 }, (_, i) => ({ id: `h100-sxm|tp${i % 8}`, costUsdPerMonth: 1000 + i / 7, ok: i % 3 === 0 })) };
      const { slug } = await createPlan(store, { title: "big", notes: "", input: {}, result: big, schemaVersion: 1, catalogVersion: "c" });
      const rec = (await store.getPlan(slug))!;
      expect(rec.resultJson).toBe(JSON.stringify(big));
      expect((await getPlanBySlug(store, { slug })).result).toEqual(big);
    });

    it("keeps a duplicate's source slug", async () => {
      const base = { notes: "", input: {}, result: {}, schemaVersion: 1, catalogVersion: "c" };
      const a = await createPlan(store, { ...base, title: "orig" });
      const b = await createPlan(store, { ...base, title: "copy", sourceSlug: a.slug });
      expect((await getPlanBySlug(store, { slug: b.slug })).sourceSlug).toBe(a.slug);
    });
  });
}
