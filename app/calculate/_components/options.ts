/** Select options for the scenario bar, from the catalog (no hand-typed lists of ids). */
import { GPUS, MODELS } from "../../../lib/catalog";
import { ENGINE_LABELS } from "../../../lib/estimate-words";
import { formatBytes } from "../../../lib/format";
import { ENGINE_IDS, KV_PRECISIONS, WEIGHT_PRECISIONS } from "../../../lib/plan/estimate-input";
import type { SelectOption } from "../../_components/Field";

export const MODEL_OPTIONS: readonly SelectOption[] = MODELS.map((m) => ({ value: m.id, label: m.name }));

export const GPU_OPTIONS: readonly SelectOption[] = GPUS.map((g) => ({
  value: g.id,
  // decimal GB, as every memory figure on the page, with the binary GiB vendors' names use ("80GB" = 80 GiB ≈ 85.9 GB)
  label: `${g.name} · ${formatBytes(g.memory)} (${(g.memory / 2 ** 30).toFixed(1)} GiB)`,
  group: g.vendor,
}));

export const ENGINE_OPTIONS: readonly SelectOption[] = ENGINE_IDS.map((e) => ({ value: e, label: ENGINE_LABELS[e] }));

const PRECISION_LABEL: Readonly<Record<string, string>> = { bf16: "BF16", fp8: "FP8", fp4: "FP4", int4: "INT4 (weight-only)", int8: "INT8" };
export const WEIGHT_OPTIONS: readonly SelectOption[] = WEIGHT_PRECISIONS.map((p) => ({ value: p, label: PRECISION_LABEL[p] ?? p }));
export const KV_OPTIONS: readonly SelectOption[] = [
  { value: "", label: "Engine default" },
  ...KV_PRECISIONS.map((p) => ({ value: p, label: PRECISION_LABEL[p] ?? p })),
];

export const ARRIVAL_OPTIONS: readonly SelectOption[] = [
  { value: "", label: "Auto (from the lengths)" },
  { value: "together", label: "Together (benchmark start)" },
  { value: "staggered", label: "Staggered (open-loop traffic)" },
];

/** GPU counts offered for one replica. */
export const GPU_COUNTS: readonly number[] = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 72, 96, 128, 144, 256];
