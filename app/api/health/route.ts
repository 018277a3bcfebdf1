import { planPool } from "../../_server/plan-pool";
import { CATALOG_VERSION } from "../../../lib/catalog";

export const dynamic = "force-dynamic";

/**
 * Liveness: the process answers and the catalog loaded, with the planner's threads (app/_server/plan-pool.ts): how many
 * it may start and has started, plans running and waiting, plans dropped unstarted because their clients left,
 * plans stopped mid-search because their clients left and another plan waited, and
 * whether plans run on the main thread instead.
 * (The database is checked by the routes that use it.)
 */
export function GET(): Response {
  const pool = planPool();
  const { workers, running, queued, inline, cancelled, stopped } = pool.stats();
  return Response.json(
    {
      ok: true,
      catalogVersion: CATALOG_VERSION,
      uptimeSeconds: Math.round(process.uptime()),
      planner: { threads: pool.size, started: workers, running, queued, cancelled, stopped, inline },
    },
    { headers: { "cache-control": "no-store" } },
  );
}
