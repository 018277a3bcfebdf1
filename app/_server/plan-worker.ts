/**
 * The planner's worker thread (see ./plan-pool.ts): runs one plan request at a time off the server's main thread,
 * so a search that takes seconds (DeepSeek-R1 with MTP drafts: ~5 s) does not hold up every other page and API call.
 * Messages in: { id, job }; out: { id, ok: true, value } or { id, ok: false, message }.
 */
import { parentPort } from "node:worker_threads";
import { runJob, type PlanJob } from "./plan-jobs";

parentPort?.on("message", (msg: { id: number; job: PlanJob }) => {
  try {
    parentPort!.postMessage({ id: msg.id, ok: true, value: runJob(msg.job) });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, ok: false, message: e instanceof Error ? e.message : String(e) });
  }
});
