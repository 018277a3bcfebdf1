/**
 * Which scenario field a plain-words problem or note from the core belongs to, so /calculate can show it where it
 * happens (under TP, under PP …). Matches the sentence openings lib/model writes (layout.ts, estimate.ts).
 */
export type ScenarioField = "tp" | "pp" | "dp" | "moeTp" | "moeEp" | "isl" | "osl" | "gpus" | "weights" | "concurrency" | "price" | "mtpDraftTokens" | "mtpAcceptanceLength";

const RULES: readonly (readonly [RegExp, ScenarioField])[] = [
  [/^TP=/, "tp"],
  [/^moeTp × moeEp/, "moeTp"],
  [/^moeEp=/, "moeEp"],
  [/^PP=/, "pp"],
  [/^ISL \+ OSL/, "isl"],
  [/^Request lengths vary/, "isl"],
  [/^Does not fit/, "gpus"],
  [/NVLink domain/, "tp"],
  [/no .* tensor-core path|weight-only/, "weights"],
  [/^No GPU price|^Price:/, "price"],
  [/num_nextn_predict_layers/, "mtpDraftTokens"],
  [/publishes no MTP acceptance rate/, "mtpAcceptanceLength"],
];

export function fieldOfRemark(text: string): ScenarioField | null {
  for (const [re, f] of RULES) if (re.test(text)) return f;
  return null;
}

/** Remarks grouped by field; those that match none stay in `general`. */
export function groupRemarks(texts: readonly string[]): { byField: Partial<Record<ScenarioField, string[]>>; general: string[] } {
  const byField: Partial<Record<ScenarioField, string[]>> = {};
  const general: string[] = [];
  for (const t of texts) {
    const f = fieldOfRemark(t);
    if (f) (byField[f] ??= []).push(t);
    else general.push(t);
  }
  return { byField, general };
}
