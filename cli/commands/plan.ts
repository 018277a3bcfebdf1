/**
 * atlas plan --input plan.json [--json]
 * Reads a plan input (lib/plan/schema.ts; "-" reads stdin), runs the planner and prints what /plan shows: the
 * ranked options, rejected candidates by reason, what to relax when nothing fits, and self-host vs API.
 * --json prints the PlanResult exactly as POST /api/plan returns it. Exit codes: 0 answered (feasible or not),
 * 1 usage or unreadable file, 2 invalid input (each bad field named, with the valid values).
 */
import { readFileSync } from "node:fs";
import { parsePlanBody, runPlanRequest } from "../../lib/run-plan";
import { layoutLabel } from "../../lib/search/enumerate";
import { ENGINE_NAMES } from "../../lib/search/labels";
import type { Candidate, PlanResult } from "../../lib/search/types";
import { amount, ms, usd } from "../../lib/search/words";
import { writeAndDrain, type CliIo } from "../io";


const USAGE = "usage: atlas plan --input <plan.json | -> [--json]\n";

async function readAll(stream: CliIo["stdin"]): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === "string" ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

function row(c: Candidate): string[] {
  return [
    String(c.rank ?? "–"),
    `${c.replicas} × ${c.gpusPerReplica}× ${c.gpuName}`,
    layoutLabel(c),
    `${c.weights}/${c.kv}`,
    ENGINE_NAMES[c.engine],
    String(c.concurrency),
    ms(c.ttftP95Ms),
    ms(c.tpotP95Ms),
    usd(c.costUsdPerMonth),
    c.costUsdPerUserPerMonth !== null ? usd(c.costUsdPerUserPerMonth) : usd(c.costUsdPer1kRequests) + "/1k req",
    c.confidence?.level ?? "",
  ];
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd()).join("\n") + "\n";
}

export function renderPlan(r: PlanResult): string {
  let out = `${r.model.name}: ${r.summary}\n`;
  out += `Searched ${r.stats.candidates.toLocaleString("en-US")} candidates (${r.stats.estimated.toLocaleString("en-US")} estimated) in ${Math.round(r.stats.searchMs)} ms; ${r.stats.feasible.toLocaleString("en-US")} met every target.\n`;
  out += `Peak ${r.traffic.peakRequestsPerSecond.toFixed(2)} req/s, ${amount(r.traffic.requestsPerMonth)} requests/month. Queueing: ${r.queueing.model}.\n\n`;
  const header = ["#", "deployment", "layout", "w/kv", "engine", "C", "TTFT p95", "TPOT p95", "$/month", r.traffic.dailyActiveUsers ? "$/user/mo" : "$/1k req", "confidence"];
  if (r.options.length > 0) {
    out += "Options (cheapest meeting every target first):\n" + table([header, ...r.options.map(row)]);
    const b = r.best!;
    out += `Best: ${b.binding.words}\n${b.qualityNote}\n`;
  } else {
    out += "Nothing meets every target.\n";
    if (r.relax.length) out += "What to relax:\n" + r.relax.map((a) => `  - ${a.words}\n`).join("");
    if (r.nearMisses.length) {
      out += "Nearest misses:\n" + table([header, ...r.nearMisses.map(row)]);
      out += r.nearMisses.map((c) => `  ${c.gpuName}: ${c.violations.join("; ")}\n`).join("");
    }
  }
  out += "\nRejected:\n" + r.rejections.map((x) => `  - ${x.message}\n`).join("");
  out += `\nSelf-host vs API: ${r.api.words}\n`;
  return out;
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  let inputPath: string | undefined;
  let asJson = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--input" || a === "-i") inputPath = argv[++i];
    else if (a.startsWith("--input=")) inputPath = a.slice("--input=".length);
    else if (a === "--json") asJson = true;
    else if (a === "--help" || a === "-h") {
      io.stdout.write(USAGE);
      return 0;
    } else {
      io.stderr.write(`unknown option ${a}\n${USAGE}`);
      return 1;
    }
  }
  if (!inputPath) {
    io.stderr.write(`--input is required\n${USAGE}`);
    return 1;
  }
  let text: string;
  try {
    text = inputPath === "-" ? await readAll(io.stdin) : readFileSync(inputPath, "utf8");
  } catch (e) {
    io.stderr.write(`cannot read ${inputPath}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  const body = parsePlanBody(text);
  const outcome = body.ok ? runPlanRequest(body.value) : body;
  if (!outcome.ok) {
    if (asJson) io.stdout.write(JSON.stringify({ errors: outcome.errors }, null, 2) + "\n");
    io.stderr.write(`invalid plan input (${inputPath}):\n` + outcome.errors.map((e) => `  ${e.field}: ${e.message}\n`).join(""));
    return 2;
  }
  await writeAndDrain(io.stdout, asJson ? JSON.stringify(outcome.result, null, 2) + "\n" : renderPlan(outcome.result));
  return 0;
}
