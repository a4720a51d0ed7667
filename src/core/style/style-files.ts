/**
 * What `verity style` lints: the Vale config that applies (nearest upwards from the working folder,
 * else the project's root `.vale.ini`) and the files named on the command line (folders are walked
 * for the formats {@link styleExtensions} gives, skipping `node_modules` and `.git`).
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../errors.ts";
import type { Finding } from "../lint/findings.ts";
import { formatOf, type MarkdownFormat } from "../cards/markdown.ts";
import { loadStyleSet } from "./rule-loader.ts";
import type { ValeSetup } from "./style-engine.ts";
import { findValeConfig, loadValeConfig, matchingSections, VALE_CONFIG_NAMES, type ValeConfig } from "./vale-ini.ts";
import { valeGlobMatcher } from "./vale-glob.ts";
import { ASCIIDOC_EXTENSIONS } from "./markup/asciidoc.ts";
import { HTML_EXTENSIONS } from "./markup/markup-prose.ts";
import { TEXT_EXTENSIONS } from "./markup/plain-text.ts";
import { RST_EXTENSIONS } from "./markup/rst.ts";

const SKIPPED_DIRS = new Set(["node_modules", ".git"]);

/** Finds and loads the Vale config for `cwd`; `projectRoot` is the fallback folder. */
export function resolveValeSetup(cwd: string, projectRoot?: string, configFile?: string, defaultStylesPath?: string): ValeSetup | undefined {
  const config = resolveValeConfig(cwd, projectRoot, configFile, defaultStylesPath);
  return config ? setupFromConfig(config) : undefined;
}

/**
 * Finds and reads the Vale config for `cwd` (as `resolveValeSetup`), without loading its styles.
 * `configFile` (Vale's `--config` or `VALE_CONFIG_PATH`, relative to `cwd`) replaces the search;
 * `defaultStylesPath` (see `defaultValeStylesPath`) is searched for styles before StylesPath.
 */
export function resolveValeConfig(cwd: string, projectRoot?: string, configFile?: string, defaultStylesPath?: string): ValeConfig | undefined {
  const options = { defaultStylesPath };
  if (configFile !== undefined) {
    const file = path.resolve(cwd, configFile);
    if (!existsSync(file) || !statSync(file).isFile()) {
      throw new UsageError(`${configFile}: no such Vale configuration file.`, "Check the path given with --config (or VALE_CONFIG_PATH); it is relative to the working directory.");
    }
    return loadValeConfig(file, options);
  }
  let file = findValeConfig(cwd);
  if (!file && projectRoot) file = VALE_CONFIG_NAMES.map((n) => path.join(projectRoot, n)).find((f) => existsSync(f));
  return file ? loadValeConfig(file, options) : undefined;
}

export function setupFromConfig(config: ValeConfig): ValeSetup {
  return { config, styles: loadStyleSet(config) };
}

/** The extensions Vale reads as Markdown (FormatByExtension: `md`, `mdown`, `markdown`, `markdn`), and MDX. */
const MARKDOWN_EXTENSIONS: ReadonlySet<string> = new Set(["md", "mdx", "markdown", "mdown", "markdn"]);

/** How `verity style` reads a file: as Markdown (undefined), through HTML, as plain text, whole (`lines`), or not at all (`code`). */
export type FileReader = "asciidoc" | "html" | "rst" | "txt" | "lines" | "code" | "unread" | undefined;

/**
 * The extensions of source code Vale reads through its comments (core/format.go, lint/code): Verity
 * does not read code, and does not read such a file whole either, which would lint its code as prose.
 */
const CODE_EXTENSIONS: ReadonlySet<string> = new Set([
  "py", "py3", "pyw", "rpy", "cpy", "clj", "cljs", "cljc", "cljd", "cpp", "cc", "c", "cp", "cxx", "c++", "h", "hpp", "h++", "css",
  "cs", "csx", "go", "hs", "java", "bsh", "jl", "js", "jsx", "lua", "php", "pl", "pm", "pod", "proto", "ps1", "psm1", "psd1",
  "rb", "gemfile", "rakefile", "brewfile", "gemspec", "rs", "r", "sass", "less", "scala", "sbt", "swift", "ts", "tsx", "yaml", "yml",
]);

/**
 * Markup Vale reads through converters Verity does not run (Org through go-org, XML through an XSLT
 * transform, DITA through DITA-OT): read whole, its markup would be read as words, so it is not read.
 */
const UNREAD_MARKUP: ReadonlySet<string> = new Set(["org", "xml", "dita"]);

/**
 * The extensions a folder walk reads: Markdown, AsciiDoc (`adoc`, `asciidoc`, `asc`), HTML (`html`, `htm`,
 * `shtml`, `xhtml`), reStructuredText (`rst`, `rest`) and plain text (`txt`), plus any extension the
 * config's `[formats]` maps to one of them. A file of another format is read only when named.
 */
