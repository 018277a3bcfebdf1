import { defineConfig } from "drizzle-kit";

/** SQLite (the embedded default). `npm run db:generate` writes migrations into drizzle/. */
export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema.ts",
  out: "./drizzle",
  dbCredentials: { url: process.env.DATABASE_PATH ?? "./data/atlas.db" },
});
