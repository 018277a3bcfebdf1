// Runs a TypeScript worker-thread entry from source with tsx (Node 20 does not pass `--import tsx` on to worker
// threads). Used where the app runs unbundled — unit tests, `tsx` scripts; under Next.js the entry is bundled.
// workerData.entry: the entry's file URL.
import { workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

await tsImport(workerData.entry, import.meta.url);
