import type { ApiComparison as Api } from "@/lib/search/types";
import { formatCount, formatUsd } from "@/lib/format";
import { derivationLookup, Explain } from "../../_components/Explain";

/** Self-host against public API list prices for the same model, with the break-even volume. */
export function ApiComparison({ api }: { api: Api }) {
  const d = derivationLookup(api.derivations);
  return (
    <section aria-labelledby="api-h" className="rounded-lg border border-slate-200 p-4 dark:border-slate-700">
      <h3 id="api-h" className="font-semibold">
        Self-host vs API
      </h3>
      <p className="mt-1 text-sm" data-testid="api-words">
        {api.words}
      </p>
      {api.rows.length ? (
        <table className="mt-2 w-full text-left text-sm tabular">
          <thead className="text-xs text-slate-500">
            <tr>
              <th scope="col">Provider</th>
              <th scope="col">Model</th>
              <th scope="col">$/M in · out</th>
              <th scope="col">Same traffic, per month</th>
              <th scope="col">Price seen</th>
            </tr>
          </thead>
          <tbody>
            {api.rows.map((r, i) => (
              <tr key={`${r.provider}-${r.model}`}>
                <td>{r.provider}</td>
                <td>{r.model}</td>
                <td>
                  {formatUsd(r.usdPerMillionInput)} · {formatUsd(r.usdPerMillionOutput)}
                </td>
                <td>
                  {i === 0 ? <Explain d={d("api.costPerMonth")}>{formatUsd(r.costUsdPerMonth)}</Explain> : formatUsd(r.costUsdPerMonth)}
                </td>
                <td className="text-xs text-slate-500" title={r.source}>
                  {r.dateSeen}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {api.breakEvenRequestsPerMonth !== null ? (
        <p className="mt-2 text-sm">
          Break-even: <Explain d={d("api.breakEven")}>{formatCount(api.breakEvenRequestsPerMonth)} requests/month</Explain>
        </p>
      ) : null}
    </section>
  );
}
