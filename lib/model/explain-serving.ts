import type { EstimateInput } from "../plan/estimate-input";
import type { Derivation } from "./derivation";
import type { EstimateCore } from "./estimate";
import { secs, sig } from "./explain-format";

function d(key: string, label: string, value: number, unit: string, formula: string, substituted: string): Derivation {
  return { key, label, value, unit, formula, substituted };
}

/**
 * t_0, the serving stack's fixed first-token latency: the request's own (requestOverheadMs) or the engine's calibrated
 * value, said which, since the calibrated one is what the benchmark stacks of the calibration runs added.
 */
function requestOverhead(c: EstimateCore, input: EstimateInput): Derivation {
  const t0 = c.setup.f.ttftOverheadS;
  const yours = input.requestOverheadMs !== undefined;
  return d(
    "requestOverhead",
    "Serving-stack latency t_0",
    t0,
    "s",
    yours
      ? "t_0 = requestOverheadMs: the fixed first-token latency outside the GPU (HTTP, API server, gateway, tokenisation) that the request states"
      : `t_0 = the ${input.engine} profile's calibrated fixed first-token latency outside the GPU (HTTP, API server, tokenisation), fitted on the calibration runs' benchmark stacks; set requestOverheadMs to your stack's`,
    yours ? `${input.requestOverheadMs} ms = ${secs(t0)}` : `${secs(t0)} (calibrated)`,
  );
}

/** TPOT and TTFT of the closed loop, by how the scheduler runs it (serving.ts, prefill-first.ts), and t_0. */
export function servingDerivations(c: EstimateCore, input: EstimateInput): Derivation[] {
  return [...loopDerivations(c, input), requestOverhead(c, input)];
}

