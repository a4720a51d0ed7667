/**
 * Loads Vale rule files (`<StylesPath>/<Style>/<Rule>.yml`) and vocabularies, validates them and
 * compiles their patterns once per run. A rule we cannot run is a ConfigError naming its file; a
 * `script` rule (Verity has no Tengo runtime) is skipped with a warning.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { ConfigError } from "../errors.ts";
import { compileGoRegex, RegexTranslationError } from "./go-regex.ts";
import type { Severity } from "../lint/findings.ts";
import { compileCapitalization } from "./checks/capitalization.ts";
import type { CompileContext, RuleDefinition } from "./checks/common.ts";
import { compileConditional } from "./checks/conditional.ts";
import { compileConsistency, compileOccurrence, compileRepetition } from "./checks/counting.ts";
import { compileExistence } from "./checks/existence.ts";
import { compileMetric, compileReadability } from "./checks/metric.ts";
import { compileSequence } from "./checks/sequence.ts";
import { compileSpelling } from "./checks/spelling.ts";
import { compileSubstitution } from "./checks/substitution.ts";
import { RULE_TYPES, SKIPPED_RULE_TYPES, type CompiledRule, type RuleAction } from "./rule-types.ts";
import { parseScope, scopeBases, ScopeError } from "./scopes.ts";
import { referencedStyles, searchedIn, type ValeConfig } from "./vale-ini.ts";
import { readStyleText, statFollowing } from "./follow-links.ts";
import { isOffEverywhere, ruleSettings } from "./rule-switches.ts";
import { isEditPatternRisky } from "./checks/edit-action.ts";
import { decodeAction, decodeTypedKeys, foldKeyCase, unknownKeys } from "./checks/rule-keys.ts";
import { decodeTextKeys } from "./checks/rule-text-keys.ts";
import { loadVocabulary, type Vocabulary } from "./vocabulary.ts";
import { readRuleYaml } from "./rule-yaml.ts";
import { applyParams, resolveExtends, ruleFileIn, ruleParams, styleEntries } from "./rule-tree.ts";

export type { Vocabulary } from "./vocabulary.ts";

export interface StyleSet {
  /** Every loaded rule by `Style.Rule`. */
  rules: Map<string, CompiledRule>;
  /** Rules that are not run, with why (printed on stderr). */
  warnings: string[];
  /** Rules each style contributes (for BasedOnStyles). */
  styles: Map<string, string[]>;
  /** The scopes of every rule file read, on or off (`scopeBases`): what Vale's NLP steps look at. */
  scopeBases: Set<string>;
  vocabulary: Vocabulary;
}

const LEVELS: readonly Severity[] = ["suggestion", "warning", "error"];
export const BUILTIN_STYLE = "Vale";

