"use client";
import { Explain } from "../../_components/Explain";
import type { Derivation } from "../../../lib/model";
import { scenarioFigures } from "../../../lib/lessons/figures";
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

/** The scenario's figures, or with `one` the same scenario with a single user (for one-user lessons). */
function useFigures(one: boolean) {
  const { figures, scenario } = useScenario();
  return one && scenario.concurrency !== 1 ? scenarioFigures({ ...scenario, concurrency: 1 }) : figures;
}

/** A live figure for prose in server pages: a core derivation by key ("tpot", "kv.bytesPerToken", "lesson.…"). */
export function Fig({ k, testId, one = false }: { k: string; testId?: string; one?: boolean }) {
  const figures = useFigures(one);
  return <Shown d={figures.d[k]} {...(testId ? { testId } : {})} />;
}

/** A live stage figure (lib/lessons/stage-figures). */
export function StageFig({ k, testId, one = false }: { k: keyof StageFigures; testId?: string; one?: boolean }) {
  const figures = useFigures(one);
  return <Shown d={stageFigures(figures)[k]} {...(testId ? { testId } : {})} />;
}

/** "above" or "below": how stage figure `a` compares with `b` for the scenario. */
export function AboveBelow({ a, b, one = false }: { a: keyof StageFigures; b: keyof StageFigures; one?: boolean }) {
  const st = stageFigures(useFigures(one));
  return <>{st[a].value >= st[b].value ? "above" : "below"}</>;
}

/** Plain scenario facts for prose: the model's and GPU's names, the GPU count, the context. */
export function ScenarioFact({ k }: { k: "model" | "gpu" | "gpus" | "isl" | "osl" | "concurrency" | "weights" }) {
  const { figures: f, scenario: s } = useScenario();
  const text =
    k === "model" ? f.model.name : k === "gpu" ? f.gpu.name : k === "weights" ? s.weights.toUpperCase() : showValue(s[k], "1");
  return <span>{text}</span>;
}
