/**
 * `npm run stress`: builds the demo project over and over, as a CI runner that deploys on every
 * merge would, and counts the builds that fail at random. Not part of `npm test` (it takes a while).
 *
 *   npm run stress                          50 builds in a row, then 10 times two builds started at once
 *   npm run stress -- --runs 5 --pairs 2    fewer
 *
 * The demo (content/, style-guide/, verity.config.yml) is copied into a temporary project, so the
 * repository's own dist/ is not touched. After every run it checks that dist/ is a complete build:
 * both sites, each with its home page and Pagefind index, the same number of pages and indexed
 * pages as the first build, and no staging, work or lock file left behind. Exit 1 when any run
 * failed or left an incomplete dist/.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BIN = path.join(REPO, "cli", "bin.js");
const TODAY = "2026-12-01";
const SITES = ["public", "internal"] as const;

interface RunResult {
  code: number | null;
  seconds: number;
  stderr: string;
}

interface SiteShape {
  pages: number;
  indexed: number;
}

const { values } = parseArgs({ options: { runs: { type: "string", default: "50" }, pairs: { type: "string", default: "10" } } });
const runs = Number(values.runs);
const pairs = Number(values.pairs);

const project = mkdtempSync(path.join(os.tmpdir(), "verity-stress-"));
for (const name of ["content", "style-guide", "verity.config.yml"]) cpSync(path.join(REPO, name), path.join(project, name), { recursive: true });
const dist = path.join(project, "dist");

function build(): Promise<RunResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, "build", "--root", project, "--today", TODAY], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolve({ code, seconds: (performance.now() - started) / 1000, stderr }));
  });
}

function shape(siteDir: string): SiteShape | string {
  if (!existsSync(path.join(siteDir, "index.html"))) return `${siteDir} has no index.html`;
  const entryFile = path.join(siteDir, "pagefind", "pagefind-entry.json");
  if (!existsSync(entryFile)) return `${siteDir} has no Pagefind index`;
  const entry = JSON.parse(readFileSync(entryFile, "utf8")) as { languages: Record<string, { page_count: number }> };
  const indexed = Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
  const pages = readdirSync(siteDir, { recursive: true }).filter((f) => String(f).endsWith("index.html")).length;
  return { pages, indexed };
}

/** What is wrong with dist/ and the folders around it after a run, compared with the first build. */
function problems(reference: Record<string, SiteShape> | undefined): { problems: string[]; shapes: Record<string, SiteShape> } {
  const found: string[] = [];
  const shapes: Record<string, SiteShape> = {};
  for (const site of SITES) {
    const s = shape(path.join(dist, site));
    if (typeof s === "string") found.push(s);
    else {
      shapes[site] = s;
      const ref = reference?.[site];
      if (ref && (ref.pages !== s.pages || ref.indexed !== s.indexed)) found.push(`${site}: ${s.pages} pages, ${s.indexed} indexed; the first build had ${ref.pages}, ${ref.indexed}`);
    }
  }
  const leftovers = [
    ...readdirSync(project).filter((name) => name.startsWith(".dist-")),
    ...(existsSync(path.join(REPO, ".verity-cache")) ? readdirSync(path.join(REPO, ".verity-cache")).filter((name) => name.startsWith("build-")) : []),
    ...(existsSync(path.join(project, ".verity-cache", "build.lock")) ? ["build.lock"] : []),
  ];
  if (leftovers.length > 0) found.push(`left behind: ${leftovers.join(", ")}`);
  return { problems: found, shapes };
}

function firstError(stderr: string): string {
  const lines = stderr.split("\n").filter((l) => l.trim() && !l.startsWith("verity build: "));
  return lines.slice(0, 6).join("\n    ");
}

function stats(seconds: number[]): string {
  const sorted = [...seconds].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return `median ${median.toFixed(1)} s, min ${(sorted[0] ?? 0).toFixed(1)} s, max ${(sorted.at(-1) ?? 0).toFixed(1)} s`;
}

const log = (line: string) => process.stdout.write(`${line}\n`);
let reference: Record<string, SiteShape> | undefined;
let failedBuilds = 0;
let badDist = 0;
const sequentialTimes: number[] = [];

log(`stress: ${runs} builds in a row, then ${pairs} times two builds at once, of the demo copied to ${project}`);
for (let i = 1; i <= runs; i++) {
  const result = await build();
  sequentialTimes.push(result.seconds);
  const check = problems(reference);
  reference ??= check.problems.length === 0 ? check.shapes : undefined;
  if (result.code !== 0) {
    failedBuilds++;
    log(`  run ${i}: FAILED (exit ${result.code}) in ${result.seconds.toFixed(1)} s:\n    ${firstError(result.stderr)}`);
  }
  if (check.problems.length > 0) {
    badDist++;
    log(`  run ${i}: dist/ is not a complete build: ${check.problems.join("; ")}`);
  }
  if (i % 10 === 0) log(`  ${i}/${runs} builds in a row: ${failedBuilds} failed, ${badDist} incomplete (${stats(sequentialTimes)})`);
}

const pairTimes: number[] = [];
let waited = 0;
for (let i = 1; i <= pairs; i++) {
  const started = performance.now();
  const both = await Promise.all([build(), build()]);
  pairTimes.push((performance.now() - started) / 1000);
  const check = problems(reference);
  reference ??= check.problems.length === 0 ? check.shapes : undefined;
  for (const [k, result] of both.entries()) {
    if (result.stderr.includes("waiting for it to finish")) waited++;
    if (result.code !== 0) {
      failedBuilds++;
      log(`  pair ${i}, build ${k + 1}: FAILED (exit ${result.code}):\n    ${firstError(result.stderr)}`);
    }
  }
  if (check.problems.length > 0) {
    badDist++;
    log(`  pair ${i}: dist/ is not a complete build: ${check.problems.join("; ")}`);
  }
}

const total = runs + 2 * pairs;
log("");
log(`builds in a row:   ${runs}, ${stats(sequentialTimes)} per build (whole command, lint included)`);
log(`two builds at once: ${pairs} pairs, ${stats(pairTimes)} per pair; the second build waited for the first's lock ${waited} times`);
log(`pages per build:   ${reference ? SITES.map((s) => `${s} ${reference![s]!.pages} pages (${reference![s]!.indexed} indexed)`).join(", ") : "no complete build"}`);
log(`result:            ${failedBuilds} of ${total} builds failed, ${badDist} of ${runs + pairs} checks found an incomplete dist/`);
rmSync(project, { recursive: true, force: true });
process.exitCode = failedBuilds === 0 && badDist === 0 ? 0 : 1;
