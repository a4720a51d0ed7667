/**
 * `npm run bench`: generates the corpora (once, into bench/.work/), runs the benchmark sections and
 * writes bench/results/<date>.json and .md (and latest.md). Nothing here passes or fails: it reports.
 *
 *   npm run bench                          all sections, 1k/5k (+20k for scale)
 *   npm run bench -- --quick               1k only, one run each
 *   npm run bench -- --sections lint,build  some sections
 *   npm run bench -- --sizes 200,500 --out /tmp/results   small corpora for development
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { DEFAULT_SEED, DEFAULT_TODAY } from "./lib/defaults.ts";
import { SECTIONS, type BenchContext, type BenchOptions, type SectionName, type SectionResult } from "./lib/context.ts";
import { describeMachine, formatMachine, snapshotLoad } from "./lib/machine.ts";
import { hasGnuTime } from "./lib/measure.ts";
import { computeRatios, evaluateTargets, renderMarkdown, type BenchResults } from "./lib/report.ts";
import { runBuildSection } from "./lib/section-build.ts";
import { runChangedSection } from "./lib/section-changed.ts";
import { runLintSection } from "./lib/section-lint.ts";
import { runScaleSection } from "./lib/section-scale.ts";
import { runSearchSection } from "./lib/section-search.ts";
import { runMcpSection } from "./lib/section-mcp.ts";
import { runUsageSection } from "./lib/section-usage.ts";
import { updateReadme } from "./lib/readme.ts";

const RUNNERS: Record<SectionName, (ctx: BenchContext) => Promise<void>> = {
  lint: runLintSection,
  changed: runChangedSection,
  build: runBuildSection,
  scale: runScaleSection,
  search: runSearchSection,
  mcp: runMcpSection,
  usage: runUsageSection,
};

async function main(): Promise<number> {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const parsed = parseOptions(repoRoot);
  if (typeof parsed === "string") {
    process.stderr.write(`bench: ${parsed}\n`);
    return 2;
  }
  const { options, writeReadme } = parsed;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const ctx: BenchContext = {
    repoRoot,
    workDir: path.join(repoRoot, "bench", ".work"),
    cliBin: path.join(repoRoot, "cli", "bin.js"),
    node: process.execPath,
    options,
    log,
    corpora: new Map(),
    rows: [],
    notes: [],
    peers: {},
    growth: {},
    search: undefined,
  };
  const machine = describeMachine(repoRoot);
  log(`machine: ${formatMachine(machine)}`);
  if (!hasGnuTime()) ctx.notes.push("/usr/bin/time is missing (apt-get install -y time): the largest-process memory column is empty.");
  if (options.runs === undefined && !options.quick) ctx.notes.push("Runs per figure: 3 for lint, parsing, markdownlint-cli2 and --changed; 2 for verity build and for Starlight at 1,000 cards; 1 for Starlight at 5,000, the Starlight full-sidebar build and everything at 20,000 cards (lint and build).");
  const startedAt = new Date();
  const sections: SectionResult[] = [];
  for (const name of SECTIONS) {
    if (!options.sections.includes(name)) continue;
    log(`== ${name}`);
    const before = snapshotLoad();
    const started = performance.now();
    try {
      await RUNNERS[name](ctx);
    } catch (error) {
      const message = (error as Error).stack ?? String(error);
      log(`section ${name} failed: ${message}`);
      ctx.notes.push(`Section ${name} stopped with an error: ${(error as Error).message}`);
    }
    sections.push({ name, before, after: snapshotLoad(), seconds: (performance.now() - started) / 1000 });
  }
  const finishedAt = new Date();
  const ratios = computeRatios(ctx);
  const results: BenchResults = {
    date: startedAt.toISOString().slice(0, 10),
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    seconds: (finishedAt.getTime() - startedAt.getTime()) / 1000,
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`,
    machine,
    options,
    corpora: Object.fromEntries([...ctx.corpora].sort(([a], [b]) => a - b).map(([size, c]) => [String(size), c.manifest])),
    peers: ctx.peers,
    sections,
    rows: ctx.rows,
    ratios,
    growth: ctx.growth,
    search: ctx.search,
    targets: evaluateTargets(ctx, ratios),
    notes: ctx.notes,
  };
  const isFull = !options.quick && options.sections.length === SECTIONS.length;
  const name = isFull ? results.date : `${results.date}-${options.quick ? "quick" : options.sections.join("-")}`;
  mkdirSync(options.outDir, { recursive: true });
  const markdown = renderMarkdown(results);
  writeFileSync(path.join(options.outDir, `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(options.outDir, `${name}.md`), markdown);
  if (isFull) copyFileSync(path.join(options.outDir, `${name}.md`), path.join(options.outDir, "latest.md"));
  log(`wrote ${path.relative(process.cwd(), path.join(options.outDir, name))}.{json,md}`);
  if (writeReadme) {
    const readme = path.join(repoRoot, "docs", "performance.md");
    writeFileSync(readme, updateReadme(readFileSync(readme, "utf8"), markdown, path.relative(repoRoot, path.join(options.outDir, `${name}.md`))));
    log("updated docs/performance.md");
  }
  process.stdout.write(markdown);
  return 0;
}

function parseOptions(repoRoot: string): { options: BenchOptions; writeReadme: boolean } | string {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        quick: { type: "boolean", default: false },
        sections: { type: "string" },
        runs: { type: "string" },
        sizes: { type: "string" },
        "scale-sizes": { type: "string" },
        "changed-size": { type: "string" },
        "search-size": { type: "string" },
        seed: { type: "string", default: String(DEFAULT_SEED) },
        today: { type: "string", default: DEFAULT_TODAY },
        out: { type: "string" },
        readme: { type: "boolean", default: false },
        "no-starlight-full-sidebar": { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    return (error as Error).message;
  }
  const list = (value: string | undefined, fallback: number[]) => (value ? value.split(",").map((v) => Number(v.trim())) : fallback);
  const quick = values.quick ?? false;
  const sizes = list(values.sizes, quick ? [1000] : [1000, 5000]);
  const scaleSizes = list(values["scale-sizes"], quick ? sizes : [...new Set([...sizes, 20_000])]);
  const largest = Math.max(...sizes);
  const sections = (values.sections ? values.sections.split(",").map((s) => s.trim()) : [...SECTIONS]) as SectionName[];
  const unknown = sections.filter((s) => !SECTIONS.includes(s));
  if (unknown.length > 0) return `unknown section ${unknown.join(", ")}; sections are ${SECTIONS.join(", ")}`;
  const numbers = [...sizes, ...scaleSizes];
  if (numbers.some((n) => !Number.isInteger(n) || n < 1)) return "sizes must be positive integers, e.g. --sizes 1000,5000";
  const runs = values.runs === undefined ? (quick ? 1 : undefined) : Number(values.runs);
  if (runs !== undefined && (!Number.isInteger(runs) || runs < 1)) return `--runs must be a positive integer, got ${values.runs}`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.today ?? "")) return `--today must be YYYY-MM-DD, got ${values.today}`;
  return {
    options: {
      sections,
      sizes,
      scaleSizes,
      changedSize: Number(values["changed-size"] ?? largest),
      searchSize: Number(values["search-size"] ?? largest),
      runs,
      seed: Number(values.seed),
      today: values.today!,
      quick,
      starlightFullSidebar: !values["no-starlight-full-sidebar"],
      outDir: path.resolve(values.out ?? path.join(repoRoot, "bench", "results")),
    },
    writeReadme: values.readme ?? false,
  };
}

process.exitCode = await main();
