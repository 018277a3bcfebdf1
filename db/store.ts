/**
 * The storage port: the few queries Atlas runs against its database, implemented once
 * for SQLite (db/store-sqlite.ts) and once for PostgreSQL (db/store-pg.ts) with drizzle.
 * Rows hold JSON as text; parsing and validation happen a layer up (db/queries-core.ts).
 */

/** A row as written. Rows are immutable: there is no update. */
export interface PlanRecord {
  readonly slug: string;
  readonly title: string;
  readonly notes: string;
  readonly inputJson: string;
  readonly resultJson: string;
  readonly summaryJson: string;
  readonly schemaVersion: string;
  readonly catalogVersion: string;
  readonly sourceSlug: string | null;
  readonly createdAtMs: number;
}

/** What a list of recent plans needs: no input or result JSON. */
export interface PlanListRecord {
  readonly slug: string;
  readonly title: string;
  readonly summaryJson: string;
  readonly catalogVersion: string;
  readonly createdAtMs: number;
}

export type StoreKind = "sqlite" | "postgres";

export interface PlanStore {
  readonly kind: StoreKind;
  /** Inserts a row; throws SlugTakenError when the slug already exists. */
  insertPlan(record: PlanRecord): Promise<void>;
  getPlan(slug: string): Promise<PlanRecord | null>;
  /** Several plans at once (order not guaranteed); unknown slugs are absent. */
  getPlans(slugs: readonly string[]): Promise<PlanRecord[]>;
  /** Newest first. */
  listRecent(limit: number): Promise<PlanListRecord[]>;
  countPlans(): Promise<number>;
  close(): Promise<void>;
}

/** The slug is taken (unique constraint); the caller draws a new one. */
export class SlugTakenError extends Error {
  constructor(readonly slug: string) {
    super(`slug ${slug} is already taken`);
    this.name = "SlugTakenError";
  }
}

/** True when `err` (or its cause chain) is a unique-constraint violation, SQLite or PostgreSQL. */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    const o = e as { code?: unknown; cause?: unknown };
    // better-sqlite3: SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY; node-postgres: SQLSTATE 23505
    if (o.code === "SQLITE_CONSTRAINT_UNIQUE" || o.code === "SQLITE_CONSTRAINT_PRIMARYKEY" || o.code === "23505") {
      return true;
    }
    e = o.cause;
  }
  return false;
}
