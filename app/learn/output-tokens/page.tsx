import type { Metadata } from "next";
import { getStage } from "../../../lib/lessons/spine";
import { ApiPriceTable } from "../_components/ApiPriceTable";
import { CostByBatch, PriceSource } from "../_components/CostLive";
import { AboveBelow, Fig, ScenarioFact, StageFig } from "../_components/Fig";
import { LessonSection, P, Stage } from "../_components/Stage";

const stage = getStage(1);
export const metadata: Metadata = { title: `Stage 1: ${stage.hook}` };

export default function OutputTokens() {
  return (
    <Stage
      stage={stage}
      intro={
        <p>
          Every hosted LLM API charges more for the tokens it writes than for the tokens you send. This is not
          marketing: the two kinds of token use the same GPU in opposite ways. By the end of this stage you will be
          able to derive both prices from a GPU&apos;s hourly rate.
        </p>
      }
      synthesis={
        <>
          <P>
            Input tokens are processed together, so each weight read from memory is used for the whole prompt and the
            GPU works at its arithmetic limit. Output tokens are produced one at a time, so each weight is read again
            for every token and the GPU waits on memory. The price gap in every list above is that difference in GPU
            time, passed on.
          </P>
          <P>
            Two consequences follow. Batching — many users decoding together — is what makes output tokens affordable,
            because they share the weight reads. And anything that makes decode steps cheaper (fewer bytes, more users
            per step) moves the output price far more than the input price.
          </P>
        </>
      }
    >
      <LessonSection
        n={1}
        title="What the price lists say"
        takeaway="Across providers, output tokens are priced at several times input tokens. Same model, same request — the tokens it writes cost more than the ones it reads."
      >
        <P>These are list prices from the catalog, each with where and when it was seen.</P>
        <ApiPriceTable />
      </LessonSection>

      <LessonSection
        n={2}
        title="Prefill is parallel"
        takeaway="A prompt goes through the model in one pass: every weight read once, used for every prompt token. The GPU is busy doing math — the efficient regime."
      >
        <P>
          Before the first output token, the engine runs the whole prompt through the model at once — the prefill.
          All <ScenarioFact k="isl" /> prompt tokens share each read of the weights. For <ScenarioFact k="model" /> on{" "}
          <ScenarioFact k="gpus" /> × <ScenarioFact k="gpu" />, the prefill takes <StageFig k="prefillTime" testId="prefill-time" />, or{" "}
          <StageFig k="prefillPerToken" /> per prompt token.
        </P>
        <P>
          In prefill the GPU does <StageFig k="prefillIntensity" /> for every byte it reads — <AboveBelow a="prefillIntensity" b="ridge" /> its
          ridge point of <StageFig k="ridge" />, the intensity at which a chip&apos;s arithmetic and memory finish at the same time. Above the
          ridge, the math is the bottleneck, which is what the hardware was built for; a prompt of a few hundred tokens or more gets there.
        </P>
      </LessonSection>

      <LessonSection
        n={3}
        title="Decode is sequential"
        takeaway="Each output token needs the previous one, so decode reads the weights again for every token. The GPU waits on memory, and an output token costs many times the GPU time of an input token."
      >
        <P>
          Output tokens cannot be computed together: each is the input to the next. So every output token is a full
          pass through the model, reading <Fig k="lesson.bytesPerToken" /> for <Fig k="flops.decodePerToken" /> of math (the weights&apos;
          share is split among the users decoding together). A decode step does <StageFig k="decodeIntensity" /> per byte read —{" "}
          <AboveBelow a="decodeIntensity" b="ridge" /> the ridge point of <StageFig k="ridge" />. Below it, the GPU spends most of each step
          waiting for memory; only a large batch lifts decode towards the ridge.
        </P>
        <P>
          The time per output token is <StageFig k="decodePerToken" testId="tpot" />, against <StageFig k="prefillPerToken" /> per prompt
          token: an output token takes <StageFig k="timeRatio" testId="time-ratio" /> the GPU time of an input token in this scenario.
        </P>
      </LessonSection>

      <LessonSection
        n={4}
        title="From a GPU-hour to a price per million tokens"
        takeaway="Split the replica's hour between prefill and decode, divide each share by the tokens it produced: that is what an input and an output token cost you. Batching more users lowers both, output most."
      >
        <P>
          The price: <PriceSource />. The replica costs <Fig k="cost.perHour" /> an hour. The core splits that hour by what the GPUs spend it on:
          the share spent on prefill is charged to input tokens, the rest to output tokens.
        </P>
        <P>
          At <ScenarioFact k="concurrency" /> concurrent user(s), an input token costs <Fig k="cost.perMillionInput" testId="cost-in" /> per
          million and an output token <Fig k="cost.perMillionOutput" testId="cost-out" /> per million: output is <StageFig k="costRatio" /> input.
          Click any figure for its formula.
        </P>
        <P>The same scenario as more users share the GPUs:</P>
        <CostByBatch />
      </LessonSection>
    </Stage>
  );
}
