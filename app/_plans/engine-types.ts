import type { CsvCell } from "@/lib/plan/csv";
import type { PlanSummary } from "@/lib/plan/save-request";
import type { FieldError } from "./http";

/** A column of the options table: CSV header = label, the page formats cells by kind. */
export interface OptionColumn {
  readonly key: string;
  readonly label: string;
  readonly kind: "text" | "int" | "ms" | "usd" | "rate" | "pct";
  /** Shown in the on-page table (the CSV has every column). */
  readonly page: boolean;
}

/** One row of a plan's options table, as the CSV export and /compare show it. */
export interface OptionRow {
  readonly label: string;
  readonly cells: Readonly<Record<string, CsvCell>>;
}

/** The headline of a plan result: what /p, /plans and /compare lead with. */
export interface PlanHeadline {
  readonly feasible: boolean;
  readonly deployment: string | null;
  readonly costUsdPerMonth: number | null;
  readonly ttftP95Ms: number | null;
  readonly tpotP95Ms: number | null;
}

/**
 * What the plan routes need from the planner, behind one seam: parse with the shared
 * schema, run the search, and read a result. app/_plans/engine.ts implements it with
 * planInputSchema and runPlan; tests can pass a stand-in.
 */
export interface PlanEngine<I = unknown, R = unknown> {
  readonly schemaVersion: string | number;
  readonly catalogVersion: string;
  parseInput(raw: unknown): { ok: true; input: I } | { ok: false; errors: FieldError[] };
  /** A permalink token → validated input; throws PermalinkError (lib/plan/permalink.ts). */
  decodeLink(token: string): { input: I; fromSchemaVersion: string | null };
  /** Validated input → permalink token. */
  encodeLink(input: I): string;
  /** Runs the search; the server runs it on a worker thread (app/_server/plan-pool.ts), so it may be asynchronous. */
  compute(input: I): R | Promise<R>;
  summarize(input: I, result: R): PlanSummary;
  headline(result: unknown): PlanHeadline;
  /** Column names and rows of the options table, cheapest-first as ranked. */
  optionsTable(result: unknown): { columns: readonly OptionColumn[]; rows: readonly OptionRow[] };
}
