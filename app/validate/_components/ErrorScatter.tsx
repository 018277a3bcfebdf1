"use client";

import {
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { EngineId } from "../../../lib/catalog/types";
import { ENGINE_COLOURS, ENGINE_NAMES } from "./engines";
import { ms, signedPct, tickMs } from "./fmt";

export interface ScatterPoint {
  readonly x: number;
  readonly y: number;
  readonly engine: EngineId;
  readonly label: string;
  readonly err: number;
}

function decades(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let p = Math.floor(Math.log10(lo)); p <= Math.ceil(Math.log10(hi)); p++) out.push(10 ** p);
  return out;
}

/**
 * Predicted vs measured on log-log axes, one colour per engine; y = x solid and the ±band dashed.
 * Receives the points; computes only the axis range.
 */
export function ErrorScatter({ points, band, metric }: { points: readonly ScatterPoint[]; band: number; metric: string }) {
  const values = points.flatMap((p) => [p.x, p.y]).filter((v) => v > 0);
  const lo = values.length ? 10 ** Math.floor(Math.log10(Math.min(...values))) : 1;
  const hi = values.length ? 10 ** Math.ceil(Math.log10(Math.max(...values))) : 1000;
  const ticks = decades(lo, hi);
  const line = (f: number): [{ x: number; y: number }, { x: number; y: number }] => [
    { x: lo, y: lo * f },
    { x: hi, y: hi * f },
  ];
  const engines = (["vllm", "sglang", "trtllm"] as const).filter((e) => points.some((p) => p.engine === e));
  return (
    <div>
    <p className="text-xs font-medium text-slate-600 dark:text-slate-300">↑ predicted {metric}</p>
    <div data-testid="validate-scatter" className="h-[420px] w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 10, right: 20, bottom: 5, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
          <XAxis
            type="number"
            dataKey="x"
            scale="log"
            domain={[lo, hi]}
            ticks={ticks}
            tickFormatter={tickMs}
            allowDataOverflow
            name={`measured ${metric}`}
          />
          <YAxis
            type="number"
            dataKey="y"
            scale="log"
            domain={[lo, hi]}
            ticks={ticks}
            tickFormatter={tickMs}
            allowDataOverflow
            name={`predicted ${metric}`}
            width={64}
          />
          <ReferenceLine segment={line(1)} stroke="currentColor" strokeOpacity={0.6} ifOverflow="hidden" />
          <ReferenceLine segment={line(1 + band)} stroke="#16a34a" strokeDasharray="6 4" ifOverflow="hidden" />
          <ReferenceLine segment={line(1 - band)} stroke="#16a34a" strokeDasharray="6 4" ifOverflow="hidden" />
          <Tooltip
            cursor={{ strokeDasharray: "3 3" }}
            content={({ active, payload }) => {
              const p = active ? (payload?.[0]?.payload as ScatterPoint | undefined) : undefined;
              if (!p) return null;
              return (
                <div className="rounded border border-neutral-300 bg-white p-2 text-xs text-neutral-900 shadow">
                  <div className="font-medium">{p.label}</div>
                  <div>
                    measured {ms(p.x)} · predicted {ms(p.y)} · error {signedPct(p.err)}
                  </div>
                </div>
              );
            }}
          />
          <Legend verticalAlign="top" />
          {engines.map((e) => (
            <Scatter
              key={e}
              name={ENGINE_NAMES[e]}
              data={points.filter((p) => p.engine === e)}
              fill={ENGINE_COLOURS[e]}
              fillOpacity={0.6}
              isAnimationActive={false}
              shape="circle"
            />
          ))}
        </ScatterChart>
      </ResponsiveContainer>
    </div>
    <p className="text-right text-xs font-medium text-slate-600 dark:text-slate-300">measured {metric} →</p>
    </div>
  );
}
