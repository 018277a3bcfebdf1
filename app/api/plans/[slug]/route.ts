import { getStore } from "@/db/queries";
import { planEngine } from "../../../_plans/engine";
import { exportJson } from "../../../_plans/export";
import { guard } from "../../../_plans/http";

export const dynamic = "force-dynamic";

/** The whole saved plan as JSON (inputs, result snapshot, versions); ?download=1 for a file. */
export async function GET(req: Request, ctx: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await ctx.params;
  return guard("exporting the plan", () => exportJson(req, slug, { engine: planEngine, store: getStore }));
}
