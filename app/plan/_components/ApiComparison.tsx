import type { ApiComparison as Api } from "@/lib/search/types";
import { amount, usd } from "../_lib/fmt";
import { derivationsOf, Explain } from "./Explain";

/** Self-host against public API list prices for the same model, with the break-even volume. */
export function ApiComparison({ api }: { api: Api }) {
  const d = derivationsOf(api.derivations);
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
                  {usd(r.usdPerMillionInput)} · {usd(r.usdPerMillionOutput)}
                </td>
                <td>
                  {usd(r.costUsdPerMonth)}
                  {i === 0 ? <Explain d={d("api.costPerMonth")} /> : null}
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
          Break-even: {amount(api.breakEvenRequestsPerMonth)} requests/month
          <Explain d={d("api.breakEven")} />
        </p>
      ) : null}
    </section>
  );
}
