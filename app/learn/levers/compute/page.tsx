import type { Metadata } from "next";
import { getStage } from "../../../../lib/lessons/spine";
import { Fig } from "../../_components/Fig";
import { MoeTable, SpeculationTable, VerifyTable } from "../../_components/MoeLive";
import { LessonSection, P, Stage } from "../../_components/Stage";

const stage = getStage(4);
const sub = stage.subpages.find((s) => s.slug === "compute")!;
export const metadata: Metadata = { title: `Stage 4: ${sub.title}` };

export default function ComputeLevers() {
  return (
    <Stage
      stage={stage}
      sub={sub}
      intro={<p>{sub.blurb} Both cut the work behind each token — one by touching fewer weights, the other by checking several tokens per pass.</p>}
      synthesis={
        <P>
          MoE changes the ratio of memory to work: you pay memory for all the experts and work for a few. It shines when memory is cheap
          relative to bandwidth and compute — large GPUs, expert parallelism across many of them. Speculative decoding converts idle
          arithmetic into fewer sequential steps; it helps most at small batches, exactly where decode wastes the most compute.
        </P>
      }
    >
      <LessonSection
        n={1}
        title="Mixture of experts: total vs active"
        takeaway="An MoE needs memory for its total parameters but does math — and, at small batches, reads bytes — only for its active ones. Large batches touch nearly every expert, so the byte advantage fades while the compute advantage stays."
      >
        <P>
          The scenario model has <Fig k="params.total" /> parameters, <Fig k="params.active" /> active per token. Across MoE models, and how many
          distinct experts a batch touches in each layer:
        </P>
        <MoeTable />
        <P>Pick an MoE model in the scenario bar and open the MoE card in the Atlas to see the bytes read at your batch.</P>
      </LessonSection>
      <LessonSection
        n={2}
        title="Speculative decoding"
        takeaway="Checking several drafted tokens costs about as much as generating one, because the weights are read once either way. If the draft is often right, each pass yields more than one token."
      >
        <P>
          A small, fast draft model (or extra heads on the big one) proposes a few tokens; the big model scores all of them in one pass and
          keeps the longest prefix it agrees with. At one user, a pass over several tokens costs barely more than a pass over one:
        </P>
        <VerifyTable />
        <P>
          The gain depends on how often the draft is right — high for code and formulaic text, lower for creative writing — and shrinks as
          the batch grows, because a busy GPU has less idle arithmetic to spend on checking guesses, and a MoE model&apos;s drafted tokens
          route to experts the others did not touch. Models that ship a multi-token-prediction module (DeepSeek-V3 and R1) draft with it; the
          core prices each draft pass, the wider verify pass and the tokens kept, with the model&apos;s published acceptance rates, at the
          scenario&apos;s batch:
        </P>
        <SpeculationTable />
      </LessonSection>
    </Stage>
  );
}
