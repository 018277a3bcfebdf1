/**
 * `atlas <command> [args]` (npm run --silent atlas -- <command> …): runs cli/commands/<command>.ts, whose
 * `run(argv, io)` returns the exit code. Unknown command → the list of commands, exit 2.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { CliIo } from "./io";

const here = path.dirname(fileURLToPath(import.meta.url));
const commandsDir = path.join(here, "commands");

export function listCommands(): string[] {
  return readdirSync(commandsDir)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.endsWith(".d.ts"))
    .map((f) => f.slice(0, -3))
    .sort();
}

function usage(commands: string[]): string {
  return `usage: atlas <command> [options]\ncommands: ${commands.join(", ")}\n(atlas <command> --help for each command's options)\n`;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const commands = listCommands();
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(usage(commands));
    return name === undefined ? 2 : 0;
  }
  if (!commands.includes(name)) {
    io.stderr.write(`unknown command "${name}"\n${usage(commands)}`);
    return 2;
  }
  const mod = (await import(pathToFileURL(path.join(commandsDir, `${name}.ts`)).href)) as {
    run?: (argv: string[], io: CliIo) => Promise<number>;
  };
  if (typeof mod.run !== "function") {
    io.stderr.write(`command "${name}" has no run() export\n`);
    return 2;
  }
  return mod.run(rest, io);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const io: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  main(process.argv.slice(2), io).then(
    (code) => {
      // exitCode, not exit(): a piped stdout must drain first.
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`atlas: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