export function loadStyleSet(config: ValeConfig): StyleSet {
  // As Vale's StylesPath option (E201): a StylesPath that does not exist stops the run.
  for (const folder of config.searchPaths) {
    if (!existsSync(folder)) throw new ConfigError(`${config.file}: StylesPath ${folder} does not exist.`, "Create the folder, or point StylesPath at the folder that holds the styles.");
  }
  checkIgnorePatterns(config);
  const vocabulary = loadVocabulary(config);
  const set: StyleSet = { rules: new Map(), warnings: [...config.warnings], styles: new Map(), scopeBases: new Set(["text"]), vocabulary };
  const { styles, rules } = referencedStyles(config);
  const ctxBase = { accepted: vocabulary.accept, wordTemplate: config.wordTemplate, stylesPath: config.stylesPath, configDir: path.dirname(config.file) };

  addBuiltinRules(set, ctxBase);
  // Rules already read: a skipped rule (a script rule) is not in set.rules, and reading it again
  // for its .vale.ini setting would repeat its warning.
  const read = new Set<string>();
  const load = (file: string, name: string) => {
    read.add(name);
    loadRuleFile(set, file, name, ctxBase, config);
  };
  for (const style of styles) {
    if (style === BUILTIN_STYLE) continue;
    // As Vale's loadStyles: the first search folder that has the style's folder gives it.
    const dir = config.searchPaths.map((folder) => path.join(folder, style)).find((folder) => statFollowing(folder)?.isDirectory());
    if (!dir) {
      throw new ConfigError(
        `${config.file}: the style "${style}" (BasedOnStyles) was not found${searchedIn(config)}.`,
        config.packages.includes(style)
          ? `It is listed in Packages, which Verity reads but does not download: run \`vale sync\` once (or unzip the package into StylesPath), then run again.`
          : "Put the style's folder under StylesPath, or remove it from BasedOnStyles.",
      );
    }
    const names: string[] = [];
    // Vale walks the folder unsorted; Verity reads it in name order, so which of two files giving
    // the same rule name is loaded does not depend on the file system. As Vale 3.20, the style's
    // folders are read too, each adding a segment to the rule's name (Std.Grammar.PassiveVoice).
    for (const { file, entry, prefix } of styleEntries(dir, style)) {
      // As Vale's addStyle walk: a folder is no rule file, whatever its name; a link to a file is one.
      if (!(entry.endsWith(".yml") || entry.endsWith(".yaml"))) continue;
      // As Vale's addRuleFromSource: a rule file ends in .yml; a .yaml file is not a rule.
      if (entry.endsWith(".yaml")) {
        set.warnings.push(`${file}: not read: Vale reads rule files ending in .yml only. Rename it to .yml to use it as a rule.`);
        continue;
      }
      // As Vale's addRuleFromSource: the rule is named by the file name up to its first dot
      // (Ex.yml and Ex.v2.yml are both Style.Ex), and the first file giving a name is the rule.
      const name = ruleNameOf(prefix, entry);
      if (names.includes(name)) {
        set.warnings.push(`${file}: not read: it is rule ${name} too (a rule is named by its file name up to the first dot, as in Vale), and ${name} is already read from an earlier file in name order. Rename it to load it as a rule of its own.`);
        continue;
      }
      names.push(name);
      // A rule turned off for every file is never compiled, so a broken rule can be switched off.
      if (set.rules.has(name)) continue;
      if (!isOffEverywhere(config, name)) load(file, name);
      else for (const base of scopeBases(readOffRule(file, name, config))) set.scopeBases.add(base);
    }
    set.styles.set(style, names);
  }
  for (const name of ruleSettings(config, rules).keys()) {
    if (set.rules.has(name) || read.has(name) || name.startsWith(`${BUILTIN_STYLE}.`)) continue;
    const file = ruleFileOf(config, name);
    if (file && !isOffEverywhere(config, name)) load(file, name);
  }
  for (const warning of missingRuleWarnings(config)) if (!set.warnings.includes(warning)) set.warnings.push(warning);
  return set;
}

/** The extensions of the formats Vale applies ignore patterns to: Markdown, AsciiDoc and reStructuredText (Org is not read). */
const PATTERN_EXTENSIONS = [".md", ".mdx", ".adoc", ".asciidoc", ".asc", ".rst", ".rest"];

/**
 * As Vale's applyInlinePatterns and applyBlockPatterns (E201): an ignore pattern that does not
 * compile is an error, in a section that applies to a format they rewrite (Vaadin's `[*.{asciidoc,adoc}]`).
 */
function checkIgnorePatterns(config: ValeConfig): void {
  for (const section of config.sections) {
    if (!PATTERN_EXTENSIONS.some((ext) => section.matchesExtension(ext))) continue;
    for (const [key, patterns] of [["TokenIgnores", section.tokenIgnores], ["BlockIgnores", section.blockIgnores]] as const) {
      for (const pattern of patterns) {
        try {
          compileGoRegex(pattern, "g");
        } catch (error) {
          if (!(error instanceof RegexTranslationError)) throw error;
          // A pattern ending in `\` was cut at an escaped comma: go-ini splits Vale's lists at every comma.
          const cut = pattern.endsWith("\\") ? "\n  Vale splits the list at every comma, an escaped one (`\\,`) too: write a comma the pattern needs as \\x2C." : "";
          throw new ConfigError(`${config.file}: [${section.glob}] ${key} has a pattern that cannot be used: ${error.message}.`, `The pattern was: ${pattern}${cut}`);
        }
      }
    }
  }
}

