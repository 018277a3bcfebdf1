/**
 * Micro-benchmark of the lean estimate path (explain = false): prints µs per call.
 * Usage: npx tsx scripts/bench-estimate.ts [calls]
 */
import { estimateConfig } from "../lib/model";
import { estimateInputSchema } from "../lib/plan/estimate-input";
import { DEEPSEEK_V3, H100_SXM, LLAMA_70B, B200 } from "../tests/unit/model/fixtures";

const n = Number(process.argv[2] ?? 200_000);
const inputs = [1, 8, 64, 256].flatMap((c) =>
  [1, 2, 4, 8].map((tp) => estimateInputSchema.parse({ model: "x", gpu: "x", weights: "fp8", tp, concurrency: c, isl: 2048, osl: 512 })),
);
const cases = [
  { model: LLAMA_70B, gpu: H100_SXM },
  { model: DEEPSEEK_V3, gpu: B200 },
];
let sink = 0;
for (const c of cases) {
  // warm-up
  for (let i = 0; i < 20_000; i++) sink += estimateConfig({ ...c, input: inputs[i % inputs.length]! }).tpotMs;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) sink += estimateConfig({ model: c.model, gpu: c.gpu, input: inputs[i % inputs.length]! }).tpotMs;
  const dt = Number(process.hrtime.bigint() - t0) / 1e3;
  console.log(`${c.model.id} on ${c.gpu.id}: ${(dt / n).toFixed(3)} µs/call over ${n} calls`);
}
if (!Number.isFinite(sink)) console.log("non-finite");
