/**
 * Vale 3.20's rule tree: nested rule folders (`Std/Grammar/PassiveVoice.yml` is the rule
 * `Std.Grammar.PassiveVoice`), bracket parameters in `.vale.ini` (`Std.Readability.SentenceLength[max]
 * = 30`) and rule inheritance (`extends: Std.Punctuation.OxfordComma`, with `key+` and `key-` edits),
 * as Vale's release notes and the Std package describe them.
 */
import { readdirSync, realpathSync } from "node:fs";
import path from "node:path";
import { ConfigError } from "../errors.ts";
import { statFollowing } from "./follow-links.ts";
import type { ValeConfig } from "./vale-ini.ts";

export interface StyleEntry {
  /** The file's path. */
  file: string;
  /** Its name in its folder (`PassiveVoice.yml`). */
  entry: string;
  /** The rule name's start: the style and each folder below it (`Std.Grammar`). */
  prefix: string;
}

/** Folders below a style folder read at most this deep (a link back up would otherwise never end). */
const MAX_DEPTH = 32;

/**
 * Every entry of a style folder and of its folders, depth first in name order. As Vale 3.20, a
 * folder whose name starts with `.` or `_` is skipped with all under it, and each folder adds a
 * segment to the rule's name. Only files and links to files are listed.
 */
export function styleEntries(dir: string, style: string): StyleEntry[] {
  const out: StyleEntry[] = [];
  const seen = new Set<string>();
  const walk = (folder: string, prefix: string, depth: number) => {
    const real = safeRealpath(folder);
    if (seen.has(real) || depth > MAX_DEPTH) return;
    seen.add(real);
    let entries: string[];
    try {
      entries = readdirSync(folder).sort();
    } catch (error) {
      throw new ConfigError(`${folder}: the style's folder cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`, "Check that the folder and the folders in it are readable.");
    }
    for (const entry of entries) {
      const file = path.join(folder, entry);
      const stat = statFollowing(file);
      if (stat?.isDirectory()) {
        if (!entry.startsWith(".") && !entry.startsWith("_")) walk(file, `${prefix}.${entry}`, depth + 1);
      } else if (stat?.isFile()) out.push({ file, entry, prefix });
    }
  };
  walk(dir, style, 0);
  return out;
}

function safeRealpath(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return folder;
  }
}

/**
 * The file of rule `name` (`Style.Rule`, `Style.Sub.Rule`) in the first search folder that has it.
 * A folder starting with `_` holds no rule that loads, but may hold a parent (`extends:
 * GenZ._shared.Slang`, as the Voices package keeps the list three rules extend): `asParent`.
 */
export function ruleFileIn(config: ValeConfig, name: string, asParent = false): string | undefined {
  const segments = name.split(".");
  if (segments.length < 2 || segments.some((s) => s === "" || (s.startsWith("_") && !asParent) || s.includes("/") || s.includes("\\"))) return undefined;
  const rel = path.join(...segments.slice(0, -1), `${segments.at(-1)}.yml`);
  return config.searchPaths.map((folder) => path.join(folder, rel)).find((file) => statFollowing(file)?.isFile() ?? false);
}

/** As Vale 3.20: a child may extend a rule that extends one, up to ten rules deep. */
const MAX_PARENTS = 10;

/**
 * A rule definition with its `extends: Style.Rule` resolved: the parent's full definition (itself
 * resolved) with the child's keys on top. A bare key replaces the parent's value; `key+` appends to
 * the parent's list or merges into its mapping (the child's entries winning); `key-` removes list
 * entries by their text or mapping keys by name, each of which must be there.
 */
export function resolveExtends(def: unknown, file: string, config: ValeConfig, read: (file: string) => unknown, depth = 0): unknown {
  if (!isMapping(def) || typeof def.extends !== "string" || !def.extends.includes(".")) return def;
  const parent = def.extends;
  if (parent.startsWith("Vale.")) throw new ConfigError(`${file}: extends ${parent}, a Vale built-in: built-in rules are made at run time and have no file to extend.`, "Extend a rule of a style on StylesPath instead.");
  if (depth >= MAX_PARENTS) throw new ConfigError(`${file}: extends ${parent}, more than ${MAX_PARENTS} rules deep (or in a loop).`, "Vale follows at most ten parents; extend a rule nearer the root.");
  const parentFile = ruleFileIn(config, parent, true);
  if (!parentFile) throw new ConfigError(`${file}: extends ${parent}, which is not on StylesPath (a parent must be present, not enabled).`, "Run `vale sync` for the package that has it, or fix the rule's name.");
  const base = resolveExtends(read(parentFile), parentFile, config, read, depth + 1);
  if (!isMapping(base)) throw new ConfigError(`${parentFile}: a rule file must be a YAML mapping with "extends" and "message".`);
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(def)) {
    if (key === "extends") continue;
    const op = key.at(-1);
    if (op !== "+" && op !== "-") {
      if (Object.hasOwn(def, `${key}+`) || Object.hasOwn(def, `${key}-`)) throw new ConfigError(`${file}: "${key}" and "${key}${Object.hasOwn(def, `${key}+`) ? "+" : "-"}" both given: a key is either replaced or edited, not both.`);
      result[key] = value;
      continue;
    }
    const name = key.slice(0, -1);
    result[name] = editValue(result[name], value, op, name, parent, file);
  }
  return result;
}

