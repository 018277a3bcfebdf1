import { DOCUMENTED_FACTORS } from "../../../lib/model";
import { ENGINE_NAMES } from "./engines";

/** The engine factors taken from the engines' documentation instead of being fitted, with their sources. */
export function DocumentedFactors() {
  return (
    <div className="mt-3 text-sm" data-testid="documented-factors">
      <p>Taken from the engines&apos; documentation, not fitted:</p>
      <ul className="ml-5 list-disc">
        {DOCUMENTED_FACTORS.map((d) => (
          <li
            key={`${d.engine}.${d.factor}.${d.generation ?? "all"}`}
            data-testid={`documented-${d.engine}-${d.factor}${d.generation ? `-${d.generation}` : ""}`}
          >
            {ENGINE_NAMES[d.engine]} <code>{d.factor}</code> = {d.value}
            {d.generation ? ` (${d.generation === "hopper" ? "Hopper-class GPUs" : "Blackwell-class GPUs"})` : ""}: {d.why} (
            <a className="underline" href={d.source} rel="noreferrer">
              source
            </a>
            ).
          </li>
        ))}
      </ul>
    </div>
  );
}
