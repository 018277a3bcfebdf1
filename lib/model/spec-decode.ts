import type { ModelArch, MtpSpec } from "../catalog/types";
import type { EstimateInput } from "../plan/estimate-input";
import type { SpecDecode } from "./setup";

/**
 * Mean tokens a verify pass keeps per sequence with k draft tokens, when the first draft is accepted with probability
 * a₁ and each later one, given the ones before it, with a:
 *   τ(k) = 1 + a₁ · (1 + a + … + a^(k−1)) = 1 + a₁ · (1 − a^k) / (1 − a)
 * (the 1: the token the verify pass computes itself after the last accepted draft).
 */
export function acceptanceLength(acceptance: NonNullable<MtpSpec["acceptance"]>, k: number): number {
  const { first, later } = acceptance;
  if (k <= 0) return 1;
  const tail = later === 1 ? k : (1 - later ** k) / (1 - later);
  return 1 + first * tail;
}

/** The acceptance length the estimate uses when the request gives none: the model's published rates, else null. */
export function defaultAcceptanceLength(model: ModelArch, k: number): number | null {
  const a = model.mtp?.acceptance;
  return a && k > 0 ? acceptanceLength(a, k) : null;
}

export type SpecDecodeResolution =
  | { readonly spec: SpecDecode | null; readonly problem: null }
  | { readonly spec: null; readonly problem: string };

/**
 * The speculative decoding a request asks for (mtpDraftTokens, mtpAcceptanceLength), against what the model ships:
 * off without draft tokens; a problem when the model has no MTP module, or when it publishes no acceptance rates and
 * the request gives no acceptance length.
 */
export function specDecodeOf(
  input: Pick<EstimateInput, "mtpDraftTokens" | "mtpAcceptanceLength">,
  model: ModelArch,
): SpecDecodeResolution {
  const k = input.mtpDraftTokens ?? 0;
  if (k === 0) return { spec: null, problem: null };
  const mtp = model.mtp;
  if (!mtp || mtp.modules < 1) {
    return {
      spec: null,
      problem: `${model.name} ships no multi-token-prediction module (config num_nextn_predict_layers): set mtpDraftTokens to 0.`,
    };
  }
  if (input.mtpAcceptanceLength !== undefined) {
    return { spec: { draftTokens: k, acceptanceLength: input.mtpAcceptanceLength, modules: mtp.modules }, problem: null };
  }
  if (!mtp.acceptance) {
    return {
      spec: null,
      problem: `${model.name} publishes no MTP acceptance rate: give mtpAcceptanceLength (mean tokens kept per verify pass, 1 to ${k + 1}), as the engine logs it.`,
    };
  }
  return { spec: { draftTokens: k, acceptanceLength: acceptanceLength(mtp.acceptance, k), modules: mtp.modules }, problem: null };
}
