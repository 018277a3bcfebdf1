/**
 * `npm run db:migrate`: applies drizzle/ (SQLite at DATABASE_PATH, default data/atlas.db)
 * or drizzle-pg/ (when DATABASE_URL=postgres://…). The app also migrates on start-up.
 */
import { dbConfigFromEnv, openStore } from "../db/client";

const config = dbConfigFromEnv();
const store = await openStore(config);
const n = await store.countPlans();
await store.close();
const where = config.kind === "sqlite" ? config.file : config.url.replace(/\/\/[^@/]*@/, "//…@");
console.log(`migrations applied (${config.kind}: ${where}); ${n} saved plan${n === 1 ? "" : "s"}`);
