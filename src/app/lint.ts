/**
 * `lint`: the whole of `verity lint` as a function: options in, a plain result out. The CLI only
 * parses arguments, calls this, formats the result and picks the exit code; tests call it too.
 *
 * It loads the project (or the `--changed` scope), runs every rule with the style guide and the
 * project's remark-lint configuration, answers an unchanged project from the run record, re-checks
 * only the edited cards when nothing but the text of a few cards changed (lint-edited.ts), and
 * applies `--fix`.
 */
import { companionDriftFindings } from "./companion-drift.ts";
import { openContentHistory, readHead } from "../core/git/content-changes.ts";
import { driftFindings, findOutdatedTranslations } from "../core/verification/translation-drift.ts";
import { compareFindings } from "../core/lint/findings.ts";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { createCardPaths } from "../core/cards/paths.ts";
import { getCodeVersion } from "../core/lint/code-version.ts";
import { UsageError } from "../core/errors.ts";
import type { Finding } from "../core/lint/findings.ts";
import { cardCacheKey, openCardCache, readsOutsideContent } from "../core/lint/card-cache.ts";
import { openFileStates, type FileHash } from "../core/lint/file-states.ts";
import { lintProject, lintProjectByCard, treeFactsTaker, type LintOptions, type LintResult } from "../core/lint/lint-project.ts";
import { loadRemarkConfig } from "../core/lint/remark-config.ts";
import { loadProject, openProject, requireContentFolder, type Project, type ProjectContext, type ProjectOptions } from "../core/project/project.ts";
import { CACHE_FOLDER, requireCacheFolder, takeCacheWriteRefusals } from "../core/project/cache-folder.ts";
import { createStyleChecker, styleConfigWarnings } from "../core/style/card-style.ts";
import { applyLevels, levelOf } from "../core/lint/registry.ts";
import { tooDeepFinding } from "../core/lint/rules/markdown-too-deep.ts";
import { isTreeAtHand, releaseTree, type Card } from "../core/cards/load.ts";
import type { SerializedTree } from "../core/cards/markdown.ts";
import { createStylePool, type StylePool } from "./style-pool.ts";
import type { FixSummary } from "../core/style/fix.ts";
import { addToRunKeys, computeRunKey, readRunRecord, recordedFindings, storedFindings, summarise, writeRunRecord, writeRunRecordEdits, type LintedProjectSummary } from "../core/style/run-cache.ts";
import { deltaPins } from "../core/lint/run-delta.ts";
import { writeStubFacts } from "../core/lint/stub-facts-file.ts";
import { lintEditedCards } from "./lint-edited.ts";
import type { TrustScore } from "../core/verification/verification.ts";
import { appendAll } from "../core/arrays.ts";

export const LINT_CACHE_FILE = path.join(CACHE_FOLDER, "lint.json");
export const RUN_CACHE_FILE = path.join(CACHE_FOLDER, "lint-run.json");
export const CARD_CACHE_FILE = path.join(CACHE_FOLDER, "lint-cards.json");
export const FILE_STATES_FILE = path.join(CACHE_FOLDER, "files.json");
export const FACTS_FILE = path.join(CACHE_FOLDER, "lint-facts.json");
export const TRANSLATIONS_FILE = path.join(CACHE_FOLDER, "style-patterns.json");

export interface LintRequest {
  project: ProjectOptions;
  /** Files and folders to report on (default: every card). */
  paths?: readonly string[];
  /** `--changed [base]`: true for the default base. */
  changed?: string | true;
  fix?: boolean;
  /** With `fix`: plan the fixes, write nothing. */
  dryRun?: boolean;
  /** false with `--no-cache`. */
  cache?: boolean;
  /** Errors only. */
  quiet?: boolean;
}

export interface ChangedSummary {
  /** The base compared with, e.g. origin/main. */
  base: string;
  mergeBase: string;
  changedFiles: string[];
  linkingFiles: string[];
  /** Deleted cards reported because no card keeps their URL. */
  deletedWithoutAlias: number;
  /** Cards the trust score counts (every card, not only the changed ones). */
  trustCount: number;
  /** Files reported on: changed cards, cards linking to them, deleted card paths. */
  reportCount: number;
}

export interface LintReport {
  /** Findings on the files in scope (and project-wide ones), sorted. */
  findings: Finding[];
  /** Every card file in scope that was checked, including clean ones. */
  files: string[];
  trust: TrustScore;
  minTrustScore: number;
  contentDir: string;
  configFile: string | undefined;
  changed?: ChangedSummary;
  /** With `fix`: the fixes applied (or, with `dryRun`, planned). */
  fixes?: FixSummary;
  /** What the project's `.vale.ini` sets that is ignored (a rule that does not exist), as `verity style` warns. */
  styleWarnings: string[];
  /** Why the lint caches could not be saved (a full disk, a file-size limit), when they could not: the run itself is complete. */
  cacheWarning?: string;
}

