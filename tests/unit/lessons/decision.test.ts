import { describe, expect, it } from "vitest";
import { decide } from "../../../lib/lessons/decision";
import { scenarioFigures } from "../../../lib/lessons/figures";
import { DEFAULT_SCENARIO } from "../../../lib/lessons/scenario";

describe("lever decision tree", () => {
  it("default scenario: one user on 2× H100 is bandwidth-bound → batching and quantisation first", () => {
    const d = decide(scenarioFigures(DEFAULT_SCENARIO));
    expect(d.binding).toBe("memory-bandwidth");
    expect(d.at?.id).toBe("bandwidth");
    expect(d.at?.levers.map((l) => l.group)).toContain("system");
  });

  it("70B in BF16 on one 80 GB GPU (141 GB of weights) does not fit → fit is the first yes", () => {
    const d = decide(scenarioFigures({ ...DEFAULT_SCENARIO, weights: "bf16", gpus: 1 }));
    expect(d.binding).toBe("does-not-fit");
    expect(d.at?.id).toBe("fit");
    expect(d.steps.filter((s) => s.yes)).toHaveLength(1);
  });

  it("more users than the cache holds at long context → capacity", () => {
    const d = decide(scenarioFigures({ ...DEFAULT_SCENARIO, isl: 64000, concurrency: 64 }));
    expect(d.at?.id).toBe("capacity");
    expect(d.at?.levers.some((l) => /KV cache/.test(l.title))).toBe(true);
  });

  it("asks the questions in a fixed order", () => {
    expect(decide(scenarioFigures(DEFAULT_SCENARIO)).steps.map((s) => s.id)).toEqual([
      "fit",
      "capacity",
      "bandwidth",
      "compute",
      "communication",
      "overhead",
    ]);
  });
});
