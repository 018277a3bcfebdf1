import { describe, expect, it } from "vitest";
import { run } from "../../../cli/commands/estimate";
import { main } from "../../../cli/atlas";
import { parseArgs } from "../../../cli/estimate/flags";
import { fakeIo } from "./fake-io";

describe("flag parsing", () => {
  it("maps every request flag to its field, numbers as numbers", () => {
    const p = parseArgs(
      "--model llama-3.1-70b --gpu h100-sxm --engine sglang --weights fp8 --kv fp8 --tp 2 --pp 1 --dp 1 --moe-tp 1 --moe-ep 2 --isl 2048 --osl=128 --concurrency 8 --price 2.5 --id r1".split(" "),
    );
    expect(p).toEqual({
      ok: true,
      args: {
        request: { model: "llama-3.1-70b", gpu: "h100-sxm", engine: "sglang", weights: "fp8", kv: "fp8", tp: 2, pp: 1, dp: 1, moeTp: 1, moeEp: 2, isl: 2048, osl: 128, concurrency: 8, priceUsdPerGpuHour: 2.5, id: "r1" },
        json: false,
        explain: false,
        jsonl: false,
        help: false,
      },
    });
  });
  it("rejects unknown flags and missing values", () => {
    const a = parseArgs(["--gpus", "2"]);
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.message).toContain("--concurrency");
    const b = parseArgs(["--tp"]);
    expect(b.ok === false && b.message).toContain("--tp needs a value");
  });
});

describe("atlas estimate (one request)", () => {
  it("prints a readable table and exits 0", async () => {
    const f = fakeIo();
    const code = await run(["--model", "llama-3.1-8b", "--gpu", "h100-sxm", "--price", "2"], f.io);
    expect(code).toBe(0);
    expect(f.out()).toMatch(/TTFT\s+\d/);
    // the served TTFT beside the engine's prefill of the prompt, which it contains
    const m = /TTFT\s+([\d.]+) ms \(prefill of one prompt alone ([\d.]+) ms\)/.exec(f.out());
    expect(m).not.toBeNull();
    expect(Number(m![2])).toBeLessThan(Number(m![1]));
    expect(f.out()).toMatch(/Memory per GPU/);
    expect(f.out()).toContain("$2.00/h"); // 1 GPU × $2
  });
  it("--json prints the result object", async () => {
    const f = fakeIo();
    expect(await run(["--model", "llama-3.1-8b", "--gpu", "h100-sxm", "--json", "--id", "x"], f.io)).toBe(0);
    const o = JSON.parse(f.out());
    expect(o.id).toBe("x");
    expect(o.fits).toBe(true);
    expect(typeof o.tpotMs).toBe("number");
  });
  it("--explain lists derivations", async () => {
    const f = fakeIo();
    await run(["--model", "llama-3.1-70b", "--gpu", "h100-sxm", "--tp", "2", "--kv", "bf16", "--explain"], f.io);
    expect(f.out()).toContain("[kv.bytesPerToken] = 328 kB"); // 2·80·8·128·2 = 327,680 B
  });
  it("bad values → message listing valid values, exit 2", async () => {
    const f = fakeIo();
    expect(await run(["--model", "llama-3.1-8b", "--gpu", "h100-sxm", "--weights", "fp3"], f.io)).toBe(2);
    expect(f.err()).toContain("--weights: weights must be one of bf16, fp8, fp4, int4");
    const g = fakeIo();
    expect(await run(["--model", "llama-3.1-8b", "--gpu", "v100"], g.io)).toBe(2);
    expect(g.err()).toMatch(/--gpu: unknown gpu "v100"; valid: .*h100-sxm/);
    const h = fakeIo();
    expect(await run(["--model", "llama-3.1-8b", "--gpu", "h100-sxm", "--tp", "two"], h.io)).toBe(2);
    expect(h.err()).toContain("--tp: tp must be a number");
  });
});

describe("atlas estimate --jsonl", () => {
  const lines = [
    JSON.stringify({ id: "a", model: "llama-3.1-8b", gpu: "h100-sxm" }),
    "{not json, \"id\": 17",
    JSON.stringify({ id: 3, model: "llama-3.1-8b", gpu: "h100-sxm", tp: 0 }),
    "",
    JSON.stringify({ id: 4, model: "llama-3.1-70b", gpu: "h200-sxm", tp: 2 }),
    "[1,2]",
    JSON.stringify({ model: "qwen3-8b", gpu: "l40s" }),
  ];
  it("answers every line in order, errors inline, the rest go on (split across small chunks)", async () => {
    const f = fakeIo(lines.join("\r\n"), 7);
    expect(await run(["--jsonl"], f.io)).toBe(0);
    const out = f.out().trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(out).toHaveLength(6); // 7 lines, one blank
    expect(out[0].id).toBe("a");
    expect(out[0].fits).toBe(true);
    expect(out[1]).toMatchObject({ id: 17 });
    expect(out[1].error).toMatch(/^malformed JSON/);
    expect(out[2].id).toBe(3);
    expect(out[2].error).toContain("tp: tp must be at least 1");
    expect(out[3].id).toBe(4);
    expect(typeof out[3].tpotMs).toBe("number");
    expect(out[4]).toEqual({ id: null, error: "each line must be a JSON object (one estimate request)" });
    expect(out[5].id).toBeNull();
    expect(out[5].gpusPerReplica).toBe(1);
  });
  it("flags are defaults for every line", async () => {
    const f = fakeIo(JSON.stringify({ id: 1, model: "llama-3.1-8b" }) + "\n" + JSON.stringify({ id: 2, model: "llama-3.1-8b", gpu: "a100-80gb" }) + "\n");
    await run(["--jsonl", "--gpu", "h100-sxm", "--price", "1"], f.io);
    const [a, b] = f.out().trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(a.costUsdPerHour).toBeCloseTo(1, 9);
    expect(b.memory.capacity).toBe(81_920 * 2 ** 20); // the line's own GPU wins: A100 80 GB (nvidia-smi: 81,920 MiB)
  });
});

describe("atlas dispatcher", () => {
  it("lists commands for an unknown one, exit 2", async () => {
    const f = fakeIo();
    expect(await main(["frobnicate"], f.io)).toBe(2);
    expect(f.err()).toContain('unknown command "frobnicate"');
    expect(f.err()).toMatch(/commands: .*estimate/);
  });
  it("dispatches to cli/commands/<name>.ts", async () => {
    const f = fakeIo();
    expect(await main(["estimate", "--help"], f.io)).toBe(0);
    expect(f.out()).toContain("usage: atlas estimate");
  });
});
