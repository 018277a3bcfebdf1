import pg from "pg";
import { describe, expect, it } from "vitest";
import { dbConfigFromEnv, openStore } from "../../db/client";
import { createPgStore } from "../../db/store-pg";
import { planStoreContract } from "../db-contract/plan-store.contract";

const url = process.env.DATABASE_URL ?? "";
if (!/^postgres(ql)?:\/\//.test(url)) {
  console.warn("tests/pg: DATABASE_URL is not a postgres:// URL; run them through scripts/with-postgres.sh");
}
const hasPg = /^postgres(ql)?:\/\//.test(url);

/** A fresh empty database per store: drop and recreate the public and drizzle schemas. */
async function fresh() {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query("drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;");
  await c.end();
  return createPgStore({ url });
}

describe.skipIf(!hasPg)("PostgreSQL", () => {
  planStoreContract("postgres", fresh);

  it("DATABASE_URL switches the app's store to PostgreSQL", async () => {
    await (await fresh()).close();
    const store = await openStore(dbConfigFromEnv());
    expect(store.kind).toBe("postgres");
    await store.close();
  });

  it("migrations land in public.plans and are recorded once", async () => {
    const s = await fresh();
    await s.close();
    const again = await createPgStore({ url }); // re-running applies nothing
    await again.close();
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const cols = await c.query(
      "select column_name from information_schema.columns where table_schema='public' and table_name='plans' order by ordinal_position",
    );
    const applied = await c.query("select count(*)::int as n from drizzle.__drizzle_migrations");
    await c.end();
    expect(cols.rows.map((r: { column_name: string }) => r.column_name)).toEqual([
      "id",
      "slug",
      "title",
      "notes",
      "input",
      "result",
      "summary",
      "schema_version",
      "catalog_version",
      "source_slug",
      "created_at_ms",
    ]);
    expect(applied.rows[0].n).toBe(1);
  });
});
