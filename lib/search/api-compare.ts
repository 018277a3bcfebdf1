/**
 * Self-host against a hosted API: the same monthly traffic at public list prices, and the break-even volume.
 *   API $/month          = input tokens/month · $in/10⁶ + output tokens/month · $out/10⁶
 *   API $/request        = (mean ISL · $in + mean OSL · $out) / 10⁶
 *   break-even requests  = self-host $/month ÷ API $/request   (below it, the API costs less than this deployment)
 * Only list prices for the same model family count (a closed model is not the same product).
 */
import { API_PRICES } from "../catalog";
import type { ApiPrice } from "../catalog/types";
import type { Derivation } from "../model/derivation";
import { sig, usdStr } from "../model/explain-format";
import { amount, usd } from "./words";
import type { ApiComparison, ApiComparisonRow, TrafficSummary } from "./types";

/** Which API price rows sell the same model as a catalog id. */
const MATCHERS: readonly { readonly ids: readonly string[]; readonly pattern: RegExp }[] = [
  { ids: ["llama-3.1-70b", "llama-3.3-70b"], pattern: /llama[^0-9]*3[.p]3[^0-9]*70b/i },
  { ids: ["deepseek-v3"], pattern: /deepseek[- ]v3|deepseek-chat/i },
  { ids: ["deepseek-r1"], pattern: /deepseek-r1|deepseek-reasoner/i },
  { ids: ["gpt-oss-120b"], pattern: /^gpt-oss-120b$/i },
  { ids: ["gpt-oss-20b"], pattern: /^gpt-oss-20b$/i },
];

export function apiPricesFor(modelId: string): ApiPrice[] {
  const m = MATCHERS.find((x) => x.ids.includes(modelId));
  if (!m) return [];
  return API_PRICES.filter((p) => m.pattern.test(p.model) && p.usdPerMillionInput !== null);
}

export function compareWithApi(
  modelId: string,
  modelName: string,
  traffic: TrafficSummary,
  meanIsl: number,
  meanOsl: number,
  selfHostUsdPerMonth: number | null,
  minDeploymentUsdPerMonth: number | null,
): ApiComparison {
  const rows: ApiComparisonRow[] = apiPricesFor(modelId)
    .map((p) => ({
      provider: p.provider,
      model: p.model,
      usdPerMillionInput: p.usdPerMillionInput,
      usdPerMillionOutput: p.usdPerMillionOutput,
      costUsdPerMonth:
        (traffic.inputTokensPerMonth * (p.usdPerMillionInput ?? 0) + traffic.outputTokensPerMonth * p.usdPerMillionOutput) / 1e6,
      dateSeen: p.dateSeen,
      source: p.source,
    }))
    .sort((a, b) => a.costUsdPerMonth - b.costUsdPerMonth);
  const cheapest = rows[0];
  if (!cheapest) {
    return {
      rows,
      selfHostUsdPerMonth,
      breakEvenRequestsPerMonth: null,
      breakEvenMinDeploymentRequestsPerMonth: null,
      words: `No public API list price for ${modelName} is in the catalog, so there is no like-for-like comparison.`,
      derivations: [],
    };
  }
  const perRequest = (meanIsl * (cheapest.usdPerMillionInput ?? 0) + meanOsl * cheapest.usdPerMillionOutput) / 1e6;
  const breakEven = selfHostUsdPerMonth !== null && perRequest > 0 ? selfHostUsdPerMonth / perRequest : null;
  const breakEvenMin = minDeploymentUsdPerMonth !== null && perRequest > 0 ? minDeploymentUsdPerMonth / perRequest : null;
  const derivations: Derivation[] = [
    {
      key: "api.costPerMonth",
      label: `${cheapest.provider} API cost per month`,
      value: cheapest.costUsdPerMonth,
      unit: "USD",
      formula: "input tokens/month · $in ÷ 10⁶ + output tokens/month · $out ÷ 10⁶",
      substituted: `${sig(traffic.inputTokensPerMonth)} · ${cheapest.usdPerMillionInput} ÷ 10⁶ + ${sig(traffic.outputTokensPerMonth)} · ${cheapest.usdPerMillionOutput} ÷ 10⁶ = ${usdStr(cheapest.costUsdPerMonth)}`,
    },
    {
      key: "api.costPerRequest",
      label: "API cost per request",
      value: perRequest,
      unit: "USD",
      formula: "(mean ISL · $in + mean OSL · $out) ÷ 10⁶",
      substituted: `(${meanIsl} · ${cheapest.usdPerMillionInput} + ${meanOsl} · ${cheapest.usdPerMillionOutput}) ÷ 10⁶ = ${usdStr(perRequest)}`,
    },
  ];
  if (breakEven !== null && selfHostUsdPerMonth !== null) {
    derivations.push({
      key: "api.breakEven",
      label: "Break-even requests per month",
      value: breakEven,
      unit: "req/month",
      formula: "self-host $/month ÷ API $/request",
      substituted: `${usdStr(selfHostUsdPerMonth)} ÷ ${usdStr(perRequest)} = ${sig(breakEven)}`,
    });
  }
  let words: string;
  if (selfHostUsdPerMonth === null || breakEven === null) {
    words = `At list prices the same traffic costs ${usd(cheapest.costUsdPerMonth)}/month on ${cheapest.provider}; no self-hosted option met the constraints to compare with.`;
  } else if (cheapest.costUsdPerMonth < selfHostUsdPerMonth) {
    words = `At list prices the same traffic costs ${usd(cheapest.costUsdPerMonth)}/month on ${cheapest.provider}, less than self-hosting (${usd(selfHostUsdPerMonth)}/month). This deployment pays off above about ${amount(breakEven)} requests/month (now ${amount(traffic.requestsPerMonth)}).`;
  } else {
    words = `Self-hosting (${usd(selfHostUsdPerMonth)}/month) costs less than ${cheapest.provider}'s list price for the same traffic (${usd(cheapest.costUsdPerMonth)}/month). Below about ${amount(breakEven)} requests/month the API would be cheaper than this deployment.`;
  }
  if (breakEvenMin !== null) {
    words += ` The smallest deployment (one replica plus redundancy) breaks even at about ${amount(breakEvenMin)} requests/month.`;
  }
  return {
    rows,
    selfHostUsdPerMonth,
    breakEvenRequestsPerMonth: breakEven,
    breakEvenMinDeploymentRequestsPerMonth: breakEvenMin,
    words,
    derivations,
  };
}
