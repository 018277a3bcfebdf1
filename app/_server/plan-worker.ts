/**
 * The planner's worker thread (see ./plan-pool.ts): runs one plan request at a time off the server's main thread,
 * so a search that takes seconds (DeepSeek-R1 with MTP drafts: ~5 s) does not hold up every other page and API call.
 * Messages in: { id, job, stop }, where `stop` is an Int32Array over memory shared with the pool, set to 1 when the
 * pool wants the job stopped (./worker-pool.ts); out: { id, ok: true, value }, { id, ok: false, message } or
 * { id, ok: false, stopped: true, message }.
 */
import { parentPort } from "node:worker_threads";
import { SearchStopped } from "@/lib/search";
import { runJob, type PlanJob } from "./plan-jobs";

parentPort?.on("message", (msg: { id: number; job: PlanJob; stop?: Int32Array }) => {
  const stop = msg.stop;
  try {
    parentPort!.postMessage({ id: msg.id, ok: true, value: runJob(msg.job, stop ? () => Atomics.load(stop, 0) === 1 : undefined) });
  } catch (e) {
    const stopped = e instanceof SearchStopped;
    parentPort!.postMessage({ id: msg.id, ok: false, message: e instanceof Error ? e.message : String(e), ...(stopped ? { stopped: true } : {}) });
  }
});
