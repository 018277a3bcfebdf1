import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** lib/search stays pure: it may use lib/model, lib/catalog and lib/plan (the input schema), nothing else. */
describe("lib/search imports", () => {
  const dir = path.resolve(import.meta.dirname, "../../../lib/search");
  const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));
  it.each(files)("%s imports only the model, the catalog, the plan schema and itself", (f) => {
    const src = readFileSync(path.join(dir, f), "utf8");
    const specs = [...src.matchAll(/from "([^"]+)"/g)].map((m) => m[1]!);
    for (const s of specs) {
      expect(s, `${f} imports ${s}`).toMatch(/^(\.\/|\.\.\/model\/|\.\.\/model$|\.\.\/catalog(\/|$)|\.\.\/plan\/)/);
    }
  });
});
