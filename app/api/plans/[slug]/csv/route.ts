import { getStore } from "@/db/queries";
import { planEngine } from "../../../../_plans/engine";
import { exportCsv } from "../../../../_plans/export";
import { guard } from "../../../../_plans/http";

export const dynamic = "force-dynamic";

/** The saved plan's options table as CSV (RFC 4180). */
export async function GET(_req: Request, ctx: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await ctx.params;
  return guard("exporting the CSV", () => exportCsv(slug, { engine: planEngine, store: getStore }));
}
