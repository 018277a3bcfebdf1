import type { Metadata } from "next";
import { getStage } from "../../../lib/lessons/spine";
import { Fig, ScenarioFact, StageFig } from "../_components/Fig";
import { SizeChart } from "../_components/SizeChart";
import { SizeCompare } from "../_components/SizeCompare";
import { LessonSection, P, Stage } from "../_components/Stage";

const stage = getStage(2);
export const metadata: Metadata = { title: `Stage 2: ${stage.hook}` };

export default function ModelSize() {
  return (
    <Stage
      stage={stage}
      intro={
        <p>
          A bigger model is slower per token — everyone expects that. What surprises people is that the slowdown
          follows the size almost exactly, and has almost nothing to do with how fast the GPU can multiply.
        </p>
      }
      synthesis={
        <>
          <P>
            For one user, a token costs one read of the weights. Tokens per second is bandwidth divided by bytes,
            so a model with n times the bytes runs about n times slower, whatever the chip&apos;s FLOP/s.
            The arithmetic units sit mostly idle.
          </P>
          <P>
            So the levers for per-user speed are the levers on bytes and bandwidth: fewer bytes per weight
            (quantisation), fewer weights per token (mixture of experts), more bandwidth (a faster GPU, or several
            GPUs reading their shares in parallel). The idle arithmetic is the opportunity the next stages spend:
            more users per step share each read.
          </P>
        </>
      }
    >
      <LessonSection
        n={1}
        title="Two speed limits"
        takeaway="Per-user decode speed has two ceilings — how fast the GPU can do the math, and how fast it can read the bytes. For one user the byte ceiling is far lower, so it is the one that binds."
      >
        <P>
          For one user, generating a token needs <Fig k="flops.decodePerToken" one /> of math and <Fig k="lesson.bytesPerToken" one /> of reading
          for <ScenarioFact k="model" /> on <ScenarioFact k="gpus" /> × <ScenarioFact k="gpu" />. If only the math counted, that user could get{" "}
          <StageFig k="computeCeiling" one testId="compute-ceiling" />. If only the reading counted,{" "}
          <StageFig k="bandwidthCeiling" one testId="bandwidth-ceiling" />. Both use achieved, not peak, rates.
        </P>
        <P>
          The estimate, with communication and fixed overheads added, is <Fig k="perUser" one /> — under the byte ceiling, nowhere near the
          math ceiling. In a one-user decode step the math needs only <StageFig k="mathBusy" one /> of the time the reading takes.
        </P>
      </LessonSection>

      <LessonSection
        n={2}
        title="The same picture across model sizes"
        takeaway="On a log-log chart both ceilings fall in straight lines with model size; the bandwidth line is the lower one for every model, and the estimates sit just under it."
      >
        <P>Each model below runs alone on one <ScenarioFact k="gpu" /> at <ScenarioFact k="weights" />, one user, your context length.</P>
        <SizeChart />
      </LessonSection>

      <LessonSection
        n={3}
        title="Why the slowdown follows the size"
        takeaway="The slowdown is the ratio of bytes read, and the bytes follow the parameters: on the byte ceiling a model is about as many times slower as it is bigger."
      >
        <P>
          The names round the sizes; the real parameter counts are a little further apart, and the bytes to read per token follow them. On the
          bandwidth ceiling the slowdown equals the ratio of bytes:
        </P>
        <SizeCompare />
        <P>
          The ratio is not exact: both models also read the LM head and their KV cache, which do not scale with the layers in the same way,
          and fixed per-step overheads weigh more on the small model.
        </P>
      </LessonSection>

      <LessonSection
        n={4}
        title="What would make it faster"
        takeaway="Per-user speed is bought with bytes and bandwidth, not FLOP/s: quantise, choose fewer active parameters, or spread the model over more GPUs' memory."
      >
        <P>
          Try the scenario bar: set the weight precision to FP4 and the byte ceiling rises; switch the hardware to a chip with faster
          memory and it rises with the bandwidth; set the GPU count higher with tensor parallelism and each GPU reads only its share, at the
          price of an all-reduce per layer. The math ceiling moves too, but it was never the limit.
        </P>
      </LessonSection>
    </Stage>
  );
}
