/**
 * `npm run loadtest`: starts the production build (`next start`, needs `npm run build`)
 * on loopback with a throwaway SQLite file, seeds one saved plan, then drives three
 * endpoints with autocannon for a bounded time each and prints requests/s, p50/p99
 * latency and errors per endpoint. Then reads the permalink again while slow plans (DeepSeek-R1 with MTP drafts,
 * ~5 s of search each) run back to back: the planner's worker threads (app/_server/plan-pool.ts) should leave page
 * reads unaffected. Last, four clients post slow plans and leave after half a second, and one more client posts a
 * plan: the searches still queued when their clients left should be dropped unstarted, and the one running should
 * yield its thread to the new plan (app/_server/plan-cache.ts), so the last plan waits for nothing they asked for.
 * Writes reports/loadtest.json. Stops the server.
 * (ATLAS_PLAN_WORKERS=0 in the environment runs plans on the server's main thread, for comparison.)
 *
 * Env: LOADTEST_SECONDS (per endpoint, default 8), LOADTEST_CONNECTIONS (default 10).
 */
import autocannon, { type Result } from "autocannon";
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { SAMPLE_PLAN_INPUT } from "../tests/fixtures/sample-plan-input";

const root = path.resolve(import.meta.dirname, "..");
const SECONDS = Number(process.env.LOADTEST_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.LOADTEST_CONNECTIONS ?? 10);

if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.error("loadtest: no production build found; run `npm run build` first");
  process.exit(1);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      const port = typeof a === "object" && a ? a.port : 0;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-loadtest-"));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
  cwd: root,
  env: { ...process.env, DATABASE_PATH: path.join(tmp, "loadtest.db"), DATABASE_URL: "", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  stdio: ["ignore", "pipe", "pipe"],
  detached: true,
});
let serverLog = "";
server.stdout.on("data", (d: Buffer) => (serverLog += d.toString()));
server.stderr.on("data", (d: Buffer) => (serverLog += d.toString()));

