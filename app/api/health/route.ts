import { CATALOG_VERSION } from "../../../lib/catalog";

export const dynamic = "force-dynamic";

/** Liveness: the process answers and the catalog loaded. (The database is checked by the routes that use it.) */
export function GET(): Response {
  return Response.json(
    { ok: true, catalogVersion: CATALOG_VERSION, uptimeSeconds: Math.round(process.uptime()) },
    { headers: { "cache-control": "no-store" } },
  );
}
