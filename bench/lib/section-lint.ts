/**
 * Lint: `verity lint` cold (no cache) and cached, against only parsing the same files with
 * remark-parse and with satteri (in a child Node process, timed in-process), and against
 * markdownlint-cli2 with its default rules.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BenchContext, Row } from "./context.ts";
import { runsFor } from "./context.ts";
import { ensureCorpus, listCardFiles } from "./corpora.ts";
import { measureRow, notAvailable } from "./measure-row.ts";
import { ensurePeer, MARKDOWNLINT } from "./peers.ts";
import { hasCommand, verityArgs } from "./verity-cli.ts";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { BUILTIN_RULE_LIST } from "../../src/core/style/builtin-rule-list.ts";

/** Entries a lint run may create in the project folder: treated as its cache. */
const KNOWN_CACHE_NAMES = [".verity-cache", ".verity", "node_modules"];

export async function runLintSection(ctx: BenchContext): Promise<void> {
  ctx.notes.push(
    "Lint: `verity lint --format json --today <day>` with the repository's style guide copied into the corpus. Cold = `.verity-cache` removed before each run; " +
      "cached = nothing changed since the previous run; one card edited = a full lint right after editing one card; Vale.Spelling on = cold, on a copy of the corpus whose .vale.ini turns on Hunspell spelling (en_US) for every card; every style check off = cold, on a copy with no Vale style and every built-in prose rule off. The parse floors run in a child Node process " +
      "that reads and parses the same files (frontmatter included) and times that loop in-process; ratios set that in-process time against lint's whole-process wall time.",
  );
  for (const size of ctx.options.sizes) {
    await measureLint(ctx, size, { cached: true, floors: true, peers: true });
  }
}

/** Measures `verity lint` cold (and, when asked, cached, the floors and markdownlint) on one corpus. */
export async function measureLint(ctx: BenchContext, size: number, what: { cached: boolean; floors: boolean; peers: boolean }, runs?: number): Promise<void> {
  const { dir } = ensureCorpus(ctx, size);
  const n = runs ?? runsFor(ctx, size >= 20_000 ? 1 : 3);
  const outDir = path.join(ctx.workDir, "out");
  mkdirSync(outDir, { recursive: true });
  if (!hasCommand(ctx, "lint")) {
    ctx.rows.push(notAvailable(`lint-cold-${size}`, "lint", size, "verity lint, cold", "verity lint does not exist"));
    return;
  }
  const args = verityArgs(ctx, dir, "lint", ["--format", "json", "--today", ctx.options.today]);
  const stdoutFile = path.join(outDir, `lint-${size}.json`);
  const cacheNames = detectCache(ctx, dir, args, stdoutFile);
  const clearCache = () => {
    for (const name of cacheNames) rmSync(path.join(dir, name), { recursive: true, force: true });
  };
  const cold = await measureRow(ctx, {
    id: `lint-cold-${size}`,
    section: "lint",
    cards: size,
    label: "verity lint, cold (no cache)",
    command: ctx.node,
    args,
    cwd: dir,
    runs: n,
    okExitCodes: [0, 1],
    sampleMemory: true,
    stdoutFile,
    beforeEach: clearCache,
    afterEach: () => summariseLintOutput(stdoutFile),
  });
  cold.extra = { ...cold.extra, cache: cacheNames.length > 0 ? cacheNames : "none found" };
  ctx.rows.push(cold);
  if (what.cached && cold.status === "ok") {
    if (cacheNames.length === 0) {
      ctx.rows.push(notAvailable(`lint-cached-${size}`, "lint", size, "verity lint, from the cache", "verity lint wrote no cache in the project folder"));
    } else {
      ctx.rows.push(
        await measureRow(ctx, {
          id: `lint-cached-${size}`,
          section: "lint",
          cards: size,
          label: "verity lint, from the cache",
          command: ctx.node,
          args,
          cwd: dir,
          runs: n,
          okExitCodes: [0, 1],
          sampleMemory: true,
          stdoutFile,
          afterEach: () => summariseLintOutput(stdoutFile),
        }),
      );
    }
  }
  if (what.cached && cold.status === "ok" && cacheNames.length > 0) await measureOneCardChanged(ctx, size, dir, args, stdoutFile, n);
  if (what.cached && cold.status === "ok") {
    await measureStyleVariant(ctx, size, dir, n, cacheNames, "spelling");
    await measureStyleVariant(ctx, size, dir, n, cacheNames, "no-style");
  }
  if (what.floors) {
    const listFile = path.join(outDir, `files-${size}.txt`);
    writeFileSync(listFile, `${listCardFiles(dir).join("\n")}\n`);
    for (const parser of ["remark", "satteri"] as const) {
      const floorOut = path.join(outDir, `floor-${parser}-${size}.json`);
      ctx.rows.push(
        await measureRow(ctx, {
          id: `parse-${parser}-${size}`,
          section: "lint",
          cards: size,
          label: parser === "remark" ? "parse only: remark-parse" : "parse only: satteri",
          command: ctx.node,
          args: [path.join(ctx.repoRoot, "bench", "lib", "parse-floor.ts"), parser, listFile],
          cwd: ctx.repoRoot,
          runs: n,
          stdoutFile: floorOut,
          afterEach: () => ({ inProcessMs: (JSON.parse(readFileSync(floorOut, "utf8")) as { parseMs: number }).parseMs }),
        }),
      );
    }
  }
  if (what.peers) await measureMarkdownlint(ctx, size, dir, n);
}

