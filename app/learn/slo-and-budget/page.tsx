import type { Metadata } from "next";
import { getStage } from "../../../lib/lessons/spine";
import { Fig, ScenarioFact } from "../_components/Fig";
import { LessonSection, P, Stage } from "../_components/Stage";
import { TargetCheck, WorkedExample } from "../_components/WorkedExample";

const stage = getStage(5);
export const metadata: Metadata = { title: `Stage 5: ${stage.hook}` };

const BINDS: readonly [string, string, string][] = [
  ["p95 time to first token", "Prefill compute", "The prompt's math, plus waiting behind other prompts. Faster chips, shorter prompts, prefix caching, fewer users per replica."],
  ["p95 time per output token (ITL)", "Decode bandwidth", "Bytes read per step ÷ bandwidth. Fewer bytes (quantisation, MoE), more bandwidth (TP, newer GPUs), smaller batches."],
  ["Concurrent users at long context", "KV capacity", "Memory left after the weights ÷ KV per request. KV quantisation, GQA/MLA models, more GPUs."],
  ["$ per million tokens", "All three", "GPU-hours ÷ tokens. Big batches, cheap GPUs, and every lever above that does not break the latency targets."],
];

export default function SloAndBudget() {
  return (
    <Stage
      stage={stage}
      intro={
        <p>
          You now know where each token&apos;s cost comes from. Turning targets into a deployment is a search: every
          candidate — GPU, count, precision, layout, engine — meets some targets and misses others, at a price. This stage
          names which target pulls on which resource, then hands a worked example to the planner.
        </p>
      }
      synthesis={
        <>
          <P>
            Targets pull in different directions. A tight time-per-token target caps the batch, which raises the price per token; a long
            context caps the users per replica, which raises the replica count; a low budget pushes towards big batches and cheap chips until a
            latency target breaks. The answer is the cheapest configuration on the right side of every line.
          </P>
          <P>
            That is the planner&apos;s job: it estimates thousands of configurations with the same core you have been reading, sizes the replica
            count for your traffic with queueing, and shows the ones that meet every target — with the same derivations behind each number.
          </P>
        </>
      }
    >
      <LessonSection
        n={1}
        title="Which target binds which resource"
        takeaway="Time to first token is a prefill-compute target, time per token a bandwidth target, long-context concurrency a memory target, and price per token a target on all three at once."
      >
        <div className="my-3 overflow-x-auto rounded-xl border border-slate-200 dark:border-slate-800">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <thead>
              <tr className="border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900">
                <th scope="col" className="px-3 py-2">Target</th>
                <th scope="col" className="px-3 py-2">Binds</th>
                <th scope="col" className="px-3 py-2">What moves it</th>
              </tr>
            </thead>
            <tbody>
              {BINDS.map(([t, r, how]) => (
                <tr key={t} className="border-b border-slate-100 align-top dark:border-slate-800">
                  <th scope="row" className="px-3 py-2 font-medium">{t}</th>
                  <td className="px-3 py-2">{r}</td>
                  <td className="px-3 py-2 text-slate-600 dark:text-slate-400">{how}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <P>
          For the scenario: time to first token <Fig k="ttft" />, time per output token <Fig k="tpot" />, room for <Fig k="maxConcurrency" /> requests,{" "}
          <Fig k="cost.perMillionOutput" /> per million output tokens at <ScenarioFact k="concurrency" /> concurrent user(s).
        </P>
      </LessonSection>

      <LessonSection
        n={2}
        title="Checking one configuration against targets"
        takeaway="One configuration, one load: check each target against the resource it binds. Misses tell you which lever to reach for."
      >
        <P>The worked example below asks for a chat product&apos;s targets. Here is how the scenario&apos;s configuration does against them at its load:</P>
        <TargetCheck />
        <P>
          These are this configuration&apos;s average figures at a fixed load; the targets are 95th percentiles under real, bursty traffic. The planner
          accounts for both: it sizes enough replicas that queueing keeps the tail within the target.
        </P>
      </LessonSection>

      <LessonSection
        n={3}
        title="A worked example: let the planner search"
        takeaway="Write the targets, the traffic and the budget down; the search does the rest, and every number it returns can be expanded to its formula."
      >
        <P>
          A chat assistant on <ScenarioFact k="model" />, with the scenario&apos;s request shape, targets a person might write down, a daily user
          count and a monthly budget:
        </P>
        <WorkedExample />
      </LessonSection>
    </Stage>
  );
}
