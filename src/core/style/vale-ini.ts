/**
 * Vale's configuration file: found in the working directory or a parent (`.vale`, `_vale`,
 * `vale.ini`, `.vale.ini`, `_vale.ini`, in that order within a folder), read as INI. Keys for other
 * formats (`Transform`, `IgnorePatterns`, …) are accepted and ignored.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { ConfigError } from "../errors.ts";
import type { Severity } from "../lint/findings.ts";
import picomatch from "picomatch";

export const VALE_CONFIG_NAMES = [".vale", "_vale", "vale.ini", ".vale.ini", "_vale.ini"] as const;

export type RuleSetting = boolean | Severity;

export interface ValeSection {
  /** The glob as written, e.g. `*.{md,mdx}`. */
  glob: string;
  matches(relPath: string): boolean;
  basedOnStyles: string[] | undefined;
  /** `Style.Rule = YES|NO|<level>`, in file order. */
  rules: Map<string, RuleSetting>;
  blockIgnores: string[];
  tokenIgnores: string[];
}

export interface ValeConfig {
  /** Absolute path of the file. */
  file: string;
  /** Absolute StylesPath, when set. */
  stylesPath: string | undefined;
  minAlertLevel: Severity;
  vocab: string[];
  /** `[formats]`: extension (no dot) -> the format it is linted as. */
  formats: Map<string, string>;
  sections: ValeSection[];
  /** Tags never linted (SkippedScopes); `blockquote` and `alt` are honoured for Markdown. */
  skippedScopes: string[];
  ignoredScopes: string[];
  ignoredClasses: string[];
  wordTemplate: string | undefined;
}

const LEVELS: readonly Severity[] = ["suggestion", "warning", "error"];

/** The first Vale config in `dir` or above, or undefined. */
export function findValeConfig(dir: string): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    for (const name of VALE_CONFIG_NAMES) {
      const candidate = path.join(current, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

export function loadValeConfig(file: string): ValeConfig {
  const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  return parseValeConfig(text, file);
}

export function parseValeConfig(text: string, file: string): ValeConfig {
  const dir = path.dirname(file);
  const config: ValeConfig = {
    file,
    stylesPath: undefined,
    minAlertLevel: "warning",
    vocab: [],
    formats: new Map(),
    sections: [],
    skippedScopes: [],
    ignoredScopes: [],
    ignoredClasses: [],
    wordTemplate: undefined,
  };
  let section: ValeSection | undefined;
  let inFormats = false;
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) return;
    const where = `${file}:${index + 1}`;
    const header = /^\[(.*)\]$/.exec(line);
    if (header) {
      const glob = header[1]!.trim();
      inFormats = glob === "formats";
      section = undefined;
      if (!inFormats) {
        section = makeSection(glob, where);
        config.sections.push(section);
      }
      return;
    }
    const eq = line.indexOf("=");
    if (eq < 0) throw new ConfigError(`${where}: expected "key = value", got "${line}".`, "Each line of a Vale config is a key = value pair or a [section] header.");
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    if (inFormats) {
      config.formats.set(key.replace(/^\./, ""), value.replace(/^\./, ""));
      return;
    }
    if (!section) {
      readCoreKey(config, key, value, dir, where);
      return;
    }
    readSectionKey(section, key, value, where);
  });
  return config;
}

function readCoreKey(config: ValeConfig, key: string, value: string, dir: string, where: string): void {
  switch (key) {
    case "StylesPath":
      config.stylesPath = path.resolve(dir, value);
      return;
    case "MinAlertLevel":
      config.minAlertLevel = parseLevel(value, where, key);
      return;
    case "Vocab":
      config.vocab = splitList(value);
      return;
    case "SkippedScopes":
      config.skippedScopes = splitList(value);
      return;
    case "IgnoredScopes":
      config.ignoredScopes = splitList(value);
      return;
    case "IgnoredClasses":
      config.ignoredClasses = splitList(value);
      return;
    case "WordTemplate":
      config.wordTemplate = value;
      return;
    default:
      // Packages, NLPEndpoint, …: accepted, not used for Markdown.
      return;
  }
}

function readSectionKey(section: ValeSection, key: string, value: string, where: string): void {
  if (key === "BasedOnStyles") {
    section.basedOnStyles = splitList(value);
    return;
  }
  if (key === "BlockIgnores" || key === "IgnorePatterns") {
    section.blockIgnores.push(...splitList(value));
    return;
  }
  if (key === "TokenIgnores") {
    section.tokenIgnores.push(...splitList(value));
    return;
  }
  if (/^[^.\s]+\.[^\s]+$/.test(key)) {
    section.rules.set(key, parseSetting(value, where, key));
    return;
  }
  // Transform, Lang, IgnorePatterns, CommentDelimiters, …: other formats; ignored.
}

