/** What a command gets instead of process.*: tests pass fakes. */
export interface Writer {
  write(s: string): unknown;
}
export interface CliIo {
  readonly stdin: NodeJS.ReadableStream | AsyncIterable<string | Buffer>;
  readonly stdout: Writer;
  readonly stderr: Writer;
}

/** Write and, when the stream asks for it (write() returned false), wait for 'drain'. */
export async function writeAndDrain(w: Writer, s: string): Promise<void> {
  const ok = w.write(s);
  const e = w as { once?: (ev: string, f: () => void) => unknown };
  if (ok === false && typeof e.once === "function") await new Promise<void>((r) => e.once!("drain", r));
}
