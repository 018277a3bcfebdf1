import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Saved plans (SQLite). A row is written once and never updated: "duplicate and edit"
 * creates a new row whose `sourceSlug` points at the original.
 *
 * `input` and `result` are stored as the exact JSON text that was validated / computed,
 * so a plan reads back byte-for-byte as it was saved; they are re-parsed with the plan
 * schema on read (see db/queries-core.ts), never cast.
 */
export const plans = sqliteTable(
  "plans",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Unguessable public id, base62, see db/slug.ts. */
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    notes: text("notes").notNull().default(""),
    /** JSON text of the validated plan input. */
    input: text("input").notNull(),
    /** The plan result as computed at save time (the snapshot): JSON text, gzip+base64 when large (db/stored-json.ts). */
    result: text("result").notNull(),
    /** Small JSON object for lists (headline cost, model, chosen deployment). */
    summary: text("summary").notNull().default("{}"),
    /** Plan input schema version the input was validated against. */
    schemaVersion: text("schema_version").notNull(),
    /** Catalog data version the result was computed with. */
    catalogVersion: text("catalog_version").notNull(),
    /** Slug of the plan this one was duplicated from, if any. */
    sourceSlug: text("source_slug"),
    /** Milliseconds since the Unix epoch. */
    createdAtMs: integer("created_at_ms").notNull(),
  },
  (t) => [index("plans_created_at_idx").on(t.createdAtMs)],
);

export type PlanRowSqlite = typeof plans.$inferSelect;