/**
 * Full lint (not --changed) right after one card was edited, the rest unchanged since the cached
 * run: the whole-run cache misses, the per-card caches answer for every other card. Each run edits
 * the card differently; the card is restored afterwards.
 */
async function measureOneCardChanged(ctx: BenchContext, size: number, dir: string, args: readonly string[], stdoutFile: string, runs: number): Promise<void> {
  const files = listCardFiles(dir);
  const card = files[Math.floor(files.length / 3)]!;
  const original = readFileSync(card, "utf8");
  let edit = 0;
  try {
    const row = await measureRow(ctx, {
      id: `lint-one-changed-${size}`,
      section: "lint",
      cards: size,
      label: "verity lint, cache warm, one card edited",
      command: ctx.node,
      args,
      cwd: dir,
      runs,
      okExitCodes: [0, 1],
      sampleMemory: true,
      stdoutFile,
      beforeEach: () => writeFileSync(card, `${original}\nEdited for the benchmark, round ${++edit}.\n`),
      afterEach: () => summariseLintOutput(stdoutFile),
    });
    row.extra = { ...row.extra, changedCard: path.relative(dir, card) };
    ctx.rows.push(row);
  } finally {
    writeFileSync(card, original);
  }
}

/**
 * A cold lint again on a copy of the corpus whose style settings are changed: `spelling` turns on
 * `Vale.Spelling` (Hunspell, en_US) for every card, what spelling costs; `no-style` turns every
 * style check off (no Vale style in `.vale.ini`, every built-in prose rule `off` in
 * verity.config.yml), what the style checks cost and how fast the rest of a lint is.
 */
