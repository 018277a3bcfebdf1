import { HfConfigError } from "./hf-config-error";

type Json = Record<string, unknown>;

/**
 * The largest integer a config field may hold: a signed 32-bit integer. Every size, count and rank of a real model is
 * far below it; above it products of two or three fields (parameters, FLOPs, bytes) leave floating point's range, and
 * an estimate would answer Infinity or NaN instead of naming the field.
 */
export const MAX_CONFIG_INT = 2 ** 31 - 1;

export function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  return typeof v === "string" ? `"${v}"` : JSON.stringify(v) ?? String(v);
}

/**
 * Typed access to one level of a config.json. Every read names its field (with the reader's prefix, e.g.
 * `text_config.hidden_size`) in the HfConfigError it throws. A JSON null counts as absent.
 */
export class ConfigReader {
  constructor(
    readonly obj: Json,
    readonly prefix = "",
  ) {}

  path(key: string): string {
    return this.prefix + key;
  }

  has(key: string): boolean {
    return this.obj[key] !== undefined && this.obj[key] !== null;
  }

  /** The key is present, even if its value is null. */
  present(key: string): boolean {
    return key in this.obj;
  }

  raw(key: string): unknown {
    return this.obj[key];
  }

  int(key: string, min = 1): number {
    if (!this.has(key)) throw new HfConfigError(this.path(key), "missing");
    return this.toInt(key, this.obj[key], min);
  }

  optInt(key: string, min = 1): number | undefined {
    return this.has(key) ? this.toInt(key, this.obj[key], min) : undefined;
  }

  bool(key: string): boolean | undefined {
    if (!this.has(key)) return undefined;
    const v = this.obj[key];
    if (typeof v !== "boolean") throw new HfConfigError(this.path(key), `must be true or false, got ${describe(v)}`);
    return v;
  }

  str(key: string): string {
    if (!this.has(key)) throw new HfConfigError(this.path(key), "missing");
    return this.optStr(key) as string;
  }

  optStr(key: string): string | undefined {
    if (!this.has(key)) return undefined;
    const v = this.obj[key];
    if (typeof v !== "string") throw new HfConfigError(this.path(key), `must be a string, got ${describe(v)}`);
    return v;
  }

  optArray(key: string): readonly unknown[] | undefined {
    if (!this.has(key)) return undefined;
    const v = this.obj[key];
    if (!Array.isArray(v)) throw new HfConfigError(this.path(key), `must be an array, got ${describe(v)}`);
    return v;
  }

  optIntArray(key: string, min = 0): readonly number[] | undefined {
    const arr = this.optArray(key);
    return arr?.map((v, i) => this.toInt(`${key}[${i}]`, v, min));
  }

  child(key: string): ConfigReader | undefined {
    if (!this.has(key)) return undefined;
    const v = this.obj[key];
    if (!isObject(v)) throw new HfConfigError(this.path(key), `must be an object, got ${describe(v)}`);
    return new ConfigReader(v, `${this.path(key)}.`);
  }

  private toInt(key: string, v: unknown, min: number): number {
    if (typeof v !== "number" || !Number.isInteger(v)) {
      throw new HfConfigError(this.path(key), `must be an integer, got ${describe(v)}`);
    }
    if (v < min) throw new HfConfigError(this.path(key), `must be at least ${min}, got ${v}`);
    if (v > MAX_CONFIG_INT) throw new HfConfigError(this.path(key), `must be at most ${MAX_CONFIG_INT} (a 32-bit integer), got ${v}`);
    return v;
  }
}
