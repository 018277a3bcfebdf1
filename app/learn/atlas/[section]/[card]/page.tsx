import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CARDS, cardPath, getCard, neighbours, sectionOf } from "../../../../../lib/lessons/atlas";
import { cardText } from "../../_content";
import { Breadcrumbs } from "../../../_components/Breadcrumbs";
import { CardLive } from "../../../_components/CardLive";
import { PrevNext } from "../../../_components/PrevNext";
import { ScenarioBar } from "../../../_components/ScenarioBar";

export const dynamicParams = false;

export function generateStaticParams() {
  return CARDS.map((c) => ({ section: c.section, card: c.slug }));
}

type Params = Promise<{ section: string; card: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { section, card } = await params;
  const c = getCard(section, card);
  return { title: c ? `${c.title} · Atlas lessons` : "Atlas lessons" };
}

export default async function CardPage({ params }: { params: Params }) {
  const { section, card } = await params;
  const c = getCard(section, card);
  const sec = sectionOf(section);
  const text = cardText(section, card);
  if (!c || !sec || !text) notFound();
  const { prev, next } = neighbours(c);
  return (
    <article className="space-y-6">
      <Breadcrumbs
        trail={[
          { href: "/learn", label: "Learn" },
          { href: "/learn/atlas", label: "Atlas" },
          { href: `/learn/atlas/${sec.id}`, label: sec.title },
          { href: cardPath(c), label: c.title },
        ]}
      />
      <header className="prose-atlas max-w-3xl">
        <h1>{c.title}</h1>
        <div className="mt-3 space-y-3 text-lg text-slate-700 dark:text-slate-300">{text.lead}</div>
      </header>
      <ScenarioBar />
      <section aria-label="Live figures" className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
        <CardLive card={c} />
      </section>
      <details className="group max-w-3xl rounded-xl border border-slate-200 p-4 open:pb-5 dark:border-slate-800" data-testid="read-more">
        <summary className="cursor-pointer text-base font-semibold">Read more</summary>
        <div className="mt-3 space-y-3 text-slate-700 dark:text-slate-300">{text.more}</div>
      </details>
      <PrevNext
        prev={prev ? { href: cardPath(prev), label: prev.title } : { href: "/learn/atlas", label: "Atlas" }}
        next={next ? { href: cardPath(next), label: next.title } : { href: "/learn/output-tokens", label: "Spine, stage 1" }}
      />
    </article>
  );
}
