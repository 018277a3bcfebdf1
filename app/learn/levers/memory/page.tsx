import type { Metadata } from "next";
import { getStage } from "../../../../lib/lessons/spine";
import { Fig } from "../../_components/Fig";
import { KvModelTable } from "../../_components/KvModelTable";
import { LessonSection, P, Stage } from "../../_components/Stage";
import { VariantTable } from "../../_components/VariantTable";

const stage = getStage(4);
const sub = stage.subpages.find((s) => s.slug === "memory")!;
export const metadata: Metadata = { title: `Stage 4: ${sub.title}` };

export default function MemoryLevers() {
  return (
    <Stage
      stage={stage}
      sub={sub}
      intro={<p>{sub.blurb} They pull on the two things memory limits: how fast a step can read, and how many users fit.</p>}
      synthesis={
        <P>
          Weight quantisation is the rare lever that helps everything at once in decode: fewer bytes per step (faster per user), more room
          for cache (more users), fewer GPUs to fit at all. KV quantisation mostly buys users. Attention design is decided when you pick the
          model — worth weighing as heavily as its benchmark scores if you serve long contexts.
        </P>
      }
    >
      <LessonSection
        n={1}
        title="Quantise the weights"
        takeaway="Halving the bytes per weight nearly halves the time per token when decode is bandwidth-bound, and frees memory for the KV cache."
      >
        <P>
          Today each GPU holds <Fig k="memory.weights" /> of weights and every token reads <Fig k="lesson.bytesPerToken" />. The same scenario at
          each precision:
        </P>
        <VariantTable kind="weights" />
        <P>
          4-bit formats carry scales (one per small group of weights), so they are a little more than half of FP8. When the GPU has no
          tensor-core path for a format, the weights are expanded on the fly and the math runs at 16-bit — memory is still saved, speed less
          so. Quality costs are real at 4 bits and model-dependent; measure them.
        </P>
      </LessonSection>
      <LessonSection
        n={2}
        title="Quantise the KV cache"
        takeaway="An FP8 cache holds twice the users of a BF16 one at the same context, at a small quality cost; per-token speed changes little unless the cache dominates the bytes read."
      >
        <P>
          One token of context is <Fig k="kv.bytesPerToken" /> today, and the cache holds <Fig k="maxConcurrency" /> requests.
        </P>
        <VariantTable kind="kv" />
      </LessonSection>
      <LessonSection
        n={3}
        title="GQA and MLA: smaller caches by design"
        takeaway="Sharing KV heads (GQA) or caching a compressed latent (MLA) shrinks the per-token cache several-fold compared with full multi-head attention."
      >
        <KvModelTable />
      </LessonSection>
    </Stage>
  );
}
