/**
 * Saved-plan lineage ("Duplicate and edit"): the planner link of a copy carries `from=<slug of the original>`, and the
 * copy is saved with `sourceSlug` (lib/plan/save-request.ts). This file holds the pure half: reading `from` from a
 * query and naming the copy. Whether the original still exists is the server's question (app/_plans/source.ts).
 */
import { TITLE_MAX } from "./save-request";

/** The query parameter that names the saved plan a planner session copies (`/plan?i=…&from=AbC123xYz789`). */
export const FROM_PARAM = "from";

/** A saved plan's slug: 12 letters and digits (db/slug.ts draws them; save-request.ts checks `sourceSlug` the same way). */
export const PLAN_SLUG_PATTERN = /^[0-9A-Za-z]{12}$/;

/**
 * A `from` query value → the slug, or null for anything that is not exactly one well-formed slug (missing, empty,
 * repeated, padded, too short or long, other characters). Never throws: a bad value simply means "no lineage".
 */
export function parseFromParam(raw: unknown): string | null {
  return typeof raw === "string" && PLAN_SLUG_PATTERN.test(raw) ? raw : null;
}

/** The title a copy starts with: "Copy of <original>", cut to the save form's limit. */
export function copyTitle(originalTitle: string): string {
  return `Copy of ${originalTitle.trim()}`.slice(0, TITLE_MAX).trimEnd();
}
