import type { Recipe } from "../_lib/view-model";
import { count } from "./fmt";

function settingsText(r: Recipe): string {
  if (r.unmodelled) return "not predicted";
  return [...Object.entries(r.settings).map(([k, v]) => `${k} = ${String(v)}`), ...(r.settingsOfText ? [r.settingsOfText] : [])].join(", ");
}

/** The non-default settings some benchmark recipes used, entered as estimate inputs for the runs they made. */
export function BenchmarkRecipes({ recipes }: { recipes: readonly Recipe[] }) {
  return (
    <div className="mt-3 text-sm" data-testid="benchmark-recipes">
      <p>
        Benchmark recipes: runs whose launch or client scripts set more than ISL, OSL and concurrency are predicted with
        those settings, as a user who set them would enter them (never fitted); runs of a recipe whose feature the
        estimator does not model are not predicted, and count against the share predicted:
      </p>
      <ul className="ml-5 list-disc">
        {recipes.map((r) => (
          <li key={r.id} data-testid={`recipe-${r.id}`}>
            <code>{settingsText(r)}</code> for {count(r.runs)} runs: {r.why} (
            <a className="underline" href={r.source.split(" ")[0]} rel="noreferrer">
              source
            </a>
            ).
          </li>
        ))}
      </ul>
    </div>
  );
}
