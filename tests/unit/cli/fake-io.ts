import { Readable } from "node:stream";

/** A CLI's stdin/stdout/stderr in memory: stdin from text (optionally in chunks), what it wrote readable back. */
export function fakeIo(stdinText = "", chunkSize = 0) {
  let out = "";
  let err = "";
  const chunks =
    chunkSize > 0 ? Array.from({ length: Math.ceil(stdinText.length / chunkSize) }, (_, i) => stdinText.slice(i * chunkSize, (i + 1) * chunkSize)) : [stdinText];
  return {
    io: {
      stdin: Readable.from(chunks.map((c) => Buffer.from(c))),
      stdout: { write: (s: string) => ((out += s), true) },
      stderr: { write: (s: string) => ((err += s), true) },
    },
    out: () => out,
    err: () => err,
  };
}

type Io = ReturnType<typeof fakeIo>["io"];

/** Run a CLI command on empty stdin: its exit code and what it wrote. */
export async function runCaptured(run: (args: string[], io: Io) => Promise<number>, args: string[]) {
  const f = fakeIo();
  const code = await run(args, f.io);
  return { code, out: f.out(), err: f.err() };
}
