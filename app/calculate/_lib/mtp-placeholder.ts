import type { ModelArch } from "../../../lib/catalog/types";
import { defaultAcceptanceLength } from "../../../lib/model/spec-decode";

/** What an empty "MTP acceptance length" field stands for, for its placeholder. */
export function acceptancePlaceholder(model: ModelArch | null, draftTokens: number): string {
  if (!model?.mtp) return "no MTP module";
  if (draftTokens <= 0) return "drafts off";
  const tau = defaultAcceptanceLength(model, draftTokens);
  return tau === null ? "needed: none published" : `${tau.toFixed(2)} (published)`;
}
