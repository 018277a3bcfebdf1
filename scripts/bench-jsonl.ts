/**
 * `npm run bench:jsonl [-- N]`: generates N estimate requests (default 200,000; a mix of models, GPUs, precisions,
 * layouts and workloads, ~1 % deliberately invalid), pipes them through `npm run --silent atlas -- estimate --jsonl`,
 * checks that every line came back in order with its id, and prints requests per second (wall clock, including the
 * CLI's start-up).
 */
import { spawn } from "node:child_process";

const N = Number(process.argv[2] ?? process.env.BENCH_N ?? 200_000);
const MODELS = ["llama-3.1-8b", "llama-3.1-70b", "qwen3-30b-a3b", "mixtral-8x7b", "deepseek-v3", "gpt-oss-120b", "qwen3-32b"];
const GPUS = ["h100-sxm", "h200-sxm", "a100-80gb", "b200", "mi300x", "l40s"];
const WEIGHTS = ["bf16", "fp8", "fp4", "int4"];
const TPS = [1, 2, 4, 8];

function request(i: number): string {
  if (i % 100 === 99) return i % 200 === 199 ? `{"id":${i},"model":` : JSON.stringify({ id: i, model: "llama-3.1-8b", gpu: "h100-sxm", tp: 0 });
  return JSON.stringify({
    id: i,
    model: MODELS[i % MODELS.length],
    gpu: GPUS[(i >> 3) % GPUS.length],
    weights: WEIGHTS[(i >> 5) % WEIGHTS.length],
    tp: TPS[(i >> 7) % TPS.length],
    isl: 256 + ((i * 37) % 8192),
    osl: 64 + ((i * 13) % 1024),
    concurrency: 1 + (i % 128),
  });
}

const input = Array.from({ length: N }, (_, i) => request(i)).join("\n") + "\n";
const t0 = performance.now();
const child = spawn("npm", ["run", "--silent", "atlas", "--", "estimate", "--jsonl"], { stdio: ["pipe", "pipe", "inherit"] });
let lines = 0;
let expectId = 0;
let outOfOrder = 0;
let errors = 0;
let rest = "";
child.stdout.setEncoding("utf8");
child.stdout.on("data", (s: string) => {
  const text = rest + s;
  let start = 0;
  for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", start)) {
    const line = text.slice(start, nl);
    start = nl + 1;
    const o = JSON.parse(line) as { id: number | null; error?: string };
    if (o.error) errors++;
    // A truncated line has no readable id; every other line must carry the next id.
    if (o.id !== null && o.id !== expectId) outOfOrder++;
    expectId++;
    lines++;
  }
  rest = text.slice(start);
});
child.stdin.end(input);
child.on("exit", (code) => {
  const s = (performance.now() - t0) / 1000;
  console.log(`requests: ${N}, answered: ${lines}, errors: ${errors}, out of order: ${outOfOrder}, exit ${code}`);
  console.log(`${Math.round(N / s).toLocaleString("en-US")} requests/s (${s.toFixed(2)} s wall, including start-up)`);
  if (lines !== N || outOfOrder > 0 || code !== 0) process.exitCode = 1;
});
