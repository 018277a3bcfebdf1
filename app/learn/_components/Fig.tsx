"use client";
import { Explain } from "../../_components/Explain";
import type { Derivation } from "../../../lib/model";
import { stageFigures, type StageFigures } from "../../../lib/lessons/stage-figures";
import { showValue } from "../../../lib/lessons/show";
import { useScenario } from "./scenario-context";

/** A derivation's value, expandable to its formula. */
export function Shown({ d, testId }: { d: Derivation | undefined; testId?: string }) {
  if (!d) return <span>—</span>;
  return (
    <span data-testid={testId} data-value={d.value}>
      <Explain d={d}>{showValue(d.value, d.unit, d.key)}</Explain>
    </span>
  );
}

/** A live figure for prose in server pages: a core derivation by key ("tpot", "kv.bytesPerToken", "lesson.…"). */
export function Fig({ k, testId }: { k: string; testId?: string }) {
  const { figures } = useScenario();
  return <Shown d={figures.d[k]} {...(testId ? { testId } : {})} />;
}

/** A live stage figure (lib/lessons/stage-figures). */
export function StageFig({ k, testId }: { k: keyof StageFigures; testId?: string }) {
  const { figures } = useScenario();
  return <Shown d={stageFigures(figures)[k]} {...(testId ? { testId } : {})} />;
}

/** Plain scenario facts for prose: the model's and GPU's names, the GPU count, the context. */
export function ScenarioFact({ k }: { k: "model" | "gpu" | "gpus" | "isl" | "osl" | "concurrency" | "weights" }) {
  const { figures: f, scenario: s } = useScenario();
  const text =
    k === "model" ? f.model.name : k === "gpu" ? f.gpu.name : k === "weights" ? s.weights.toUpperCase() : showValue(s[k], "1");
  return <span>{text}</span>;
}
