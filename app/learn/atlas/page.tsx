import type { Metadata } from "next";
import { SECTIONS, cardsOf } from "../../../lib/lessons/atlas";
import { Breadcrumbs } from "../_components/Breadcrumbs";
import { ScenarioBar } from "../_components/ScenarioBar";
import { ScenarioLink } from "../_components/ScenarioLink";

export const metadata: Metadata = {
  title: "Atlas: every part of a transformer, priced",
  description: "Parameters, FLOPs, bytes and KV cache of every part of an LLM, for the model and hardware you pick.",
};

export default function AtlasIndex() {
  return (
    <div className="space-y-8">
      <Breadcrumbs trail={[{ href: "/learn", label: "Learn" }, { href: "/learn/atlas", label: "Atlas" }]} />
      <header className="prose-atlas max-w-3xl">
        <h1>Atlas</h1>
        <p className="mt-3 text-lg text-slate-700 dark:text-slate-300">
          A map of one transformer, part by part. Open a card below: it prices its part for the scenario you set
          here — parameters, FLOPs per token, bytes per decode step, KV cache — and names one knob to turn. The
          scenario travels with the links, so every card you open follows it.
        </p>
      </header>
      <ScenarioBar />
      <ol className="space-y-6">
        {SECTIONS.map((sec, i) => (
          <li key={sec.id} className="rounded-xl border border-slate-200 p-5 dark:border-slate-800">
            <h2 className="text-xl font-semibold tracking-tight">
              <span className="mr-2 text-slate-400">{i + 1}.</span>
              <ScenarioLink href={`/learn/atlas/${sec.id}`} className="hover:underline">
                {sec.title}
              </ScenarioLink>
            </h2>
            <p className="mt-1 text-slate-600 dark:text-slate-400">{sec.blurb}</p>
            <ul className="mt-3 flex flex-wrap gap-2">
              {cardsOf(sec.id).map((c) => (
                <li key={c.slug}>
                  <ScenarioLink
                    href={`/learn/atlas/${sec.id}/${c.slug}`}
                    className="inline-block rounded-full border border-slate-300 px-3 py-1 text-sm hover:border-accent-500 hover:bg-accent-50 dark:border-slate-700 dark:hover:bg-slate-800"
                  >
                    {c.title}
                  </ScenarioLink>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </div>
  );
}