function stop(): void {
  try {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  } catch {
    /* already gone */
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.on("SIGINT", () => {
  stop();
  process.exit(130);
});

async function waitReady(): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    try {
      const r = await fetch(`${base}/api/plans?limit=1`);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not become ready:\n${serverLog}`);
}

/** Waits until the planner's start-up warm-up (instrumentation.ts) is done, so it does not run inside a measurement. */
async function waitPlannerIdle(): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    const h = (await (await fetch(`${base}/api/health`)).json()) as { planner?: { started: number; running: number; queued: number; inline: boolean } };
    const p = h.planner;
    if (!p || p.inline || (p.started > 0 && p.running === 0 && p.queued === 0)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

const json = { "content-type": "application/json" };
const saveBody = JSON.stringify({ title: "Load test plan", notes: "seeded by scripts/loadtest.ts", input: SAMPLE_PLAN_INPUT });
const planBody = JSON.stringify(SAMPLE_PLAN_INPUT);
// Each slow plan a little different (peak rate 5, 5.001, …), so none is answered from the kept answers.
let slowPlans = 0;
const slowPlanBody = () =>
  JSON.stringify({
    workload: { model: "deepseek-r1", inputTokens: 1000, outputTokens: 1000, outputTokensP95: 1500 },
    slo: { ttftP95Ms: 3000, tpotP95Ms: 20 },
    traffic: { mode: "peak", peakRequestsPerSecond: 5 + slowPlans++ / 1000 },
    budget: { speculative: ["mtp"] },
  });

interface Row {
  endpoint: string;
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  non2xx: number;
  timeouts: number;
}

async function drive(endpoint: string, opts: { url: string; method?: string; body?: string; connections: number; nextBody?: () => string }): Promise<Row> {
  // Warm-up (JIT, first render, recompute cache) outside the measured window.
  for (let i = 0; i < 3; i++) {
    await fetch(opts.url, { method: opts.method ?? "GET", headers: opts.body ? json : {}, body: opts.body }).then((r) => r.arrayBuffer());
  }
  const r: Result = await autocannon({
    url: opts.url,
    method: opts.method ?? "GET",
    headers: opts.body ? json : {},
    body: opts.body,
    connections: opts.connections,
    ...(opts.nextBody ? { requests: [{ setupRequest: (req: { body?: string }) => ({ ...req, body: opts.nextBody!() }) }] } : {}),
    duration: SECONDS,
    timeout: 10,
  });
  return {
    endpoint,
    connections: opts.connections,
    seconds: SECONDS,
    requests: r.requests.total,
    rps: Math.round(r.requests.average),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    errors: r.errors + r.timeouts + r.non2xx,
    non2xx: r.non2xx,
    timeouts: r.timeouts,
  };
}

/** `drive` while `planners` clients post the slow plan back to back; also counts the plans answered. */
async function driveWhilePlanning(endpoint: string, url: string, planners: number): Promise<Row & { plans: number; planErrors: number; planP50Ms: number }> {
  let stopping = false;
  const planMs: number[] = [];
  let planErrors = 0;
  const loops = Array.from({ length: planners }, async () => {
    while (!stopping) {
      const t0 = performance.now();
      const r = await fetch(`${base}/api/plan`, { method: "POST", headers: json, body: slowPlanBody() });
      await r.arrayBuffer();
      if (r.status === 200) planMs.push(performance.now() - t0);
      else planErrors++;
    }
  });
  await new Promise((r) => setTimeout(r, 300));
  const row = await drive(endpoint, { url, connections: CONNECTIONS });
  stopping = true;
  await Promise.all(loops);
  const sorted = [...planMs].sort((a, b) => a - b);
  return { ...row, plans: planMs.length, planErrors, planP50Ms: Math.round(sorted[Math.floor(sorted.length / 2)] ?? NaN) };
}

/**
 * `leavers` clients each post a distinct slow plan and disconnect after `patienceMs`; then one client posts a new
 * ordinary plan and times its answer. Returns that time and how many of their searches the server dropped unstarted
 * and stopped while running.
 */
async function afterAbandonedPlans(leavers: number, patienceMs: number): Promise<{ ms: number; status: number; dropped: number; stopped: number }> {
  const planner = async () => ((await (await fetch(`${base}/api/health`)).json()) as { planner?: { cancelled?: number; stopped?: number } }).planner;
  const before = await planner();
  const left = Array.from({ length: leavers }, () =>
    fetch(`${base}/api/plan`, { method: "POST", headers: json, body: slowPlanBody(), signal: AbortSignal.timeout(patienceMs) }).then(
      (r) => r.arrayBuffer(),
      () => undefined,
    ),
  );
  await Promise.all(left);
  await new Promise((r) => setTimeout(r, 100));
  const t0 = performance.now();
  const r = await fetch(`${base}/api/plan`, { method: "POST", headers: json, body: JSON.stringify({ ...SAMPLE_PLAN_INPUT, traffic: { ...SAMPLE_PLAN_INPUT.traffic, dailyActiveUsers: 77_777 } }) });
  await r.arrayBuffer();
  const ms = Math.round(performance.now() - t0);
  const after = await planner();
  return { ms, status: r.status, dropped: (after?.cancelled ?? 0) - (before?.cancelled ?? 0), stopped: (after?.stopped ?? 0) - (before?.stopped ?? 0) };
}

try {
  await waitReady();
  await waitPlannerIdle();
  const seeded = await fetch(`${base}/api/plans`, { method: "POST", headers: json, body: saveBody });
  if (seeded.status !== 201) throw new Error(`seeding failed: ${seeded.status} ${await seeded.text()}`);
  const { slug } = (await seeded.json()) as { slug: string };
  console.log(`loadtest: next start on ${base}, seeded /p/${slug}; ${SECONDS} s per endpoint, ${os.cpus().length} cores`);

  const rows: Row[] = [];
  rows.push(await drive(`GET /p/${slug}`, { url: `${base}/p/${slug}`, connections: CONNECTIONS }));
  rows.push(await drive("GET /api/plans/<slug>", { url: `${base}/api/plans/${slug}`, connections: CONNECTIONS }));
  // The planner search is CPU-bound (hundreds of ms); fewer connections keep the queue sane on 2 cores. Every request
  // a different plan (one more daily user each), so each one is searched; then one plan asked again and again, which
  // the server answers from the answers it keeps per input (app/_server/plan-cache.ts).
  let users = 50_000;
  const distinctPlan = () => JSON.stringify({ ...SAMPLE_PLAN_INPUT, traffic: { ...SAMPLE_PLAN_INPUT.traffic, dailyActiveUsers: users++ } });
  rows.push(await drive("POST /api/plan (each new)", { url: `${base}/api/plan`, method: "POST", body: planBody, connections: 2, nextBody: distinctPlan }));
  rows.push(await drive("POST /api/plan (same plan)", { url: `${base}/api/plan`, method: "POST", body: planBody, connections: 2 }));
  rows.push(await drive("POST /api/plans", { url: `${base}/api/plans`, method: "POST", body: saveBody, connections: 2 }));

  const busy = await driveWhilePlanning(`GET /p/${slug} + slow plans`, `${base}/p/${slug}`, 2);
  rows.push(busy);

  await waitPlannerIdle();
  const abandoned = await afterAbandonedPlans(4, 500);

  const pad = (s: string | number, n: number) => String(s).padStart(n);
  console.log(`\n${"endpoint".padEnd(30)}${pad("conns", 6)}${pad("requests", 10)}${pad("req/s", 8)}${pad("p50 ms", 8)}${pad("p99 ms", 8)}${pad("max ms", 8)}${pad("errors", 8)}`);
  for (const r of rows) {
    console.log(`${r.endpoint.padEnd(30)}${pad(r.connections, 6)}${pad(r.requests, 10)}${pad(r.rps, 8)}${pad(r.p50Ms, 8)}${pad(r.p99Ms, 8)}${pad(r.maxMs, 8)}${pad(r.errors, 8)}`);
  }
  console.log(
    `\nwhile 2 clients posted DeepSeek-R1+MTP plans back to back: ${busy.plans} plans answered (median ${busy.planP50Ms} ms, ${busy.planErrors} refused or failed); ` +
      `permalink ${busy.rps} req/s, p50 ${busy.p50Ms} ms, p99 ${busy.p99Ms} ms, max ${busy.maxMs} ms (idle: ${rows[0]!.rps} req/s, ${rows[0]!.p50Ms} / ${rows[0]!.p99Ms} / ${rows[0]!.maxMs} ms); ` +
      `planner threads: ${process.env.ATLAS_PLAN_WORKERS ?? "default (CPU cores − 1, 1–4)"}`,
  );
  console.log(
    `after 4 clients posted DeepSeek-R1+MTP plans and left after 0.5 s: a new plan answered in ${abandoned.ms} ms (HTTP ${abandoned.status}); ` +
      `of the 4 searches, ${abandoned.dropped} dropped unstarted and ${abandoned.stopped} stopped while running`,
  );
  const permalink = rows[0]!;
  const verdict = permalink.errors === 0 && permalink.p99Ms < 100 ? "met" : "NOT met";
  console.log(`\npermalink reads: p99 ${permalink.p99Ms} ms, ${permalink.errors} errors — target (0 errors, p99 < 100 ms) ${verdict}`);
  fs.mkdirSync(path.join(root, "reports"), { recursive: true });
  fs.writeFileSync(path.join(root, "reports", "loadtest.json"), JSON.stringify({ date: new Date().toISOString(), rows, abandoned }, null, 2));
  const totalErrors = rows.reduce((s, r) => s + r.errors, 0);
  stop();
  process.exit(totalErrors === 0 ? 0 : 1);
} catch (e) {
  console.error("loadtest failed:", e instanceof Error ? e.message : e);
  stop();
  process.exit(1);
}
