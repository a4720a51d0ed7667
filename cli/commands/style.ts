/**
 * `verity style [paths...]`: the prose rules (the Vale-compatible styles of `.vale.ini` and, inside a
 * Verity project, the built-in prose rules) on any Markdown files. Vale's flags and `line` output;
 * exit 1 when an error-level alert is reported, 2 for a configuration error.
 */
import type { Command } from "commander";
import { findProjectRoot, loadConfig, type RuleLevel } from "../../src/core/config.ts";
import { RULE_METADATA, ruleLevels } from "../../src/core/lint/registry.ts";
import { UsageError } from "../../src/core/errors.ts";
import { compareFindings, type Finding, type Severity } from "../../src/core/findings.ts";
import { findAliasKeys, readSourceFile } from "../../src/core/style/fix.ts";
import { lintProse, type StyleOptions } from "../../src/core/style/style-engine.ts";
import { collectStyleFiles, markdownExtensions, matchPathFor, resolveValeSetup, styleFormatOf } from "../../src/core/style/style-files.ts";
import { applyFixes } from "../apply-fixes.ts";
import { defaultFormat, getReporter } from "../reporters/index.ts";
import type { RunState } from "../run-state.ts";

interface StyleCommandOptions {
  output?: string;
  format?: string;
  minAlertLevel?: string;
  ext?: string;
  fix?: boolean;
  dryRun?: boolean;
}

const LEVELS: readonly Severity[] = ["suggestion", "warning", "error"];

export function registerStyle(program: Command, state: RunState): void {
  program
    .command("style")
    .description("check the prose of Markdown files against the style guide (Vale-compatible rules)")
    .argument("[paths...]", "files or folders (default: the working folder)")
    .option("--output <format>", "line (Vale's path:line:col:Rule:Message), CLI (human), or any --format")
    .option("--format <format>", "stylish, json, sarif, github or line")
    .option("--minAlertLevel <level>", "report alerts of this level and above: suggestion, warning or error")
    .option("--ext <ext>", "read standard input as a file with this extension, e.g. .md")
    .option("--sort", "sort alerts by file, line and column (always on)")
    .option("--relative", "print paths relative to the working folder (always on)")
    .option("--normalize", "print paths with / separators (always on)")
    .option("--no-global", "ignore a user-global Vale config (Verity never reads one)")
    .option("--fix", "apply the fixes of fixable alerts (substitutions, replace/remove actions, built-in rules)")
    .option("--dry-run", "with --fix: print the changes as a unified diff and write nothing")
    .action(async (paths: string[], options: StyleCommandOptions) => {
      const { io } = state;
      const format = pickFormat(options, io.env);
      const reporter = getReporter(format);
      const minAlertLevel = parseLevel(options.minAlertLevel);
      if (options.dryRun && !options.fix) throw new UsageError("--dry-run only works with --fix.");
      const projectRoot = findProjectRoot(io.cwd);
      const vale = resolveValeSetup(io.cwd, projectRoot);
      for (const warning of vale?.styles.warnings ?? []) io.stderr(`warning: ${warning}\n`);
      if (!vale) {
        io.stderr(
          `warning: no Vale configuration (.vale.ini) in ${io.cwd} or above${projectRoot ? "; only the built-in prose rules run" : "; nothing to check"}. ` +
            "Create a .vale.ini with StylesPath and BasedOnStyles.\n",
        );
      }
      const styleOptions: StyleOptions = { vale, minAlertLevel, builtinLevels: projectRoot ? builtinLevels(projectRoot) : undefined };
      if (projectRoot) styleOptions.lang = loadConfig(projectRoot).config.lang;

      const findings: Finding[] = [];
      const files: string[] = [];
      if (options.ext !== undefined) {
        if (paths.length > 0) throw new UsageError("--ext reads standard input; do not pass paths with it.");
        const ext = options.ext.startsWith(".") ? options.ext : `.${options.ext}`;
        const text = ((await io.readStdin?.()) ?? "").replace(/^\uFEFF/, "");
        const file = `${io.cwd}/stdin${ext}`;
        files.push(file);
        findings.push(...lintProse({ file, source: text, format: styleFormatOf(file, vale?.config), matchPath: `stdin${ext}` }, styleOptions));
      } else {
        for (const file of collectStyleFiles(paths, io.cwd, markdownExtensions(vale?.config))) {
          files.push(file);
          const { source } = readSourceFile(file);
          findings.push(...lintProse({ file, source, format: styleFormatOf(file, vale?.config), matchPath: matchPathFor(file, vale?.config) }, styleOptions));
          if (options.fix) findings.push(...findAliasKeys(file, source));
        }
      }
      let report = findings;
      if (options.fix && options.ext === undefined) {
        const changed = applyFixes(findings, io, options.dryRun === true);
        if (!options.dryRun && changed.length > 0) {
          report = findings.filter((f) => !changed.includes(f.file));
          for (const file of changed) {
            const { source } = readSourceFile(file);
            report.push(...lintProse({ file, source, format: styleFormatOf(file, vale?.config), matchPath: matchPathFor(file, vale?.config) }, styleOptions));
          }
        }
        if (options.dryRun) return;
        report = report.filter((f) => f.ruleId !== "frontmatter-schema" || !f.fix);
      }
      report.sort(compareFindings);
      io.stdout(reporter({ findings: report, files, cwd: io.cwd, color: io.color, rules: RULE_METADATA }));
      if (report.some((f) => f.severity === "error")) state.exitCode = 1;
    });
}

function pickFormat(options: StyleCommandOptions, env: Readonly<Record<string, string | undefined>>): string {
  const output = options.output ?? options.format;
  if (output === undefined) return defaultFormat(env);
  const lower = output.toLowerCase();
  if (lower === "cli") return "stylish";
  if (lower === "line" || lower === "json" || lower === "sarif" || lower === "github" || lower === "stylish") return lower;
  throw new UsageError(`Unknown output format "${output}".`, "Use line, CLI, stylish, json, sarif or github.");
}

function parseLevel(value: string | undefined): Severity | undefined {
  if (value === undefined) return undefined;
  const level = value.toLowerCase() as Severity;
  if (!LEVELS.includes(level)) throw new UsageError(`--minAlertLevel ${value} is not a level.`, "Use suggestion, warning or error.");
  return level;
}

function builtinLevels(root: string): Map<string, RuleLevel> {
  return ruleLevels(loadConfig(root).config.rules);
}
