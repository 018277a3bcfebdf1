import type { EstimateInput } from "../plan/estimate-input";
import type { Derivation } from "./derivation";
import type { EstimateCore } from "./estimate";
import { bytesStr, count, flopStr, int, secs, sig, usdStr } from "./explain-format";
import { paramDerivations } from "./explain-params";
import { servingDerivations } from "./explain-serving";
import { kvBytesPerToken, linearLayerName, linearStateBytesPerLayer, MODEL_DTYPE_BYTES } from "./kv";
import { HOURS_PER_MONTH } from "./units";

function d(key: string, label: string, value: number, unit: string, formula: string, substituted: string): Derivation {
  return { key, label, value, unit, formula, substituted };
}

/** All derivations of one estimate, keyed as documented in lib/model/README.md. */
export function explainEstimate(c: EstimateCore, input: EstimateInput): Derivation[] {
  const { setup: s, layout: l, memory: mem, serving: srv, cost } = c;
  const m = s.model;
  const p = s.md.params;
  const wb = s.wb;
  const dec = srv.decode;
  const f = s.f;
  const capped = Number.isFinite(f.maxBatchPerRank);
  const capOpen = capped ? "min(" : "";
  const capClose = capped ? `, ${f.maxBatchPerRank})` : "";
  const out = paramDerivations(c);
  const kvpt = kvBytesPerToken(m, s.kvBytes);
  const a = m.attention;
  out.push(
    d(
      "weights.total",
      "Weight bytes (whole model)",
      wb.total,
      "B",
      "Σ params × bytes/weight (linears at the weight precision incl. scales; embeddings, norms, router, LM head at 16 bit)",
      `${bytesStr(wb.embedding + wb.lmHead)} (emb+head) + ${bytesStr(wb.attention)} (attn, ${s.lp.dense}) + ${bytesStr(wb.ffn + wb.sharedExperts)} (FFN) + ${bytesStr(wb.experts)} (experts, ${s.lp.experts}) + ${bytesStr(wb.router + wb.norms)} = ${bytesStr(wb.total)}`,
    ),
    d(
      "weights.perLayer",
      "Weight bytes per layer",
      wb.perLayer,
      "B",
      "(total − embedding − LM head) / L",
      `(${bytesStr(wb.total)} − ${bytesStr(wb.embedding + wb.lmHead)}) / ${m.layers} = ${bytesStr(wb.perLayer)}`,
    ),
    d(
      "weights.perGpu",
      "Weight bytes per GPU",
      s.wg.total,
      "B",
      "stage share · (attention + FFN)/tp + experts/(moeTp·moeEp) + (emb+head)/tp + norms",
      `${bytesStr(s.wg.attention)} + ${bytesStr(s.wg.ffn + s.wg.sharedExperts)} + ${bytesStr(s.wg.experts)} + ${bytesStr(s.wg.other)} (tp=${l.tp}, pp=${l.pp}, dp=${l.dp}, moeTp=${l.moeTp}, moeEp=${l.moeEp}) = ${bytesStr(s.wg.total)}`,
    ),
    d(
      "kv.bytesPerToken",
      "KV-cache bytes per token",
      kvpt,
      "B",
      a.kind === "gqa" ? "2 · L_attn · n_kv · h · bytes" : "(r_kv + h_r) · L_attn · bytes",
      a.kind === "gqa"
        ? `2 · ${m.layerKinds.full + m.layerKinds.sliding} · ${a.numKvHeads} · ${a.headDim} · ${sig(s.kvBytes)} B = ${bytesStr(kvpt)}`
        : `(${a.kvLoraRank} + ${a.qkRopeHeadDim}) · ${m.layerKinds.full + m.layerKinds.sliding} · ${sig(s.kvBytes)} B = ${bytesStr(kvpt)}`,
    ),
    ...linearStateDerivation(c),
    d(
      "flops.decodePerToken",
      "FLOPs per generated token",
      2 * p.active,
      "FLOP",
      "2 · active parameters (+ attention over the context)",
      `2 · ${count(p.active)} = ${flopStr(2 * p.active)}`,
    ),
    d(
      "bytes.decodePerStep",
      "Bytes read per GPU per decode step",
      dec.bytes,
      "B",
      "weights (dense) + touched experts + KV of the batch + LM head",
      `${bytesStr(dec.bytesWeights)} + ${bytesStr(dec.bytesExperts)}${m.moe ? ` (${sig(dec.expertsTouched)} of ${m.moe.numExperts} experts touched at ${s.spec ? `(k + 1)·B = ${s.spec.draftTokens + 1} · ${sig(srv.decodeBatch)} tokens` : `B=${sig(srv.decodeBatch)}`})` : ""} + ${bytesStr(dec.bytesKv)} + ${bytesStr(dec.bytesLmHead)} = ${bytesStr(dec.bytes)}`,
    ),
    s.spec
      ? d(
          "memory.weights",
          "VRAM: weights",
          mem.weights,
          "B",
          "weights per GPU · (1 + MTP modules / L) — speculative decoding loads the MTP modules, one decoder layer each",
          `${bytesStr(s.wg.total)} · (1 + ${s.spec.modules} / ${m.layers}) = ${bytesStr(mem.weights)}`,
        )
      : d("memory.weights", "VRAM: weights", mem.weights, "B", "weights per GPU", bytesStr(mem.weights)),
    d(
      "memory.kvCache",
      "VRAM: KV cache in use",
      mem.kvCache,
      "B",
      `min(⌈C/dp⌉, pool/KV_run) · KV per running request (ISL + s·OSL tokens${stateTerm(m)}, per GPU)`,
      `min(${int(Math.ceil(input.concurrency / l.dp))}, ${int(mem.maxConcurrency / l.dp)}) · ${bytesStr(mem.kvPerRunningRequest)} = ${bytesStr(mem.kvCache)}`,
    ),
    d(
      "memory.activations",
      "VRAM: activations / workspace",
      mem.activations,
      "B",
      "chunk tokens · 2 B · (4·d + 2·FFN width / tp)",
      `${f.prefillChunkTokens} · 2 · (4·${m.hiddenSize} + 2·${s.md.ffnWidth}/${l.tp}) = ${bytesStr(mem.activations)}`,
    ),
    d(
      "memory.reserve",
      "VRAM: runtime reserve",
      mem.runtimeReserve,
      "B",
      mem.kvOfFree
        ? "(1 − kv memory fraction) · (capacity − weights − activations)   (the fraction is of the memory free after loading)"
        : "(1 − kv memory fraction) · capacity",
      mem.kvOfFree
        ? `(1 − ${sig(f.kvMemFraction)}) · (${bytesStr(mem.capacity)} − ${bytesStr(mem.weights)} − ${bytesStr(mem.activations)}) = ${bytesStr(mem.runtimeReserve)}`
        : `(1 − ${sig(f.kvMemFraction)}) · ${bytesStr(mem.capacity)} = ${bytesStr(mem.runtimeReserve)}`,
    ),
    d(
      "memory.free",
      "VRAM: free",
      mem.free,
      "B",
      "capacity − weights − activations − reserve − KV in use",
      `${bytesStr(mem.capacity)} − ${bytesStr(mem.weights)} − ${bytesStr(mem.activations)} − ${bytesStr(mem.runtimeReserve)} − ${bytesStr(mem.kvCache)} = ${bytesStr(mem.free)}`,
    ),
    d(
      "maxConcurrency",
      capped ? "Max concurrent requests (KV cache and the engine's batch limit)" : "Max concurrent requests the KV cache holds",
      mem.maxConcurrency,
      "1",
      (mem.kvOfFree
        ? `dp · floor(f_kv · (capacity − weights − activations) / KV(ISL + s·OSL)), s = share of the output the scheduler counts${stateTerm(m) ? `; KV(n) per GPU includes the fixed ${linearLayerName(m)} state` : ""}`
        : `dp · floor((capacity · f_kv − weights − activations) / KV(ISL + s·OSL)), s = share of the output the scheduler counts${stateTerm(m) ? `; KV(n) per GPU includes the fixed ${linearLayerName(m)} state` : ""}`) +
        (capped ? `, at most dp · ${f.maxBatchPerRank} (the engine's batch limit per rank: vLLM max_num_seqs, SGLang max_running_requests, TensorRT-LLM max_batch_size; input maxBatch)` : "") +
        (s.spec ? "; with MTP drafts KV(n) = KV of n + k tokens × (1 + MTP modules / L): the module keeps a cache of its own" : ""),
      mem.kvOfFree
        ? `${l.dp} · ${capOpen}floor(${sig(f.kvMemFraction)} · (${bytesStr(mem.capacity)} − ${bytesStr(mem.weights)} − ${bytesStr(mem.activations)}) / ${bytesStr(mem.kvPerRunningRequest)})${capClose} = ${mem.maxConcurrency}   (s = ${sig(f.kvOutputShare)})`
        : `${l.dp} · ${capOpen}floor((${bytesStr(mem.capacity)} · ${sig(f.kvMemFraction)} − ${bytesStr(mem.weights)} − ${bytesStr(mem.activations)}) / ${bytesStr(mem.kvPerRunningRequest)})${capClose} = ${mem.maxConcurrency}   (s = ${sig(f.kvOutputShare)})`,
    ),
    d(
      "step.compute",
      "Decode step: compute time",
      dec.tCompute,
      "s",
      "Σ FLOPs / (peak · η_flop)",
      `${flopStr(dec.flops)} / (${flopStr(s.peakDense)}/s · ${sig(f.flopEff)}) ≈ ${secs(dec.tCompute)}`,
    ),
    d(
      "step.memory",
      "Decode step: memory time",
      dec.tMemory,
      "s",
      "Σ bytes / (HBM bandwidth · η_bw)",
      `${bytesStr(dec.bytes)} / (${bytesStr(s.gpu.hbmBandwidth)}/s · ${sig(f.bwEff)}) = ${secs(dec.tMemory)}`,
    ),
    d(
      "step.comm",
      "Decode step: communication",
      dec.tComm,
      "s",
      "per layer: TP all-reduce (latency + 2(n−1)/n · B·d·2 B / link) + MoE dispatch/combine",
      `tp=${l.tp}, moe group=${l.stageGpus}, latency ${secs(s.linkTp.latency)}/call, link ${bytesStr(s.linkTp.bandwidth)}/s → ${secs(dec.tComm)}`,
    ),
    d(
      "step.overhead",
      "Decode step: fixed overhead",
      dec.tOverhead,
      "s",
      s.spec
        ? "t_step + t_layer · L + t_moe · L_moe + t_expert · n_blocks + t_seq · (k + 1) · b · L — a verify pass has k + 1 query rows per sequence"
        : "t_step + t_layer · L + t_moe · L_moe + t_expert · n_blocks + t_seq · b · L",
      `${secs(f.stepOverheadS)} + ${secs(f.layerOverheadS)} · ${m.layers} + ${secs(f.moeLayerOverheadS)} · ${sig(s.md.params.moeLayers)} + ${secs(f.expertOverheadS)} · ${sig(dec.expertBlocks)} + ${secs(f.seqOverheadS)} · ${s.spec ? `(${s.spec.draftTokens + 1} · ${sig(dec.decodeTokens)}${dec.prefillTokens > 0 ? " + 1" : ""})` : sig(dec.decodeTokens + (dec.prefillTokens > 0 ? 1 : 0))} · ${m.layers} = ${secs(dec.tOverhead)}`,
    ),
    ...servingDerivations(c, input),
    d(
      "prefill",
      "Prefill of one prompt alone",
      srv.prefill.t,
      "s",
      "Σ_op max(t_compute, t_memory) + t_comm + t_overhead over ⌈ISL/K⌉ iterations — the engine's time for one prompt with nothing else running and no serving overhead (what an in-process batch-1 benchmark reports as first-token latency)",
      `${secs(srv.prefill.tRoofline)} + ${secs(srv.prefill.tComm)} + ${secs(srv.prefill.tOverhead)} = ${secs(srv.prefill.t)} (${sig(input.isl)} tokens, ${srv.prefillChunks} iteration${srv.prefillChunks === 1 ? "" : "s"})`,
    ),
    d(
      "throughput",
      "Output tokens/s (replica)",
      srv.outputTokensPerSecond,
      "tok/s",
      "C_run / (TTFT + (OSL − 1) · TPOT) · OSL",
      `${sig(srv.concurrencyRunning)} / (${secs(srv.ttft - srv.waitKv)} + ${input.osl - 1} · ${secs(srv.tpot)}) · ${input.osl} = ${sig(srv.outputTokensPerSecond)} tok/s`,
    ),
    d(
      "throughputPerGpu",
      "Output tokens/s per GPU",
      srv.outputTokensPerSecond / l.gpus,
      "tok/s",
      "throughput / (tp · pp · dp)",
      `${sig(srv.outputTokensPerSecond)} / ${l.gpus} = ${sig(srv.outputTokensPerSecond / l.gpus)} tok/s`,
    ),
    d("perUser", "Tokens/s per user", 1 / srv.tpot, "tok/s", "1 / TPOT", `1 / ${secs(srv.tpot)} = ${sig(1 / srv.tpot)} tok/s`),
    d(
      "cost.perHour",
      "Cost per hour",
      cost.perHour,
      "USD/h",
      "price per GPU-hour · GPUs",
      `${usdStr(c.price)} · ${l.gpus} = ${usdStr(cost.perHour)}`,
    ),
    d(
      "cost.perMonth",
      "Cost per month",
      cost.perMonth,
      "USD",
      "$/h · hours per month",
      `${usdStr(cost.perHour)} · ${HOURS_PER_MONTH} = ${usdStr(cost.perMonth)}`,
    ),
    d(
      "cost.perMillionInput",
      "Cost per million input tokens",
      cost.perMillionInput,
      "USD",
      "$/h · ρ_prefill / (input tok/s · 3600) · 10⁶",
      `${usdStr(cost.perHour)} · ${sig(srv.prefillUtilisation)} / (${sig(srv.requestsPerSecond * input.isl)} · 3600) · 10⁶ = ${usdStr(cost.perMillionInput)}`,
    ),
    d(
      "cost.perMillionOutput",
      "Cost per million output tokens",
      cost.perMillionOutput,
      "USD",
      "$/h · (1 − ρ_prefill) / (output tok/s · 3600) · 10⁶",
      `${usdStr(cost.perHour)} · ${sig(1 - srv.prefillUtilisation)} / (${sig(srv.outputTokensPerSecond)} · 3600) · 10⁶ = ${usdStr(cost.perMillionOutput)}`,
    ),
  );
  return out;
}

