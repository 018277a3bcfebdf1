import { bigint, bigserial, index, pgTable, text } from "drizzle-orm/pg-core";

/**
 * Saved plans (PostgreSQL). Same columns and meaning as db/schema.ts (SQLite); JSON is
 * kept as text, not jsonb, so a plan reads back byte-for-byte as it was saved on both
 * back ends (jsonb would reorder keys); a large result is gzip+base64 (db/stored-json.ts).
 */
export const plans = pgTable(
  "plans",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    notes: text("notes").notNull().default(""),
    input: text("input").notNull(),
    result: text("result").notNull(),
    summary: text("summary").notNull().default("{}"),
    schemaVersion: text("schema_version").notNull(),
    catalogVersion: text("catalog_version").notNull(),
    sourceSlug: text("source_slug"),
    /** Milliseconds since the Unix epoch (bigint; fits a JS number until year 287,396). */
    createdAtMs: bigint("created_at_ms", { mode: "number" }).notNull(),
  },
  (t) => [index("plans_created_at_idx").on(t.createdAtMs)],
);

export type PlanRowPg = typeof plans.$inferSelect;
