/**
 * The style guide in `verity lint`: adds the prose checker (with its cache) to the card rules, and
 * handles `--fix` / `--fix --dry-run`. Style findings come only from this checker, so nothing is
 * reported twice.
 */
import path from "node:path";
import type { Command } from "commander";
import { getCodeVersion } from "../src/core/code-version.ts";
import { UsageError } from "../src/core/errors.ts";
import { openContentHistory } from "../src/core/git-content-changes.ts";
import { driftFindings, findOutdatedTranslations } from "../src/core/translation-drift.ts";
import { lintProject, type LintOptions, type LintResult } from "../src/core/lint/lint-project.ts";
import type { Project } from "../src/core/project.ts";
import { createStyleChecker } from "../src/core/style/card-style.ts";
import { readSourceFile } from "../src/core/style/fix.ts";
import { computeRunKey, readCachedRun, writeCachedRun, type LintedProjectSummary } from "../src/core/style/run-cache.ts";
import { applyFixes } from "./apply-fixes.ts";
import type { ChangedScope } from "./changed-scope.ts";
import type { RunState } from "./run-state.ts";

export interface LintStyleFlags {
  fix?: boolean;
  dryRun?: boolean;
  /** false with `--no-cache`. */
  cache?: boolean;
}

export const LINT_CACHE_FILE = path.join(".verity-cache", "lint.json");
export const RUN_CACHE_FILE = path.join(".verity-cache", "lint-run.json");

/**
 * Loads the project (or the `--changed` scope) and lints it with the style guide. A plain run over
 * an unchanged project replays the previous run's findings from `.verity-cache/lint-run.json`.
 */
export function lintWithStyle(
  scope: ChangedScope | undefined,
  flags: LintStyleFlags,
  state: RunState,
  command: Command,
  isSelected: (file: string) => boolean,
): LintResult & { project: LintedProjectSummary } {
  if (flags.dryRun && !flags.fix) throw new UsageError("--dry-run only works with --fix.");
  const isCacheable = scope === undefined && flags.fix !== true && flags.cache !== false;
  if (!isCacheable) {
    const project = scope?.project ?? state.loadProject(command);
    return { project, ...runStyleInLint(project, scope?.lintOptions, flags, state, command, isSelected) };
  }
  const context = state.openProject(command);
  const cacheFile = path.join(context.root, RUN_CACHE_FILE);
  // Translation drift reads git history: a new commit is a new run.
  const key = computeRunKey(context, `lint-run/${getCodeVersion()}/${openContentHistory(context.root)?.head ?? "no-git"}`);
  const cached = readCachedRun(cacheFile, key);
  if (cached) return cached;
  const project = state.loadProject(command);
  const result = runStyleInLint(project, undefined, flags, state, command, isSelected);
  writeCachedRun(cacheFile, key, { project, findings: result.findings, trust: result.trust });
  return { project, ...result };
}

export function runStyleInLint(
  project: Project,
  lintOptions: LintOptions | undefined,
  flags: LintStyleFlags,
  state: RunState,
  command: Command,
  isSelected: (file: string) => boolean,
): LintResult {
  if (flags.dryRun && !flags.fix) throw new UsageError("--dry-run only works with --fix.");
  const isFixing = flags.fix === true;
  const cacheFile = flags.cache === false || isFixing ? undefined : path.join(project.root, LINT_CACHE_FILE);
  const checker = createStyleChecker(project, { cacheFile, isFixing });
  const withStyle = (p: Project, check: typeof checker.check) =>
    lintProject(p, {
      ...lintOptions,
      checkers: [...(lintOptions?.checkers ?? []), check],
      extraFindings: [...(lintOptions?.extraFindings ?? []), ...driftFindings(findOutdatedTranslations(p.cards, openContentHistory(p.root)))],
    });
  const result = withStyle(project, checker.check);
  checker.save();
  if (!isFixing) return result;

  const sources = new Map(project.cards.map((card) => [card.file, card.source]));
  const changed = applyFixes(
    result.findings.filter((f) => isSelected(f.file)),
    state.io,
    flags.dryRun === true,
    (file) => sources.get(file) ?? readSourceFile(file).source,
  );
  if (flags.dryRun || changed.length === 0) {
    return { ...result, findings: result.findings.filter((f) => !(f.ruleId === "frontmatter-schema" && f.fix)) };
  }
  const reloaded = state.loadProject(command);
  return withStyle(reloaded, createStyleChecker(reloaded, { cacheFile: path.join(reloaded.root, LINT_CACHE_FILE) }).check);
}