function makeSection(glob: string, where: string): ValeSection {
  let matcher: (p: string) => boolean;
  try {
    const re = globToRegExp(glob);
    const isBasename = !glob.includes("/");
    matcher = (p) => re.test(isBasename ? p.slice(p.lastIndexOf("/") + 1) : p);
  } catch (error) {
    throw new ConfigError(`${where}: the section [${glob}] is not a valid glob: ${(error as Error).message}.`);
  }
  return { glob, matches: matcher, basedOnStyles: undefined, rules: new Map(), blockIgnores: [], tokenIgnores: [] };
}

function parseSetting(value: string, where: string, key: string): RuleSetting {
  const upper = value.toUpperCase();
  if (upper === "YES" || upper === "TRUE" || upper === "ON") return true;
  if (upper === "NO" || upper === "FALSE" || upper === "OFF") return false;
  return parseLevel(value, where, key);
}

function parseLevel(value: string, where: string, key: string): Severity {
  const level = value.toLowerCase() as Severity;
  if (!LEVELS.includes(level)) {
    throw new ConfigError(`${where}: ${key} = ${value} is not valid; use YES, NO, suggestion, warning or error.`);
  }
  return level;
}

/** Splits `a, b , c` into names; a Go regex list keeps its commas inside parentheses. */
function splitList(value: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of value) {
    if (ch === "(" || ch === "[") depth++;
    if (ch === ")" || ch === "]") depth = Math.max(0, depth - 1);
    if (ch === "," && depth === 0) {
      if (current.trim()) items.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim()) items.push(current.trim());
  return items;
}

/** What applies to one file: the styles it is based on and the rule settings, later sections winning. */
export interface FileStyleSettings {
  baseStyles: Set<string>;
  rules: Map<string, RuleSetting>;
  tokenIgnores: string[];
  blockIgnores: string[];
  /** True when at least one section matched. */
  hasSection: boolean;
}

/**
 * Settings for `relPath` (relative to the config folder, `/` separators). With `[formats] mdx = md`,
 * an `.mdx` file also matches sections written for `.md`.
 */
export function settingsForFile(config: ValeConfig, relPath: string): FileStyleSettings {
  const ext = path.extname(relPath).slice(1);
  const mapped = config.formats.get(ext);
  const alias = mapped ? relPath.slice(0, relPath.length - ext.length) + mapped : undefined;
  const settings: FileStyleSettings = { baseStyles: new Set(), rules: new Map(), tokenIgnores: [], blockIgnores: [], hasSection: false };
  for (const section of config.sections) {
    if (!section.matches(relPath) && !(alias && section.matches(alias))) continue;
    settings.hasSection = true;
    if (section.basedOnStyles) settings.baseStyles = new Set(section.basedOnStyles);
    for (const [rule, setting] of section.rules) settings.rules.set(rule, setting);
    settings.tokenIgnores.push(...section.tokenIgnores);
    settings.blockIgnores.push(...section.blockIgnores);
  }
  return settings;
}

/** Indices of the sections that apply to `relPath`, as a key: files with the same key share settings. */
export function matchingSections(config: ValeConfig, relPath: string): string {
  const ext = path.extname(relPath).slice(1);
  const mapped = config.formats.get(ext);
  const alias = mapped ? relPath.slice(0, relPath.length - ext.length) + mapped : undefined;
  const hits: number[] = [];
  config.sections.forEach((section, i) => {
    if (section.matches(relPath) || (alias !== undefined && section.matches(alias))) hits.push(i);
  });
  return hits.join(",");
}

/** Every style and rule name the config mentions, so only those are loaded. */
export function referencedStyles(config: ValeConfig): { styles: Set<string>; rules: Set<string> } {
  const styles = new Set<string>();
  const rules = new Set<string>();
  for (const section of config.sections) {
    for (const style of section.basedOnStyles ?? []) styles.add(style);
    for (const rule of section.rules.keys()) rules.add(rule);
  }
  return { styles, rules };
}

/** Vale section globs: `*`, `**`, `?`, `{a,b}` (also `{md}`), `[abc]`; `*` also matches dotfiles. */
export function globToRegExp(glob: string): RegExp {
  const unclosed = /\[[^\]]*$/.test(glob) ? "[" : (glob.match(/\{/g)?.length ?? 0) > (glob.match(/\}/g)?.length ?? 0) ? "{" : undefined;
  if (unclosed) throw new Error(`unclosed ${unclosed}`);
  // Vale's glob library reads `{md}` as a set of one; picomatch (like a shell) leaves a brace
  // without a comma as text, so a set of one becomes an extglob group first.
  return picomatch.makeRe(glob.replace(/\{([^{},]*)\}/g, "@($1)"), { dot: true });
}
