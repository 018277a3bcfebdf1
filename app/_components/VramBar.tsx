import type { MemoryBreakdown } from "../../lib/model/estimate-types";
import { formatBytes, formatPercent } from "../../lib/format";

const PARTS = [
  { key: "weights", label: "Weights", color: "bg-accent-600" },
  { key: "kvCache", label: "KV cache", color: "bg-emerald-500" },
  { key: "activations", label: "Activations & workspace", color: "bg-amber-500" },
  { key: "runtimeReserve", label: "Runtime reserve", color: "bg-slate-400" },
] as const;

/**
 * Per-GPU memory as one stacked bar against capacity, with a legend. When the parts exceed capacity the bar is
 * drawn to the total and a red line marks the capacity.
 */
export function VramBar({ memory, title = "Memory per GPU" }: { memory: MemoryBreakdown; title?: string }) {
  const used = PARTS.reduce((s, p) => s + Math.max(0, memory[p.key]), 0);
  const cap = Math.max(0, memory.capacity);
  const scale = Math.max(used, cap) || 1;
  const over = used > cap;
  return (
    <figure className="w-full" data-testid="vram-bar">
      <figcaption className="mb-1 flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="font-medium">{title}</span>
        <span className={`tabular ${over ? "font-semibold text-rose-700 dark:text-rose-300" : "text-slate-600 dark:text-slate-300"}`}>
          {formatBytes(used)} of {formatBytes(cap)}
          {over ? ` — over by ${formatBytes(used - cap)}` : ` (${formatBytes(Math.max(0, memory.free))} free)`}
        </span>
      </figcaption>
      <div
        className="relative flex h-5 w-full overflow-hidden rounded bg-slate-100 dark:bg-slate-800"
        role="img"
        aria-label={`${title}: ${PARTS.map((p) => `${p.label} ${formatBytes(memory[p.key])}`).join(", ")}; capacity ${formatBytes(cap)}`}
      >
        {PARTS.map((p) => {
          const w = (Math.max(0, memory[p.key]) / scale) * 100;
          return w > 0 ? <div key={p.key} className={p.color} style={{ width: `${w}%` }} /> : null;
        })}
        {over && <div className="absolute inset-y-0 w-0.5 bg-rose-600" style={{ left: `${(cap / scale) * 100}%` }} />}
      </div>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-300">
        {PARTS.map((p) => (
          <li key={p.key} className="flex items-center gap-1.5">
            <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-sm ${p.color}`} />
            {p.label} <span className="tabular">{formatBytes(memory[p.key])}</span>
            <span className="tabular text-slate-400">({formatPercent(cap > 0 ? memory[p.key] / cap : NaN)})</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
