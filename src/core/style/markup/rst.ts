/**
 * reStructuredText, read as Vale reads it (lint/rst.go): Sphinx's `glossary` and `contents` directives
 * become `code`, code and raw directives become literal blocks (`::`), and docutils' `rst2html` converts
 * the text to HTML, whose body Vale's HTML walker reads. There is no JavaScript reStructuredText
 * reader that gives docutils' HTML, so, as Vale does, Verity runs the `rst2html` found on the PATH:
 * with file insertion off (no `include`, no `:file:` or `:url:` option is read) and no docutils
 * configuration file read (`DOCUTILSCONFIG` empty: a `docutils.conf` in the linted folder cannot turn
 * file insertion back on), under a time limit and an output cap.
 */
import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";
import type { SpawnSyncOptionsWithStringEncoding } from "node:child_process";
import type { TextEdit } from "../../lint/findings.ts";
import type { ProseBlock } from "../prose.ts";
import type { MarkupPage } from "./markup-prose.ts";

/** The extensions Vale reads as reStructuredText (core/format.go). */
export const RST_EXTENSIONS: ReadonlySet<string> = new Set(["rst", "rest"]);

/** The commands Vale looks for, in its order (system.Which). */
const COMMANDS = ["rst2html", "rst2html.py", "rst2html-3", "rst2html-3.py"];
/** Vale's rstArgs. */
const ARGS = ["--quiet", "--halt=5", "--report=5", "--link-stylesheet", "--no-file-insertion", "--no-toc-backlinks", "--no-footnote-backlinks", "--no-section-numbering"];
const SPHINX = /.. (?:glossary|contents)::/g;
const CODE_BLOCK = /\.\. (?:raw|code(?:-block)?):: *(?:[\w-]+)?(?:\s+:\w+:.*)*/g;
/** Milliseconds docutils may spend on a file: this, plus {@link MS_PER_MB} a megabyte of it. */
const WINDOWS = process.platform === "win32";
const CONVERT_MS = 30_000;
const MS_PER_MB = 10_000;
/** The HTML may be this many times the file's size (plus a megabyte). */
const HTML_GROWTH = 32;

/** Why a file could not be converted: the message says what to do. */
export class RstError extends Error {}

/**
 * The first of Vale's `rst2html` commands on the PATH, or undefined. As Go's exec.LookPath (which
 * refuses a relative result, exec.ErrDot), an empty or relative PATH entry (`.`, `bin`) is not
 * searched: it names a folder of the repository being linted, whose own rst2html would run.
 */
export function findRst2html(searchPath = process.env.PATH ?? ""): string | undefined {
  const exts = process.platform === "win32" ? ["", ".exe", ".cmd", ".bat"] : [""];
  for (const command of COMMANDS) {
    for (const dir of searchPath.split(path.delimiter)) {
      if (!path.isAbsolute(dir)) continue;
      for (const ext of exts) {
        const candidate = path.join(dir, command + ext);
        try {
          accessSync(candidate, constants.X_OK);
          if (statSync(candidate).isDirectory()) continue;
          return candidate;
        } catch {
          // Not here.
        }
      }
    }
  }
  return undefined;
}

/** The text docutils is given: Vale's rewrites of Sphinx and code directives. */
export function preparedRst(source: string): string {
  return source.replace(SPHINX, ".. code::").replace(CODE_BLOCK, "::");
}

/** The `<body>` of docutils' HTML, as Vale's callRst cuts it. */
export function rstBody(output: string): string {
  const html = output.replaceAll("\r", "");
  let start = html.indexOf("<body>\n");
  if (start < 0) start = -7;
  let end = html.indexOf("\n</body>");
  if (end < 0) end = Math.max(html.length - 1, 0);
  return html.slice(start + 7, Math.max(start + 7, end));
}

/** Converts a reStructuredText file's text to the HTML Vale lints (`command`: the rst2html to run, null when there is none); throws RstError when it cannot. */
export function convertRst(source: string, command: string | null = findRst2html() ?? null, ms = CONVERT_MS + Math.ceil((source.length / 1e6) * MS_PER_MB)): MarkupPage {
  if (command === null) {
    throw new RstError("reStructuredText is converted by docutils' rst2html, as Vale does, and no rst2html is on the PATH. Install docutils (Debian and Ubuntu: apt-get install python3-docutils; elsewhere: pip install docutils)");
  }
  // Loaded here: a run that reads no reStructuredText need not load Node's process modules.
  const { spawnSync } = process.getBuiltinModule("node:child_process");
  const options: SpawnSyncOptionsWithStringEncoding & { detached: boolean } = {
    input: preparedRst(source),
    encoding: "utf8",
    timeout: ms,
    maxBuffer: HTML_GROWTH * source.length + 1_000_000,
    env: { ...process.env, DOCUTILSCONFIG: "" },
    windowsHide: true,
    // Its own process group, so that what it started (a wrapper script's python) ends with it.
    // spawnSync takes `detached` as spawn does (normalizeSpawnArguments), though its types omit it.
    detached: !WINDOWS,
  };
  const run = spawnSync(command, ARGS, options);
  endGroup(run.pid);
  // EPIPE: rst2html exited before reading all the text (docutils failing on import); its exit code says why.
  const code = (run.error as NodeJS.ErrnoException | undefined)?.code;
  if (run.error && !(code === "EPIPE" && run.status !== null)) {
    if (code === "ETIMEDOUT") throw new RstError(`rst2html took more than ${Math.round(ms / 1000)} s`);
    if (code === "ENOBUFS") throw new RstError("rst2html's HTML grew past the limit for a file of this size");
    throw new RstError(`${command} could not be run (${run.error.message})`);
  }
  if (run.status !== 0) {
    const said = complaintOf(run.stderr);
    throw new RstError(`${path.basename(command)} stopped with exit code ${run.status ?? run.signal}${said ? `: ${said}` : ""}`);
  }
  return { html: rstBody(run.stdout), format: "rst", verbatim: [] };
}

/**
 * Ends whatever is left of rst2html's process group: after a timeout only the command itself was
 * killed, and a wrapper's converter would go on running, orphaned, for as long as it likes.
 */
function endGroup(pid: number | undefined): void {
  if (WINDOWS || !pid) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // ESRCH: nothing of the group is left, the usual case.
  }
}

/**
 * What rst2html said went wrong: docutils ends a failure with "Exiting due to error." and lines asking
 * for a bug report, so the line before that names the error (RecursionError on deep nesting); else
 * the last line. The full stop is dropped: the message goes on after it.
 */
function complaintOf(stderr: string): string {
  const lines = stderr.trim().split("\n").map((line) => line.trim());
  const exiting = lines.findIndex((line) => line.startsWith("Exiting due to error"));
  return (exiting > 0 ? lines[exiting - 1]! : (lines.at(-1) ?? "")).replace(/\.$/, "");
}

/**
 * Whether `--fix` edits would break a reStructuredText table: grid and simple tables are drawn with
 * columns that line up, so a cell whose text grows or shrinks leaves a "Malformed table" docutils
 * no longer reads as a table. Such a fix is reported, not applied (the finding stays).
 */
export function breaksRstTable(edits: readonly TextEdit[], block: ProseBlock, page: MarkupPage | undefined): boolean {
  if (page?.format !== "rst" || !(block.scope.includes("table") || block.parent?.includes("table"))) return false;
  return edits.some((edit) => edit.text.length !== edit.end - edit.start);
}