function loopDerivations(c: EstimateCore, input: EstimateInput): Derivation[] {
  const { serving: srv, setup: s } = c;
  const dec = srv.decode;
  const f = s.f;
  // speculative decoding: an iteration drafts k tokens per sequence and keeps τ of them
  const spec = s.spec;
  const perTok = spec ? ` / ${sig(spec.acceptanceLength)}` : "";
  const specWhy = spec
    ? `; speculative decoding: each iteration drafts k = ${spec.draftTokens} tokens per sequence (k passes of the MTP module, t_draft), verifies k + 1 in one pass and keeps τ = ${sig(spec.acceptanceLength)} of them, so the decode part of a token is t_step / τ`
    : "";
  if (srv.schedule === "waves") {
    return [
      d(
        "tpot",
        "Time per output token",
        srv.tpot,
        "s",
        "t_step(C_run) + (n − j̄) · t_pass / (OSL − 1) — prefill-first waves: the wave's later prefill passes stall a request after its first token" + specWhy,
        `${secs(dec.t)}${perTok} + (${sig(srv.prefillPasses)} − ${sig(srv.meanPrefillPass)}) · ${secs(srv.mixed.t)} / ${input.osl - 1} = ${secs(srv.tpot)}`,
      ),
      d(
        "ttft",
        "Time to first token",
        srv.ttft,
        "s",
        "t_0 + o · t_decode + j̄ · t_pass + KV-capacity wait — o: iterations an overlap scheduler had already scheduled; a wave's prompts are prefilled in n passes of up to K tokens; a request's prompt completes on pass j̄ on average",
        `${secs(f.ttftOverheadS)} + ${secs(srv.waitOverlap)} + ${sig(srv.meanPrefillPass)} · ${secs(srv.mixed.t)} (n = ${sig(srv.prefillPasses)} passes of ${sig(srv.mixed.prefillTokens)} tokens) + ${secs(srv.waitKv)} = ${secs(srv.ttft)}`,
      ),
    ];
  }
  if (srv.schedule === "staggered" && srv.staggered) {
    const g = srv.staggered;
    const w = g.firstWaveShare;
    const blend = w > 0;
    return [
      d(
        "tpot",
        "Time per output token",
        srv.tpot,
        "s",
        "t_decode / (1 − ρ), ρ = (λ/m) · n · t_pass — prefill-first scheduler, lengths that vary: the replacements arrive one by one and their prefill passes stall the others' decode" +
          (blend ? "; the benchmark's opening burst (a wave, share w = C_run/numPrompts) weighed in: w · TPOT_wave + (1 − w) · TPOT" : "") +
          specWhy,
        (blend ? `${sig(w)} · ${secs(g.tpotWave)} + ${sig(1 - w)} · ` : "") +
          `${secs(dec.t)}${perTok} / (1 − ${sig(g.prefillShare)}) (λ = ${sig(g.arrivalsPerSecond)}/s, m = ${sig(g.promptsPerPass)} prompts a pass) = ${secs(srv.tpot)}`,
      ),
      d(
        "ttft",
        "Time to first token",
        srv.ttft,
        "s",
        "t_0 + (N/2 + o) · t_decode + j̄ · t_pass(m) + KV-capacity wait — N: the scheduler takes in new requests every N decode iterations (SGLang --scheduler-recv-interval); o: iterations an overlap scheduler had already scheduled; m = 1 + λ·(N·t_decode + t_pass) prompts share the pass" +
          (blend
            ? "; the benchmark's mean: w · TTFT_wave (opening burst) + (1 − w) · mean over the g = 1…numPrompts/C − 1 generations of replacements, which arrive spread over √g times one request's spread in length (λ_g = C_run / (√g · spread))"
            : ""),
        (blend
          ? `${sig(w)} · ${secs(g.ttftWave)} + ${sig(1 - w)} · ${secs(g.ttftLater)} (${g.generations} generations; steady state ${secs(g.ttftSteady)} = `
          : "") +
          `${secs(f.ttftOverheadS)} + ${secs(srv.waitRecv)} + ${secs(srv.waitOverlap)} + ${sig(srv.meanPrefillPass)} · ${secs(srv.mixed.t)}` +
          (blend ? ")" : "") +
          ` + ${secs(srv.waitKv)} = ${secs(srv.ttft)}`,
      ),
    ];
  }
  return [
    d(
      "tpot",
      "Time per output token",
      srv.tpot,
      "s",
      (spec ? "[(1 − q) · t_step(b) + q · t_step(b + prefill chunk u)] / τ" : "(1 − q) · t_step(b) + q · t_step(b + prefill chunk u)") +
        "; t_step = Σ_op max(t_compute, t_memory) + t_comm + t_overhead" +
        (spec ? " + t_draft" : "") +
        specWhy,
      (spec ? "[" : "") +
        `(1 − ${sig(srv.prefillStepShare)}) · (${secs(dec.tRoofline)} + ${secs(dec.tComm)} + ${secs(dec.tOverhead)}${spec ? ` + ${secs(dec.tDraft)}` : ""}) + ${sig(srv.prefillStepShare)} · ${secs(srv.mixed.t)} (u = ${sig(srv.mixed.prefillTokens)} prefill tokens)` +
        (spec ? `]${perTok}` : "") +
        ` = ${secs(srv.tpot)}`,
    ),
    d(
      "ttft",
      "Time to first token",
      srv.ttft,
      "s",
      "t_0 + t̄/2 + o·t̄ + ⌈ISL/K⌉ · t_step(b + chunk) + β·(C/dp − 1)·t_prefill,alone + [dp > 1] w_dp·t̄ + [W > 0] w_W·t̄ + prefill-budget wait + KV-capacity wait — o: iterations an overlap scheduler had already scheduled; alone (C = 1) the request waits only for the decode step an overlap scheduler launched for its predecessor, min(o, 1)·t_decode/2, in place of t̄/2 + o·t̄; w_W: iterations batch waiting (TRT-LLM batch_wait_timeout_iters W) holds the prompt, W·(1 + a/2)/(1 + a) with a the prompts arriving in W iterations; prefill-budget wait: when the replacements' prompts need more than K tokens an iteration, only b_sat = K·(OSL − 1)·dp·pp/ISL sequences decode, requests finish at X = b_sat/((OSL − 1)·t̄) and the first token waits C_run/X − (OSL − 1)·t̄ in all (Little's law)",
      `${secs(f.ttftOverheadS)} + ${secs(srv.waitRunning)} + ${secs(srv.waitOverlap)} + ${srv.prefillChunks} · t_chunk + ${secs(srv.waitPrefill)} + ${secs(srv.waitDpBalance)} + ${secs(srv.waitBatch)} + ${secs(srv.waitBudget ?? 0)} + ${secs(srv.waitKv)} = ${secs(srv.ttft)}`,
    ),
  ];
}
