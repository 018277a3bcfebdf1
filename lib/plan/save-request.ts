import { z } from "zod";

export const TITLE_MAX = 200;
export const NOTES_MAX = 5000;

/**
 * Body of `POST /api/plans`. `input` is validated separately with the plan schema
 * (lib/plan/schema.ts) so its field errors come back with an `input.` prefix.
 */
export const savePlanRequestSchema = z.object({
  title: z
    .string({ error: "title must be text" })
    .trim()
    .min(1, { error: "title is required" })
    .max(TITLE_MAX, { error: `title must be at most ${TITLE_MAX} characters` }),
  notes: z
    .string({ error: "notes must be text" })
    .max(NOTES_MAX, { error: `notes must be at most ${NOTES_MAX} characters` })
    .default(""),
  /** The plan input; validated with planInputSchema by the route. */
  input: z.unknown(),
  /** Slug of the plan this one duplicates ("duplicate and edit"). */
  sourceSlug: z
    .string({ error: "sourceSlug must be text" })
    .regex(/^[0-9A-Za-z]{12}$/, { error: "sourceSlug must be a plan slug (12 letters and digits)" })
    .optional(),
});
export type SavePlanRequest = z.output<typeof savePlanRequestSchema>;

/** The few figures a list of plans shows, stored beside the snapshot at save time. */
export const planSummarySchema = z.object({
  model: z.string().nullable(),
  /** One-line description of the chosen deployment, e.g. "2× H100 SXM · FP8 · TP2". */
  deployment: z.string().nullable(),
  costUsdPerMonth: z.number().nullable(),
  feasible: z.boolean().nullable(),
});
export type PlanSummary = z.output<typeof planSummarySchema>;
export const EMPTY_SUMMARY: PlanSummary = { model: null, deployment: null, costUsdPerMonth: null, feasible: null };