export async function lint(request: LintRequest): Promise<LintReport> {
  if (request.dryRun && !request.fix) throw new UsageError("--dry-run only works with --fix.");
  const cwd = request.project.cwd;
  const selection = selectPaths(request.paths ?? [], cwd);
  const context = openProject(request.project);
  requireContentFolder(context);
  if (request.cache !== false) requireCacheFolder(context.root);
  checkAreCards(request.paths ?? [], context, cwd);
  const remarkOptions = async (): Promise<LintOptions> => ({ remarkPlugins: (await loadRemarkConfig(context.root))?.plugins ?? [] });

  let changed: ChangedSummary | undefined;
  let inChangedScope: ((file: string) => boolean) | undefined;
  let project: LintedProjectSummary & { root?: string };
  let result: LintResult;
  let fixes: LintReport["fixes"];
  if (request.changed !== undefined) {
    // Loaded only for the commands that use them: start-up is a large part of a lint run.
    const { loadChangedProject } = await import("../core/lint/changed-scope.ts");
    const scope = loadChangedProject(request.project, request.changed === true ? undefined : request.changed);
    const { changeSet } = scope;
    changed = {
      base: changeSet.base,
      mergeBase: changeSet.mergeBase,
      changedFiles: scope.changedFiles,
      linkingFiles: scope.linkingFiles,
      deletedWithoutAlias: changeSet.changes.filter((c) => c.kind === "deleted" && scope.reportFiles.has(path.resolve(scope.project.root, c.path))).length,
      trustCount: scope.trustCards.length,
      reportCount: scope.reportFiles.size,
    };
    inChangedScope = (file) => scope.reportFiles.has(file);
    project = scope.project;
    const run = await lintWithStyle(scope.project, { ...(await remarkOptions()), trustCards: scope.trustCards, extraFindings: scope.extraFindings }, request, selection);
    result = run.result;
    fixes = run.fixes;
  } else if (request.fix !== true && request.cache !== false) {
    const cacheFile = path.join(context.root, RUN_CACHE_FILE);
    const translationsFile = path.join(context.root, TRANSLATIONS_FILE);
    // Translation drift reads git history, so a new commit is a new run. git answers while the files are hashed.
    const head = readHead(context.root);
    const reads = new Map<string, FileHash>();
    const states = openFileStates(path.join(context.root, FILE_STATES_FILE), context.root);
    const { key, frame } = addToRunKeys(computeRunKey(context, `lint-run/${getCodeVersion()}`, reads, states), `head ${(await head) ?? "no-git"}`);
    states.save();
    const record = readRunRecord(cacheFile, key, frame);
    const edited = record && record.key !== key ? lintEditedCards({ context, record, key, reads, factsFile: path.join(context.root, FACTS_FILE), translationsFile, remarkPlugins: (await remarkOptions()).remarkPlugins ?? [] }) : undefined;
    if (record && record.key === key) {
      project = record.project;
      result = { findings: recordedFindings(record), trust: record.trust };
    } else if (record && edited) {
      project = record.project;
      result = edited.result;
      writeRunRecordEdits(cacheFile, edited.record, edited.cards);
    } else {
      const cards = openCardCache(path.join(context.root, CARD_CACHE_FILE), cardCacheKey(context, getCodeVersion()), reads);
      const style = createStyleChecker(context, { cacheFile: path.join(context.root, LINT_CACHE_FILE), translationsFile });
      const pool = createStylePool(style);
      const remark = await remarkOptions();
      const loaded = loadProject(request.project, { cache: cards.load, onCard: onCardLoaded(context, pool, remark) });
      project = loaded;
      // The card cache is complete once the card rules have run: it is written while the worker is still checking prose.
      const run = await lintWithPool(loaded, { ...remark, cache: cards.rulesFor(loaded), extraFindings: translationDrift(loaded) }, pool, () => cards.save());
      result = run;
      style.save();
      // A card linking to a file outside the content folder reads a file the run key does not cover: no replay.
      if (![...loaded.cards, ...loaded.bodyOnlyCards].some((card) => readsOutsideContent(card, loaded.contentDir))) {
        const pins = deltaPins(loaded.cards, loaded.contentDir, levelOf("snippet-verify-by", loaded.config.rules) !== "off");
        writeStubFacts(path.join(context.root, FACTS_FILE), key, loaded.cards, loaded.index.pages);
        writeRunRecord(cacheFile, {
          key,
          frame,
          project: summarise(loaded),
          trust: run.trust,
          own: new Map([...run.own].filter(([, findings]) => findings.length > 0).map(([card, findings]) => [card.file, storedFindings(findings)])),
          rest: run.rest,
          files: new Map([...reads].map(([file, { hash }]) => [file, pins.has(file) ? `${hash} ${pins.get(file)}` : hash])),
          factsId: key,
        });
      }
    }
  } else if (request.fix !== true) {
    const pool = createStylePool(createStyleChecker(context));
    const loaded = loadProject(request.project, { onCard: pool.add });
    project = loaded;
    result = await lintWithPool(loaded, { ...(await remarkOptions()), extraFindings: translationDrift(loaded) }, pool);
  } else {
    const loaded = loadProject(request.project);
    project = loaded;
    const run = await lintWithStyle(loaded, await remarkOptions(), request, selection);
    result = run.result;
    fixes = run.fixes;
  }

  // Companion drift comes from git history, so it is added after the (cached) card and style checks.
  if (!fixes?.dryRun) {
    const drift = await companionDriftFindings(project as LintedProjectSummary | Project, request.project);
    if (drift.length > 0) result = { ...result, findings: [...result.findings, ...drift].sort(compareFindings) };
  }
  const isGlobal = (file: string) => file === project.configFile || file === project.contentDir;
  const inScope = (file: string) => selection(file) && (inChangedScope?.(file) ?? true);
  let findings = result.findings.filter((f) => inScope(f.file) || isGlobal(f.file));
  if (request.quiet) findings = findings.filter((f) => f.severity === "error");
  const files = [...project.cards.map((c) => c.file), ...project.invalidFiles].filter(inScope).sort();
  const report: LintReport = {
    findings,
    files,
    trust: result.trust,
    minTrustScore: project.config.minTrustScore,
    contentDir: project.contentDir,
    configFile: project.configFile,
    styleWarnings: styleConfigWarnings(context.root),
  };
  if (changed) report.changed = changed;
  if (fixes) report.fixes = fixes;
  const refused = takeCacheWriteRefusals();
  if (refused.length > 0) {
    report.cacheWarning = `the lint cache could not be saved in ${CACHE_FOLDER}/ (${refused[0]!.reason}); every card was checked, and the next run checks them all again.`;
  }
  return report;
}

