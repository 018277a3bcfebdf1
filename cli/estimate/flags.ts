/** `atlas estimate` flags → a raw estimate request (validated later by the shared schema, like the API). */
import { GPU_IDS, MODEL_IDS } from "../../lib/catalog";
import { ARRIVALS, ENGINE_IDS, KV_PRECISIONS, WEIGHT_PRECISIONS } from "../../lib/plan/estimate-input";

type Kind = "string" | "int" | "number";
interface FlagSpec {
  readonly field: string;
  readonly kind: Kind;
  readonly help: string;
}

/** Request flags: --flag → request field. */
export const REQUEST_FLAGS: Readonly<Record<string, FlagSpec>> = {
  "--id": { field: "id", kind: "string", help: "request id, echoed back" },
  "--model": { field: "model", kind: "string", help: `catalog model id (${MODEL_IDS.slice(0, 4).join(", ")}, …)` },
  "--hf-config": { field: "hfConfig", kind: "string", help: "path to a Hugging Face config.json (instead of --model)" },
  "--gpu": { field: "gpu", kind: "string", help: `GPU id (${GPU_IDS.slice(0, 4).join(", ")}, …)` },
  "--engine": { field: "engine", kind: "string", help: ENGINE_IDS.join(" | ") + " (default vllm)" },
  "--weights": { field: "weights", kind: "string", help: WEIGHT_PRECISIONS.join(" | ") + " (default: the precision the checkpoint ships in, else bf16)" },
  "--kv": { field: "kv", kind: "string", help: KV_PRECISIONS.join(" | ") + " (default: engine's choice)" },
  "--tp": { field: "tp", kind: "int", help: "tensor-parallel GPUs (default 1)" },
  "--pp": { field: "pp", kind: "int", help: "pipeline stages (default 1)" },
  "--dp": { field: "dp", kind: "int", help: "attention data-parallel ranks in the replica (default 1)" },
  "--moe-tp": { field: "moeTp", kind: "int", help: "MoE expert tensor parallelism" },
  "--moe-ep": { field: "moeEp", kind: "int", help: "MoE expert parallelism" },
  "--isl": { field: "isl", kind: "int", help: "input tokens per request (default 1024)" },
  "--osl": { field: "osl", kind: "int", help: "output tokens per request (default 256)" },
  "--concurrency": { field: "concurrency", kind: "int", help: "requests in flight (default 1)" },
  "--batch-wait-iters": {
    field: "batchWaitIters",
    kind: "int",
    help: "TensorRT-LLM batch_wait_timeout_iters: iterations a prompt waits for others to join (default 0, off)",
  },
  "--random-range-ratio": {
    field: "randomRangeRatio",
    kind: "number",
    help: "request lengths drawn from [r·ISL, ISL] and [r·OSL, OSL], as benchmark_serving's random dataset (default 1)",
  },
  "--mem-fraction": {
    field: "memFraction",
    kind: "number",
    help: "the engine's memory setting: vLLM --gpu-memory-utilization, SGLang --mem-fraction-static, TRT-LLM free_gpu_memory_fraction (default: the engine's)",
  },
  "--prefill-chunk-tokens": {
    field: "prefillChunkTokens",
    kind: "int",
    help: "prefill tokens per iteration: vLLM --max-num-batched-tokens, SGLang --chunked-prefill-size, TRT-LLM max_num_tokens (default: the engine's)",
  },
  "--max-batch": {
    field: "maxBatch",
    kind: "int",
    help: "requests one engine instance runs at once: vLLM --max-num-seqs, SGLang --max-running-requests, TRT-LLM max_batch_size (default: the engine's)",
  },
  "--request-rate": {
    field: "requestRate",
    kind: "number",
    help: "requests/s offered to the replica (open loop) in place of --concurrency: the estimate is the steady state at that rate",
  },
  "--request-overhead-ms": {
    field: "requestOverheadMs",
    kind: "number",
    help: "the serving stack's fixed first-token latency outside the GPU in ms: HTTP, API server, gateway, tokenisation (default: the engine's calibrated t_0)",
  },
  "--arrivals": {
    field: "arrivals",
    kind: "string",
    help: `${ARRIVALS.join(" | ")}: requests started at once (a benchmark) or one at a time (open-loop traffic); default: staggered when lengths vary`,
  },
  "--scheduler-recv-interval": {
    field: "schedulerRecvInterval",
    kind: "int",
    help: "SGLang --scheduler-recv-interval: new requests are taken in every N decode iterations (default 1)",
  },
  "--num-prompts": {
    field: "numPrompts",
    kind: "int",
    help: "the benchmark's --num-prompts: the first-token latency is that run's mean, opening burst included (default: steady state)",
  },
  "--mtp-draft-tokens": {
    field: "mtpDraftTokens",
    kind: "int",
    help: "speculative decoding with the model's MTP module: draft tokens per iteration, 0-8 (default 0: off)",
  },
  "--mtp-acceptance-length": {
    field: "mtpAcceptanceLength",
    kind: "number",
    help: "mean tokens kept per verify pass, 1 to draft tokens + 1 (default: from the model's published acceptance rates)",
  },
  "--price": { field: "priceUsdPerGpuHour", kind: "number", help: "$/GPU-hour (default: catalog on-demand price)" },
};

