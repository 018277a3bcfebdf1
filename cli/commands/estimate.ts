/**
 * atlas estimate — one configuration through the cost model (the same runEstimate as POST /api/estimate and
 * /calculate). A readable table by default; --json for JSON; --explain adds every derivation; --jsonl streams
 * one request per stdin line. Exit codes: 0 answered (fits or not), 2 bad flags or an invalid request.
 */
import { readFileSync } from "node:fs";
import { estimateResponse, runEstimate } from "../../lib/run-estimate";
import { FLAG_OF_FIELD, parseArgs, usage } from "../estimate/flags";
import { runJsonl } from "../estimate/jsonl";
import { renderDerivations, renderTable } from "../estimate/render";
import { writeAndDrain, type CliIo } from "../io";

export async function run(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.stderr.write(`atlas estimate: ${parsed.message}\n(atlas estimate --help for usage)\n`);
    return 2;
  }
  const a = parsed.args;
  if (a.help) {
    io.stdout.write(usage());
    return 0;
  }
  if (a.jsonl) {
    // A --hf-config path on the command line is resolved per line too (through the same cached reader).
    await runJsonl(io, a.request, a.explain);
    return 0;
  }

  const r = runEstimate(a.request, {
    explain: a.explain,
    readHfConfig: (p) => JSON.parse(readFileSync(p, "utf8")),
  });
  if (!r.ok) {
    if (a.json) io.stdout.write(JSON.stringify({ errors: r.errors }, null, 2) + "\n");
    io.stderr.write(
      "atlas estimate: invalid request\n" +
        r.errors.map((e) => `  ${FLAG_OF_FIELD[e.field.split(".")[0]!] ?? e.field}: ${e.message}\n`).join("") +
        "(atlas estimate --help for usage)\n",
    );
    return 2;
  }
  if (a.json) {
    await writeAndDrain(io.stdout, JSON.stringify(estimateResponse(r), null, 2) + "\n");
    return 0;
  }
  let text = renderTable(r);
  if (a.explain && r.result.derivations) text += renderDerivations(r.result.derivations);
  await writeAndDrain(io.stdout, text);
  return 0;
}