/**
 * What a cold lint does with each card as it loads: its style check goes to the pool, the card
 * rules take what they need of its tree, and the tree is let go when neither reads it later. A card
 * the card cache answered has no tree yet: it is left as it is (its rules' findings are cached).
 */
function onCardLoaded(context: ProjectContext, pool: StylePool, options: LintOptions): (card: Card, serialized?: SerializedTree) => void {
  const takeTreeFacts = treeFactsTaker(context.config, options.remarkPlugins);
  return (card, serialized) => {
    const handedOff = pool.add(card, serialized);
    if (isTreeAtHand(card) && !takeTreeFacts(card) && handedOff) releaseTree(card);
  };
}

/** Translations whose source changed since they were translated (read from git history). */
function translationDrift(project: Project): Finding[] {
  return driftFindings(findOutdatedTranslations(project.cards, openContentHistory(project.root)));
}

/**
 * The lint a deploy build runs first: the card rules and the style guide (with its per-card cache),
 * the style checks on a second thread while the cards load, as a cold `verity lint` runs them. The
 * loaded project is returned for the build to go on with.
 */
export async function lintForBuild(options: ProjectOptions): Promise<LintResult & { project: Project }> {
  const context = openProject(options);
  requireContentFolder(context);
  requireCacheFolder(context.root);
  const style = createStyleChecker(context, { cacheFile: path.join(context.root, LINT_CACHE_FILE) });
  const pool = createStylePool(style);
  const project = loadProject(options, { onCard: pool.add });
  const { findings, trust } = await lintWithPool(project, {}, pool);
  style.save();
  return { project, findings, trust };
}

/**
 * Lints a loaded project whose style checks the pool has been running since the cards loaded: the
 * card rules run here (then `beforeStyle`, while the worker is still busy), then the style findings
 * of every card the rules reached (as a checker of `lintProject` would have) join them, with the
 * same levels and order.
 */
