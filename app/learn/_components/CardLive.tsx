"use client";
import Link from "next/link";
import { Explain } from "../../_components/Explain";
import { formatParams, formatWithUnit } from "../../../lib/format";
import type { AtlasCard } from "../../../lib/lessons/atlas";
import { dimsOf } from "../../../lib/lessons/dims";
import { METER_KINDS, METER_LABELS, metersFor } from "../../../lib/lessons/meters";
import { calculateHref, withScenario } from "../../../lib/lessons/scenario";
import { fillSummary } from "../../../lib/lessons/summary";
import { MiniDiagram } from "./MiniDiagram";
import { useScenario } from "./scenario-context";

const NOT_APPLICABLE = "n/a";

/** The live top of an Atlas card: diagram, one-line cost, four meters, extras, "try it" and the calculator link. */
export function CardLive({ card, headingLevel = 2, link }: { card: AtlasCard; headingLevel?: 2 | 3; link?: string }) {
  const { figures: f, scenario: s, update } = useScenario();
  const meters = metersFor(card.component, f);
  const dims = dimsOf(f.model, f.batch, f.context);
  const summary = fillSummary(card.summary, meters);
  const knobScenario = { ...s, [card.knob.field]: card.knob.value };
  const knobActive = s[card.knob.field] === card.knob.value;
  const H = headingLevel === 2 ? "h2" : "h3";
  const denseMoe = card.component === "moe" && !f.model.moe;
  return (
    <div className="grid gap-4 md:grid-cols-[minmax(0,20rem)_minmax(0,1fr)]" data-testid={`card-${card.slug}`}>
      <div className="flex items-center justify-center rounded-lg bg-slate-50 p-2 dark:bg-slate-900/60">
        <MiniDiagram spec={card.diagram} dims={dims} title={card.title} />
      </div>
      <div className="min-w-0 space-y-3">
        {link ? (
          <H className="text-lg font-semibold tracking-tight">
            <Link href={withScenario(link, s)} className="hover:underline">
              {card.title}
            </Link>
          </H>
        ) : null}
        <p className="text-base font-medium text-slate-800 dark:text-slate-200" data-testid="cost-summary">
          {summary}
        </p>
        {denseMoe && (
          <p className="text-sm text-amber-800 dark:text-amber-300">{f.model.name} is a dense model: every token uses the one FFN. Pick an MoE model to see experts.</p>
        )}
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label={`${card.title}: live figures`}>
          {METER_KINDS.map((k) => {
            const d = meters[k];
            return (
              <div key={k} className="rounded-lg border border-slate-200 px-3 py-2 dark:border-slate-800" data-testid={`meter-${k}`}>
                <dt className="text-[11px] font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">{METER_LABELS[k]}</dt>
                <dd className="text-lg font-semibold" data-value={d ? d.value : ""}>
                  {d ? <Explain d={d}>{k === "params" ? formatParams(d.value) : formatWithUnit(d.value, d.unit)}</Explain> : <span className="text-slate-400">{NOT_APPLICABLE}</span>}
                </dd>
              </div>
            );
          })}
        </dl>
        {meters.extra.length > 0 && (
          <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600 dark:text-slate-300">
            {meters.extra.map((e) => (
              <li key={e.key}>
                {e.label}: <Explain d={e}>{e.unit === "1" && e.key.startsWith("params") ? formatParams(e.value) : formatWithUnit(e.value, e.unit)}</Explain>
              </li>
            ))}
          </ul>
        )}
        <div className="flex flex-wrap items-center gap-3 rounded-lg bg-amber-50 px-3 py-2 text-sm dark:bg-amber-900/20">
          <span className="font-semibold text-amber-900 dark:text-amber-200">Try it:</span>
          <span className="text-amber-900 dark:text-amber-100">{card.knob.prompt}</span>
          {!knobActive && (
            <button
              type="button"
              onClick={() => update(knobScenario)}
              className="rounded-md bg-amber-700 px-2.5 py-1 text-xs font-semibold text-white hover:bg-amber-800"
              data-testid="try-it"
            >
              Turn the knob
            </button>
          )}
        </div>
        <Link
          href={calculateHref(s)}
          className="inline-block text-sm font-medium text-accent-700 underline-offset-4 hover:underline dark:text-accent-300"
        >
          See this scenario in the calculator →
        </Link>
      </div>
    </div>
  );
}
