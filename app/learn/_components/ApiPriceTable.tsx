import { formatRatio, formatUsd, MISSING } from "../../../lib/format";
import { apiPriceRows, medianApiRatio } from "../../../lib/lessons/compare";

/** Hosted-API list prices from the catalog, with the output/input ratio, the date seen and the source. */
export function ApiPriceTable() {
  const rows = apiPriceRows();
  return (
    <div className="max-h-[32rem] overflow-auto rounded-xl border border-slate-200 dark:border-slate-800" data-testid="api-prices" tabIndex={0} aria-label="API list prices">
      <table className="w-full min-w-[40rem] text-left text-sm tabular">
        <caption className="px-3 py-2 text-left text-slate-600 dark:text-slate-400">
          List prices per million tokens, as seen on the date shown (prices move). Median output ÷ input:{" "}
          <strong data-testid="api-median-ratio">{formatRatio(medianApiRatio())}</strong>.
        </caption>
        <thead>
          <tr className="border-y border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900">
            <th scope="col" className="px-3 py-2">Provider · model</th>
            <th scope="col" className="px-3 py-2">Input $/M</th>
            <th scope="col" className="px-3 py-2">Output $/M</th>
            <th scope="col" className="px-3 py-2">Output ÷ input</th>
            <th scope="col" className="px-3 py-2">Seen · source</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.provider}-${r.model}`} className="border-b border-slate-100 align-top dark:border-slate-800">
              <th scope="row" className="px-3 py-2 font-medium">
                {r.provider} · {r.model}
              </th>
              <td className="px-3 py-2">{r.usdPerMillionInput === null ? MISSING : formatUsd(r.usdPerMillionInput)}</td>
              <td className="px-3 py-2">{formatUsd(r.usdPerMillionOutput)}</td>
              <td className="px-3 py-2 font-semibold">{r.ratio === null ? MISSING : formatRatio(r.ratio)}</td>
              <td className="max-w-[22rem] px-3 py-2 text-xs text-slate-500 dark:text-slate-400">
                {r.dateSeen} · <span className="break-words">{r.source}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
