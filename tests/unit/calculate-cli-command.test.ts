import { describe, expect, it } from "vitest";
import { cliCommand } from "../../app/calculate/_lib/cli-command";
import { parseArgs, REQUEST_FLAGS } from "../../cli/estimate/flags";
import { estimateInputSchema } from "../../lib/plan/estimate-input";

const PREFIX = "npm run --silent atlas -- estimate ";

/** Every field the calculator can set, each away from its default. */
const FULL = estimateInputSchema.parse({
  model: "deepseek-r1", gpu: "b200", engine: "trtllm", weights: "fp4", kv: "fp8", tp: 4, pp: 2, dp: 2, moeTp: 1, moeEp: 16,
  isl: 2048, osl: 512, concurrency: 32, randomRangeRatio: 0.8, batchWaitIters: 20, memFraction: 0.85, prefillChunkTokens: 4096, maxBatch: 512,
  requestOverheadMs: 12.5, requestRate: 8, arrivals: "staggered", numPrompts: 320, mtpDraftTokens: 3, mtpAcceptanceLength: 2.5,
  priceUsdPerGpuHour: 4.2,
});

describe("/calculate's 'Same in the CLI' command", () => {
  it("parses back, through the CLI's own flags, to the very scenario", () => {
    const cmd = cliCommand(FULL);
    expect(cmd.startsWith(PREFIX)).toBe(true);
    const parsed = parseArgs(cmd.slice(PREFIX.length).split(" "));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(estimateInputSchema.parse(parsed.args.request)).toEqual(FULL);
  });

  it("writes every request flag the CLI has but the id and the config path", () => {
    const cmd = cliCommand(FULL);
    for (const flag of Object.keys(REQUEST_FLAGS)) {
      if (flag === "--id" || flag === "--hf-config" || flag === "--scheduler-recv-interval") continue; // recv: SGLang only
      expect(cmd, flag).toContain(`${flag} `);
    }
    const sglang = cliCommand(estimateInputSchema.parse({ model: "qwen3-32b", gpu: "h100-sxm", engine: "sglang", schedulerRecvInterval: 10 }));
    expect(sglang).toContain("--scheduler-recv-interval 10");
  });

  it("leaves out what is unset and pp/dp at 1, and names a pasted config as a file", () => {
    const plain = cliCommand(estimateInputSchema.parse({ model: "llama-3.1-8b", gpu: "l40s" }));
    expect(plain).toBe(`${PREFIX}--model llama-3.1-8b --gpu l40s --weights bf16 --tp 1 --engine vllm --isl 1024 --osl 256 --concurrency 1`);
    const pasted = cliCommand(estimateInputSchema.parse({ hfConfigJson: { model_type: "llama" }, gpu: "l40s" }));
    expect(pasted).toContain("--hf-config config.json --gpu l40s");
    expect(pasted).not.toContain("--model");
  });
});
