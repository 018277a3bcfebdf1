import { FLAG_OF_FIELD } from "../../../cli/estimate/flags";
import type { EstimateInput } from "../../../lib/plan/estimate-input";

/** Fields written first, in this order, then every other field the CLI has a flag for (the CLI's own map). */
const LEAD: readonly (keyof EstimateInput)[] = ["model", "gpu", "weights", "kv", "tp", "pp", "dp", "moeTp", "moeEp", "engine", "isl", "osl", "concurrency"];
/** Written only when they differ from the schema's default (the command stays short). */
const DEFAULT_ONE: ReadonlySet<string> = new Set(["pp", "dp"]);
/** Not a flag of the scenario: a pasted config is named as a file, the request id is the caller's. */
const SKIP: ReadonlySet<string> = new Set(["id", "hfConfig", "hfConfigJson"]);

/**
 * The scenario as an `atlas estimate` command: one flag per field that is set, taken from the CLI's own flag map, so a
 * field the CLI gains is written here too. A pasted config becomes `--hf-config config.json` (the file the user saves).
 */
export function cliCommand(values: EstimateInput): string {
  const flags: string[] = [];
  if (!values.model) flags.push("--hf-config config.json");
  const rest = Object.keys(FLAG_OF_FIELD).filter((f) => !LEAD.includes(f as keyof EstimateInput));
  for (const field of [...LEAD, ...rest]) {
    if (SKIP.has(field)) continue;
    const v = (values as unknown as Record<string, unknown>)[field];
    if (v === undefined || v === null || v === "") continue;
    if (DEFAULT_ONE.has(field) && v === 1) continue;
    flags.push(`${FLAG_OF_FIELD[field]} ${String(v)}`);
  }
  return `npm run --silent atlas -- estimate ${flags.join(" ")}`;
}
