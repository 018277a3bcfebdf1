import type { Metadata } from "next";
import { getStage } from "../../../lib/lessons/spine";
import { DecisionTree } from "../_components/DecisionTree";
import { ScenarioLink } from "../_components/ScenarioLink";
import { LessonSection, P, Stage } from "../_components/Stage";

const stage = getStage(4);
export const metadata: Metadata = { title: `Stage 4: ${stage.hook}` };

export default function Levers() {
  return (
    <Stage
      stage={stage}
      intro={
        <p>
          Quantise, batch, shard, switch engines, pick an MoE — there are dozens of knobs, and each one helps only if
          it moves the resource that is actually binding. Find the constraint first; the lever follows.
        </p>
      }
      synthesis={
        <P>
          The tree reads top to bottom: fit first (nothing else matters if the model does not fit), then capacity
          (users waiting for memory), then the step itself — bytes, math, talk, overhead. Change the scenario and watch
          the answer move: raise concurrency until the cache runs out, switch to a long context, or set the weights to
          BF16 on a single GPU.
        </P>
      }
    >
      <LessonSection
        n={1}
        title="Start from the binding constraint"
        takeaway="A lever that does not touch the binding resource buys nothing. Ask the questions in order; act at the first yes."
      >
        <DecisionTree />
      </LessonSection>
      <LessonSection
        n={2}
        title="Three families of levers"
        takeaway="Memory levers shrink bytes; compute levers shrink work per token; system levers share the work better. The sub-pages price each for your scenario."
      >
        <ul className="space-y-3">
          {stage.subpages.map((s) => (
            <li key={s.slug} className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
              <ScenarioLink href={s.path} className="font-semibold text-accent-700 hover:underline dark:text-accent-300">
                {s.title}
              </ScenarioLink>
              <div className="text-sm text-slate-600 dark:text-slate-400">{s.blurb}</div>
            </li>
          ))}
        </ul>
      </LessonSection>
    </Stage>
  );
}
