"use client";
import { decide, type LeverGroup } from "../../../lib/lessons/decision";
import { Fig } from "./Fig";
import { ScenarioLink } from "./ScenarioLink";
import { useScenario } from "./scenario-context";

const GROUP_PATH: Readonly<Record<LeverGroup, string>> = {
  memory: "/learn/levers/memory",
  compute: "/learn/levers/compute",
  system: "/learn/levers/system",
};

const BINDING_WORDS: Readonly<Record<string, string>> = {
  "memory-bandwidth": "memory bandwidth",
  compute: "compute",
  communication: "communication between GPUs",
  overhead: "fixed per-step overhead",
  "kv-capacity": "KV-cache capacity",
  "does-not-fit": "memory capacity (it does not fit)",
};

/** The lever decision tree, walked for the scenario: each question, this scenario's answer, and where to act. */
export function DecisionTree() {
  const { figures: f } = useScenario();
  const d = decide(f);
  return (
    <div data-testid="decision-tree">
      <div className="mb-3">
        For this scenario the binding constraint is <strong data-testid="binding">{BINDING_WORDS[d.binding] ?? d.binding}</strong>. A decode step takes{" "}
        <Fig k="tpot" />: <Fig k="step.memory" /> reading memory, <Fig k="step.compute" /> of math, <Fig k="step.comm" /> communicating and{" "}
        <Fig k="step.overhead" /> of fixed overhead.
      </div>
      <ol className="space-y-2">
        {d.steps.map((s, i) => {
          const reached = d.at === null || d.steps.indexOf(d.at) >= i;
          const here = d.at === s;
          return (
            <li
              key={s.id}
              className={`rounded-lg border p-3 ${here ? "border-accent-500 bg-accent-50 dark:bg-accent-700/20" : "border-slate-200 dark:border-slate-800"} ${reached ? "" : "opacity-60"}`}
              aria-current={here ? "step" : undefined}
            >
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <span className="font-medium">
                  {i + 1}. {s.question}
                </span>
                <span className={`text-sm font-semibold ${s.yes ? "text-accent-700 dark:text-accent-300" : "text-slate-500"}`}>
                  {reached ? (s.yes ? "Yes — start here" : "No") : "—"}
                </span>
              </div>
              {here && (
                <ul className="mt-2 space-y-1 text-sm">
                  {s.levers.map((l) => (
                    <li key={l.title}>
                      <ScenarioLink href={GROUP_PATH[l.group]} className="font-medium text-accent-700 hover:underline dark:text-accent-300">
                        {l.title}
                      </ScenarioLink>{" "}
                      — {l.why}.
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
      {d.at === null && <p className="mt-2 text-sm">No single resource dominates at this load; any lever helps a little.</p>}
    </div>
  );
}
