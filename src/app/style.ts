/**
 * `style`: the prose rules (the Vale-compatible styles of `.vale.ini` and, inside a Verity project,
 * the built-in prose rules) on any Markdown files, as data: findings, the files checked, the fixes
 * applied or planned, and warnings for the user.
 */
import path from "node:path";
import { findProjectRoot, loadConfig } from "../core/project/config.ts";
import { UsageError } from "../core/errors.ts";
import { compareFindings, type Finding, type Severity } from "../core/lint/findings.ts";
import { ruleLevels } from "../core/lint/registry.ts";
import { findAliasKeys, notFixableFinding, planFixes, readFixableSource, readSourceFile, writeFixes, type FixSummary } from "../core/style/fix.ts";
import { lintProse, type StyleOptions } from "../core/style/style-engine.ts";
import { collectStyleFiles, globFilter, isReadable, markupFormatOf, matchPathFor, notCheckedNotice, oversizeFinding, resolveValeSetup, sectionNamesFile, sectionNamesUnread, styleExtensions, styleFormatOf } from "../core/style/style-files.ts";
import { MarkupError, markupPageOf } from "../core/style/markup/markup-page.ts";
import type { MarkupPage } from "../core/style/markup/markup-prose.ts";
import { settingsForFile, type ValeConfig } from "../core/style/vale-ini.ts";
import { appendAll } from "../core/arrays.ts";

export interface StyleRequest {
  cwd: string;
  paths: readonly string[];
  minAlertLevel?: Severity | undefined;
  /**
   * Standard input (`--ext`, `--path`): linted as a file with this extension, or as the file at
   * `path` (relative to `cwd`: its sections, its format unless `ext` is given, and its name in the
   * report), as Vale's NewFile does; else as `stdin<ext>`.
   */
  stdin?: { ext?: string | undefined; path?: string | undefined; text: string } | undefined;
  /**
   * `--ext` with paths: lint every named file (whatever its own extension) and every Markdown file
   * found in a named folder in this format, as Vale's NewFile does; sections still match the path.
   */
  ext?: string | undefined;
  fix?: boolean;
  dryRun?: boolean;
  /** Vale's `--config` (or `VALE_CONFIG_PATH`): this configuration file instead of the nearest one. */
  configFile?: string | undefined;
  /**
   * Vale's default styles folder (`VALE_STYLES_PATH`, else the user's `vale/styles`), searched
   * before StylesPath as Vale does; undefined with `--no-global`.
   */
  defaultStylesPath?: string | undefined;
  /** Vale's `--glob`: only files whose path matches (`!` negates). */
  glob?: string | undefined;
  /** Keep each Vale alert's match, description and action (for Vale's JSON output). */
  valeDetails?: boolean | undefined;
}

export interface StyleResult {
  findings: Finding[];
  files: string[];
  /** Things the user should know (a rule type that is skipped, no Vale configuration). */
  warnings: string[];
  fixes?: FixSummary;
}

