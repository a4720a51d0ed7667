/**
 * The style checks of a cold lint on two threads: cards are handed to a worker as they load, and
 * the main thread, once its own rules are done, checks the cards the worker has not reached yet,
 * from the end of the list (a shared claim table makes sure each card is checked once). The
 * findings are exactly those of checking every card on the main thread; if the worker fails, the
 * main thread checks what it left.
 */
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import type { Card } from "../core/cards/load.ts";
import type { SerializedTree } from "../core/cards/markdown.ts";
import type { Finding } from "../core/lint/findings.ts";
import type { StyleChecker } from "../core/style/card-style.ts";
import type { StyleJobMessage, StyleResult } from "./style-worker.ts";

/** Cards checked on the main thread before a worker is worth starting. */
const WORKER_THRESHOLD = 64;
const MAX_CARDS = 1 << 22;
/** Cards in one message to the worker, and at most in one message back. */
const BATCH = 16;

type Outcome = { findings: Finding[] } | { tooDeep: true };

export interface StylePool {
  /**
   * A card was loaded: answer it from the cache, or queue it. True when this thread will not need
   * the card's tree: it was answered, or a worker is running to take it (this thread checks, at the
   * end, only what the worker has not reached, parsing those again). Before the worker starts, and
   * in a run that never starts one, the trees are kept for this thread's own checks. `serialized`:
   * the card's parse, as the loader serialized it, so that the worker need not parse it again.
   */
  add(card: Card, serialized?: SerializedTree): boolean;
  /** Checks what is left and returns each card's outcome (cards in `add` order). */
  finish(): Promise<Map<Card, Outcome>>;
  /** Cards the worker checked (for tests). */
  workerCount(): number;
}

export interface StylePoolOptions {
  /** false: the main thread leaves every queued card to the worker (tests); default true. */
  mainThreadHelps?: boolean;
  /** Cards checked on the main thread before a worker is started (default 64). */
  workerThreshold?: number;
  /** Whether a worker may be started (default: when there is a second core, see `hasSecondCore`). */
  useWorker?: boolean;
}

/**
 * A second thread pays whenever there is a second core. Not on one core, where it would only add its
 * start-up and its second parse of each card. The load average is no guide: it lags a minute behind,
 * so the previous run of a CI job or of this command made the next one skip the worker (5.7 s
 * instead of 4.2 s cold on 5,000 cards), while on a machine that really is busy the worker costs
 * about nothing (7.7-9.4 s against 8.0-8.9 s with both cores taken). Either way the findings are the same.
 */
function hasSecondCore(): boolean {
  return availableParallelism() > 1;
}

export function createStylePool(checker: StyleChecker, options: StylePoolOptions = {}): StylePool {
  const threshold = options.workerThreshold ?? WORKER_THRESHOLD;
  const cards: Card[] = [];
  const outcomes: (Outcome | undefined)[] = [];
  /** The parses of cards queued before the worker starts, posted with them (then let go). */
  let waiting: (SerializedTree | undefined)[] | undefined = [];
  /** Indexes whose findings the worker computed (cached on this thread at the end). */
  const byWorker: number[] = [];
  const shared = new SharedArrayBuffer(4 * 1024, { maxByteLength: 4 * MAX_CARDS });
  const claims = new Int32Array(shared);
  let worker: Worker | undefined;
  let workerDone: Promise<void> | undefined;
  let misses = 0;
  const canUseWorker = options.useWorker ?? hasSecondCore();

  const startWorker = () => {
    // A small bootstrap turns on the compile cache before the worker's modules load, as cli/bin.js does.
    const entry = JSON.stringify(new URL("./style-worker.ts", import.meta.url).href);
    const bootstrap = `require("node:module").enableCompileCache?.(); import(${entry});`;
    // Loaded here: a run that starts no worker (most re-lints) need not load Node's worker modules.
    const { Worker } = process.getBuiltinModule("node:worker_threads");
    const started = new Worker(bootstrap, { eval: true, workerData: { setup: checker.workerSetup, claims: shared } });
    workerDone = new Promise<void>((resolve) => {
      started.on("message", (message: { results: StyleResult[] } | { done: true }) => {
        if ("done" in message) return resolve();
        for (const result of message.results) {
          if (result.findings) {
            outcomes[result.index] = { findings: result.findings };
            byWorker.push(result.index);
          } else if (result.tooDeep) outcomes[result.index] = { tooDeep: true };
          // Any other error leaves the card without an outcome: this thread checks it again (and reports the error).
        }
      });
      started.on("error", () => resolve());
      started.on("exit", () => resolve());
    });
    // Not holding the process open: if linting stops with an error before `finish`, the process still ends.
    started.unref();
    worker = started;
    for (let i = 0; i < cards.length; i++) if (claims[i] === 0) post(i, waiting?.[i]);
    waiting = undefined;
    flush();
  };

  /** Cards go to the worker a few at a time: each message costs more than the card in it. */
  let batch: StyleJobMessage[] = [];
  const flush = () => {
    if (batch.length === 0) return;
    worker!.postMessage({ jobs: batch });
    batch = [];
  };
  const post = (index: number, serialized: SerializedTree | undefined) => {
    batch.push({ index, job: checker.job(cards[index]!, serialized) });
    if (batch.length >= BATCH) flush();
  };

  const runHere = (index: number): Outcome => {
    try {
      return { findings: checker.compute(cards[index]!) };
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      return { tooDeep: true };
    }
  };

  return {
    add(card, serialized) {
      const cached = checker.lookup(card);
      const index = cards.push(card) - 1;
      if (4 * cards.length > shared.byteLength) shared.grow(Math.min(4 * MAX_CARDS, shared.byteLength * 2));
      if (cached) {
        claims[index] = 1;
        outcomes[index] = { findings: cached };
        return true;
      }
      misses++;
      if (worker) post(index, serialized);
      else if (canUseWorker) {
        if (waiting) waiting[index] = serialized;
        if (misses >= threshold) startWorker();
      }
      return worker !== undefined;
    },
    async finish() {
      if (worker) flush();
      worker?.postMessage({ done: true });
      for (let i = cards.length - 1; i >= 0 && (options.mainThreadHelps !== false || !worker); i--) {
        if (Atomics.compareExchange(claims, i, 0, 1) === 0) outcomes[i] = runHere(i);
      }
      worker?.ref();
      await workerDone;
      for (const index of byWorker) {
        const outcome = outcomes[index];
        if (outcome && "findings" in outcome) checker.store(cards[index]!, outcome.findings);
      }
      const result = new Map<Card, Outcome>();
      for (let i = 0; i < cards.length; i++) result.set(cards[i]!, outcomes[i] ?? runHere(i)); // no outcome: the worker stopped before answering
      return result;
    },
    workerCount: () => byWorker.length,
  };
}
