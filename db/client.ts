import path from "node:path";
import type { PlanStore } from "./store";
import { createSqliteStore } from "./store-sqlite";

/** Where the embedded SQLite file lives unless DATABASE_PATH says otherwise. */
export const DEFAULT_DATABASE_PATH = path.join("data", "atlas.db");

export type DbConfig = { readonly kind: "sqlite"; readonly file: string } | { readonly kind: "postgres"; readonly url: string };

/** DATABASE_URL=postgres://… (or postgresql://…) selects PostgreSQL; otherwise SQLite at DATABASE_PATH. */
export function dbConfigFromEnv(env: Record<string, string | undefined> = process.env): DbConfig {
  const url = env.DATABASE_URL?.trim();
  if (url && /^postgres(ql)?:\/\//.test(url)) return { kind: "postgres", url };
  if (url) throw new Error(`DATABASE_URL must start with postgres:// or postgresql:// (got "${url.split(":")[0]}:…")`);
  return { kind: "sqlite", file: env.DATABASE_PATH?.trim() || DEFAULT_DATABASE_PATH };
}

export async function openStore(config: DbConfig): Promise<PlanStore> {
  if (config.kind === "sqlite") return createSqliteStore({ file: config.file });
  // Loaded only when asked for, so the SQLite path never loads pg.
  const { createPgStore } = await import("./store-pg");
  return createPgStore({ url: config.url });
}

const g = globalThis as unknown as { __atlasStore?: Promise<PlanStore> };

/**
 * The process-wide store, opened (and migrated) on first use. The app also calls this
 * from instrumentation.ts at start-up, so migrations run before the first request.
 */
export function getStore(): Promise<PlanStore> {
  if (!g.__atlasStore) {
    const p = openStore(dbConfigFromEnv());
    g.__atlasStore = p;
    // A failed open is not cached: the next request tries again.
    p.catch(() => {
      if (g.__atlasStore === p) g.__atlasStore = undefined;
    });
  }
  return g.__atlasStore;
}

/** Tests: close and forget the process-wide store (the next getStore() reopens from env). */
export async function resetStore(): Promise<void> {
  const p = g.__atlasStore;
  g.__atlasStore = undefined;
  if (p) await (await p.catch(() => null))?.close();
}