/**
 * A warning for each rule the config turns on that does not exist (a rule renamed or merged
 * upstream): Vale ignores such a setting. Found without compiling a rule, so `lint` can print them
 * even when every result comes from its caches.
 */
export function missingRuleWarnings(config: ValeConfig): string[] {
  const warnings: string[] = [];
  for (const [name, isEnabledSomewhere] of ruleSettings(config, referencedStyles(config).rules)) {
    if (!isEnabledSomewhere || name.startsWith(`${BUILTIN_STYLE}.`) || ruleFileOf(config, name)) continue;
    if (config.warnings.some((w) => w.includes(name))) continue;
    warnings.push(`${config.file}: the rule "${name}" was not found${config.searchPaths.length > 0 ? searchedIn(config) : ""}; its setting is ignored.`);
  }
  return warnings;
}

/**
 * The rule file of `Style.Rule` (or `Style.Sub.Rule`) in the search folders, if there is one. Vale's
 * NewManager reads it from every folder that has it, in order, and keeps the first (addRuleFromSource
 * skips a rule it has).
 */
function ruleFileOf(config: ValeConfig, name: string): string | undefined {
  return ruleFileIn(config, name);
}

/** Vale's rule name for a file of a style folder: `Style.` and the file name up to its first dot. */
function ruleNameOf(style: string, fileName: string): string {
  return `${style}.${fileName.split(".")[0]}`;
}

function loadRuleFile(set: StyleSet, file: string, name: string, base: Omit<CompileContext, "name" | "file">, config: ValeConfig): void {
  const text = readStyleText(file);
  const def = ruleDefinition(readRuleYaml(text, file), file, name, config);
  for (const base of scopeBases(def)) set.scopeBases.add(base);
  if (!def || typeof def !== "object" || Array.isArray(def)) throw new ConfigError(`${file}: a rule file must be a YAML mapping with "extends" and "message".`);
  const type = String((def as RuleDefinition).extends);
  const unknown = typeof (def as RuleDefinition).extends === "string" ? unknownKeys(def as RuleDefinition, type, file) : [];
  if (unknown.length > 0) {
    set.warnings.push(`${file}: rule ${name} has ${unknown.length === 1 ? "a key" : "keys"} Vale 3.7 does not know for ${/^[aeiou]/.test(type) ? "an" : "a"} ${type} rule (${unknown.join(", ")}), which Vale refuses ("has invalid keys"); Verity ignores ${unknown.length === 1 ? "it" : "them"}. Check the spelling, or remove ${unknown.length === 1 ? "it" : "them"}.`);
  }
  const rule = compileRule(def as RuleDefinition, { ...base, name, file }, text);
  if (typeof rule === "string") set.warnings.push(rule);
  else {
    set.rules.set(name, rule);
    if (rule.scope.refusedByVale.length > 0) {
      set.warnings.push(
        `${file}: rule ${name} has scope ${rule.scope.refusedByVale.join(", ")}, which Vale 3 refuses ("no longer supported; use 'raw' instead"), so Vale stops before linting; Verity runs it on that inline text. Use another scope for a rule Vale runs too.`,
      );
    }
    if (rule.scope.unknown.length > 0) set.warnings.push(`${file}: rule ${name} has a scope no Markdown text has (${rule.scope.unknown.join(", ")}); it loads, as in Vale, and never matches. Known scopes: ${KNOWN_SCOPES}.`);
  }
}

/**
 * A rule file's definition as Vale 3.20 compiles it: its parent's (`extends: Style.Rule`) with its
 * own keys on top, then the `.vale.ini`'s bracket parameters for it (`Style.Rule[max] = 30`).
 */
