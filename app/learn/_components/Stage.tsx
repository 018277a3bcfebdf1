import type { ReactNode } from "react";
import { STAGES, type SpineStage } from "../../../lib/lessons/spine";
import { Breadcrumbs } from "./Breadcrumbs";
import { PrevNext } from "./PrevNext";
import { ScenarioBar } from "./ScenarioBar";

/** A paragraph that may hold live figures (a <div>: the figures expand into blocks, which a <p> cannot hold). */
export function P({ children }: { children: ReactNode }) {
  return <div className="my-3 leading-relaxed text-slate-700 dark:text-slate-300">{children}</div>;
}

/** One numbered section of a stage, ending in its takeaway. */
export function LessonSection({ n, title, takeaway, children }: { n: number; title: string; takeaway: ReactNode; children: ReactNode }) {
  const id = `s${n}`;
  return (
    <section aria-labelledby={id} className="scroll-mt-20">
      <h2 id={id} className="text-xl font-semibold tracking-tight">
        <span className="mr-2 text-accent-600 dark:text-accent-300">{n}.</span>
        {title}
      </h2>
      <div className="mt-2">{children}</div>
      <div className="mt-4 rounded-lg border-l-4 border-accent-500 bg-accent-50 px-4 py-3 text-slate-800 dark:bg-accent-700/20 dark:text-slate-100" data-testid="takeaway">
        <span className="font-semibold">Takeaway: </span>
        {takeaway}
      </div>
    </section>
  );
}

/** Frame of a Spine stage: breadcrumbs, "Stage n", the hook as the title, the scenario bar, sections, synthesis, next. */
export function Stage({
  stage,
  sub,
  intro,
  children,
  synthesis,
}: {
  stage: SpineStage;
  sub?: { title: string; path: string };
  intro: ReactNode;
  children: ReactNode;
  synthesis: ReactNode;
}) {
  const i = STAGES.indexOf(stage);
  const prev = STAGES[i - 1];
  const next = STAGES[i + 1];
  const subs = stage.subpages;
  const si = sub ? subs.findIndex((x) => x.path === sub.path) : -1;
  const prevLink = sub
    ? si > 0
      ? { href: subs[si - 1]!.path, label: subs[si - 1]!.title }
      : { href: stage.path, label: stage.title }
    : prev
      ? { href: prev.path, label: `Stage ${prev.n}: ${prev.title}` }
      : { href: "/learn", label: "Learn" };
  const nextLink = sub
    ? si < subs.length - 1
      ? { href: subs[si + 1]!.path, label: subs[si + 1]!.title }
      : next
        ? { href: next.path, label: `Stage ${next.n}: ${next.title}` }
        : null
    : subs.length > 0
      ? { href: subs[0]!.path, label: subs[0]!.title }
      : next
        ? { href: next.path, label: `Stage ${next.n}: ${next.title}` }
        : { href: "/learn/atlas", label: "Atlas" };
  const trail = [
    { href: "/learn", label: "Learn" },
    { href: stage.path, label: `Stage ${stage.n}` },
    ...(sub ? [{ href: sub.path, label: sub.title }] : []),
  ];
  return (
    <article className="space-y-8">
      <Breadcrumbs trail={trail} />
      <header className="prose-atlas max-w-3xl">
        <p className="text-sm font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-300">
          Stage {stage.n} of {STAGES.length}
          {sub ? ` · ${sub.title}` : ""}
        </p>
        <h1>{sub ? sub.title : stage.hook}</h1>
        <div className="mt-3 text-lg text-slate-700 dark:text-slate-300">{intro}</div>
      </header>
      <ScenarioBar />
      <div className="max-w-3xl space-y-10">{children}</div>
      <section aria-labelledby="synthesis" className="max-w-3xl rounded-xl border border-slate-200 p-5 dark:border-slate-800">
        <h2 id="synthesis" className="text-xl font-semibold tracking-tight">
          Putting it together
        </h2>
        <div className="mt-2 text-slate-700 dark:text-slate-300">{synthesis}</div>
      </section>
      <PrevNext prev={prevLink} next={nextLink} />
    </article>
  );
}
