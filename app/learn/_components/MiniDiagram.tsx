import type { DiagramSpec, Dim } from "../../../lib/lessons/atlas";
import { DIM_SYMBOL } from "../../../lib/lessons/dims";
import { formatCount } from "../../../lib/format";

const BOX = "fill-accent-100 stroke-accent-600 dark:fill-accent-700/30 dark:stroke-accent-300";
const ACT = "fill-white stroke-slate-400 dark:fill-slate-900 dark:stroke-slate-500";
const KV = "fill-emerald-100 stroke-emerald-600 dark:fill-emerald-900/40 dark:stroke-emerald-400";
const TXT = "fill-slate-800 dark:fill-slate-100";
const SUB = "fill-slate-500 dark:fill-slate-400";

function dimText(d: Dim, dims: Readonly<Record<Dim, number>>): string {
  return d === "1" ? "1" : `${DIM_SYMBOL[d]} = ${formatCount(dims[d])}`;
}

/** A small schematic of one Atlas card's operation, labelled with the scenario model's sizes. */
export function MiniDiagram({ spec, dims, title }: { spec: DiagramSpec; dims: Readonly<Record<Dim, number>>; title: string }) {
  return (
    <svg viewBox="0 0 320 130" className="h-auto w-full max-w-sm" role="img" aria-label={`Diagram: ${title}`} data-testid="mini-diagram">
      <defs>
        <marker id="md-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto">
          <path d="M0,0 L10,5 L0,10 z" className="fill-slate-500" />
        </marker>
      </defs>
      {body(spec, dims)}
    </svg>
  );
}

