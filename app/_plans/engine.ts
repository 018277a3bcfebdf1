/**
 * PROVISIONAL: the planner's lib/plan/schema.ts and lib/search (runPlan) have not landed
 * yet; this stand-in keeps the routes compiling. It is replaced by the real adapter
 * (planInputSchema + runPlan) as soon as they exist.
 */
import { z } from "zod";
import { CATALOG_VERSION } from "@/lib/catalog";
import { EMPTY_SUMMARY } from "@/lib/plan/save-request";
import { decodePermalink, encodePermalink } from "@/lib/plan/permalink";
import type { PlanEngine } from "./engine-types";

const provisionalSchema = z.record(z.string(), z.unknown());
const SCHEMA_VERSION = 0;

export const planEngine: PlanEngine<Record<string, unknown>, unknown> = {
  schemaVersion: SCHEMA_VERSION,
  catalogVersion: CATALOG_VERSION,
  parseInput(raw) {
    const r = provisionalSchema.safeParse(raw);
    return r.success
      ? { ok: true, input: r.data }
      : { ok: false, errors: r.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })) };
  },
  decodeLink: (t) => decodePermalink(t, provisionalSchema, SCHEMA_VERSION),
  encodeLink: (i) => encodePermalink(i, SCHEMA_VERSION),
  compute: () => ({ options: [] }),
  summarize: () => EMPTY_SUMMARY,
  headline: () => ({ feasible: false, deployment: null, costUsdPerMonth: null, ttftP95Ms: null, tpotP95Ms: null }),
  optionsTable: () => ({ columns: [], rows: [] }),
};
