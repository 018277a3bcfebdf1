// `npm start`: the one command after `npm ci` on a fresh machine.
//   1. `next build` when there is no production build, or when a source file is newer than it
//      (ATLAS_SKIP_BUILD=1 never builds, ATLAS_REBUILD=1 always does);
//   2. applies database migrations (scripts/migrate.ts; the server also migrates at start-up, so a failure here is
//      only a warning);
//   3. `next start` on $PORT (default 3000), passing any extra arguments through.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const NEXT = path.join(root, "node_modules", "next", "dist", "bin", "next");
const TSX = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
const BUILD_ID = path.join(root, ".next", "BUILD_ID");
const SOURCES = ["app", "lib", "db", "drizzle", "instrumentation.ts", "next.config.ts", "package.json", "postcss.config.mjs"];

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = 0;
  for (const e of readdirSync(p)) m = Math.max(m, newestMtime(path.join(p, e)));
  return m;
}

function needsBuild() {
  if (process.env.ATLAS_SKIP_BUILD === "1") return false;
  if (process.env.ATLAS_REBUILD === "1" || !existsSync(BUILD_ID)) return true;
  const built = statSync(BUILD_ID).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(root, s)) > built);
}

if (needsBuild()) {
  console.log("[atlas] building the production app (next build) …");
  const b = spawnSync(process.execPath, [NEXT, "build"], { stdio: "inherit" });
  if (b.status !== 0) {
    console.error("[atlas] next build failed");
    process.exit(b.status ?? 1);
  }
}

if (existsSync(path.join(root, "scripts", "migrate.ts"))) {
  const m = spawnSync(process.execPath, [TSX, "scripts/migrate.ts"], { stdio: "inherit" });
  if (m.status !== 0) console.warn("[atlas] migrations did not apply now; the server will retry on first use");
}

const port = process.env.PORT ?? "3000";
const args = [NEXT, "start", "-p", port, ...process.argv.slice(2)];
console.log(`[atlas] starting on http://localhost:${port}`);
const server = spawn(process.execPath, args, { stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