function body(spec: DiagramSpec, dims: Readonly<Record<Dim, number>>) {
  switch (spec.kind) {
    case "matmul":
      return (
        <g>
          <rect x={14} y={25} width={14} height={70} rx={2} className={`${ACT} stroke-[1.5]`} />
          <text x={21} y={112} textAnchor="middle" className={`${SUB} text-[10px]`}>
            {DIM_SYMBOL[spec.x]}
          </text>
          <text x={44} y={64} textAnchor="middle" className={`${TXT} text-[16px]`}>
            ×
          </text>
          <rect x={62} y={15} width={150} height={90} rx={3} className={`${BOX} stroke-[1.5]`} />
          <text x={137} y={58} textAnchor="middle" className={`${TXT} text-[12px] font-semibold`}>
            {spec.wLabel}
          </text>
          <text x={137} y={75} textAnchor="middle" className={`${SUB} text-[10px]`}>
            {DIM_SYMBOL[spec.w[0]]} × {DIM_SYMBOL[spec.w[1]]}
          </text>
          <text x={137} y={122} textAnchor="middle" className={`${SUB} text-[10px]`}>
            {dimText(spec.w[0], dims)} · {dimText(spec.w[1], dims)}
          </text>
          <text x={230} y={64} textAnchor="middle" className={`${TXT} text-[16px]`}>
            =
          </text>
          <rect x={250} y={25} width={14} height={70} rx={2} className={`${ACT} stroke-[1.5]`} />
          <text x={257} y={112} textAnchor="middle" className={`${SUB} text-[10px]`}>
            {DIM_SYMBOL[spec.y]}
          </text>
          <text x={290} y={64} textAnchor="middle" className={`${SUB} text-[10px]`}>
            per token
          </text>
        </g>
      );
    case "tokens": {
      const pieces = ["What", "␣is", "␣photos", "ynth", "esis", "?"];
      return (
        <g>
          {pieces.map((p, i) => (
            <g key={i}>
              <rect x={8 + i * 51} y={30} width={47} height={28} rx={5} className="fill-amber-50 stroke-amber-600 dark:fill-amber-900/30" />
              <text x={31 + i * 51} y={48} textAnchor="middle" className={`${TXT} font-mono text-[10px]`}>
                {p}
              </text>
              <line x1={31 + i * 51} y1={58} x2={31 + i * 51} y2={78} markerEnd="url(#md-arrow)" className="stroke-slate-500" />
              <text x={31 + i * 51} y={94} textAnchor="middle" className={`${SUB} font-mono text-[10px]`}>
                id
              </text>
            </g>
          ))}
          <text x={160} y={120} textAnchor="middle" className={`${SUB} text-[10px]`}>
            each piece → one integer in 0 … {formatCount(dims.V - 1)}
          </text>
        </g>
      );
    }
    case "op":
      return (
        <g>
          <text x={40} y={68} textAnchor="middle" className={`${SUB} text-[11px]`}>
            {spec.inLabel}
          </text>
          <line x1={72} y1={64} x2={96} y2={64} markerEnd="url(#md-arrow)" className="stroke-slate-500" />
          <rect x={100} y={38} width={130} height={52} rx={8} className={`${ACT} stroke-[1.5]`} />
          <text x={165} y={69} textAnchor="middle" className={`${TXT} font-mono text-[11px]`}>
            {spec.glyph}
          </text>
          <line x1={230} y1={64} x2={254} y2={64} markerEnd="url(#md-arrow)" className="stroke-slate-500" />
          <text x={285} y={68} textAnchor="middle" className={`${SUB} text-[11px]`}>
            {spec.outLabel}
          </text>
          <text x={165} y={118} textAnchor="middle" className={`${SUB} text-[10px]`}>
            d = {formatCount(dims.d)}
          </text>
        </g>
      );
    case "scores":
      return (
        <g>
          <rect x={14} y={40} width={60} height={14} rx={2} className={`${ACT} stroke-[1.5]`} />
          <text x={44} y={32} textAnchor="middle" className={`${SUB} text-[10px]`}>
            q (new token)
          </text>
          <text x={90} y={52} textAnchor="middle" className={`${TXT} text-[14px]`}>
            ·
          </text>
          {Array.from({ length: 6 }, (_, i) => (
            <rect key={i} x={106} y={14 + i * 15} width={80} height={11} rx={2} className={`${KV} stroke-1`} />
          ))}
          <text x={146} y={118} textAnchor="middle" className={`${SUB} text-[10px]`}>
            Kᵀ: N = {formatCount(dims.N)} cached keys
          </text>
          <text x={204} y={52} textAnchor="middle" className={`${TXT} text-[14px]`}>
            =
          </text>
          {Array.from({ length: 6 }, (_, i) => (
            <rect key={i} x={222 + i * 14} y={40} width={11} height={14} rx={2} className={`${ACT} stroke-1`} />
          ))}
          <text x={262} y={32} textAnchor="middle" className={`${SUB} text-[10px]`}>
            N scores per head
          </text>
        </g>
      );
    case "cache":
      return (
        <g>
          {Array.from({ length: 7 }, (_, i) => (
            <rect key={i} x={40} y={8 + i * 14} width={150} height={10} rx={2} className={i === 6 ? "fill-emerald-500" : `${KV} stroke-1`} />
          ))}
          <text x={200} y={96} className={`${SUB} text-[10px]`}>
            ← new row this step
          </text>
          <text x={200} y={24} className={`${SUB} text-[10px]`}>
            K and V of every
          </text>
          <text x={200} y={37} className={`${SUB} text-[10px]`}>
            earlier token
          </text>
          <text x={115} y={124} textAnchor="middle" className={`${SUB} text-[10px]`}>
            N = {formatCount(dims.N)} rows · {DIM_SYMBOL.kvh} = {formatCount(dims.kvh)} ·{" "}
            {dims.La < dims.L ? `${DIM_SYMBOL.La} = ${formatCount(dims.La)} of ${formatCount(dims.L)} layers` : `L = ${formatCount(dims.L)}`}
          </text>
        </g>
      );
    case "experts": {
      const E = dims.E || 8;
      const shown = Math.min(E, 16);
      const k = Math.min(dims.k || 2, shown);
      return (
        <g>
          <rect x={8} y={48} width={62} height={30} rx={6} className={`${ACT} stroke-[1.5]`} />
          <text x={39} y={67} textAnchor="middle" className={`${TXT} text-[11px]`}>
            router
          </text>
          {Array.from({ length: shown }, (_, i) => (
            <rect
              key={i}
              x={90 + (i % 8) * 27}
              y={30 + Math.floor(i / 8) * 36}
              width={22}
              height={28}
              rx={3}
              className={i < k ? `${BOX} stroke-[2]` : "fill-slate-100 stroke-slate-300 dark:fill-slate-800 dark:stroke-slate-600"}
            />
          ))}
          <text x={200} y={120} textAnchor="middle" className={`${SUB} text-[10px]`}>
            {dims.E ? `k = ${dims.k} of E = ${dims.E} experts per token${E > shown ? " (16 drawn)" : ""}` : "dense model: one FFN, no router"}
          </text>
        </g>
      );
    }
    case "stack":
      return (
        <g>
          {Array.from({ length: 6 }, (_, i) => (
            <rect key={i} x={30 + i * 6} y={20 + i * 12} width={140} height={22} rx={3} className={`${BOX} stroke-1`} />
          ))}
          <text x={130} y={124} textAnchor="middle" className={`${SUB} text-[10px]`}>
            L = {formatCount(dims.L)} layers
          </text>
          <path d="M 230 90 A 30 30 0 1 1 230 40" fill="none" markerEnd="url(#md-arrow)" className="stroke-amber-600" strokeWidth={1.8} />
          <text x={262} y={70} textAnchor="middle" className={`${SUB} text-[10px]`}>
            × tokens
          </text>
        </g>
      );
  }
}
