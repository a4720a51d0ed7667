/**
 * Vale's configuration file: found in the working directory or a parent (`.vale`, `_vale`,
 * `vale.ini`, `.vale.ini`, `_vale.ini`, in that order within a folder), read as INI. Keys for other
 * formats (`Transform`, `IgnorePatterns`, …) are accepted and ignored.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { ConfigError } from "../errors.ts";
import { DEFAULT_SECTION, readIni, type IniDocument, type IniValue } from "./go-ini.ts";
import type { Severity } from "../lint/findings.ts";
import { valeGlobMatcher } from "./vale-glob.ts";
import { readStyleText } from "./follow-links.ts";
import { checkParam, PARAM_KEY } from "./rule-tree.ts";

export const VALE_CONFIG_NAMES = [".vale", "_vale", "vale.ini", ".vale.ini", "_vale.ini"] as const;

export type RuleSetting = boolean | Severity;

export interface ValeSection {
  /** The glob as written, e.g. `*.{md,mdx}`. */
  glob: string;
  matches(relPath: string): boolean;
  /** True when the glob matches a bare extension such as ".md" (how Vale picks a section's ignore patterns). */
  matchesExtension(ext: string): boolean;
  basedOnStyles: string[] | undefined;
  /** `Style.Rule = YES|NO|<level>`, in file order. */
  rules: Map<string, RuleSetting>;
  blockIgnores: string[];
  tokenIgnores: string[];
  /** `CommentDelimiters = {/*, *\/}`: the start and end of a comment, written as `<!--` and `-->` before parsing. */
  commentDelimiters?: readonly [start: string, end: string];
  /** `Style.Rule[key] = value` (Vale 3.20's bracket parameters), in file order: rule, key, value. */
  params?: [rule: string, key: string, value: string][];
}

export interface ValeConfig {
  /** Absolute path of the file. */
  file: string;
  /**
   * Vale's StylesPath(): the last folder of `searchPaths`, where spelling dictionaries, ignore
   * files and the `.vale-config` pipeline are read. Undefined when no folder is searched.
   */
  stylesPath: string | undefined;
  /**
   * Every folder searched for styles, rules and vocabularies, in Vale's order (its config.Paths):
   * the default styles folder when one is given (`VALE_STYLES_PATH`, see `defaultValeStylesPath`),
   * then each `StylesPath` line. Absolute.
   */
  searchPaths: string[];
  minAlertLevel: Severity;
  vocab: string[];
  /** `[formats]`: extension (no dot) -> the format it is linted as. */
  formats: Map<string, string>;
  asciidoctor: Map<string, string>; // `[asciidoctor]`: Asciidoctor's attributes for AsciiDoc files (`name = YES`, `NO`, a value)
  sections: ValeSection[];
  /** Tags never linted (SkippedScopes); `blockquote` and `alt` are honoured for Markdown. */
  skippedScopes: string[];
  ignoredScopes: string[];
  ignoredClasses: string[];
  wordTemplate: string | undefined;
  /** `Packages`: the style names they unpack to (a URL's file name without `.zip`). Verity does not download them. */
  packages: string[];
  /** Settings read in a way the author may not expect (printed on stderr with the rule warnings). */
  warnings: string[];
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

/** Where `vale sync` puts the configs of packages (`<n>-<Package>.ini`), under StylesPath. */
export const PIPELINE_DIR = ".vale-config";

/**
 * The config in `file`. As in Vale (internal/core/source.go ReadPipeline, config.go pipeConfig),
 * the files in `StylesPath/.vale-config` (left there by `vale sync` for packages that have a
 * `.vale.ini`), in name order, are read before it into one INI document.
 */
export function loadValeConfig(file: string, options: { defaultStylesPath?: string | undefined } = {}): ValeConfig {
  const text = readConfigText(file);
  const config = withDefaultStylesPath(parseValeConfig(text, file), options.defaultStylesPath);
  const pipeline = config.stylesPath ? path.join(config.stylesPath, PIPELINE_DIR) : undefined;
  if (!pipeline || !existsSync(pipeline) || !statSync(pipeline).isDirectory()) return config;
  const doc: IniDocument = new Map();
  const entries = readdirSync(pipeline, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.isDirectory()) continue;
    const source = path.join(pipeline, entry.name);
    readIni(readConfigText(source), source, doc);
  }
  readIni(text, file, doc);
  return withDefaultStylesPath(configFromIni(doc, file), options.defaultStylesPath);
}

/**
 * Vale's default styles folder (internal/core/config.go DefaultStylesPath): `VALE_STYLES_PATH` when
 * it is set, else `vale/styles` in the user's data folder (`$XDG_DATA_HOME`, or `~/.local/share`).
 * Vale searches it before the project's StylesPath when it is a folder, unless `--no-global`.
 */
