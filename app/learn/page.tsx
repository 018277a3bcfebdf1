import type { Metadata } from "next";
import { CARDS, SECTIONS, cardsOf } from "../../lib/lessons/atlas";
import { STAGES } from "../../lib/lessons/spine";
import { HubFigures } from "./_components/HubFigures";
import { ScenarioBar } from "./_components/ScenarioBar";
import { ScenarioLink } from "./_components/ScenarioLink";
import { TokenPath } from "./_components/TokenPath";

export const metadata: Metadata = {
  title: "Learn: why tokens cost what they cost",
  description: "From a spec sheet to a price per million tokens: the FLOPs, bytes and memory behind every token an LLM writes.",
};

export default function LearnHub() {
  return (
    <div className="space-y-10">
      <header className="prose-atlas max-w-3xl">
        <p className="text-sm font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-300">Learn</p>
        <h1>Why a token costs what it costs</h1>
        <p className="mt-3 text-lg text-slate-700 dark:text-slate-300">
          Every word a language model writes is one trip through all of its layers. Follow one trip, count what it
          moves and multiplies, and the prices, latencies and GPU counts of LLM serving stop being folklore. All the
          figures below are computed for the scenario you pick, by the same model that runs the planner.
        </p>
      </header>

      <ScenarioBar />

      <section aria-labelledby="hub-cost" className="space-y-4">
        <h2 id="hub-cost" className="text-xl font-semibold tracking-tight">
          One output token, by the numbers
        </h2>
        <HubFigures />
        <p className="max-w-3xl text-slate-700 dark:text-slate-300">
          The middle number is the one to watch. A GPU multiplies far faster than it reads memory, so when one user
          is waiting for the next word the GPU spends most of its time streaming weights out of memory, not doing
          arithmetic. Click any figure to see how it is computed.
        </p>
      </section>

      <section aria-labelledby="hub-path" className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)]">
        <div>
          <h2 id="hub-path" className="mb-3 text-xl font-semibold tracking-tight">
            The path of one token
          </h2>
          <TokenPath />
        </div>
        <div className="space-y-4 text-slate-700 lg:pt-12 dark:text-slate-300">
          <p>
            <strong>In:</strong> the prompt is cut into sub-word tokens and each token ID picks one row of the
            embedding table — a vector of <em>d</em> numbers.
          </p>
          <p>
            <strong>Through:</strong> the vector passes through every transformer block. Attention lets it look back
            at earlier tokens through their cached keys and values; the feed-forward network, the biggest set of
            weights, transforms it on its own. Residual connections add each block&apos;s result to what came in.
          </p>
          <p>
            <strong>Out:</strong> the LM head turns the final vector into one score per vocabulary entry, and a
            sampler picks the next token.
          </p>
          <p>
            <strong>Again:</strong> that token goes back in at the top. Prefill handles the whole prompt in one
            parallel pass; decoding then repeats the trip once per output token, each time reading the weights again
            and adding one row to the KV cache.
          </p>
        </div>
      </section>

      <section aria-labelledby="hub-spine">
        <h2 id="hub-spine" className="text-xl font-semibold tracking-tight">
          Spine: five questions, in order
        </h2>
        <p className="mt-1 max-w-3xl text-slate-600 dark:text-slate-400">Each stage answers one question with your scenario&apos;s numbers and builds on the one before.</p>
        <ol className="mt-4 grid gap-3 md:grid-cols-2 lg:grid-cols-3">
          {STAGES.map((s) => (
            <li key={s.n}>
              <ScenarioLink
                href={s.path}
                className="block h-full rounded-xl border border-slate-200 p-4 transition-colors hover:border-accent-500 hover:bg-accent-50/50 dark:border-slate-800 dark:hover:bg-slate-900"
              >
                <span className="text-xs font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-300">Stage {s.n}</span>
                <span className="mt-1 block font-semibold">{s.hook}</span>
                <span className="mt-1 block text-sm text-slate-600 dark:text-slate-400">{s.blurb}</span>
              </ScenarioLink>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="hub-atlas">
        <h2 id="hub-atlas" className="text-xl font-semibold tracking-tight">
          Atlas: every part of the model, priced
        </h2>
        <p className="mt-1 max-w-3xl text-slate-600 dark:text-slate-400">
          {SECTIONS.length} sections, {CARDS.length} cards. Each card shows one part&apos;s parameters, FLOPs, bytes and KV cache for your
          scenario, and names one knob to turn.
        </p>
        <ul className="mt-4 grid gap-3 md:grid-cols-2 lg:grid-cols-5">
          {SECTIONS.map((sec) => (
            <li key={sec.id} className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
              <ScenarioLink href={`/learn/atlas/${sec.id}`} className="font-semibold text-accent-700 hover:underline dark:text-accent-300">
                {sec.title}
              </ScenarioLink>
              <ul className="mt-2 space-y-1 text-sm">
                {cardsOf(sec.id).map((c) => (
                  <li key={c.slug}>
                    <ScenarioLink href={`/learn/atlas/${sec.id}/${c.slug}`} className="text-slate-700 hover:underline dark:text-slate-300">
                      {c.title}
                    </ScenarioLink>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
