/**
 * Traffic: the peak arrival rate the deployment is sized for, and the month's volume its cost is spread over.
 *   users mode: average λ̄ = DAU · requests/user/day ÷ 86 400 s;  peak λ = λ̄ · peak-to-average
 *   peak mode:  peak λ given;  λ̄ = λ ÷ peak-to-average
 *   requests/month = λ̄ · 3600 · HOURS_PER_MONTH;  tokens/month = requests/month · mean tokens per request
 */
import type { Derivation } from "../model/derivation";
import { sig } from "../model/explain-format";
import { HOURS_PER_MONTH, SECONDS_PER_HOUR } from "../model/units";
import type { PlanInput } from "../plan/schema";
import type { TrafficSummary } from "./types";

const SECONDS_PER_DAY = 86_400;

export function trafficSummary(input: PlanInput): TrafficSummary {
  const t = input.traffic;
  const w = input.workload;
  const f = t.peakToAverage;
  const d: Derivation[] = [];
  let peak: number;
  let avg: number;
  let dau: number | null = null;
  if (t.mode === "users") {
    dau = t.dailyActiveUsers ?? 0;
    const rpd = t.requestsPerUserPerDay ?? 0;
    avg = (dau * rpd) / SECONDS_PER_DAY;
    peak = avg * f;
    d.push({
      key: "traffic.average",
      label: "Average request rate",
      value: avg,
      unit: "req/s",
      formula: "DAU · requests per user per day ÷ 86 400 s",
      substituted: `${dau} · ${rpd} ÷ 86400 = ${sig(avg)} req/s`,
    });
    d.push({
      key: "traffic.peak",
      label: "Peak request rate",
      value: peak,
      unit: "req/s",
      formula: "average rate · peak-to-average factor",
      substituted: `${sig(avg)} · ${f} = ${sig(peak)} req/s`,
    });
  } else {
    peak = t.peakRequestsPerSecond ?? 0;
    avg = peak / f;
    d.push({
      key: "traffic.peak",
      label: "Peak request rate",
      value: peak,
      unit: "req/s",
      formula: "given",
      substituted: `${sig(peak)} req/s`,
    });
    d.push({
      key: "traffic.average",
      label: "Average request rate",
      value: avg,
      unit: "req/s",
      formula: "peak rate ÷ peak-to-average factor",
      substituted: `${sig(peak)} ÷ ${f} = ${sig(avg)} req/s`,
    });
  }
  const requestsPerMonth = avg * SECONDS_PER_HOUR * HOURS_PER_MONTH;
  const inputTokensPerMonth = requestsPerMonth * w.inputTokens;
  const outputTokensPerMonth = requestsPerMonth * w.outputTokens;
  d.push({
    key: "traffic.requestsPerMonth",
    label: "Requests per month",
    value: requestsPerMonth,
    unit: "1",
    formula: "average rate · 3600 s · 730.5 h",
    substituted: `${sig(avg)} · 3600 · ${HOURS_PER_MONTH} = ${sig(requestsPerMonth)}`,
  });
  d.push({
    key: "traffic.tokensPerMonth",
    label: "Tokens per month (input + output)",
    value: inputTokensPerMonth + outputTokensPerMonth,
    unit: "tok",
    formula: "requests per month · (mean input + mean output tokens)",
    substituted: `${sig(requestsPerMonth)} · (${w.inputTokens} + ${w.outputTokens}) = ${sig(inputTokensPerMonth + outputTokensPerMonth)}`,
  });
  return {
    peakRequestsPerSecond: peak,
    averageRequestsPerSecond: avg,
    requestsPerMonth,
    inputTokensPerMonth,
    outputTokensPerMonth,
    dailyActiveUsers: dau,
    derivations: d,
  };
}