function ruleDefinition(def: unknown, file: string, name: string, config: ValeConfig): unknown {
  const resolved = resolveExtends(def, file, config, (parent) => readRuleYaml(readStyleText(parent), parent));
  if (!resolved || typeof resolved !== "object" || Array.isArray(resolved)) return resolved;
  return applyParams(resolved as Record<string, unknown>, ruleParams(config, name), name, file);
}

/** A rule file turned off everywhere, read only for its scope; one that does not read is left out. */
function readOffRule(file: string, name: string, config: ValeConfig): unknown {
  try {
    return ruleDefinition(readRuleYaml(readStyleText(file), file), file, name, config);
  } catch {
    return undefined;
  }
}

const KNOWN_SCOPES = "text, heading, heading.h1-h6, paragraph, sentence, list, table, table.header, table.cell, blockquote, alt, raw, link, strong, emphasis, summary";

/**
 * Compiles one rule definition; returns a warning string when the rule is skipped. `text` is the
 * rule file's, to tell a quoted `"yes"` from a YAML 1.1 boolean.
 */
export function compileRule(def: RuleDefinition, ctx: CompileContext, text?: string): CompiledRule | string {
  const type = def.extends;
  if (typeof type !== "string" || type === "") throw new ConfigError(`${ctx.file}: missing the required "extends" key.`, `Use one of: ${RULE_TYPES.join(", ")}.`);
  if ((SKIPPED_RULE_TYPES as readonly string[]).includes(type)) {
    return `${ctx.file}: rule ${ctx.name} is skipped: Verity does not run "${type}" rules (script rules are Tengo programs, and Verity has no Tengo runtime).`;
  }
  if (!(RULE_TYPES as readonly string[]).includes(type)) {
    throw new ConfigError(`${ctx.file}: unknown rule type "extends: ${type}".`, `Use one of: ${[...RULE_TYPES, ...SKIPPED_RULE_TYPES].join(", ")}.`);
  }
  if (def.message === undefined) throw new ConfigError(`${ctx.file}: missing the required "message" key.`);
  foldKeyCase(def, type);
  decodeTypedKeys(def, type, { file: ctx.file, text });
  decodeTextKeys(def, type, ctx.file);
  const levelValue = def.level === undefined ? "warning" : String(def.level);
  if (!LEVELS.includes(levelValue as Severity)) throw new ConfigError(`${ctx.file}: "level: ${levelValue}" is not valid; use suggestion, warning or error.`);
  const scopeValue = def.scope as string | string[] | undefined;
  let scope;
  try {
    // Vale's checkScopes runs in the constructors of the other rule types, not in NewSpelling.
    scope = parseScope(type === "metric" || type === "readability" ? "summary" : scopeValue, type !== "spelling");
    // Vale checks a sequence rule's scope, then runs it on sentences whatever the scope says.
    if (type === "sequence") scope = parseScope("sentence");
  } catch (error) {
    if (error instanceof ScopeError) throw new ConfigError(`${ctx.file}: ${error.message}.`, `Known scopes: ${KNOWN_SCOPES}.`);
    throw error;
  }
  for (const key of ["swap", "either"]) mergeListOfMaps(def, key);
  // Vale loads a substitution or consistency rule with an empty map (`swap:` with nothing under it):
  // it never alerts. Skipping it with a warning gives the same output and says why.
  const mapKey = type === "substitution" ? "swap" : type === "consistency" ? "either" : undefined;
  if (mapKey && isEmptyMap(def[mapKey])) return `${ctx.file}: rule ${ctx.name} is skipped: its "${mapKey}" mapping is empty, so it can match nothing (Vale loads it and never reports it).`;
  if (type === "existence" && hasOnlyEmptyTokens(def)) {
    return `${ctx.file}: rule ${ctx.name} is skipped: every item of its "tokens" list is empty (after "- ", a "#" starts a YAML comment, so "- ## Heading" is an empty item; quote it). Vale loads it, and its pattern then matches only empty text.`;
  }
  requireKeys(def, type, ctx.file);
  const action = readAction(def, ctx.file);
  // An edit action's pattern runs on every match: it can make the rule one to run under a time budget.
  if (action?.name === "edit" && action.params[0] === "regex" && isEditPatternRisky(action.params[1] ?? "")) ctx.isRisky = true;
  const rule: CompiledRule = {
    name: ctx.name,
    file: ctx.file,
    type,
    level: levelValue as Severity,
    link: typeof def.link === "string" ? def.link : undefined,
    description: typeof def.description === "string" ? def.description : "",
    scope,
    action,
    limit: typeof def.limit === "number" ? def.limit : 0,
  };
  switch (type) {
    case "existence":
      rule.run = compileExistence(def, ctx, action);
      break;
    case "substitution":
      rule.run = compileSubstitution(def, ctx, action);
      break;
    case "occurrence":
      rule.run = compileOccurrence(def, ctx);
      break;
    case "repetition":
      rule.run = compileRepetition(def, ctx);
      break;
    case "consistency":
      rule.run = compileConsistency(def, ctx);
      break;
    case "conditional":
      rule.run = compileConditional(def, ctx, action);
      break;
    case "capitalization":
      rule.run = compileCapitalization(def, ctx);
      break;
    case "metric":
      rule.runFile = compileMetric(def, ctx);
      break;
    case "readability":
      rule.runFile = compileReadability(def, ctx);
      break;
    case "spelling":
      rule.run = compileSpelling(def, ctx);
      break;
    case "sequence": {
      const run = compileSequence(def, ctx);
      if (typeof run === "string") return run;
      rule.run = run;
      break;
    }
  }
  if (ctx.isRisky) rule.isRisky = true;
  if (type === "readability" || (type === "metric" && /syllables|complex_words|polysyllabic_words/.test(String(def.formula)))) rule.needsSyllables = true;
  return rule;
}

