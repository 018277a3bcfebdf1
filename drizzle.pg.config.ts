import { defineConfig } from "drizzle-kit";

/** PostgreSQL (DATABASE_URL=postgres://…). `npm run db:generate:pg` writes migrations into drizzle-pg/. */
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/pg-schema.ts",
  out: "./drizzle-pg",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:55432/atlas" },
});
