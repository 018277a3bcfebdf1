import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SECTIONS, SECTION_IDS, cardPath, cardsOf, sectionOf } from "../../../../lib/lessons/atlas";
import { Breadcrumbs } from "../../_components/Breadcrumbs";
import { CardLive } from "../../_components/CardLive";
import { PrevNext } from "../../_components/PrevNext";
import { ScenarioBar } from "../../_components/ScenarioBar";

export const dynamicParams = false;

export function generateStaticParams() {
  return SECTION_IDS.map((section) => ({ section }));
}

export async function generateMetadata({ params }: { params: Promise<{ section: string }> }): Promise<Metadata> {
  const sec = sectionOf((await params).section);
  return { title: sec ? `Atlas: ${sec.title}` : "Atlas" };
}

export default async function SectionPage({ params }: { params: Promise<{ section: string }> }) {
  const { section } = await params;
  const sec = sectionOf(section);
  if (!sec) notFound();
  const i = SECTIONS.indexOf(sec);
  const prev = SECTIONS[i - 1];
  const next = SECTIONS[i + 1];
  return (
    <div className="space-y-8">
      <Breadcrumbs trail={[{ href: "/learn", label: "Learn" }, { href: "/learn/atlas", label: "Atlas" }, { href: `/learn/atlas/${sec.id}`, label: sec.title }]} />
      <header className="prose-atlas max-w-3xl">
        <h1>{sec.title}</h1>
        <p className="mt-3 text-lg text-slate-700 dark:text-slate-300">{sec.blurb}</p>
      </header>
      <ScenarioBar />
      <ul className="space-y-6">
        {cardsOf(sec.id).map((c) => (
          <li key={c.slug} className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
            <CardLive card={c} headingLevel={2} link={cardPath(c)} />
          </li>
        ))}
      </ul>
      <PrevNext
        prev={prev ? { href: `/learn/atlas/${prev.id}`, label: prev.title } : { href: "/learn/atlas", label: "Atlas" }}
        next={next ? { href: `/learn/atlas/${next.id}`, label: next.title } : { href: "/learn", label: "Learn" }}
      />
    </div>
  );
}