export function styleExtensions(config: ValeConfig | undefined): Set<string> {
  const read = (ext: string) => MARKDOWN_EXTENSIONS.has(ext) || ASCIIDOC_EXTENSIONS.has(ext) || HTML_EXTENSIONS.has(ext) || RST_EXTENSIONS.has(ext) || TEXT_EXTENSIONS.has(ext);
  const exts = new Set([...MARKDOWN_EXTENSIONS, ...ASCIIDOC_EXTENSIONS, ...HTML_EXTENSIONS, ...RST_EXTENSIONS, ...TEXT_EXTENSIONS]);
  for (const [ext, format] of config?.formats ?? []) if (read(format) && !CODE_EXTENSIONS.has(ext)) exts.add(ext);
  return exts;
}

/** Markup Vale can read in the comments of source code (core/format.go: a "markup" format). */
const isMarkupFormat = (format: string) => MARKDOWN_EXTENSIONS.has(format) || ASCIIDOC_EXTENSIONS.has(format) || HTML_EXTENSIONS.has(format) || RST_EXTENSIONS.has(format) || UNREAD_MARKUP.has(format);

/**
 * How Vale reads the file (or `ext`, Vale's `--ext`), by its extension or the one `[formats]` gives it
 * (core/format.go FormatFromExt): Markdown is undefined; a format Vale does not know is read whole.
 */
export function markupFormatOf(file: string, config: ValeConfig | undefined, ext?: string): FileReader {
  const own = (ext === undefined ? path.extname(file) : ext.startsWith(".") ? ext : `.${ext}`).slice(1).toLowerCase();
  const format = config?.formats.get(own) ?? own;
  // Source code that `[formats]` maps to markup (`cpp = md`) is a "fragment" to Vale's FormatFromExt:
  // only its comments are read, as that markup (lint/fragment.go), never the code.
  if (CODE_EXTENSIONS.has(own) && isMarkupFormat(format)) return "code";
  if (MARKDOWN_EXTENSIONS.has(format)) return undefined;
  if (ASCIIDOC_EXTENSIONS.has(format)) return "asciidoc";
  if (HTML_EXTENSIONS.has(format)) return "html";
  if (RST_EXTENSIONS.has(format)) return "rst";
  if (TEXT_EXTENSIONS.has(format)) return "txt";
  if (UNREAD_MARKUP.has(format)) return "unread";
  return CODE_EXTENSIONS.has(own) || CODE_EXTENSIONS.has(format) ? "code" : "lines";
}

/**
 * Vale's `--glob`: a file is linted when its path as walked (relative to the working folder, `/`
 * separators), or that path with the extension `[formats]` gives it, matches; `!` negates.
 */
export function globFilter(glob: string, cwd: string, config: ValeConfig | undefined): (file: string) => boolean {
  let matches: (p: string) => boolean;
  try {
    matches = valeGlobMatcher(glob);
  } catch (error) {
    throw new UsageError(`--glob ${glob} is not a valid glob: ${(error as Error).message}.`, "Use a glob such as '*.md', '*.{md,mdx}' or 'docs/**/*.md'; a leading ! excludes.");
  }
  return (file) => {
    const walked = path.relative(cwd, file).split(path.sep).join("/");
    const ext = path.extname(walked).slice(1);
    const assigned = config?.formats.get(ext);
    const ref = assigned ? `${walked.slice(0, walked.length - ext.length)}${assigned}` : walked;
    return matches(walked) || matches(ref);
  };
}

/**
 * Whether a folder walk reads `file`, of a format Vale does not know (read whole, as lintLines reads
 * it), because a section of the config names its extension (`[*.{md,rst,inc}]`, `[*.inc]`) and matches
 * it: Vale's walk lints every file a section pattern matches (lint/lint.go Linter.skip). A section
 * that names no extension (`[*]`, `[docs/**]`) would take in images and archives; those files are read
 * only when named, as before.
 */
export function sectionNamesFile(file: string, config: ValeConfig | undefined): boolean {
  return config !== undefined && markupFormatOf(file, config) === "lines" && sectionNamesExtension(file, config);
}

/**
 * Whether a folder walk meets `file`, source code or Org, XML or DITA, where a section of the config
 * names its extension and matches it (Agora's `[*.{md,dita}]`): Vale's walk lints it (lint/lint.go
 * lintDITA, or stops with "dita not found"), so it is named as not checked rather than left out in silence.
 */
export function sectionNamesUnread(file: string, config: ValeConfig | undefined): boolean {
  return config !== undefined && !isReadable(markupFormatOf(file, config)) && (sectionNamesExtension(file, config) || isMatchedFragment(file, config));
}

/** Source code `[formats]` maps to markup, which a section matches by its path or its mapped one (`[*.md]` for `cpp = md`): Vale's walk lints its comments (Linter.skip, NewFile). */
function isMatchedFragment(file: string, config: ValeConfig): boolean {
  return config.formats.has(path.extname(file).slice(1)) && matchingSections(config, matchPathFor(file, config)) !== "";
}

