import { defineConfig } from "vitest/config";
import path from "node:path";

/** PostgreSQL tests; run through scripts/with-postgres.sh, which starts a server and sets DATABASE_URL. */
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/unit/_stubs/server-only.ts"),
    },
  },
  test: {
    environment: "node",
    include: ["tests/pg/**/*.test.ts"],
    testTimeout: 30_000,
    fileParallelism: false,
  },
});
