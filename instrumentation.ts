/**
 * Runs once when the server starts: opens the database and applies pending migrations
 * (drizzle/ for SQLite, drizzle-pg/ for PostgreSQL) before the first request. If that
 * fails (say PostgreSQL is not up yet) the server still starts; the first request that
 * needs the database tries again and answers 503 until it can. Then warms the planner's worker threads in the
 * background (app/_server/plan-pool.ts), so the first plan is not the one that loads and compiles the planner.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  try {
    const { getStore } = await import("./db/client");
    const store = await getStore();
    console.log(`[atlas] database ready (${store.kind}, migrations applied)`);
  } catch (e) {
    console.error("[atlas] database not ready at start-up; will retry on first use:", e);
  }
  const { warmPlanPool } = await import("./app/_server/plan-pool");
  void warmPlanPool();
}