function sectionNamesExtension(file: string, config: ValeConfig): boolean {
  const ext = path.extname(file).slice(1);
  if (ext === "") return false;
  const escaped = ext.replace(/[^\w-]/g, (c) => `\\${c}`);
  const named = new RegExp(`[.,{]${escaped}(?=[,}]|$)`, "i");
  const rel = matchPathFor(file, config);
  return config.sections.some((section) => named.test(section.glob) && section.matches(rel));
}

/** Whether `verity style` reads a file its `reader` is for: not source code, nor markup it has no converter for. */
export function isReadable(reader: FileReader): boolean {
  return reader !== "code" && reader !== "unread";
}

/** What `verity style` says of a file named on the command line that it does not check (`code` or `unread`, see markupFormatOf). */
export function notCheckedNotice(reader: FileReader): string {
  const what = reader === "code" ? "this is source code, whose comments Vale reads with a parser for each language" : "Vale reads Org, XML and DITA through converters (go-org, an XSLT transform, DITA-OT) that Verity does not run";
  return `not checked: ${what}. Verity reads Markdown, MDX, AsciiDoc, HTML, reStructuredText, plain text and files of other text formats`;
}

/**
 * Files to lint for `paths` (default `.`), sorted. A named file `options.readsNamed` refuses (source
 * code) is left out, and its path as given added to `options.skipped`; without `readsNamed`, a named
 * file is read when a walk would read it. A walked file `options.walkedSkips` picks (one Vale would
 * lint and Verity does not read) is added to `options.skipped` as relative to `cwd`. A named path that
 * is no file nor folder (a pipe, a device) is added to `options.notFiles`.
 */
export function collectStyleFiles(paths: readonly string[], cwd: string, extensions: ReadonlySet<string>, options: { readsNamed?: (file: string) => boolean; walksAlso?: (file: string) => boolean; walkedSkips?: (file: string) => boolean; skipped?: string[]; notFiles?: string[] } = {}): string[] {
  const files = new Set<string>();
  const isMarkdown = (file: string) => extensions.has(path.extname(file).slice(1).toLowerCase()) || (options.walksAlso?.(file) ?? false);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(full);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && isMarkdown(full)) {
        try {
          if (statSync(full).isFile()) files.add(full);
        } catch {
          // A dangling link: nothing to lint.
        }
      } else if (entry.isFile() && options.walkedSkips?.(full)) options.skipped?.push(path.relative(cwd, full));
    }
  };
  for (const p of paths.length > 0 ? paths : ["."]) {
    const full = path.resolve(cwd, p);
    if (!existsSync(full)) throw new UsageError(`${p}: no such file or folder.`, "Check the path; it is relative to the working directory.");
    const stat = statSync(full);
    if (stat.isDirectory()) {
      if (!SKIPPED_DIRS.has(path.basename(full))) walk(full);
    } else if (!stat.isFile()) {
      // A pipe or a device (/dev/zero, /dev/stdin) has no end to read to.
      options.notFiles?.push(p);
    } else if (options.readsNamed ? options.readsNamed(full) : isMarkdown(full)) files.add(full);
    else options.skipped?.push(p);
  }
  return [...files].sort();
}

/**
 * The largest file `verity style` reads: a bigger one (a log, a dump, a generated page) is reported,
 * not read. A file's tree and blocks take memory by its markup, not its size: 4 MB of table cells or
 * emphasis take about 2.7 GB to check, and 16 MB of one-word paragraphs ran out of Node's heap.
 */
export const MAX_STYLE_FILE_BYTES = 4 * 1024 * 1024;

/** The finding for a file (or standard input) of `size` bytes too big to read, or undefined. */
export function oversizeFinding(file: string, size = statSync(file).size): Finding | undefined {
  if (size <= MAX_STYLE_FILE_BYTES) return undefined;
  const mb = (bytes: number) => `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
  return { ruleId: "file-too-large", severity: "error", message: `The file is ${mb(size)}, more than the ${mb(MAX_STYLE_FILE_BYTES)} verity style reads, so its prose was not checked. Leave it out with --glob, or split it.`, file, line: 1, column: 1 };
}

/** The path matched against the config's `[glob]` sections: relative to the config's folder. */
export function matchPathFor(file: string, config: ValeConfig | undefined): string {
  if (!config) return path.basename(file);
  const rel = path.relative(path.dirname(config.file), file);
  return (rel.startsWith("..") ? path.basename(file) : rel).split(path.sep).join("/");
}

/**
 * `md` or `mdx`; `[formats] mdx = md` makes an `.mdx` file plain Markdown, as in Vale. `ext` (Vale's
 * `--ext`) replaces the file's own extension, as Vale's NewFile does for a file it reads.
 */
export function styleFormatOf(file: string, config: ValeConfig | undefined, ext?: string): MarkdownFormat {
  const named = ext === undefined ? file : `file${ext.startsWith(".") ? ext : `.${ext}`}`;
  if (config?.formats.get(path.extname(named).slice(1).toLowerCase()) === "md") return "md";
  return formatOf(named);
}
