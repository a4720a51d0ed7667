/**
 * `verity style [paths...]`: the prose rules (the Vale-compatible styles of `.vale.ini` and, inside a
 * Verity project, the built-in prose rules) on any Markdown files. Vale's flags and `line` output;
 * exit 1 when an error-level alert is reported, 2 for a configuration error.
 */
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import type { Command } from "commander";
import { style } from "../../src/app/style.ts";
import { UsageError } from "../../src/core/errors.ts";
import type { Severity } from "../../src/core/lint/findings.ts";
import { RULE_METADATA } from "../../src/core/lint/registry.ts";
import { diffFix } from "../../src/core/style/fix.ts";
import { reportFixesLeft, reportSeparated } from "../output.ts";
import { defaultValeStylesPath } from "../../src/core/style/vale-ini.ts";
import { defaultFormat, getReporter } from "../reporters/index.ts";
import { valeJson } from "../reporters/vale-json.ts";
import { displayPath } from "../reporters/paths.ts";
import type { RunState } from "../run-state.ts";

interface StyleCommandOptions {
  output?: string;
  format?: string;
  minAlertLevel?: string;
  ext?: string;
  path?: string;
  fix?: boolean;
  dryRun?: boolean;
  glob?: string;
  exit?: boolean;
  global?: boolean;
}

const LEVELS: readonly Severity[] = ["suggestion", "warning", "error"];

export function registerStyle(program: Command, state: RunState): void {
  program
    .command("style")
    .description("check the prose of Markdown files against the style guide (Vale-compatible rules)")
    .argument("[paths...]", "files or folders (default: the working folder)")
    .option("--output <format>", "line (Vale's path:line:col:Rule:Message), JSON (Vale's JSON), CLI (human), or any --format")
    .option("--format <format>", "stylish, json, sarif, github or line")
    .option("--minAlertLevel <level>", "report alerts of this level and above: suggestion, warning or error")
    .option("--ext <ext>", "read standard input as a file with this extension, e.g. .md; with paths, lint the files as this format")
    .option("--path <file>", "read standard input as this file: its sections of .vale.ini, its format (unless --ext) and its name in the report")
    .option("--sort", "sort alerts by file, line and column (always on)")
    .option("--relative", "print paths relative to the working folder (always on; a path given absolute stays absolute in line and JSON output, as in Vale)")
    .option("--normalize", "print paths with / separators (always on)")
    .option("--glob <pattern>", "lint only files whose path matches, e.g. '*.{md,mdx}'; a leading ! excludes")
    .option("--no-exit", "exit 0 even when an error-level alert is reported")
    .option("--no-wrap", "accepted for Vale compatibility (output is never wrapped)")
    .option("--no-global", "do not search Vale's default styles folder (VALE_STYLES_PATH, else ~/.local/share/vale/styles); a user-global .vale.ini is never read")
    .option("--fix", "apply the fixes of fixable alerts (substitutions, replace/remove/edit actions, built-in rules)")
    .option("--dry-run", "with --fix: print the changes as a unified diff and write nothing")
    .addHelpText("after", "\nThe global --config <file> names the Vale configuration here, as Vale's --config does (also VALE_CONFIG_PATH);\nwithout it, the nearest .vale.ini upwards.")
    .action(async (paths: string[], options: StyleCommandOptions, command: Command) => {
      const { io } = state;
      const format = pickFormat(options, io.env);
      const reporter = format === "vale-json" ? valeJson : getReporter(format);
      // --ext or --path reads standard input; with paths, --ext names the format of the files and
      // --path is not used (as in Vale).
      const fromStdin = (options.ext !== undefined || options.path !== undefined) && paths.length === 0;
      const phrase = loneText(paths, io.cwd, options);
      if (phrase !== undefined) io.stderr(`warning: ${JSON.stringify(phrase)} is no file or folder, so it is checked as text, as Vale checks a single such argument\n`);
      const stdin = phrase !== undefined ? { ext: options.ext, path: undefined, text: phrase } : fromStdin ? { ext: options.ext, path: options.path, text: (await io.readStdin?.()) ?? "" } : undefined;
      const result = await style({
        cwd: io.cwd,
        paths: phrase !== undefined ? [] : paths,
        minAlertLevel: parseLevel(options.minAlertLevel),
        stdin,
        ext: paths.length > 0 && phrase === undefined ? options.ext : undefined,
        fix: options.fix === true,
        dryRun: options.dryRun === true,
        // Vale's --config: the global flag, which names verity.config.yml for the other commands.
        configFile: (command.optsWithGlobals() as { config?: string }).config ?? (io.env.VALE_CONFIG_PATH || undefined),
        glob: options.glob,
        defaultStylesPath: options.global === false ? undefined : defaultValeStylesPath(io.env, io.env.HOME || homedir()),
        valeDetails: format === "vale-json",
      });
      for (const warning of result.warnings) io.stderr(`warning: ${warning}\n`);
      if (result.fixes) {
        const { plans, problems, dryRun } = result.fixes;
        if (dryRun) for (const plan of plans) io.stdout(diffFix(plan, displayPath(plan.file, io.cwd)));
        io.stderr(`${dryRun ? "would fix" : "fixed"} ${problems} ${problems === 1 ? "problem" : "problems"} in ${plans.length} ${plans.length === 1 ? "file" : "files"}\n`);
        if (dryRun) return;
      }
      reportSeparated(io, result.fixes?.separated);
      const fixesLeft = reportFixesLeft(io, result.fixes?.left);
      io.stdout(reporter({ findings: result.findings, files: result.files, cwd: io.cwd, color: io.color, rules: RULE_METADATA, showPath: pathsAsGiven(paths, io.cwd) }));
      if (fixesLeft) state.exitCode = 2;
      else if (options.exit !== false && result.findings.some((f) => f.severity === "error")) state.exitCode = 1;
    });
}

/**
 * Vale's doLint (cmd/vale/main.go): a single argument that names no file or folder is the text to
 * check (`vale "some text"`), reported as `stdin.txt` (or the `--ext` given). Not with --fix, which
 * edits files.
 */
function loneText(paths: readonly string[], cwd: string, options: StyleCommandOptions): string | undefined {
  if (paths.length !== 1 || paths[0] === "" || options.fix === true) return undefined;
  return existsSync(path.resolve(cwd, paths[0]!)) ? undefined : paths[0];
}

/**
 * Vale names a file by the path it was given or walked (core.File.Path): a file under a path given
 * absolute is reported absolute, any other relative to the working folder.
 */
function pathsAsGiven(paths: readonly string[], cwd: string): ((file: string) => string) | undefined {
  const roots = paths.filter((p) => path.isAbsolute(p)).map((p) => path.resolve(p));
  if (roots.length === 0) return undefined;
  return (file) =>
    roots.some((root) => file === root || file.startsWith(root.endsWith(path.sep) ? root : root + path.sep)) ? file.split(path.sep).join("/") : displayPath(file, cwd);
}

function pickFormat(options: StyleCommandOptions, env: Readonly<Record<string, string | undefined>>): string {
  // Vale's --output=JSON is Vale's own JSON; --format json is the lint JSON (ESLint's shape).
  if (options.output?.toLowerCase() === "json") return "vale-json";
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
