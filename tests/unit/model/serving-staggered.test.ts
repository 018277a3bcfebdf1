import { describe, expect, it } from "vitest";
import { run } from "../../../cli/commands/estimate";
import { runCaptured } from "../cli/fake-io";
import { estimateConfig } from "../../../lib/model/estimate";
import { serve } from "../../../lib/model/serving";
import { decodeStep, mixedStep } from "../../../lib/model/step";
import { estimateInputSchema } from "../../../lib/plan/estimate-input";
import { H100_SXM, LLAMA_8B, input, sglangLlama8bSetup } from "./fixtures";

const BIG = 1e9; // KV capacity no test reaches

const sglangSetup = sglangLlama8bSetup;

describe("a prefill-first scheduler with request lengths that vary: staggered arrivals", () => {
  const varying = { lengthSpread: 0.2, staggered: true };

  it("equal lengths keep the waves; lengths that vary stagger the replacements", () => {
    const s = sglangSetup();
    expect(serve(s, 32, BIG, 1024, 256).schedule).toBe("waves");
    expect(serve(s, 32, BIG, 1024, 256, varying).schedule).toBe("staggered");
    // the mixed schedule (vLLM, TRT-LLM) is unchanged by it
    expect(serve(sglangSetup({ prefillFirst: 0 }), 32, BIG, 1024, 256, varying).schedule).toBe("mixed");
  });

  it("the steady state: one prompt a pass at a low arrival rate, after half an iteration and the overlap step", () => {
    const s = sglangSetup();
    const srv = serve(s, 8, BIG, 1024, 1000, varying);
    const g = srv.staggered!;
    const dec = decodeStep(s, 8, 1024 + 500).t;
    expect(srv.decode.t).toBeCloseTo(dec, 12);
    // m = 1 + λ·(t_decode + t_pass): arrivals are rare next to one iteration
    expect(g.promptsPerPass).toBeGreaterThan(1);
    expect(g.promptsPerPass).toBeLessThan(1.05);
    const pass = mixedStep(s, 0, 0, g.promptsPerPass * 1024, 1024, g.promptsPerPass * 1024, 1).t;
    expect(srv.mixed.t).toBeCloseTo(pass, 12);
    expect(srv.waitRecv).toBeCloseTo(dec / 2, 12);
    expect(srv.waitOverlap).toBeCloseTo(dec, 12); // SGLang's overlap scheduler: o = 1
    expect(srv.ttft).toBeCloseTo(0.05 + dec / 2 + dec + pass, 12);
    // the others' passes stall the decode: TPOT = t_decode / (1 − ρ), ρ = (λ/m)·t_pass
    expect(g.prefillShare).toBeCloseTo((g.arrivalsPerSecond / g.promptsPerPass) * pass, 6);
    expect(srv.tpot).toBeCloseTo(dec / (1 - g.prefillShare), 9);
    // Little's law over the cycle of a request
    expect(srv.requestsPerSecond).toBeCloseTo(8 / (srv.ttft + 999 * srv.tpot), 3);
  });

  it("a first token well below the wave's at long prompts and high concurrency, the same GPU time", () => {
    const s = sglangSetup();
    const wave = serve(s, 64, BIG, 4096, 512);
    const stag = serve(s, 64, BIG, 4096, 512, varying);
    // the wave prefills 64 prompts before anyone decodes; a staggered request waits for its own pass
    expect(stag.ttft).toBeLessThan(wave.ttft / 4);
    // throughput within a few per cent: the prefill work is the same, only its place in time moves
    expect(stag.outputTokensPerSecond / wave.outputTokensPerSecond).toBeGreaterThan(0.9);
    expect(stag.outputTokensPerSecond / wave.outputTokensPerSecond).toBeLessThan(1.1);
  });

  it("a recv interval N makes a new request wait N/2 decode iterations for the poll, and batches the arrivals", () => {
    const s = sglangSetup();
    const one = serve(s, 32, BIG, 1024, 1000, varying);
    const thirty = serve(s, 32, BIG, 1024, 1000, { ...varying, recvInterval: 30 });
    expect(thirty.waitRecv).toBeCloseTo(15 * thirty.decode.t, 12);
    expect(thirty.staggered!.promptsPerPass).toBeGreaterThan(one.staggered!.promptsPerPass);
    expect(thirty.ttft - one.ttft).toBeGreaterThan(14 * one.decode.t);
    // alone (C = 1) nothing decodes when the request arrives: no poll to wait for
    expect(serve(s, 1, BIG, 1024, 1000, { ...varying, recvInterval: 30 }).waitRecv).toBe(0);
  });

  it("a benchmark of numPrompts requests weighs in its opening burst, a wave, by C/numPrompts", () => {
    const s = sglangSetup();
    const endless = serve(s, 32, BIG, 4096, 512, varying);
    const oneRound = serve(s, 32, BIG, 4096, 512, { ...varying, numPrompts: 32 });
    const tenRounds = serve(s, 32, BIG, 4096, 512, { ...varying, numPrompts: 320 });
    const wave = serve(s, 32, BIG, 4096, 512);
    // one round is the opening burst alone
    expect(oneRound.staggered!.firstWaveShare).toBe(1);
    expect(oneRound.ttft).toBeCloseTo(wave.ttft, 9);
    expect(oneRound.tpot).toBeCloseTo(wave.tpot, 9);
    // ten rounds: a tenth of the wave and nine generations of replacements, bunched early (spread √g · (1 − r)·OSL)
    const g = tenRounds.staggered!;
    expect(g.firstWaveShare).toBeCloseTo(0.1, 12);
    expect(g.generations).toBe(9);
    expect(g.ttftLater).toBeGreaterThanOrEqual(endless.ttft - 1e-12);
    expect(tenRounds.ttft).toBeCloseTo(0.1 * g.ttftWave + 0.9 * g.ttftLater, 12);
    expect(tenRounds.ttft).toBeGreaterThan(endless.ttft);
    expect(tenRounds.ttft).toBeLessThan(wave.ttft);
  });
});