export function defaultValeStylesPath(env: Readonly<Record<string, string | undefined>>, home: string): string {
  if (env.VALE_STYLES_PATH !== undefined) return env.VALE_STYLES_PATH;
  const data = env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : path.join(home, ".local", "share");
  return path.join(data, "vale", "styles");
}

/** As Vale's NewConfig: the default styles folder, when it is a folder, is searched first. */
function withDefaultStylesPath(config: ValeConfig, folder: string | undefined): ValeConfig {
  if (!folder || !isDirectory(folder)) return config;
  const resolved = path.resolve(folder);
  if (config.searchPaths.includes(resolved)) return config;
  return { ...config, searchPaths: [resolved, ...config.searchPaths], stylesPath: config.stylesPath ?? resolved };
}

/** True when `folder` exists and is a folder (following links). */
/** " in <folders>", or why there is nowhere to look, for a message about something not found. */
export function searchedIn(config: ValeConfig): string {
  return config.searchPaths.length > 0 ? ` in ${config.searchPaths.join(", ")}` : " (StylesPath is not set)";
}

export function isDirectory(folder: string): boolean {
  // As Vale's IsDir (a failed stat is no folder): a link loop here is simply not a folder.
  try {
    return statSync(folder, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}

function readConfigText(file: string): string {
  return readStyleText(file);
}

export function parseValeConfig(text: string, file: string): ValeConfig {
  const doc: IniDocument = new Map();
  readIni(text, file, doc);
  return configFromIni(doc, file);
}

/**
 * The config from an INI document, read as Vale's processConfig reads it: a setting that takes one
 * value takes the key's first one (go-ini's Key.String), except StylesPath, which takes the last;
 * lists take every value of the key, split at commas, without repeats (mergeValues of
 * StringsWithShadows). Paths are relative to `file`'s folder.
 */
function configFromIni(doc: IniDocument, file: string): ValeConfig {
  const dir = path.dirname(file);
  const config: ValeConfig = {
    file,
    stylesPath: undefined,
    searchPaths: [],
    minAlertLevel: "warning",
    vocab: [],
    formats: new Map(),
    asciidoctor: new Map(),
    sections: [],
    skippedScopes: [],
    ignoredScopes: [],
    ignoredClasses: [],
    wordTemplate: undefined,
    packages: [],
    warnings: [],
  };
  for (const [name, { where, keys }] of doc) {
    if (name === "formats" || name === "asciidoctor") {
      // `[formats]` maps extensions, written with or without the dot; `[asciidoctor]` holds attributes.
      const bare = (text: string) => (name === "formats" ? text.replace(/^\./, "") : text);
      for (const [key, values] of keys) config[name].set(bare(key), bare(values[0]!.value));
      continue;
    }
    const section = name === DEFAULT_SECTION ? undefined : makeSection(name, where);
    // `[*]` is Vale's global section (GBaseStyles, GChecks): any other section matching a file
    // overrides it, wherever it stands in the file, so it is applied first.
    if (section && name === "*") config.sections.unshift(section);
    else if (section) config.sections.push(section);
    for (const [key, values] of keys) {
      checkPlacement(name, key, values[0]!.where);
      if (section) readSectionKey(section, key, values, config.warnings);
      else readCoreKey(config, key, values, dir);
    }
  }
  return config;
}

/** Vale's coreOpts, syntaxOpts and globalOpts (core/ini.go): the keys each part of the file may hold. */
const CORE_KEYS = new Set(["StylesPath", "MinAlertLevel", "IgnoredScopes", "WordTemplate", "SkippedScopes", "IgnoredClasses", "Vocab", "NLPEndpoint"]);
const SECTION_KEYS = new Set(["BasedOnStyles", "IgnorePatterns", "BlockIgnores", "CommentDelimiters", "TokenIgnores", "Transform", "Lang"]);
const GLOBAL_KEYS = new Set(["BasedOnStyles", "IgnorePatterns", "BlockIgnores", "TokenIgnores", "Lang"]);

/**
 * As Vale's processConfig, which stops with E201: a section setting above the first section, a core
 * setting inside one, or a section setting `[*]` does not take. Other keys stay where they are
 * (`Packages` at the top is for `vale sync`; a key in a section is a rule's level).
 */
function checkPlacement(section: string, key: string, where: string): void {
  if (section === DEFAULT_SECTION) {
    if (!CORE_KEYS.has(key) && SECTION_KEYS.has(key)) throw new ConfigError(`${where}: '${key}' is a syntax-specific option; it belongs in a section such as [*.md].`);
    return;
  }
  if (CORE_KEYS.has(key)) throw new ConfigError(`${where}: '${key}' is a core option; it should be defined above any syntax-specific options (\`[...]\`).`);
  if (section === "*" && SECTION_KEYS.has(key) && !GLOBAL_KEYS.has(key)) throw new ConfigError(`${where}: '${key}' is a syntax-specific option; [*] does not take it.`);
}

function readCoreKey(config: ValeConfig, key: string, values: IniValue[], dir: string): void {
  const first = values[0]!;
  switch (key) {
    case "StylesPath":
      // Each line adds a folder to search (go-ini shadows); the last one is StylesPath().
      config.searchPaths = [...new Set(values.map((v) => path.resolve(dir, v.value)))];
      config.stylesPath = config.searchPaths[config.searchPaths.length - 1];
      return;
    case "MinAlertLevel":
      config.minAlertLevel = parseLevel(first.value, first.where, key);
      return;
    case "Vocab":
      config.vocab = mergeValues(values);
      return;
    case "SkippedScopes":
      config.skippedScopes = mergeValues(values);
      return;
    case "IgnoredScopes":
      config.ignoredScopes = mergeValues(values);
      return;
    case "IgnoredClasses":
      config.ignoredClasses = mergeValues(values);
      return;
    case "WordTemplate":
      config.wordTemplate = first.value;
      return;
    case "Packages":
      config.packages = mergeValues(values).map(packageName);
      return;
    default:
      // NLPEndpoint, …: accepted, not used for Markdown.
      return;
  }
}

function readSectionKey(section: ValeSection, key: string, values: IniValue[], warnings: string[]): void {
  if (key === "BasedOnStyles") {
    section.basedOnStyles = mergeValues(values);
    return;
  }
  if (key === "BlockIgnores") {
    section.blockIgnores.push(...mergeValues(values));
    return;
  }
  if (key === "IgnorePatterns") {
    section.blockIgnores.push(...goIniStrings(values[0]!.value));
    return;
  }
  if (key === "TokenIgnores") {
    section.tokenIgnores.push(...mergeValues(values));
    return;
  }
  if (key === "CommentDelimiters") {
    // Vale 3.8 (core/ini.go): exactly two delimiters, else E201.
    const delimiters = mergeValues(values);
    if (delimiters.length !== 2) {
      throw new ConfigError(`${values[0]!.where}: CommentDelimiters must be a comma-separated list of two delimiters, but got ${delimiters.length} items.`);
    }
    section.commentDelimiters = [delimiters[0]!, delimiters[1]!];
    return;
  }
  const param = PARAM_KEY.exec(key);
  if (param) {
    const last = values[values.length - 1]!;
    checkParam(param[1]!, param[2]!, last.where);
    (section.params ??= []).push([param[1]!, param[2]!, last.value]);
    return;
  }
  if (/^[^.\s]+\.[^\s]+$/.test(key)) {
    section.rules.set(key, parseSetting(values[0]!.value, values[0]!.where, key, warnings));
    return;
  }
  if (key === "View") {
    // Vale (core/view.go) lints the values a view selects in YAML, JSON or TOML files (dasel) or in code
    // (tree-sitter); Verity reads Markdown only, so the key would otherwise change nothing, silently.
    warnings.push(
      `${values[0]!.where}: View = ${values[0]!.value} is not used: Vale lints the data or code files of this section through that view, and Verity lints Markdown only, so those files are not linted.`,
    );
    return;
  }
  // Transform, Lang, …: other formats; ignored.
}

/** Every value of a list key, split, without repeats (Vale's mergeValues). */
/** The style a `Packages` entry unpacks to: `Google`, or `proselint` for `https://…/proselint.zip`. */
function packageName(entry: string): string {
  const base = entry.slice(entry.lastIndexOf("/") + 1);
  return base.endsWith(".zip") ? base.slice(0, -".zip".length) : base;
}

function mergeValues(values: IniValue[]): string[] {
  const items: string[] = [];
  for (const { value } of values) for (const item of splitList(value)) if (item !== "" && !items.includes(item)) items.push(item);
  return items;
}

function makeSection(glob: string, where: string): ValeSection {
  let matcher: (p: string) => boolean;
  try {
    matcher = valeGlobMatcher(glob);
  } catch (error) {
    throw new ConfigError(`${where}: the section [${glob}] is not a valid glob: ${(error as Error).message}.`);
  }
  const matchesExtension = (ext: string) => matcher(ext);
  return { glob, matches: matcher, matchesExtension, basedOnStyles: undefined, rules: new Map(), blockIgnores: [], tokenIgnores: [] };
}

/**
 * `Style.Rule = …` as Vale's validateLevel reads it: `YES` turns the rule on, `suggestion`, `warning`
 * or `error` sets its level (exactly as written), and anything else (`NO`, but also `Yes`, `true`,
 * `Warning`) turns it off. Such a value that reads as "on" is noted in `warnings`, since Vale says nothing.
 */
function parseSetting(value: string, where: string, key: string, warnings: string[]): RuleSetting {
  if (value === "YES") return true;
  if (value === "NO") return false;
  if ((LEVELS as readonly string[]).includes(value)) return value as Severity;
  // `No`, `false`, `off` mean off anyway: only a value that reads as "on" is worth a word.
  if (["NO", "FALSE", "OFF"].includes(value.toUpperCase())) return false;
  warnings.push(`${where}: ${key} = ${value} turns the rule off, as in Vale (only YES, NO, suggestion, warning and error are understood, in that case).`);
  return false;
}

function parseLevel(value: string, where: string, key: string): Severity {
  const level = value.toLowerCase() as Severity;
  if (!LEVELS.includes(level)) {
    throw new ConfigError(`${where}: ${key} = ${value} is not valid; use suggestion, warning or error.`);
  }
  return level;
}

/**
 * go-ini's StringsWithShadows(","), as Vale reads every list key but IgnorePatterns: split at every
 * comma, parentheses or not (`x{1,6}` is two patterns to Vale), each part trimmed.
 */
function splitList(value: string): string[] {
  return value.split(",").map((item) => item.trim());
}

/**
 * go-ini's Strings(","), as Vale reads IgnorePatterns: split at each comma not escaped; `\,` is a
 * comma, `\\` one backslash, and any other backslash is kept with the character after it.
 */
function goIniStrings(value: string): string[] {
  if (value === "") return [];
  const items: string[] = [];
  let current = "";
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === "\\" && i + 1 < value.length) {
      const next = value[++i]!;
      current += next === "\\" || next === "," ? next : `\\${next}`;
    } else if (ch === "\\") continue;
    else if (ch === ",") {
      items.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current !== "") items.push(current.trim());
  return items;
}

/** What applies to one file: the styles it is based on and the rule settings, later sections winning. */
export interface FileStyleSettings {
  baseStyles: Set<string>;
  rules: Map<string, RuleSetting>;
  tokenIgnores: string[];
  blockIgnores: string[];
  /** `CommentDelimiters` of the sections matching the file's extension, as for the ignore patterns. */
  commentDelimiters: (readonly [start: string, end: string])[];
  /** True when at least one section matched. */
  hasSection: boolean;
}

/**
 * Settings for `relPath` (relative to the config folder, `/` separators). With `[formats] mdx = md`,
 * an `.mdx` file also matches sections written for `.md`: as Vale's NewFile, the sections are matched
 * against the real path, then against that one, the last match winning (`[*]` is first, see configFromIni).
 */
export function settingsForFile(config: ValeConfig, relPath: string): FileStyleSettings {
  const ext = path.extname(relPath).slice(1);
  const mapped = config.formats.get(ext);
  const alias = mapped ? relPath.slice(0, relPath.length - ext.length) + mapped : undefined;
  const settings: FileStyleSettings = { baseStyles: new Set(), rules: new Map(), tokenIgnores: [], blockIgnores: [], commentDelimiters: [], hasSection: false };
  // Vale (lint/html.go applyInlinePatterns, applyBlockPatterns) takes a section's TokenIgnores and
  // BlockIgnores when its glob matches the file's extension (".md", or the real one), not its path.
  const exts = [`.${mapped ?? ext}`, `.${ext}`];
  for (const section of config.sections) {
    if ((section.tokenIgnores.length > 0 || section.blockIgnores.length > 0) && exts.some((e) => section.matchesExtension(e))) {
      settings.tokenIgnores.push(...section.tokenIgnores);
      settings.blockIgnores.push(...section.blockIgnores);
    }
    if (section.commentDelimiters && exts.some((e) => section.matchesExtension(e))) settings.commentDelimiters.push(section.commentDelimiters);
  }
  for (const filePath of alias ? [relPath, alias] : [relPath]) {
    for (const section of config.sections) {
      if (!section.matches(filePath)) continue;
      settings.hasSection = true;
      if (section.basedOnStyles) settings.baseStyles = new Set(section.basedOnStyles);
      for (const [rule, setting] of section.rules) settings.rules.set(rule, setting);
    }
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

/**
 * The search folders a cache key hashes (the folders of StylesPath), or undefined when a style of
 * BasedOnStyles is in none of them: the run stops on that when it compiles the styles, and a
 * StylesPath such as ../../.. (the whole disk) is not walked to build a key.
 */
export function foldersToHash(config: ValeConfig): string[] | undefined {
  const isFound = (style: string) => style === "Vale" || config.searchPaths.some((folder) => isDirectory(path.join(folder, style)));
  return [...referencedStyles(config).styles].every(isFound) ? config.searchPaths.filter(isDirectory) : undefined;
}