/** Switches without a value. */
export const SWITCHES = {
  "--json": "print the result as JSON",
  "--explain": "print every figure's formula with the values put in",
  "--jsonl": "read one request JSON per line on stdin, write one result JSON per line",
  "--help": "this help",
} as const;

/** field → the flag that sets it, for error messages ("--tp: …"). */
export const FLAG_OF_FIELD: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(REQUEST_FLAGS).map(([flag, s]) => [s.field, flag]),
);

export interface ParsedArgs {
  readonly request: Record<string, unknown>;
  readonly json: boolean;
  readonly explain: boolean;
  readonly jsonl: boolean;
  readonly help: boolean;
}

export type ParseOutcome = { ok: true; args: ParsedArgs } | { ok: false; message: string };

function convert(raw: string, kind: Kind): unknown {
  if (kind === "string") return raw;
  // Leave a non-number as the string so the schema says "<field> must be a number".
  const n = raw.trim() === "" ? NaN : Number(raw);
  return Number.isFinite(n) ? n : raw;
}

export function usage(): string {
  const w = Math.max(...Object.keys(REQUEST_FLAGS).map((f) => f.length)) + 8;
  const lines = Object.entries(REQUEST_FLAGS).map(([f, s]) => `  ${(f + (s.kind === "string" ? " <s>" : " <n>")).padEnd(w)}${s.help}`);
  const sw = Object.entries(SWITCHES).map(([f, h]) => `  ${f.padEnd(w)}${h}`);
  return (
    "usage: atlas estimate --model <id> | --hf-config <path>  --gpu <id> [options]\n" +
    "       atlas estimate --jsonl < requests.jsonl   (flags given become defaults for every line)\n\n" +
    [...lines, ...sw].join("\n") +
    `\n\nmodels: ${MODEL_IDS.join(", ")}\ngpus: ${GPU_IDS.join(", ")}\n`
  );
}

/** argv → request + switches. Accepts `--flag value` and `--flag=value`. */
export function parseArgs(argv: readonly string[]): ParseOutcome {
  const request: Record<string, unknown> = {};
  let json = false;
  let explain = false;
  let jsonl = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.startsWith("--") ? a.indexOf("=") : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    if (flag === "--json") json = true;
    else if (flag === "--explain") explain = true;
    else if (flag === "--jsonl") jsonl = true;
    else if (flag === "--help" || flag === "-h") help = true;
    else if (flag in REQUEST_FLAGS) {
      const spec = REQUEST_FLAGS[flag]!;
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined || (eq < 0 && value.startsWith("--"))) {
        return { ok: false, message: `${flag} needs a value (${spec.help})` };
      }
      request[spec.field] = convert(value, spec.kind);
    } else {
      return {
        ok: false,
        message: `unknown option "${a}"; options: ${[...Object.keys(REQUEST_FLAGS), ...Object.keys(SWITCHES)].join(" ")}`,
      };
    }
  }
  if (json && jsonl) return { ok: false, message: "--json and --jsonl do not go together (--jsonl already writes JSON)" };
  return { ok: true, args: { request, json, explain, jsonl, help } };
}