function editValue(current: unknown, edit: unknown, op: "+" | "-", key: string, parent: string, file: string): unknown {
  const wrong = (what: string) => new ConfigError(`${file}: "${key}${op}" ${what}.`);
  if (Array.isArray(current) || (current === undefined && Array.isArray(edit))) {
    const list = (current as unknown[] | undefined) ?? [];
    const items = Array.isArray(edit) ? edit : [edit];
    if (op === "+") return [...list, ...items];
    const drop = new Set(items.map(String));
    for (const item of drop) if (!list.some((entry) => String(entry) === item)) throw wrong(`removes '${item}', which ${parent} does not have`);
    return list.filter((entry) => !drop.has(String(entry)));
  }
  if (isMapping(current) || (current === undefined && isMapping(edit))) {
    const map = (current as Record<string, unknown> | undefined) ?? {};
    if (op === "+") {
      if (!isMapping(edit)) throw wrong("must be a mapping, as the parent's value is");
      return { ...map, ...edit };
    }
    const keys = Array.isArray(edit) ? edit.map(String) : isMapping(edit) ? Object.keys(edit) : [String(edit)];
    const result = { ...map };
    for (const k of keys) {
      if (!Object.hasOwn(result, k)) throw wrong(`removes '${k}', which ${parent} does not have`);
      delete result[k];
    }
    return result;
  }
  throw wrong(`edits a single value: a scalar is replaced with the bare key "${key}"`);
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** `Style.Rule[key] = value` in `.vale.ini`: a rule's scalar key set from the configuration. */
export const PARAM_KEY = /^([^.\s[\]]+\.[^\s[\]]+)\[([^\]\s]+)\]$/;

/**
 * Keys a bracket parameter may not set (Vale 3.20 refuses them, E201): the level (set as
 * `Style.Rule = error`), the rule's prose and what it matches (its lists and mappings).
 */
const NOT_ADJUSTABLE = new Set(["extends", "message", "description", "tokens", "swap", "either", "exceptions", "raw", "action", "filters", "dictionaries", "metrics", "ignore", "indicators", "patterns", "tests"]);

/** Checks a bracket parameter as Vale reads the configuration; throws for one it refuses. */
export function checkParam(rule: string, key: string, where: string): void {
  if (key.toLowerCase() === "level") throw new ConfigError(`${where}: '${rule}[level]': a level is not set with brackets; set it the classic way, ${rule} = error (or warning, suggestion, YES, NO).`);
  if (NOT_ADJUSTABLE.has(key.toLowerCase())) throw new ConfigError(`${where}: '${key}' is not adjustable from configuration; extend '${rule}' in a style instead.`);
}

/**
 * The bracket parameters of rule `name`, from every section of the configuration (a parameter holds
 * wherever the rule runs, whichever section sets it; the last one given wins).
 */
export function ruleParams(config: ValeConfig, name: string): Record<string, string> | undefined {
  let params: Record<string, string> | undefined;
  for (const section of config.sections) {
    for (const [rule, key, value] of section.params ?? []) {
      if (rule === name) (params ??= {})[key] = value;
    }
  }
  return params;
}

/** A rule definition with its bracket parameters set; one naming a list or mapping the rule has is refused. */
export function applyParams(def: Record<string, unknown>, params: Record<string, string> | undefined, name: string, file: string): Record<string, unknown> {
  if (!params) return def;
  const result = { ...def };
  for (const [key, value] of Object.entries(params)) {
    const current = Object.entries(def).find(([k]) => k.toLowerCase() === key.toLowerCase());
    if (current && current[1] !== null && typeof current[1] === "object") throw new ConfigError(`${file}: '${key}' is not adjustable from configuration; extend '${name}' in a style instead.`);
    if (current) delete result[current[0]];
    result[key] = value;
  }
  return result;
}