/** What each rule type cannot do without: a rule missing it would silently match nothing. */
const REQUIRED: Record<string, { keys: string[]; what: string }> = {
  existence: { keys: ["tokens", "raw"], what: 'a "tokens" list (or "raw")' },
  substitution: { keys: ["swap"], what: 'a "swap" mapping of pattern: replacement' },
  occurrence: { keys: ["token"], what: 'a "token" pattern and "max" or "min"' },
  repetition: { keys: ["tokens"], what: 'a "tokens" list' },
  consistency: { keys: ["either"], what: 'an "either" mapping of spelling: other spelling' },
  // No "second": Vale's NewConditional compiles the missing pattern to an empty one (checks/conditional.ts).
  conditional: { keys: ["first"], what: 'a "first" pattern' },
  metric: { keys: ["formula", "condition"], what: '"formula" and "condition"' },
  readability: { keys: ["metrics", "grade"], what: '"metrics" (Flesch-Kincaid, Gunning Fog, SMOG, Coleman-Liau, Automated Readability) and "grade"' },
  sequence: { keys: ["tokens"], what: 'a "tokens" list (each with "pattern", "tag", "skip" or "negate")' },
};

function requireKeys(def: RuleDefinition, type: string, file: string): void {
  const need = REQUIRED[type];
  if (!need) return;
  const isSet = (key: string) => {
    const value = def[key];
    if (value === undefined || value === null || value === "") return false;
    if (Array.isArray(value)) return value.some((v) => String(v).trim() !== "");
    return true;
  };
  const hasAll = type === "existence" ? need.keys.some(isSet) : need.keys.every(isSet);
  if (!hasAll) throw new ConfigError(`${file}: ${/^[aeiou]/.test(type) ? "an" : "a"} ${type} rule needs ${need.what}.`);
  const mapKey = type === "substitution" ? "swap" : type === "consistency" ? "either" : undefined;
  if (mapKey && (typeof def[mapKey] !== "object" || Array.isArray(def[mapKey]))) {
    throw new ConfigError(`${file}: "${mapKey}" must be a mapping (key: value per line), not a list.`);
  }
  if (type === "occurrence" && def.max === undefined && def.min === undefined) throw new ConfigError(`${file}: an occurrence rule needs "max" or "min".`);
}

