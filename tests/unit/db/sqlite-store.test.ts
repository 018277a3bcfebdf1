import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createSqliteStore } from "../../../db/store-sqlite";
import { planStoreContract } from "../../db-contract/plan-store.contract";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-sqlite-"));
let n = 0;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

planStoreContract("sqlite file", async () => createSqliteStore({ file: path.join(dir, `t${n++}.db`) }));
planStoreContract("sqlite :memory:", async () => createSqliteStore({ file: ":memory:" }));

describe("sqlite store settings", () => {
  it("opens in WAL mode with synchronous=FULL and migrates once", async () => {
    const file = path.join(dir, "pragmas.db");
    const s = createSqliteStore({ file });
    // journal_mode returns the mode name; synchronous FULL = 2 (SQLite docs: OFF 0, NORMAL 1, FULL 2)
    expect(s.sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(s.sqlite.pragma("synchronous", { simple: true })).toBe(2);
    await s.close();
    // Reopening applies nothing new and keeps the table.
    const again = createSqliteStore({ file });
    const tables = again.sqlite.prepare("select name from sqlite_master where type='table' and name='plans'").all();
    expect(tables).toHaveLength(1);
    const applied = again.sqlite.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number };
    expect(applied.n).toBe(fs.readdirSync(path.resolve("drizzle")).filter((f) => f.endsWith(".sql")).length);
    await again.close();
  });

  it("creates the folder of a new database file", async () => {
    const file = path.join(dir, "nested", "deeper", "x.db");
    const s = createSqliteStore({ file });
    expect(fs.existsSync(file)).toBe(true);
    await s.close();
  });
});
