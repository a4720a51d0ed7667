/**
 * A worker thread of the style pool (style-pool.ts): checks the cards it is sent, a few to a
 * message, claiming each in the shared claim table first so that a card the main thread took is
 * not checked twice, and answers each message with the outcomes of the cards it claimed.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Finding } from "../core/lint/findings.ts";
import { createStyleJobRunner, type StyleJob, type StyleWorkerSetup } from "../core/style/style-job.ts";

interface WorkerData {
  setup: StyleWorkerSetup;
  claims: SharedArrayBuffer;
}

export interface StyleJobMessage {
  index: number;
  job: StyleJob;
}

/** A card's outcome: its findings, or a tree too deep for the engine, or neither (another error, given as text). */
export interface StyleResult {
  index: number;
  findings?: Finding[];
  tooDeep?: boolean;
  error?: string;
}

const { setup, claims: shared } = workerData as WorkerData;
const claims = new Int32Array(shared);
const run = createStyleJobRunner(setup);

function check({ index, job }: StyleJobMessage): StyleResult {
  try {
    return { index, findings: run(job) };
  } catch (error) {
    // A tree too deep for the engine is reported by the main thread, as when it checks the card itself.
    return error instanceof RangeError ? { index, tooDeep: true } : { index, error: String((error as Error)?.stack ?? error) };
  }
}

parentPort!.on("message", (message: { jobs: StyleJobMessage[] } | { done: true }) => {
  if ("done" in message) {
    parentPort!.postMessage({ done: true });
    parentPort!.close();
    return;
  }
  const results: StyleResult[] = [];
  for (const job of message.jobs) if (Atomics.compareExchange(claims, job.index, 0, 1) === 0) results.push(check(job));
  if (results.length > 0) parentPort!.postMessage({ results });
});