/** `tokens:` a list whose items are all null or blank, and no `raw`: Vale's NewExistence drops the blank tokens and loads the rule. */
function hasOnlyEmptyTokens(def: RuleDefinition): boolean {
  const { tokens, raw } = def;
  if (!Array.isArray(tokens) || tokens.length === 0 || !tokens.every((t) => t === null || (typeof t === "string" && t.trim() === ""))) return false;
  return raw === undefined || raw === null || (Array.isArray(raw) && raw.every((r) => r === null || r === ""));
}

function isEmptyMap(value: unknown): boolean {
  return value === undefined || value === null || value === "" || (typeof value === "object" && !Array.isArray(value) && Object.keys(value as object).length === 0);
}

/** `swap:` written as a list of one-pair maps is one map (Vale's decoder merges them, later keys win). */
function mergeListOfMaps(def: RuleDefinition, key: string): void {
  const value = def[key];
  if (!Array.isArray(value) || !value.every((item) => item !== null && typeof item === "object" && !Array.isArray(item))) return;
  def[key] = Object.assign({}, ...(value as object[]));
}

function readAction(def: RuleDefinition, file: string): RuleAction | undefined {
  const action = decodeAction(def.action, file);
  return action && action.name !== "" ? action : undefined;
}

/** Vale's built-in rules: Vale.Terms (accepted words, exact case), Vale.Avoid (rejected words), Vale.Repetition. */
function addBuiltinRules(set: StyleSet, base: Omit<CompileContext, "name" | "file">): void {
  const file = "(built-in)";
  // As Vale's loadVocabRules (3.x): every accepted term is swapped, keyed by its lower case; a term
  // written as a pattern (`OAuth2?`, `[Pp]ython`) is matched as one, and what it spells is suggested.
  const swap: Record<string, string> = {};
  for (const term of set.vocabulary.accept) swap[term.toLowerCase()] = term;
  const builtins: [string, RuleDefinition][] = [
    ["Vale.Terms", { extends: "substitution", level: "error", message: "Use '%s' instead of '%s'.", ignorecase: true, swap, vocab: false }],
    // As in Vale, Vale.Avoid keeps vocab on: an accepted word is an exception for it, as for any existence rule.
    ["Vale.Avoid", { extends: "existence", level: "error", message: "Avoid using '%s'.", ignorecase: false, tokens: set.vocabulary.reject }],
    // As the Vale release the conformance kit records (3.7): case-sensitive, `plan plan.` is no repeat.
    ["Vale.Repetition", { extends: "repetition", level: "error", message: "'%s' is repeated!", alpha: true, tokens: [String.raw`[^\s]+`] }],
    ["Vale.Spelling", { extends: "spelling", level: "error", message: "Did you really mean '%s'?" }],
  ];
  for (const [name, def] of builtins) {
    // Without vocabulary terms there is nothing for Vale.Terms or Vale.Avoid to check.
    if ((name === "Vale.Terms" && Object.keys(swap).length === 0) || (name === "Vale.Avoid" && set.vocabulary.reject.length === 0)) continue;
    let rule: CompiledRule | string;
    try {
      rule = compileRule(def, { ...base, name, file });
    } catch (error) {
      // Vale builds its vocabulary rules ignoring errors: a term that is no valid pattern (lower-cased,
      // as Vale keys them) leaves Vale.Terms out; the term still accepts the word for the other rules.
      if (error instanceof ConfigError && name === "Vale.Terms") continue;
      throw error;
    }
    if (typeof rule !== "string") set.rules.set(name, rule);
  }
  set.styles.set(BUILTIN_STYLE, builtins.map(([name]) => name));
}