export async function style(request: StyleRequest): Promise<StyleResult> {
  if (request.dryRun && !request.fix) throw new UsageError("--dry-run only works with --fix.");
  const { cwd } = request;
  // Only a folder with verity.config.yml adds the built-in prose rules to a Vale configuration's.
  const projectRoot = findProjectRoot(cwd, { configOnly: true });
  const vale = resolveValeSetup(cwd, projectRoot, request.configFile, request.defaultStylesPath);
  const warnings = [...(vale?.styles.warnings ?? [])];
  if (!vale) {
    warnings.push(
      `no Vale configuration (.vale.ini) in ${cwd} or above${projectRoot ? "; only the built-in prose rules run" : "; nothing to check"}. ` +
        "Create a .vale.ini with StylesPath and BasedOnStyles.",
    );
  }
  const config = projectRoot ? loadConfig(projectRoot).config : undefined;
  // Front matter is prose to Vale 3.11 and later; in a Verity project it is the cards' contract, which
  // the schema checks (an owner handle is no word to spell), as in `verity lint`.
  const options: StyleOptions = { vale, minAlertLevel: request.minAlertLevel, builtinLevels: config ? ruleLevels(config.rules) : undefined, valeDetails: request.valeDetails, frontMatter: !projectRoot };
  if (config) options.lang = config.lang;
  const lintFile = async (file: string, source: string, matchPath = matchPathFor(file, vale?.config), ext = request.ext, fromStdin = false): Promise<Finding[]> => {
    // As Vale's lintFile ("nothing to do; bail early"): a file no section gives a style or a rule
    // setting is not read at all, so it cannot fail to parse either.
    if (vale && !options.builtinLevels && hasNothingToRun(vale.config, matchPath)) return [];
    // Other formats are read as Vale reads them: AsciiDoc and reStructuredText through the HTML their
    // converters make, HTML as it is, plain text without markup.
    let markup: MarkupPage | undefined;
    try {
      markup = await markupPageOf(markupFormatOf(file, vale?.config, ext), file, source, vale?.config, vale ? settingsForFile(vale.config, matchPath).commentDelimiters : []);
    } catch (error) {
      if (!(error instanceof MarkupError)) throw error;
      return [{ ruleId: error.ruleId, severity: "error", message: error.message, file, line: 1, column: 1 }];
    }
    return lintProse({ file, source, format: styleFormatOf(file, vale?.config, ext), matchPath, ...(fromStdin ? { fromStdin } : {}), markup }, options);
  };

  const findings: Finding[] = [];
  const files: string[] = [];
  if (request.stdin) {
    if (request.paths.length > 0) throw new UsageError("--ext reads standard input; do not pass paths with it.");
    const { ext, path: named } = request.stdin;
    const text = request.stdin.text.replace(/^\uFEFF/, "");
    const dotted = ext === undefined ? ".txt" : ext.startsWith(".") ? ext : `.${ext}`;
    const file = named !== undefined ? path.resolve(cwd, named) : `${cwd}/stdin${dotted}`;
    files.push(file);
    const tooLarge = oversizeFinding(file, Buffer.byteLength(text));
    if (tooLarge) findings.push(tooLarge);
    else if (named !== undefined) appendAll(findings, await lintFile(file, text, matchPathFor(file, vale?.config), ext, true));
    else appendAll(findings, await lintFile(file, text, `stdin${dotted}`, undefined, true));
    return { findings: findings.sort(compareFindings), files, warnings };
  }
  const selected = request.glob === undefined ? () => true : globFilter(request.glob, cwd, vale?.config);
  const skipped: string[] = [];
  const notFiles: string[] = [];
  const named = collectStyleFiles(request.paths, cwd, styleExtensions(vale?.config), { readsNamed: (file) => request.ext !== undefined || isReadable(markupFormatOf(file, vale?.config)), walksAlso: (file) => sectionNamesFile(file, vale?.config), walkedSkips: (file) => request.ext === undefined && selected(file) && sectionNamesUnread(file, vale?.config), skipped, notFiles });
  // A file named on the command line, or walked where a section names it, and not checked is worth a word (not an error: the exit code stays).
  for (const file of skipped) warnings.push(`${file}: ${notCheckedNotice(markupFormatOf(file, vale?.config))}`);
  for (const file of notFiles) warnings.push(`${file}: not checked: it is no file (a pipe or a device), whose text has no end to read to`);
  for (const file of named) {
    if (!selected(file)) continue;
    files.push(file);
    const tooLarge = oversizeFinding(file);
    if (tooLarge) {
      findings.push(tooLarge);
      continue;
    }
    const { source } = readSourceFile(file);
    appendAll(findings, await lintFile(file, source));
    if (request.fix) appendAll(findings, findAliasKeys(file, source));
  }
  if (!request.fix) return { findings: findings.sort(compareFindings), files, warnings };

  const notUtf8: string[] = [];
  const plans = planFixes(findings, readFixableSource, notUtf8);
  appendAll(findings, notUtf8.map(notFixableFinding));
  const dryRun = request.dryRun === true;
  let fixes: FixSummary = { plans, problems: plans.reduce((sum, plan) => sum + plan.applied, 0), dryRun };
  let report = findings;
  if (!dryRun && plans.length > 0) {
    // A file that cannot be written (read-only, a full disk, edited meanwhile) is left, and named.
    const { written, left, separated } = writeFixes(plans);
    fixes = { plans: written, problems: written.reduce((sum, plan) => sum + plan.applied, 0), dryRun, left: left.map(({ fix, reason }) => ({ file: fix.file, reason })), separated };
    const changed = new Set(written.map((p) => p.file));
    report = findings.filter((f) => !changed.has(f.file));
    for (const file of changed) appendAll(report, await lintFile(file, readSourceFile(file).source));
  }
  report = report.filter((f) => f.ruleId !== "frontmatter-schema" || !f.fix);
  return { findings: report.sort(compareFindings), files, warnings, fixes };
}

function hasNothingToRun(config: ValeConfig, matchPath: string): boolean {
  const settings = settingsForFile(config, matchPath);
  return settings.baseStyles.size === 0 && settings.rules.size === 0;
}
