import type { Metadata } from "next";
import { getStage } from "../../../lib/lessons/spine";
import { CapacityChart } from "../_components/CapacityChart";
import { Fig, ScenarioFact } from "../_components/Fig";
import { KvModelTable } from "../_components/KvModelTable";
import { ModelCaveat } from "../_components/ModelCaveat";
import { LessonSection, P, Stage } from "../_components/Stage";
import { VramLive } from "../_components/VramLive";

const stage = getStage(3);
export const metadata: Metadata = { title: `Stage 3: ${stage.hook}` };

export default function Concurrency() {
  return (
    <Stage
      stage={stage}
      intro={
        <p>
          Stage 2 ended with idle arithmetic: serve more users in the same step and they share each read of the
          weights. So why not serve hundreds per GPU? Because every user brings state that has to live in GPU memory
          for as long as their request runs.
        </p>
      }
      synthesis={
        <>
          <P>
            Memory is shared out in a fixed order: weights first, then the engine&apos;s workspace and reserve, then
            whatever is left goes to the KV cache, and the cache is divided by the bytes one request needs. Long
            contexts and large models squeeze from both ends.
          </P>
          <P>
            That is why the levers of stage 4 start with memory: quantising weights frees room for cache; quantising
            the cache or choosing a model with fewer KV heads makes each user smaller; adding GPUs adds memory. Each
            one moves the cliff to the right.
          </P>
        </>
      }
    >
      <LessonSection
        n={1}
        title="What one user costs in memory"
        takeaway="Every token of context stores a key and a value in every attention layer. Multiply by the context and you have one user's memory bill."
      >
        <P>
          For <ScenarioFact k="model" />, one token of context leaves <Fig k="kv.bytesPerToken" testId="kv-per-token" /> in the KV cache —
          two vectors (K and V) per KV head per layer. A request of <ScenarioFact k="isl" /> prompt tokens plus <ScenarioFact k="osl" /> output
          tokens holds <Fig k="lesson.kvPerRequest" testId="kv-per-request" /> by the time it finishes.
        </P>
        <ModelCaveat about="kv" />
      </LessonSection>

      <LessonSection
        n={2}
        title="The capacity equation"
        takeaway="Users that fit = (usable memory − weights − workspace) ÷ KV per request. The weights are paid once; the cache is paid per user."
      >
        <P>
          Each GPU holds <Fig k="memory.weights" /> of weights, keeps <Fig k="memory.activations" /> of workspace, and the engine leaves{" "}
          <Fig k="memory.reserve" /> unmanaged. What remains is the KV pool, and it holds <Fig k="maxConcurrency" testId="max-concurrency" /> requests of
          this length at once.
        </P>
        <VramLive />
      </LessonSection>

      <LessonSection
        n={3}
        title="The capacity cliff"
        takeaway="Users that fit fall in inverse proportion to context. Long-context products hit the wall long before they hit the compute limit."
      >
        <CapacityChart />
        <P>
          The same memory that holds many short chats holds only a handful of long documents. The dashed line shows the other common cache
          precision: halving the bytes per element doubles the users at every length.
        </P>
      </LessonSection>

      <LessonSection
        n={4}
        title="Designs that make the cache smaller"
        takeaway="The KV cache is an architecture decision. Fewer KV heads, a compressed latent, or sliding windows shrink it by large factors before any engine trick."
      >
        <P>
          Grouped-query attention shares each key/value head among several query heads; multi-head latent attention caches one compressed
          vector instead; sliding-window layers only keep recent tokens. Compare per-token cache sizes:
        </P>
        <KvModelTable />
      </LessonSection>
    </Stage>
  );
}
