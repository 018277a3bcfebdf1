import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cardText } from "../../../app/learn/atlas/_content";
import { CARDS } from "../../../lib/lessons/atlas";
import { STAGES } from "../../../lib/lessons/spine";

describe("lesson content", () => {
  it("every Atlas card has a lead and a read-more section", () => {
    for (const c of CARDS) {
      const t = cardText(c.section, c.slug);
      expect(t, `${c.section}/${c.slug}`).toBeDefined();
      expect(t?.lead).toBeTruthy();
      expect(t?.more).toBeTruthy();
    }
  });

  it("Spine: five stages, numbered 1–5 under /learn, stage 4 with three sub-pages, each with a page file", () => {
    expect(STAGES.map((s) => s.n)).toEqual([1, 2, 3, 4, 5]);
    const paths = STAGES.flatMap((s) => [s.path, ...s.subpages.map((x) => x.path)]);
    expect(new Set(paths).size).toBe(paths.length);
    expect(STAGES[3]?.subpages).toHaveLength(3);
    for (const p of paths) {
      expect(p.startsWith("/learn/")).toBe(true);
      const file = path.resolve(process.cwd(), "app", p.slice(1), "page.tsx");
      expect(() => readFileSync(file), file).not.toThrow();
    }
  });

  it("lib/lessons stays pure: no react, next, db or node built-ins", () => {
    const dir = path.resolve(process.cwd(), "lib/lessons");
    for (const f of readdirSync(dir)) {
      const src = readFileSync(path.join(dir, f), "utf8");
      const imports = [...src.matchAll(/from "([^"]+)"/g)].map((m) => m[1]!);
      for (const i of imports) expect(i, `${f} imports ${i}`).toMatch(/^(\.{1,2}\/|zod$)/);
    }
  });
});
