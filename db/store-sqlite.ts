import Database from "better-sqlite3";
import { count, desc, eq, inArray, sql } from "drizzle-orm";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import fs from "node:fs";
import path from "node:path";
import * as schema from "./schema";
import { packJson, unpackJson } from "./stored-json";
import { isUniqueViolation, SlugTakenError, type PlanListRecord, type PlanRecord, type PlanStore } from "./store";

export type SqliteDb = BetterSQLite3Database<typeof schema>;

export interface SqliteStoreOptions {
  /** File path, or ":memory:". */
  readonly file: string;
  /** Folder of drizzle-kit migrations; default ./drizzle under the working directory. */
  readonly migrationsFolder?: string;
}

/**
 * Durability: WAL + synchronous=FULL. In WAL mode every COMMIT appends to the -wal file;
 * FULL fsyncs the WAL at each commit, so a save is on disk before better-sqlite3's
 * synchronous `run()` returns — before the HTTP response is even built. That survives
 * kill -9 of the server (NORMAL would too: the WAL write is in the OS page cache) and, with
 * FULL, a power cut as well. Cost: one fsync per save, well under a millisecond here.
 */
const PRAGMAS = ["journal_mode = WAL", "synchronous = FULL", "busy_timeout = 5000", "foreign_keys = ON"];

export function openSqlite(opts: SqliteStoreOptions): { sqlite: Database.Database; db: SqliteDb } {
  if (opts.file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(opts.file)), { recursive: true });
  const sqlite = new Database(opts.file);
  for (const p of PRAGMAS) sqlite.pragma(p);
  const db = drizzle({ client: sqlite, schema });
  const migrationsFolder = opts.migrationsFolder ?? path.join(process.cwd(), "drizzle");
  try {
    migrate(db, { migrationsFolder });
  } catch (err) {
    // Another process may have applied the same migration between our check and our
    // CREATE; the second pass sees it recorded and does nothing. A real error throws again.
    migrate(db, { migrationsFolder });
    void err;
  }
  return { sqlite, db };
}

const listColumns = {
  slug: schema.plans.slug,
  title: schema.plans.title,
  summaryJson: schema.plans.summary,
  catalogVersion: schema.plans.catalogVersion,
  createdAtMs: schema.plans.createdAtMs,
};

function toRecord(r: schema.PlanRowSqlite): PlanRecord {
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

export function createSqliteStore(opts: SqliteStoreOptions): PlanStore & { readonly sqlite: Database.Database } {
  const { sqlite, db } = openSqlite(opts);
  const t = schema.plans;
  // Prepared once: the permalink read is the hot path.
  const bySlug = db
    .select()
    .from(t)
    .where(eq(t.slug, sql.placeholder("slug")))
    .limit(1)
    .prepare();
  return {
    kind: "sqlite",
    sqlite,
    async insertPlan(r) {
      try {
        db.insert(t)
          .values({
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
          })
          .run();
      } catch (err) {
        if (isUniqueViolation(err)) throw new SlugTakenError(r.slug);
        throw err;
      }
    },
    async getPlan(slug) {
      const row = bySlug.get({ slug });
      return row ? toRecord(row) : null;
    },
    async getPlans(slugs) {
      if (slugs.length === 0) return [];
      return db.select().from(t).where(inArray(t.slug, [...slugs])).all().map(toRecord);
    },
    async listRecent(limit): Promise<PlanListRecord[]> {
      return db.select(listColumns).from(t).orderBy(desc(t.createdAtMs), desc(t.id)).limit(limit).all();
    },
    async countPlans() {
      return db.select({ n: count() }).from(t).get()?.n ?? 0;
    },
    async close() {
      if (sqlite.open) sqlite.close();
    },
  };
}