describe("the estimate inputs for it", () => {
  it("arrivals: staggered when lengths vary unless told together; staggered for open-loop traffic of equal lengths", () => {
    const raw = { model: "llama-3.1-8b", gpu: "h100-sxm", engine: "sglang", isl: 4096, osl: 512, concurrency: 32 };
    const schedule = (extra: Record<string, unknown>) =>
      estimateConfig({ model: LLAMA_8B, gpu: H100_SXM, input: input({ ...raw, ...extra }), explain: true }).derivations?.find((d) => d.key === "ttft")?.formula ?? "";
    expect(schedule({})).toContain("a wave's prompts");
    expect(schedule({ randomRangeRatio: 0.8 })).toContain("--scheduler-recv-interval");
    expect(schedule({ randomRangeRatio: 0.8, arrivals: "together" })).toContain("a wave's prompts");
    expect(schedule({ arrivals: "staggered" })).toContain("--scheduler-recv-interval");
    const open = estimateConfig({ model: LLAMA_8B, gpu: H100_SXM, input: input({ ...raw, arrivals: "staggered" }) });
    const wave = estimateConfig({ model: LLAMA_8B, gpu: H100_SXM, input: input(raw) });
    expect(open.ttftMs).toBeLessThan(wave.ttftMs / 4);
    const bad = estimateInputSchema.safeParse({ ...raw, arrivals: "poisson" });
    expect(bad.error?.issues[0]?.message).toBe("arrivals must be one of together, staggered");
  });

  it("takes the recv interval on SGLang only, and numPrompts no smaller than the concurrency", () => {
    const bad = estimateInputSchema.safeParse({ model: "llama-3.1-8b", gpu: "h100-sxm", engine: "vllm", schedulerRecvInterval: 10 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join("."))).toContain("schedulerRecvInterval");
    expect(bad.error?.issues[0]?.message).toContain("sglang");
    const few = estimateInputSchema.safeParse({ model: "llama-3.1-8b", gpu: "h100-sxm", concurrency: 64, numPrompts: 10 });
    expect(few.success).toBe(false);
    expect(few.error?.issues[0]?.path).toEqual(["numPrompts"]);
    expect(estimateInputSchema.safeParse({ model: "x", gpu: "x", engine: "sglang", schedulerRecvInterval: 0 }).success).toBe(false);
    expect(estimateInputSchema.safeParse({ model: "x", gpu: "x", engine: "sglang", schedulerRecvInterval: 30, numPrompts: 640, concurrency: 64 }).success).toBe(true);
  });

  it("flow through the estimate: the derivation shows the poll wait and the opening burst, other engines get a note", () => {
    const raw = { model: "llama-3.1-8b", gpu: "h100-sxm", engine: "sglang", isl: 4096, osl: 512, concurrency: 32, randomRangeRatio: 0.8 };
    const base = input(raw);
    const plain = estimateConfig({ model: LLAMA_8B, gpu: H100_SXM, input: base, explain: true });
    const polled = estimateConfig({
      model: LLAMA_8B,
      gpu: H100_SXM,
      input: input({ ...raw, schedulerRecvInterval: 30, numPrompts: 320 }),
      explain: true,
    });
    expect(polled.ttftMs).toBeGreaterThan(plain.ttftMs);
    const ttft = polled.derivations?.find((d) => d.key === "ttft");
    expect(ttft?.formula).toContain("--scheduler-recv-interval");
    expect(ttft?.formula).toContain("opening burst");
    expect(ttft?.substituted).toContain("9 generations");
    const vllm = estimateConfig({ model: LLAMA_8B, gpu: H100_SXM, input: input({ ...raw, engine: "vllm", numPrompts: 320 }) });
    expect(vllm.notes?.join(" ")).toContain("numPrompts");
  });
});

describe("CLI flags --scheduler-recv-interval and --num-prompts", () => {
  it("reach the estimate; a bad one names the flag", async () => {
    const args = ["--model", "deepseek-r1", "--gpu", "b200", "--engine", "sglang", "--weights", "fp4", "--tp", "8", "--isl", "1024", "--osl", "1024", "--concurrency", "32", "--random-range-ratio", "0.8", "--json"];
    const a = await runCaptured(run, args);
    expect(a.code).toBe(0);
    const b = await runCaptured(run, [...args, "--scheduler-recv-interval", "30", "--num-prompts", "320"]);
    expect(b.code).toBe(0);
    expect((JSON.parse(b.out) as { ttftMs: number }).ttftMs).toBeGreaterThan((JSON.parse(a.out) as { ttftMs: number }).ttftMs);
    const vllm = await runCaptured(run, [...args.map((x) => (x === "sglang" ? "vllm" : x)), "--scheduler-recv-interval", "30"]);
    expect(vllm.code).toBe(2);
    expect(vllm.err).toContain("--scheduler-recv-interval");
    const bad = await runCaptured(run, [...args, "--arrivals", "poisson"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--arrivals");
    expect(bad.err).toContain("together, staggered");
    const together = await runCaptured(run, [...args, "--arrivals", "together"]);
    expect(together.code).toBe(0);
    expect((JSON.parse(together.out) as { ttftMs: number }).ttftMs).not.toBe((JSON.parse(a.out) as { ttftMs: number }).ttftMs);
    const few = await runCaptured(run, [...args, "--num-prompts", "8"]);
    expect(few.code).toBe(2);
    expect(few.err).toContain("--num-prompts");
  });
});
