import { CONFIDENCE_RULES, type RegimeStats } from "../../../lib/validation";
import type { RegimeBlock } from "../_lib/view-model";
import { count, pct, signedPct } from "./fmt";
import { LevelBadge } from "./LevelBadge";

function Row({ r, indent = false }: { r: RegimeStats; indent?: boolean }) {
  const s = r.summary;
  return (
    <tr id={r.id} className="scroll-mt-20 border-b border-neutral-200 target:bg-amber-100 dark:border-neutral-800 dark:target:bg-amber-900/40">
      <td className={`p-1 ${indent ? "pl-6 text-neutral-500" : ""}`}>
        <a href={`#${r.id}`} className="hover:underline">
          {r.label}
        </a>
      </td>
      <td className="p-1">
        <LevelBadge
          level={r.judgement.level}
          title={r.judgement.reasons.join("; ")}
          tooFew={s.predicted < CONFIDENCE_RULES.minRows}
        />
      </td>
      <td className="p-1 text-right">
        {count(s.predicted)}/{count(s.rows)}
      </td>
      <td className="p-1 text-right">{pct(s.tpotMdape)}</td>
      <td className="p-1 text-right">{signedPct(s.tpotBias)}</td>
      <td className="p-1 text-right">{pct(s.ttftMdape)}</td>
      <td className="p-1 text-right">{signedPct(s.ttftBias)}</td>
      <td className="p-1 text-right">{pct(s.tpotWithinBand)}</td>
      <td className="p-1 text-right" data-testid={`${r.id}-held-out`}>
        {r.heldOut ? `${pct(r.heldOut.tpotMdape)} / ${pct(r.heldOut.ttftMdape)}` : "—"}
      </td>
      <td className="p-1 text-right" data-testid={`${r.id}-published`}>
        {r.published ? `${pct(r.published.throughputMdape)} (${count(r.published.rows)})` : "—"}
      </td>
    </tr>
  );
}

function Head({ first }: { first: string }) {
  return (
    <thead className="border-b border-neutral-300 dark:border-neutral-700">
      <tr>
        <th className="p-1">{first}</th>
        <th className="p-1">Level</th>
        <th className="p-1 text-right">Predicted/rows</th>
        <th className="p-1 text-right">TPOT MdAPE</th>
        <th className="p-1 text-right">TPOT bias</th>
        <th className="p-1 text-right">TTFT MdAPE</th>
        <th className="p-1 text-right">TTFT bias</th>
        <th className="p-1 text-right">TPOT within band</th>
        <th className="p-1 text-right" title="TPOT / TTFT MdAPE on models the fit never saw (leave-one-model-out)">
          Held out TPOT / TTFT
        </th>
        <th
          className="p-1 text-right"
          title="Throughput MdAPE on the published figures that fall in the regime (other harnesses and releases; how many in brackets)"
        >
          Published throughput
        </th>
      </tr>
    </thead>
  );
}

/** A flat list of regimes under one heading. */
function FlatTable({ rows, first, testId }: { rows: readonly RegimeStats[]; first: string; testId?: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-xs" data-testid={testId}>
        <Head first={first} />
        <tbody>
          {rows.map((r) => (
            <Row key={r.id} r={r} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Regimes one dimension at a time. */
export function MarginalTable({ rows }: { rows: readonly RegimeStats[] }) {
  return <FlatTable rows={rows} first="Regime (one dimension)" testId="confidence-marginals" />;
}

/** Architecture × batch × GPU generation × engine, each with its context-length sub-regimes. */
export function RegimeTable({ blocks }: { blocks: readonly RegimeBlock[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-xs" data-testid="confidence-regimes">
        <Head first="Regime" />
        <tbody>
          {blocks.flatMap((b) => [
            <Row key={b.regime.id} r={b.regime} />,
            ...b.byContext.map((c) => <Row key={c.id} r={c} indent />),
          ])}
        </tbody>
      </table>
    </div>
  );
}

export function BroaderTable({ rows }: { rows: readonly RegimeStats[] }) {
  return <FlatTable rows={rows} first="Broader regime" />;
}
