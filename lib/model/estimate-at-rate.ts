import type { Derivation } from "./derivation";
import type { EstimateArgs } from "./estimate";
import type { EstimateResult } from "./estimate-types";
import { secs, sig, usdStr } from "./explain-format";
import { openLoopAt } from "./open-loop";

/**
 * estimateConfig for a request that gives a request rate λ (requestRate) instead of a concurrency: the replica's
 * steady state, N in flight with λ · E2E(N) ≤ N (open-loop.ts), the latencies at N, and what the rate implies for
 * throughput and cost — output tok/s = λ · OSL (the replica idles the rest of the time; cost per token grows
 * accordingly). A rate beyond the most the replica completes with its KV cache full is a problem. `osl` is the mean
 * request's output length (estimate.ts workloadOf), the OSL of E2E.
 */
export function estimateAtRate(args: EstimateArgs, at: (a: EstimateArgs) => EstimateResult, osl: number): EstimateResult {
  const rate = args.input.requestRate!;
  const { requestRate: _, ...closed } = args.input;
  const lean = (c: number) => at({ ...args, explain: false, input: { ...closed, concurrency: c } });
  const one = lean(1);
  if (!one.fits) {
    const r = at({ ...args, input: { ...closed, concurrency: 1 } });
    return { ...r, openLoop: { requestRate: rate, inFlight: 1, saturated: false, completedPerSecond: 0 } };
  }
  const p = openLoopAt(lean, osl, rate, one.maxConcurrency);
  const r = at({ ...args, input: { ...closed, concurrency: p.inFlight } });
  const openLoop = { requestRate: rate, inFlight: p.inFlight, saturated: p.saturated, completedPerSecond: p.completedPerSecond };
  const e2e = (r.ttftMs + (osl - 1) * r.tpotMs) / 1e3;
  const derivation: Derivation = {
    key: "openLoop.inFlight",
    label: "Requests in flight at the offered rate",
    value: p.inFlight,
    unit: "1",
    formula: p.saturated
      ? "λ · (TTFT(C_max) + (OSL − 1) · TPOT(C_max)) > C_max: even with its KV cache full the replica completes fewer than λ requests/s (saturated)"
      : "N = the fewest requests in flight with λ · (TTFT(N) + (OSL − 1) · TPOT(N)) ≤ N (Little's law: the open-loop steady state)",
    substituted: `${sig(rate)}/s · (${secs(r.ttftMs / 1e3)} + ${sig(osl - 1)} · ${secs(r.tpotMs / 1e3)}) = ${sig(rate * e2e)} ${p.saturated ? ">" : "≤"} ${p.inFlight}`,
  };
  const derivations = r.derivations ? [...r.derivations, derivation] : undefined;
  if (p.saturated) {
    const problem = `At ${sig(rate)} requests/s one replica saturates: with the ${p.inFlight} requests its KV cache holds it completes ${sig(p.completedPerSecond)}/s, so the queue grows without end. Offer less per replica (more replicas) or give it more GPUs or memory.`;
    return { ...r, fits: false, problems: [...r.problems, problem], openLoop, ...(derivations ? { derivations } : {}) };
  }
  // closed loop at N completes N / E2E(N) ≥ λ requests/s; open, the replica completes λ and idles the rest
  const out = rate * osl;
  const scale = r.outputTokensPerSecond > 0 ? r.outputTokensPerSecond / out : 1;
  const open: EstimateResult = {
    ...r,
    outputTokensPerSecond: out,
    outputTokensPerSecondPerGpu: out / r.gpusPerReplica,
    costUsdPerMillionInputTokens: r.costUsdPerMillionInputTokens * scale,
    costUsdPerMillionOutputTokens: r.costUsdPerMillionOutputTokens * scale,
    openLoop,
  };
  return derivations ? { ...open, derivations: derivations.map((d) => openLoopDerivation(d, r, open, rate, osl, scale)) } : open;
}

/** The throughput and cost derivations of the closed loop at N, restated for the open loop at λ (others unchanged). */
function openLoopDerivation(d: Derivation, closed: EstimateResult, open: EstimateResult, rate: number, osl: number, scale: number): Derivation {
  switch (d.key) {
    case "throughput":
      return { ...d, value: open.outputTokensPerSecond, formula: "λ · OSL — open loop: the replica completes what is offered and idles the rest", substituted: `${sig(rate)}/s · ${sig(osl)} = ${sig(open.outputTokensPerSecond)} tok/s` };
    case "throughputPerGpu":
      return { ...d, value: open.outputTokensPerSecondPerGpu, substituted: `${sig(open.outputTokensPerSecond)} / ${closed.gpusPerReplica} = ${sig(open.outputTokensPerSecondPerGpu)} tok/s` };
    case "cost.perMillionInput":
    case "cost.perMillionOutput": {
      const input = d.key === "cost.perMillionInput";
      const was = input ? closed.costUsdPerMillionInputTokens : closed.costUsdPerMillionOutputTokens;
      const now = input ? open.costUsdPerMillionInputTokens : open.costUsdPerMillionOutputTokens;
      return {
        ...d,
        value: now,
        formula: `${d.formula} at N in flight, × (N / E2E(N)) / λ — the same GPU-hours over the tokens the rate brings`,
        substituted: `${usdStr(was)} · ${sig(scale)} = ${usdStr(now)}`,
      };
    }
    default:
      return d;
  }
}
