"use client";
import { formatCount } from "../../../lib/format";
import { showValue } from "../../../lib/lessons/show";
import { linearLayerName } from "../../../lib/model/kv";
import { useScenario } from "./scenario-context";

/**
 * Where the scenario's model departs from the plain transformer a lesson describes, one sentence saying how, from the
 * model's own fields (nothing when it does not): `kv` — a hybrid whose linear-attention or Mamba-2 layers hold a
 * fixed state instead of a KV cache; `gate` — an FFN without a gate (Nemotron-H's relu² MLPs and experts); `rope` —
 * attention with no positional embedding (Nemotron-H, Granite 4.0-H).
 */
export function ModelCaveat({ about }: { about: "kv" | "gate" | "rope" }) {
  const { figures: f } = useScenario();
  const m = f.model;
  if (about === "kv") {
    const lin = m.linearAttention ? m.layerKinds.linear : 0;
    if (lin === 0) return null;
    const name = linearLayerName(m);
    const kind = name === "Mamba-2" ? name : `${name} (Gated DeltaNet)`;
    const state = f.d["kv.linearStatePerSequence"];
    return (
      <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100" data-testid="caveat-kv">
        {m.name} is a hybrid: only {formatCount(m.layers - lin)} of its {formatCount(m.layers)} layers are attention layers
        with a KV cache. The other {formatCount(lin)} are {kind} layers, each holding a fixed state per request whatever
        its length{state ? ` — ${showValue(state.value, state.unit, state.key)} in all` : ""}, read and written back every step.
      </p>
    );
  }
  if (about === "rope") {
    if (!m.noPositionEmbedding) return null;
    return (
      <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100" data-testid="caveat-rope">
        {m.name}&apos;s attention layers use no positional embedding at all: its state-space layers carry the order of
        the tokens, so what this card describes is not part of this model.
      </p>
    );
  }
  if (m.ffn.gated) return null;
  return (
    <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100" data-testid="caveat-gate">
      {m.name}&apos;s FFN has no gate: its MLPs and experts square the ReLU of the up projection (relu²) — one up and one
      down matrix — so what this card says of the gate does not apply to it. The figures count its two matrices.
    </p>
  );
}