/** ", plus the fixed … state" for a hybrid model (its linear-attention or Mamba-2 layers), "" otherwise. */
function stateTerm(m: EstimateCore["setup"]["model"]): string {
  return m.linearAttention && m.layerKinds.linear > 0 ? `, plus the fixed ${linearLayerName(m)} state` : "";
}

/**
 * Hybrid models: the fixed state a sequence holds in its linear-attention layers, whatever its length — the convolution
 * window at the model dtype and the recurrent state at the checkpoint's stated type (else the model dtype).
 */
function linearStateDerivation(c: EstimateCore): Derivation[] {
  const s = c.setup;
  const m = s.model;
  const la = m.linearAttention;
  const n = m.layerKinds.linear;
  if (!la || n === 0) return [];
  const perLayer = linearStateBytesPerLayer(m);
  const b = la.recurrentStateBytes ?? MODEL_DTYPE_BYTES;
  const formula =
    la.kind === "mamba2"
      ? "L_mamba · (n_h · d_head · d_state · bytes_state + (conv − 1) · (2 · n_groups · d_state + n_h · d_head) · 2 B): the recurrent state at the checkpoint's state type (else 2 B), the convolution window at the model dtype, whatever the KV precision; split over the TP ranks; read and written back every decode step"
      : "L_lin · (n_v · d_k · d_v · bytes_state + (conv − 1) · (2 · n_k · d_k + n_v · d_v) · 2 B): the recurrent state at the checkpoint's state type (else 2 B), the convolution window at the model dtype, whatever the KV precision; split over the TP ranks; read and written back every decode step";
  return [
    d(
      "kv.linearStatePerSequence",
      la.kind === "mamba2" ? "Mamba-2 state per sequence" : "Linear-attention state per sequence",
      n * perLayer,
      "B",
      formula,
      `${n} · (${la.numValueHeads} · ${la.kind === "mamba2" ? `${la.valueHeadDim} · ${la.keyHeadDim}` : `${la.keyHeadDim} · ${la.valueHeadDim}`} · ${sig(b)} B + ${la.convKernel - 1} · (2 · ${la.numKeyHeads} · ${la.keyHeadDim} + ${la.numValueHeads} · ${la.valueHeadDim}) · ${MODEL_DTYPE_BYTES} B) = ${bytesStr(n * perLayer)}`,
    ),
  ];
}