async function lintWithPool(project: Project, options: LintOptions, pool: StylePool, beforeStyle?: () => void): Promise<LintResult & { own: Map<Card, Finding[]>; rest: Finding[] }> {
  const reached = new Set<Card>();
  const reach = (card: Card) => {
    reached.add(card);
    return [];
  };
  const parts = lintProjectByCard(project, { ...options, checkers: [...(options.checkers ?? []), reach] });
  beforeStyle?.();
  const rest = [...parts.rest];
  for (const [card, outcome] of await pool.finish()) {
    if (!reached.has(card)) continue;
    const style = applyLevels("findings" in outcome ? outcome.findings : [tooDeepFinding(card.file, card.source)], project.config.rules);
    const own = parts.own.get(card);
    appendAll(own ?? rest, style);
  }
  const findings: Finding[] = [];
  for (const own of parts.own.values()) appendAll(findings, own);
  appendAll(findings, rest);
  return { findings: findings.sort(compareFindings), trust: parts.trust, own: parts.own, rest };
}

/** Lints a loaded project with the style guide (and its per-card cache), then applies `--fix`. */
async function lintWithStyle(
  project: Project,
  options: LintOptions,
  request: LintRequest,
  isSelected: (file: string) => boolean,
): Promise<{ result: LintResult; fixes?: LintReport["fixes"] }> {
  const isFixing = request.fix === true;
  const cacheFile = request.cache === false || isFixing ? undefined : path.join(project.root, LINT_CACHE_FILE);
  const run = (p: Project, file: string | undefined, fixing: boolean) => {
    const checker = createStyleChecker(p, { cacheFile: file, isFixing: fixing });
    const drift = driftFindings(findOutdatedTranslations(p.cards, openContentHistory(p.root)));
    const result = lintProject(p, { ...options, extraFindings: [...(options.extraFindings ?? []), ...drift], checkers: [...(options.checkers ?? []), checker.check] });
    checker.save();
    return result;
  };
  const result = run(project, cacheFile, isFixing);
  if (!isFixing) return { result };

  const { planFixes, readSourceFile, writeFixes } = await import("../core/style/fix.ts");
  const sources = new Map(project.cards.map((card) => [card.file, card.source]));
  const plans = planFixes(
    result.findings.filter((f) => isSelected(f.file)),
    (file) => sources.get(file) ?? readSourceFile(file).source,
  );
  const problems = plans.reduce((sum, plan) => sum + plan.applied, 0);
  const dryRun = request.dryRun === true;
  const fixes = { plans, problems, dryRun };
  if (dryRun || plans.length === 0) {
    return { result: { ...result, findings: result.findings.filter((f) => !(f.ruleId === "frontmatter-schema" && f.fix)) }, fixes };
  }
  // A card that cannot be written (read-only, a full disk, edited meanwhile) is left, and named.
  const { written, left, separated } = writeFixes(plans);
  const reloaded = loadProject({ ...request.project, today: project.today });
  const done = { plans: written, problems: written.reduce((sum, plan) => sum + plan.applied, 0), dryRun, left: left.map(({ fix, reason }) => ({ file: fix.file, reason })), separated };
  return { result: run(reloaded, path.join(reloaded.root, LINT_CACHE_FILE), false), fixes: done };
}

/** Files and folders given on the command line, as a test on absolute paths. */
export function selectPaths(paths: readonly string[], cwd: string): (file: string) => boolean {
  if (paths.length === 0) return () => true;
  const targets = paths.map((p) => {
    const full = path.resolve(cwd, p);
    if (!existsSync(full)) throw new UsageError(`${p}: no such file or folder.`, "Check the path; it is relative to the working directory.");
    return { full, isDir: statSync(full).isDirectory() };
  });
  return (file) => targets.some((t) => (t.isDir ? file === t.full || file.startsWith(t.full + path.sep) : file === t.full));
}

/** A file given on the command line that is not a card is a usage error, not a silent pass. */
function checkAreCards(paths: readonly string[], context: ProjectContext, cwd: string): void {
  const contentDir = path.resolve(context.root, context.config.contentDir);
  const contentRel = path.relative(context.root, contentDir).split(path.sep).join("/");
  const { isCard } = createCardPaths(contentRel);
  const notCards: string[] = [];
  for (const p of paths) {
    const full = path.resolve(cwd, p);
    if (!existsSync(full) || statSync(full).isDirectory()) continue;
    const rel = path.relative(context.root, full).split(path.sep).join("/");
    if (rel.startsWith("..") || !isCard(rel)) notCards.push(p);
  }
  if (notCards.length === 0) return;
  throw new UsageError(
    `${notCards.join(", ")}: not ${notCards.length === 1 ? "a card" : "cards"}. Cards are .md or .mdx files in a collection folder under ${context.config.contentDir}/ (${context.config.contentDir}/<collection>/<name>.md).`,
    "To check the prose of another Markdown file, run verity style <file>.",
  );
}
