import { rmSync } from "node:fs";

/** Removes this run's SQLite file (playwright.config.ts sets E2E_DATABASE_PATH once per run). */
export default function globalTeardown(): void {
  const file = process.env.E2E_DATABASE_PATH;
  if (!file) return;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
}
