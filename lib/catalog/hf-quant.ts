import { HfConfigError } from "./hf-config-error";
import { ConfigReader, isObject } from "./hf-reader";
import type { Precision } from "./types";

const MODELOPT_ALGOS: Record<string, Precision> = {
  FP8: "fp8",
  NVFP4: "fp4",
  W4A16_AWQ: "int4",
  W4A8_AWQ: "int4",
  INT8_SQ: "int8",
};

function fromBits(q: ConfigReader, key: string): Precision {
  const bits = q.int(key);
  if (bits === 4) return "int4";
  if (bits === 8) return "int8";
  throw new HfConfigError(q.path(key), `${bits}-bit integer weights are not a supported precision (4 or 8)`);
}

/** compressed-tensors: every config group's `weights` must agree on {type, num_bits}. */
function compressedTensors(q: ConfigReader): Precision {
  const groups = q.child("config_groups");
  if (!groups) throw new HfConfigError(q.path("config_groups"), "missing (compressed-tensors needs the weight scheme)");
  const found = new Set<Precision>();
  for (const name of Object.keys(groups.obj)) {
    const g = groups.child(name);
    const w = g?.child("weights");
    if (!w) throw new HfConfigError(groups.path(`${name}.weights`), "missing");
    const type = w.str("type");
    const bits = w.int("num_bits");
    if (type === "float" && bits === 8) found.add("fp8");
    else if (type === "float" && bits === 4) found.add("fp4");
    else if (type === "int" && bits === 4) found.add("int4");
    else if (type === "int" && bits === 8) found.add("int8");
    else throw new HfConfigError(w.path("num_bits"), `unsupported weight scheme ${type} ${bits}-bit`);
  }
  if (found.size === 0) throw new HfConfigError(q.path("config_groups"), "has no groups");
  if (found.size > 1) throw new HfConfigError(q.path("config_groups"), `groups disagree (${[...found].join(", ")})`);
  return [...found][0] as Precision;
}

/**
 * The 4-bit format of an fp4 checkpoint: quant_method "mxfp4" → "mxfp4"; "nvfp4", modelopt NVFP4 and the rest →
 * "nvfp4". Call only when quantPrecision gave "fp4".
 */
export function fp4FormatOf(raw: unknown): "mxfp4" | "nvfp4" {
  const method = isObject(raw) && typeof raw.quant_method === "string" ? raw.quant_method.toLowerCase() : "";
  return method === "mxfp4" ? "mxfp4" : "nvfp4";
}

/**
 * Checkpoint precision from `quantization_config.quant_method`: fp8 / fbgemm_fp8 -> fp8; mxfp4 / nvfp4 -> fp4;
 * awq / gptq -> int4 or int8 from `bits`; bitsandbytes -> int8 (load_in_8bit), fp4 or int4 (4-bit, by
 * bnb_4bit_quant_type: nf4 is a 4-bit lookup code, counted as int4); modelopt -> by `quant_algo`;
 * compressed-tensors -> from config_groups.*.weights {type, num_bits}. Anything else throws.
 */
export function quantPrecision(raw: unknown, prefix: string): Precision {
  if (!isObject(raw)) throw new HfConfigError(prefix.replace(/\.$/, ""), "must be an object");
  const q = new ConfigReader(raw, prefix);
  const method = q.str("quant_method").toLowerCase();
  switch (method) {
    case "fp8":
    case "fbgemm_fp8":
      return "fp8";
    case "mxfp4":
    case "nvfp4":
      return "fp4";
    case "awq":
      return q.has("bits") ? fromBits(q, "bits") : fromBits(q, "w_bit");
    case "gptq":
      return fromBits(q, "bits");
    case "bitsandbytes": {
      if (q.bool("load_in_8bit")) return "int8";
      if (q.bool("load_in_4bit")) return q.optStr("bnb_4bit_quant_type") === "fp4" ? "fp4" : "int4";
      throw new HfConfigError(q.path("load_in_4bit"), "bitsandbytes config sets neither load_in_4bit nor load_in_8bit");
    }
    case "modelopt": {
      const algo = q.str("quant_algo");
      const p = MODELOPT_ALGOS[algo.toUpperCase()];
      if (!p) throw new HfConfigError(q.path("quant_algo"), `unknown quant_algo "${algo}"`);
      return p;
    }
    case "compressed-tensors":
      return compressedTensors(q);
    default:
      throw new HfConfigError(
        q.path("quant_method"),
        `unknown quant_method "${method}" (known: fp8, fbgemm_fp8, mxfp4, nvfp4, awq, gptq, bitsandbytes, modelopt, compressed-tensors)`,
      );
  }
}
