import type { Metadata } from "next";
import { getStage } from "../../../../lib/lessons/spine";
import { BatchChart } from "../../_components/BatchChart";
import { Fig } from "../../_components/Fig";
import { LessonSection, P, Stage } from "../../_components/Stage";
import { VariantTable } from "../../_components/VariantTable";

const stage = getStage(4);
const sub = stage.subpages.find((s) => s.slug === "system")!;
export const metadata: Metadata = { title: `Stage 4: ${sub.title}` };

export default function SystemLevers() {
  return (
    <Stage
      stage={stage}
      sub={sub}
      intro={<p>{sub.blurb} None changes the model; all change how well the hardware is used.</p>}
      synthesis={
        <P>
          Batching is the big one: it turns idle arithmetic into throughput until memory runs out. Paging and prefix caching make that memory
          go further. Parallelism buys memory and bandwidth for models that do not fit or are too slow on one GPU, paid for in communication.
          Engines differ in overheads and defaults more than in physics.
        </P>
      }
    >
      <LessonSection
        n={1}
        title="Continuous batching"
        takeaway="Throughput climbs almost linearly with users while decode is bandwidth-bound — they share each read of the weights — then flattens as the cache reads and the math catch up, and stops when the KV cache is full."
      >
        <P>
          Engines add new requests to the running batch at every step instead of waiting for a batch to finish (continuous, or in-flight,
          batching). Each step reads the weights once for everyone in it. At this scenario a step reads <Fig k="lesson.bytesPerStep" />.
        </P>
        <BatchChart />
      </LessonSection>
      <LessonSection
        n={2}
        title="Paged attention and prefix caching"
        takeaway="Paging removes the memory a request reserves but never uses; prefix caching stores a shared prompt once. Both raise how many users fit without changing the model."
      >
        <P>
          Early servers reserved a request&apos;s whole maximum length up front. Paged attention allocates the cache in small blocks as tokens
          arrive, so memory holds only what exists — the capacity in stage 3 assumes this. Prefix caching goes further: requests that start with
          the same system prompt or document share its cache blocks, and skip its prefill entirely. For chat products with long system prompts, it
          can cut both time-to-first-token and input cost substantially.
        </P>
      </LessonSection>
      <LessonSection
        n={3}
        title="TP, PP and EP"
        takeaway="Tensor parallelism splits every matrix and speeds up each token, at the price of all-reduces; pipeline parallelism splits the layers and adds capacity but not per-token speed; expert parallelism spreads MoE experts."
      >
        <P>The scenario&apos;s GPUs under each layout (expert parallelism only for MoE models):</P>
        <VariantTable kind="parallelism" />
        <P>
          Communication today costs <Fig k="step.comm" /> per step. Keep tensor parallelism inside one NVLink domain; beyond it, the links are
          several times slower.
        </P>
      </LessonSection>
      <LessonSection
        n={4}
        title="Engines"
        takeaway="vLLM, SGLang and TensorRT-LLM run the same physics; they differ in fixed overheads, kernels, scheduling and defaults such as the KV-cache precision. SGLang runs waiting prefills before any decode step: requests started together move in waves (later first tokens, fewer prefill stalls between tokens), while requests that arrive one at a time each get a prefill pass of their own that stalls everyone's decode. The calibrated profiles show the gaps."
      >
        <VariantTable kind="engine" />
      </LessonSection>
    </Stage>
  );
}
