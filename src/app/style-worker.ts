/**
 * A worker thread of the style pool (style-pool.ts): checks the cards it is sent, claiming each in
 * the shared claim table first so that a card the main thread took is not checked twice.
 */
import { parentPort, workerData } from "node:worker_threads";
import { createStyleJobRunner, type StyleJob, type StyleWorkerSetup } from "../core/style/style-job.ts";

interface WorkerData {
  setup: StyleWorkerSetup;
  claims: SharedArrayBuffer;
}

const { setup, claims: shared } = workerData as WorkerData;
const claims = new Int32Array(shared);
const run = createStyleJobRunner(setup);

parentPort!.on("message", (message: { index: number; job: StyleJob } | { done: true }) => {
  if ("done" in message) {
    parentPort!.postMessage({ done: true });
    parentPort!.close();
    return;
  }
  if (Atomics.compareExchange(claims, message.index, 0, 1) !== 0) return;
  try {
    parentPort!.postMessage({ index: message.index, findings: run(message.job) });
  } catch (error) {
    // A tree too deep for the engine is reported by the main thread, as when it checks the card itself.
    parentPort!.postMessage({ index: message.index, tooDeep: error instanceof RangeError, error: error instanceof RangeError ? undefined : String((error as Error)?.stack ?? error) });
  }
});
