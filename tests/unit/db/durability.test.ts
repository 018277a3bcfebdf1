/**
 * An acknowledged save survives kill -9 of the server right after the response, and
 * 50 parallel saves (spread over two server processes sharing one SQLite file) all persist.
 * Spawns the real db/ layer in child processes; needs no `next build`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { getPlanBySlug, getPlansBySlugs, countPlans } from "../../../db/queries-core";
import { createSqliteStore } from "../../../db/store-sqlite";

const SERVER = path.resolve(import.meta.dirname, "fixtures/save-server.ts");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-kill9-"));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function startServer(file: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ["--import", "tsx", SERVER, file], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /PORT (\d+)/.exec(out);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
    child.on("exit", (code) => reject(new Error(`server exited (${code}) before listening: ${err}`)));
  });
}

async function save(port: number, title: string, i: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/save`, { method: "POST", body: JSON.stringify({ title, i }) });
  if (!res.ok) throw new Error(`save failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { slug: string }).slug;
}

function killed(child: ChildProcess): Promise<NodeJS.Signals | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.signalCode);
    else child.on("exit", (_c, sig) => resolve(sig));
  });
}

describe("durability (child processes)", () => {
  it("every acknowledged save survives kill -9 sent right after the response", async () => {
    const file = path.join(dir, "kill9.db");
    createSqliteStore({ file }).sqlite.close(); // migrate before the child starts
    const { child, port } = await startServer(file);
    const acked: string[] = [];
    // Keep saves in flight; SIGKILL the moment the 20th acknowledgement arrives.
    const inFlight = Array.from({ length: 40 }, (_, i) =>
      save(port, `kill9 #${i}`, i).then(
        (slug) => {
          acked.push(slug);
          if (acked.length === 20) child.kill("SIGKILL");
        },
        () => undefined, // requests cut off by the kill are not acknowledged
      ),
    );
    await Promise.all(inFlight);
    expect(await killed(child)).toBe("SIGKILL");
    expect(acked.length).toBeGreaterThanOrEqual(20);
    // The process died without closing the database: the -wal file is still there.
    expect(fs.existsSync(`${file}-wal`)).toBe(true);

    const store = createSqliteStore({ file });
    const back = await getPlansBySlugs(store, { slugs: acked });
    expect(back.map((p) => p.slug)).toEqual(acked);
    expect(back.every((p) => p.title.startsWith("kill9 #"))).toBe(true);
    await store.close();
  });

  it("a single save then immediate kill -9 is there after reopening", async () => {
    const file = path.join(dir, "one.db");
    createSqliteStore({ file }).sqlite.close();
    const { child, port } = await startServer(file);
    const slug = await save(port, "just one", 7);
    child.kill("SIGKILL");
    await killed(child);
    const store = createSqliteStore({ file });
    const p = await getPlanBySlug(store, { slug });
    expect(p.title).toBe("just one");
    expect(p.input).toEqual({ i: 7 });
    await store.close();
  });

  it("50 parallel saves over two processes sharing one file all persist", async () => {
    const file = path.join(dir, "parallel.db");
    createSqliteStore({ file }).sqlite.close();
    const [a, b] = await Promise.all([startServer(file), startServer(file)]);
    const slugs = await Promise.all(
      Array.from({ length: 50 }, (_, i) => save(i % 2 === 0 ? a.port : b.port, `parallel #${i}`, i)),
    );
    expect(new Set(slugs).size).toBe(50);
    a.child.kill("SIGKILL");
    b.child.kill("SIGKILL");
    await Promise.all([killed(a.child), killed(b.child)]);
    const store = createSqliteStore({ file });
    expect(await countPlans(store)).toBe(50);
    const back = await getPlansBySlugs(store, { slugs });
    expect(back.map((p) => (p.input as { i: number }).i)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    // Both processes wrote (the result records the writer's pid).
    expect(new Set(back.map((p) => (p.result as { pid: number }).pid)).size).toBe(2);
    await store.close();
  });
});
