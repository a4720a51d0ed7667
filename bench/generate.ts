/**
 * `node bench/generate.ts --count 5000 --seed 42 --today 2026-12-01 --out bench/.work/corpus-5000`
 * writes a deterministic Verity project of realistic help-center cards for the benchmark.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { writeCorpus } from "./lib/corpus-write.ts";
import { DEFAULT_SEED, DEFAULT_TODAY } from "./lib/defaults.ts";

function main(): void {
  const { values } = parseArgs({
    options: {
      count: { type: "string", default: "1000" },
      seed: { type: "string", default: String(DEFAULT_SEED) },
      today: { type: "string", default: DEFAULT_TODAY },
      out: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write("usage: node bench/generate.ts [--count N] [--seed S] [--today YYYY-MM-DD] [--out DIR]\n");
    return;
  }
  const count = Number(values.count);
  const seed = Number(values.seed);
  if (!Number.isInteger(count) || count < 1) return fail(`--count must be a positive integer, got ${values.count}`);
  if (!Number.isInteger(seed)) return fail(`--seed must be an integer, got ${values.seed}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.today!)) return fail(`--today must be YYYY-MM-DD, got ${values.today}`);
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const out = path.resolve(values.out ?? path.join(repoRoot, "bench", ".work", `corpus-${count}`));
  const started = performance.now();
  const manifest = writeCorpus({ count, seed, today: values.today!, out, repoRoot });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stderr.write(`wrote ${manifest.cards} cards (${(manifest.bytes / 1e6).toFixed(1)} MB) to ${out} in ${seconds} s\n`);
  process.stdout.write(`${JSON.stringify(manifest)}\n`);
}

function fail(message: string): void {
  process.stderr.write(`generate: ${message}\n`);
  process.exitCode = 2;
}

main();
