import { EMPTY_SUMMARY, planSummarySchema, type PlanSummary } from "../lib/plan/save-request";
import { isSlug, newSlug } from "./slug";
import { SlugTakenError, type PlanRecord, type PlanStore } from "./store";

/**
 * The data-access layer, without `import "server-only"` so tests can load it;
 * app code imports db/queries.ts, which re-exports this behind the server-only guard.
 */

export class PlanNotFoundError extends Error {
  constructor(readonly slug: string) {
    super(`no saved plan with slug "${slug}"`);
    this.name = "PlanNotFoundError";
  }
}

export interface CreatePlanArgs {
  readonly title: string;
  readonly notes: string;
  /** Validated plan input (serialised as JSON). */
  readonly input: unknown;
  /** Result computed from `input` at save time (serialised as JSON: the snapshot). */
  readonly result: unknown;
  readonly summary?: PlanSummary;
  readonly schemaVersion: string | number;
  readonly catalogVersion: string;
  readonly sourceSlug?: string | null;
}

export interface CreatePlanOptions {
  readonly now?: () => number;
  readonly slug?: () => string;
}

export interface SavedPlan {
  readonly slug: string;
  readonly title: string;
  readonly notes: string;
  /** Parsed JSON; validate with the plan schema before use. */
  readonly input: unknown;
  readonly result: unknown;
  readonly inputJson: string;
  readonly resultJson: string;
  readonly summary: PlanSummary;
  readonly schemaVersion: string;
  readonly catalogVersion: string;
  readonly sourceSlug: string | null;
  readonly createdAt: Date;
}

export interface PlanListItem {
  readonly slug: string;
  readonly title: string;
  readonly summary: PlanSummary;
  readonly catalogVersion: string;
  readonly createdAt: Date;
}

const MAX_SLUG_ATTEMPTS = 5;

/** Any value → JSON text; throws on values JSON cannot hold (NaN/Infinity become null, as JSON.stringify does). */
function toJson(value: unknown, what: string): string {
  const s = JSON.stringify(value);
  if (s === undefined) throw new TypeError(`${what} is not representable as JSON`);
  return s;
}

function parseSummary(json: string): PlanSummary {
  try {
    const r = planSummarySchema.safeParse(JSON.parse(json));
    return r.success ? r.data : EMPTY_SUMMARY;
  } catch {
    return EMPTY_SUMMARY;
  }
}

function toSaved(r: PlanRecord): SavedPlan {
  return {
    slug: r.slug,
    title: r.title,
    notes: r.notes,
    input: JSON.parse(r.inputJson) as unknown,
    result: JSON.parse(r.resultJson) as unknown,
    inputJson: r.inputJson,
    resultJson: r.resultJson,
    summary: parseSummary(r.summaryJson),
    schemaVersion: r.schemaVersion,
    catalogVersion: r.catalogVersion,
    sourceSlug: r.sourceSlug,
    createdAt: new Date(r.createdAtMs),
  };
}

/**
 * Writes a new, immutable plan under a fresh random slug and resolves once the row is
 * committed (durable: see db/store-sqlite.ts). A slug collision (≈ n / 62¹² per save)
 * draws a new slug.
 */
export async function createPlan(
  store: PlanStore,
  args: CreatePlanArgs,
  opts: CreatePlanOptions = {},
): Promise<{ slug: string; createdAt: Date }> {
  const createdAtMs = (opts.now ?? Date.now)();
  const base = {
    title: args.title,
    notes: args.notes,
    inputJson: toJson(args.input, "input"),
    resultJson: toJson(args.result, "result"),
    summaryJson: toJson(args.summary ?? EMPTY_SUMMARY, "summary"),
    schemaVersion: String(args.schemaVersion),
    catalogVersion: args.catalogVersion,
    sourceSlug: args.sourceSlug ?? null,
    createdAtMs,
  };
  for (let attempt = 1; ; attempt++) {
    const slug = (opts.slug ?? newSlug)();
    try {
      await store.insertPlan({ ...base, slug });
      return { slug, createdAt: new Date(createdAtMs) };
    } catch (err) {
      if (!(err instanceof SlugTakenError) || attempt >= MAX_SLUG_ATTEMPTS) throw err;
    }
  }
}

/** The saved plan, or PlanNotFoundError (also for strings that cannot be slugs: no query is run). */
export async function getPlanBySlug(store: PlanStore, { slug }: { slug: string }): Promise<SavedPlan> {
  if (!isSlug(slug)) throw new PlanNotFoundError(slug);
  const r = await store.getPlan(slug);
  if (!r) throw new PlanNotFoundError(slug);
  return toSaved(r);
}

/** Several plans, in the order asked; PlanNotFoundError names the first missing one. */
export async function getPlansBySlugs(store: PlanStore, { slugs }: { slugs: readonly string[] }): Promise<SavedPlan[]> {
  const bad = slugs.find((s) => !isSlug(s));
  if (bad !== undefined) throw new PlanNotFoundError(bad);
  const rows = new Map((await store.getPlans(slugs)).map((r) => [r.slug, r]));
  return slugs.map((s) => {
    const r = rows.get(s);
    if (!r) throw new PlanNotFoundError(s);
    return toSaved(r);
  });
}

export async function listRecentPlans(store: PlanStore, { limit = 50 }: { limit?: number } = {}): Promise<PlanListItem[]> {
  const n = Math.max(1, Math.min(200, Math.floor(limit)));
  return (await store.listRecent(n)).map((r) => ({
    slug: r.slug,
    title: r.title,
    summary: parseSummary(r.summaryJson),
    catalogVersion: r.catalogVersion,
    createdAt: new Date(r.createdAtMs),
  }));
}

export async function countPlans(store: PlanStore): Promise<number> {
  return store.countPlans();
}
