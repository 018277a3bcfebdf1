import { describe, expect, it } from "vitest";
import { sloRelaxations } from "../../../lib/search/relax";
import { runSearch } from "../../../lib/search/search";
import { V_TPOT } from "../../../lib/search/sizing";
import { buildSpec } from "../../../lib/search/spec";
import { parse, SMALL_PLAN } from "./helpers";

describe("what to relax, on a search as wide as DeepSeek-R1 with MTP drafts", () => {
  it("reads hundreds of thousands of near misses without exhausting the stack", () => {
    // a TPOT target nothing meets: every record misses it (and, at this traffic, only it)
    const spec = buildSpec(parse({ ...SMALL_PLAN, slo: { tpotP95Ms: 1 } }));
    const one = runSearch(spec, { inferMonotone: false }).records.find((r) => r.violations === V_TPOT);
    expect(one).toBeDefined();
    // 1,009,152 candidates in the widest bench search; Math.min(...) over a few hundred thousand overflowed the stack
    const wide = new Array(300_000).fill(one);
    const advice = sloRelaxations(wide, spec);
    expect(advice.map((a) => a.kind)).toEqual(["tpot"]);
    expect(advice[0]!.needed).toBeGreaterThan(1);
  });
});
