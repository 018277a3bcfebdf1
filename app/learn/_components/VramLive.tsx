"use client";
import { VramBar } from "../../_components/VramBar";
import { useScenario } from "./scenario-context";

/** The scenario's per-GPU memory as a stacked bar. */
export function VramLive() {
  const { figures: f } = useScenario();
  return (
    <div className="my-3 rounded-xl border border-slate-200 p-4 dark:border-slate-800">
      <VramBar memory={f.result.memory} title={`Memory per GPU (${f.gpu.name}), ${f.scenario.concurrency} user(s) in flight`} />
    </div>
  );
}
