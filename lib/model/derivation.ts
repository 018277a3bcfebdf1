/**
 * A number the user sees, with where it comes from: the formula in symbols and
 * the same formula with the values put in. The UI, the CLI (`--explain`) and the
 * lessons all print these, so they show the same arithmetic.
 */
export interface Derivation {
  /** Stable key, e.g. "tpot". */
  readonly key: string;
  /** Human label, e.g. "Time per output token". */
  readonly label: string;
  /** SI value (seconds, bytes, FLOP, USD, tokens/s …). */
  readonly value: number;
  /** SI unit name: "s", "B", "FLOP", "B/s", "FLOP/s", "USD", "USD/h", "tok/s", "1" … */
  readonly unit: string;
  /** Symbolic formula, e.g. "max(t_compute, t_memory) + t_comm + t_overhead". */
  readonly formula: string;
  /** The formula with values substituted, e.g. "max(1.2 ms, 10.4 ms) + 0.3 ms + 1.5 ms". */
  readonly substituted: string;
}
