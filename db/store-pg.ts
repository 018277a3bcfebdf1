import { count, desc, eq, inArray } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import path from "node:path";
import pg from "pg";
import * as schema from "./pg-schema";
import { packJson, unpackJson } from "./stored-json";
import { isUniqueViolation, SlugTakenError, type PlanListRecord, type PlanRecord, type PlanStore } from "./store";

export type PgDb = NodePgDatabase<typeof schema>;

export interface PgStoreOptions {
  /** postgres://user@host:port/db */
  readonly url: string;
  readonly migrationsFolder?: string;
  readonly poolSize?: number;
}

function toRecord(r: schema.PlanRowPg): PlanRecord {
  return {
    slug: r.slug,
    title: r.title,
    notes: r.notes,
    inputJson: r.input,
    resultJson: unpackJson(r.result),
    summaryJson: r.summary,
    schemaVersion: r.schemaVersion,
    catalogVersion: r.catalogVersion,
    sourceSlug: r.sourceSlug,
    createdAtMs: r.createdAtMs,
  };
}

/**
 * PostgreSQL store (drizzle node-postgres). Durability comes from PostgreSQL's defaults
 * (fsync=on, synchronous_commit=on): COMMIT returns after the WAL record is flushed.
 * Migrations from drizzle-pg/ run before the store is returned.
 */
export async function createPgStore(opts: PgStoreOptions): Promise<PlanStore & { readonly pool: pg.Pool }> {
  const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
  const db = drizzle({ client: pool, schema });
  try {
    await migrate(db, { migrationsFolder: opts.migrationsFolder ?? path.join(process.cwd(), "drizzle-pg") });
  } catch (err) {
    await pool.end();
    throw err;
  }
  const t = schema.plans;
  return {
    kind: "postgres",
    pool,
    async insertPlan(r) {
      try {
        await db.insert(t).values({
          slug: r.slug,
          title: r.title,
          notes: r.notes,
          input: r.inputJson,
          result: packJson(r.resultJson),
          summary: r.summaryJson,
          schemaVersion: r.schemaVersion,
          catalogVersion: r.catalogVersion,
          sourceSlug: r.sourceSlug,
          createdAtMs: r.createdAtMs,
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw new SlugTakenError(r.slug);
        throw err;
      }
    },
    async getPlan(slug) {
      const rows = await db.select().from(t).where(eq(t.slug, slug)).limit(1);
      return rows[0] ? toRecord(rows[0]) : null;
    },
    async getPlans(slugs) {
      if (slugs.length === 0) return [];
      return (await db.select().from(t).where(inArray(t.slug, [...slugs]))).map(toRecord);
    },
    async listRecent(limit): Promise<PlanListRecord[]> {
      return db
        .select({
          slug: t.slug,
          title: t.title,
          summaryJson: t.summary,
          catalogVersion: t.catalogVersion,
          createdAtMs: t.createdAtMs,
        })
        .from(t)
        .orderBy(desc(t.createdAtMs), desc(t.id))
        .limit(limit);
    },
    async countPlans() {
      const rows = await db.select({ n: count() }).from(t);
      return Number(rows[0]?.n ?? 0);
    },
    async close() {
      await pool.end();
    },
  };
}
