/** A stand-in PlanEngine for route tests: a tiny schema and a deterministic "search". */
import { z } from "zod";
import type { PlanEngine } from "../../../app/_plans/engine-types";
import { decodePermalink, encodePermalink } from "../../../lib/plan/permalink";

const schema = z.object({
  model: z.string({ error: "model is required" }).min(1, { error: "model is required" }),
  peakRps: z
    .number({ error: "peakRps must be a number" })
    .positive({ error: "peakRps must be positive" })
    .max(1e6, { error: "peakRps must be at most 1000000" }),
});
type In = z.output<typeof schema>;
interface Out {
  options: { gpu: string; count: number; costUsdPerMonth: number }[];
}

export const fakeEngine: PlanEngine<In, Out> = {
  schemaVersion: 1,
  catalogVersion: "test-catalog",
  parseInput(raw) {
    const r = schema.safeParse(raw);
    return r.success
      ? { ok: true, input: r.data }
      : { ok: false, errors: r.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })) };
  },
  decodeLink: (t) => decodePermalink(t, schema, 1),
  encodeLink: (i) => encodePermalink(i, 1),
  // cost = 1000 $/month per rps: 12.5 rps → $12,500; second option 1.5× that
  compute: (i) => ({
    options: [
      { gpu: "h100-sxm", count: 2, costUsdPerMonth: i.peakRps * 1000 },
      { gpu: "a100-80gb", count: 4, costUsdPerMonth: i.peakRps * 1500 },
    ],
  }),
  summarize: (i, r) => ({
    model: i.model,
    deployment: `${r.options[0]!.count}× ${r.options[0]!.gpu}`,
    costUsdPerMonth: r.options[0]!.costUsdPerMonth,
    feasible: true,
  }),
  headline: (r) => {
    const o = (r as Out).options[0]!;
    return { feasible: true, deployment: `${o.count}× ${o.gpu}`, costUsdPerMonth: o.costUsdPerMonth, ttftP95Ms: 300, tpotP95Ms: 30 };
  },
  optionsTable: (r) => ({
    columns: [
      { key: "gpu", label: "gpu", kind: "text", page: true },
      { key: "count", label: "count", kind: "int", page: true },
      { key: "costUsdPerMonth", label: "costUsdPerMonth", kind: "usd", page: true },
    ],
    rows: (r as Out).options.map((o) => ({ label: `${o.count}× ${o.gpu}`, cells: { ...o } })),
  }),
};
