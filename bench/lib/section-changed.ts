/**
 * Incremental lint: a git repository of the corpus on `main`, a branch that changes one card, and
 * `verity lint --changed main` timed with the cache cleared before each run and with it warm.
 */
import { execFileSync } from "node:child_process";
import { appendFileSync, cpSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { BenchContext } from "./context.ts";
import { runsFor } from "./context.ts";
import { ensureCorpus, listCardFiles } from "./corpora.ts";
import { measureRow, notAvailable } from "./measure-row.ts";
import { summariseLintOutput } from "./section-lint.ts";
import { hasCommand, hasOption, verityArgs } from "./verity-cli.ts";

const FIXED_DATE = "2026-11-01T12:00:00Z";

export async function runChangedSection(ctx: BenchContext): Promise<void> {
  const size = ctx.options.changedSize;
  const label = "verity lint --changed main, one card changed";
  if (!hasCommand(ctx, "lint") || !hasOption(ctx, "lint", "--changed")) {
    ctx.rows.push(notAvailable(`changed-${size}`, "changed", size, label, "verity lint has no --changed option yet"));
    return;
  }
  const { dir: corpus } = ensureCorpus(ctx, size);
  const repo = path.join(ctx.workDir, `changed-${size}`);
  const changedCard = prepareRepository(ctx, corpus, repo);
  const args = verityArgs(ctx, repo, "lint", ["--changed", "main", "--format", "json", "--today", ctx.options.today]);
  const stdoutFile = path.join(ctx.workDir, "out", `changed-${size}.json`);
  const before = new Set(readdirSync(repo));
  const extra = { changedCard: path.relative(repo, changedCard) };
  const common = {
    section: "changed",
    cards: size,
    command: ctx.node,
    args,
    cwd: repo,
    runs: runsFor(ctx, 3),
    okExitCodes: [0, 1],
    sampleMemory: true,
    stdoutFile,
    afterEach: () => summariseLintOutput(stdoutFile),
  } as const;
  const cold = await measureRow(ctx, {
    ...common,
    id: `changed-cold-${size}`,
    label: `${label}, no cache`,
    beforeEach: () => {
      for (const name of readdirSync(repo)) if (!before.has(name)) rmSync(path.join(repo, name), { recursive: true, force: true });
    },
  });
  cold.extra = { ...cold.extra, ...extra };
  ctx.rows.push(cold);
  if (cold.status !== "ok") return;
  const warm = await measureRow(ctx, { ...common, id: `changed-warm-${size}`, label: `${label}, warm cache` });
  warm.extra = { ...warm.extra, ...extra };
  ctx.rows.push(warm);
}

/** Copies the corpus into a fresh git repository, commits it on main and changes one card on a branch. */
function prepareRepository(ctx: BenchContext, corpus: string, repo: string): string {
  rmSync(repo, { recursive: true, force: true });
  cpSync(corpus, repo, { recursive: true, filter: (source) => !/[\\/](dist|\.verity-cache|\.astro)$/.test(source) });
  const env = { ...process.env, GIT_AUTHOR_DATE: FIXED_DATE, GIT_COMMITTER_DATE: FIXED_DATE, GIT_AUTHOR_NAME: "Bench", GIT_AUTHOR_EMAIL: "bench@example.com", GIT_COMMITTER_NAME: "Bench", GIT_COMMITTER_EMAIL: "bench@example.com" };
  const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, env, stdio: ["ignore", "ignore", "pipe"] });
  const started = performance.now();
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "-m", "Cards");
  git("checkout", "-q", "-b", "change-one-card");
  const cards = listCardFiles(repo);
  // An English card from the middle of the list: English cards are the most linked-to, so the
  // run also re-checks the cards that link to it, as --changed must.
  const middle = Math.floor(cards.length / 2);
  const card = cards.slice(middle).find((file) => !/-(ko|zh)(-\d+)?\.md$/.test(file)) ?? cards[middle]!;
  appendFileSync(card, "\nThe steps are the same for every plan.\n");
  git("commit", "-q", "-am", "Change one card");
  ctx.log(`  git repository of ${cards.length} cards ready in ${((performance.now() - started) / 1000).toFixed(1)} s (changed ${path.relative(repo, card)})`);
  return card;
}