async function measureStyleVariant(ctx: BenchContext, size: number, dir: string, runs: number, cacheNames: readonly string[], variant: "spelling" | "no-style"): Promise<void> {
  const id = variant === "spelling" ? `lint-cold-spelling-${size}` : `lint-cold-no-style-${size}`;
  const label = variant === "spelling" ? "verity lint, cold, Vale.Spelling on" : "verity lint, cold, every style check off";
  const copy = `${dir}-${variant}`;
  rmSync(copy, { recursive: true, force: true });
  cpSync(dir, copy, { recursive: true, filter: (source) => !cacheNames.includes(path.relative(dir, source)) });
  const valeIni = path.join(copy, ".vale.ini");
  const configFile = path.join(copy, "verity.config.yml");
  if (!existsSync(valeIni) || !existsSync(configFile)) {
    ctx.rows.push(notAvailable(id, "lint", size, label, "the corpus has no .vale.ini or verity.config.yml"));
    return;
  }
  if (variant === "spelling") appendFileSync(valeIni, "\n# Added by the benchmark: what spelling costs.\n[*.md]\nVale.Spelling = YES\n");
  else {
    writeFileSync(valeIni, "# Written by the benchmark: no style.\nMinAlertLevel = suggestion\n");
    const config = (parseYaml(readFileSync(configFile, "utf8")) ?? {}) as { rules?: Record<string, string> };
    config.rules = { ...config.rules, ...Object.fromEntries(BUILTIN_RULE_LIST.map((rule) => [rule.id, "off"])) };
    writeFileSync(configFile, stringifyYaml(config));
  }
  const args = verityArgs(ctx, copy, "lint", ["--format", "json", "--today", ctx.options.today]);
  const stdoutFile = path.join(ctx.workDir, "out", `lint-${variant}-${size}.json`);
  ctx.rows.push(
    await measureRow(ctx, {
      id,
      section: "lint",
      cards: size,
      label,
      command: ctx.node,
      args,
      cwd: copy,
      runs,
      okExitCodes: [0, 1],
      sampleMemory: true,
      stdoutFile,
      beforeEach: () => {
        for (const name of cacheNames) rmSync(path.join(copy, name), { recursive: true, force: true });
      },
      afterEach: () => summariseLintOutput(stdoutFile),
    }),
  );
  rmSync(copy, { recursive: true, force: true });
}

async function measureMarkdownlint(ctx: BenchContext, size: number, dir: string, runs: number): Promise<void> {
  let peerDir: string;
  try {
    const peer = ensurePeer(ctx.workDir, MARKDOWNLINT, ctx.log);
    Object.assign(ctx.peers, peer.versions);
    peerDir = peer.dir;
  } catch (error) {
    ctx.rows.push(notAvailable(`markdownlint-${size}`, "lint", size, "markdownlint-cli2 (default rules)", `install failed: ${(error as Error).message.split("\n")[0]}`));
    return;
  }
  ctx.rows.push(
    await measureRow(ctx, {
      id: `markdownlint-${size}`,
      section: "lint",
      cards: size,
      label: "markdownlint-cli2 (default rules)",
      command: ctx.node,
      args: [path.join(peerDir, "node_modules", "markdownlint-cli2", "markdownlint-cli2-bin.mjs"), "content/*/*.md"],
      cwd: dir,
      runs,
      okExitCodes: [0, 1],
      sampleMemory: true,
    }),
  );
}

/** Runs lint once and returns the top-level names it created in the project folder (its cache). */
function detectCache(ctx: BenchContext, dir: string, args: readonly string[], stdoutFile: string): string[] {
  for (const name of KNOWN_CACHE_NAMES.slice(0, 2)) rmSync(path.join(dir, name), { recursive: true, force: true });
  const before = new Set(readdirSync(dir));
  spawnSyncQuiet(ctx.node, args, dir, stdoutFile);
  const created = readdirSync(dir).filter((name) => !before.has(name) && name !== "dist");
  const known = KNOWN_CACHE_NAMES.filter((name) => existsSync(path.join(dir, name)) && name !== "node_modules");
  return [...new Set([...created, ...known])];
}

function spawnSyncQuiet(command: string, args: readonly string[], cwd: string, stdoutFile: string): void {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 1 << 30 });
  writeFileSync(stdoutFile, result.stdout ?? "");
}

interface EslintResult {
  messages: { ruleId: string | null; severity: number }[];
}

/** Counts findings in lint's JSON output (ESLint's shape), so the report shows what lint found. */
export function summariseLintOutput(file: string): Record<string, number> {
  let results: EslintResult[];
  try {
    results = JSON.parse(readFileSync(file, "utf8")) as EslintResult[];
  } catch {
    return {};
  }
  let findings = 0;
  let styleFindings = 0;
  let errors = 0;
  for (const result of results) {
    for (const message of result.messages) {
      findings++;
      if (message.severity === 2) errors++;
      if (message.ruleId && /^[A-Z]\w*\.\w+/.test(message.ruleId)) styleFindings++;
    }
  }
  return { files: results.length, findings, errors, styleFindings };
}
