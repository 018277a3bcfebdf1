/**
 * Permalinks for unsaved work: the whole plan input in the URL, compact and versioned
 * (format: lib/plan/permalink-codec.ts). Opening one validates it with the shared plan
 * schema; anything wrong is a PermalinkError whose message says what happened and
 * `hint` what to do next — never a crash.
 */
import type { z } from "zod";
import { decodePayload, encodePayload, PermalinkError } from "./permalink-codec";
import { PLAN_SCHEMA_VERSION, planInputSchema, type PlanInput } from "./schema";

export { PermalinkError, PERMALINK_FORMAT_VERSION, type PermalinkErrorCode } from "./permalink-codec";

/** The query parameter that carries a permalink token (`/plan?i=v1.…`). */
export const PERMALINK_PARAM = "i";

/** What to offer the user after a PermalinkError. */
export function permalinkHint(err: PermalinkError): string {
  switch (err.code) {
    case "truncated":
      return "Ask the sender for the full link, or start a new plan.";
    case "version":
    case "schema":
      return "Open the planner and enter the plan again; the fields that no longer fit are listed below.";
    default:
      return "Start a new plan, or ask the sender for a fresh link.";
  }
}

function fieldIssues(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((i) => ({ field: i.path.map(String).join(".") || "(input)", message: i.message }));
}

/** Encodes a validated input under `schemaVersion`. Same input → same token (keys are sorted). */
export function encodePermalink(input: unknown, schemaVersion: string | number): string {
  return encodePayload(input, schemaVersion);
}

/**
 * Decodes and validates with `schema`. A link made under another schema version is
 * accepted when it still validates (reported as `fromSchemaVersion`); otherwise it is a
 * "schema" error that names the version and the fields.
 */
export function decodePermalink<S extends z.ZodType>(
  token: string,
  schema: S,
  currentSchemaVersion: string | number,
): { input: z.output<S>; fromSchemaVersion: string | null } {
  const { schemaVersion, value } = decodePayload(token);
  const r = schema.safeParse(value);
  const sameVersion = String(schemaVersion) === String(currentSchemaVersion);
  if (r.success) return { input: r.data, fromSchemaVersion: sameVersion ? null : String(schemaVersion) };
  if (!sameVersion) {
    throw new PermalinkError(
      "schema",
      `This link was made for an older plan form (version ${String(schemaVersion)}; now ${String(currentSchemaVersion)}) and some of its fields no longer fit.`,
      fieldIssues(r.error),
    );
  }
  throw new PermalinkError("schema", "This link's plan has fields that are not valid.", fieldIssues(r.error));
}

/** The plan input in a link, under the current PLAN_SCHEMA_VERSION. */
export function encodePlanPermalink(input: PlanInput): string {
  return encodePermalink(input, PLAN_SCHEMA_VERSION);
}

/** A link → validated PlanInput (defaults applied); throws PermalinkError. */
export function decodePlanPermalink(token: string): { input: PlanInput; fromSchemaVersion: string | null } {
  return decodePermalink(token, planInputSchema, PLAN_SCHEMA_VERSION);
}
