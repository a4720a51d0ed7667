/**
 * Rule keys Vale decodes as booleans and numbers, read as Vale reads them. Vale parses a rule with
 * gopkg.in/yaml.v2 (YAML 1.1: an unquoted yes, on, y, no, off, n is a boolean) and decodes it with
 * mapstructure's WeaklyTypedInput (internal/check/definition.go decodeRule, mapstructure v1.4.0):
 * a string is a boolean by Go's strconv.ParseBool, a number is `true` unless 0, a numeric string is
 * an integer by strconv.ParseInt(s, 0, 64) (so `0x10`, `0o17`, `1_000`), a float is cut to its
 * integer, a boolean is 1 or 0, an empty string is false or 0. A value Vale refuses is an error
 * naming the rule file, the key and the value.
 */
import { ConfigError } from "../../errors.ts";
import type { RuleDefinition } from "./common.ts";

type Kind = "bool" | "int" | "float";

/** The typed fields of each rule type's Go struct (and `limit`, of the Definition every rule embeds). */
const TYPED_KEYS: Record<string, Record<string, Kind>> = {
  existence: { append: "bool", ignorecase: "bool", nonword: "bool", vocab: "bool" },
  substitution: { ignorecase: "bool", nonword: "bool", vocab: "bool", capitalize: "bool" },
  occurrence: { max: "int", min: "int", ignorecase: "bool" },
  repetition: { max: "int", ignorecase: "bool", alpha: "bool", vocab: "bool" },
  consistency: { nonword: "bool", ignorecase: "bool" },
  conditional: { ignorecase: "bool", vocab: "bool" },
  capitalization: { threshold: "float", vocab: "bool" },
  metric: {},
  readability: { grade: "float" },
  spelling: { threshold: "int", custom: "bool", append: "bool" },
  sequence: { ignorecase: "bool" },
  script: {},
};

/** Each token of a sequence rule (Vale's NLPToken, decoded with mapstructure.WeakDecode). */
const SEQUENCE_TOKEN_KEYS: Record<string, Kind> = { skip: "int", negate: "bool" };

const GO_TRUE = new Set(["1", "t", "T", "TRUE", "true", "True"]);
const GO_FALSE = new Set(["0", "f", "F", "FALSE", "false", "False"]);
/** The booleans YAML 1.1 adds to YAML 1.2's true and false (yaml.v2's resolve table). */
const YAML11_TRUE = new Set(["y", "Y", "yes", "Yes", "YES", "on", "On", "ON"]);
const YAML11_FALSE = new Set(["n", "N", "no", "No", "NO", "off", "Off", "OFF"]);
/** Go's integer literal syntax, as strconv.ParseInt reads it with base 0. */
const GO_INT = /^[+-]?(?:0[xX](?:_?[0-9a-fA-F])+|0[bB](?:_?[01])+|0[oO](?:_?[0-7])+|0(?:_?[0-7])*|[1-9](?:_?[0-9])*)$/;
const GO_FLOAT = /^[+-]?(?:(?:[0-9](?:_?[0-9])*)?(?:\.(?:[0-9](?:_?[0-9])*)?)?(?:[eE][+-]?[0-9]+)?|inf|infinity|nan)$/i;

/** Where the rule was read, to tell a quoted `"yes"` (a string to yaml.v2) from a bare `yes` (a boolean). */
export interface KeySource {
  file: string;
  /** The rule file's text, when there is one. */
  text?: string | undefined;
}

/** Replaces each typed key of `def` by the boolean or number Vale reads; throws a ConfigError for a value Vale refuses. */
export function decodeTypedKeys(def: RuleDefinition, type: string, source: KeySource): void {
  const keys: Record<string, Kind> = { limit: "int", ...TYPED_KEYS[type] };
  for (const [key, kind] of Object.entries(keys)) {
    if (Object.hasOwn(def, key)) def[key] = decodeValue(def[key], key, kind, source);
  }
  if (type !== "sequence" || !Array.isArray(def.tokens)) return;
  for (const token of def.tokens as unknown[]) {
    if (token === null || typeof token !== "object" || Array.isArray(token)) continue;
    const fields = token as Record<string, unknown>;
    // mapstructure matches a token's keys in any case (`Skip`, `NEGATE`).
    for (const key of Object.keys(fields)) {
      const kind = SEQUENCE_TOKEN_KEYS[key.toLowerCase()];
      if (kind) fields[key] = decodeValue(fields[key], key, kind, source);
    }
  }
}

/** The value Vale decodes for `key` (null and undefined stay: Vale then keeps the field's default). */
export function decodeValue(value: unknown, key: string, kind: Kind, source: KeySource): unknown {
  if (value === null || value === undefined) return value;
  // An unquoted YAML 1.1 boolean is a boolean to yaml.v2 before any decoding.
  if (typeof value === "string" && (YAML11_TRUE.has(value) || YAML11_FALSE.has(value)) && !isQuoted(source, key, value)) value = YAML11_TRUE.has(value);
  if (typeof value === "boolean") return kind === "bool" ? value : value ? 1 : 0;
  if (typeof value === "number") return kind === "bool" ? value !== 0 : kind === "int" ? Math.trunc(value) : value;
  if (typeof value !== "string") {
    throw new ConfigError(`${source.file}: "${key}" is ${Array.isArray(value) ? "a list" : "a mapping"}; Vale reads it as ${WHAT[kind]}.`, HINT[kind]);
  }
  if (kind === "bool") {
    if (value === "" || GO_FALSE.has(value)) return false;
    if (GO_TRUE.has(value)) return true;
  } else if (value === "") return 0;
  else if (kind === "int" && GO_INT.test(value)) {
    const n = Number(parseGoInt(value));
    if (Math.abs(n) <= 2 ** 63) return n;
  } else if (kind === "float" && GO_FLOAT.test(value) && /[0-9]|inf|nan/i.test(value)) {
    return Number(/inf/i.test(value) ? `${value.startsWith("-") ? "-" : ""}Infinity` : /nan/i.test(value) ? "NaN" : value.replace(/_/g, ""));
  }
  throw new ConfigError(`${source.file}: "${key}: ${quote(value)}" cannot be read as ${WHAT[kind]} (Vale: cannot parse '${key}' as ${kind}).`, HINT[kind]);
}

const WHAT: Record<Kind, string> = { bool: "true or false", int: "a whole number", float: "a number" };
const HINT: Record<Kind, string> = {
  bool: "Write true or false (Vale also reads yes, no, on and off unquoted, and 1, 0, t, f quoted or not).",
  int: "Write a whole number, such as 1 (Vale also reads 0x10, 0o17 and 1_000).",
  float: "Write a number, such as 0.8.",
};

function quote(value: string): string {
  return /^[\w.+-]*$/.test(value) && value !== "" ? value : JSON.stringify(value);
}

function parseGoInt(text: string): bigint {
  const negative = text.startsWith("-");
  const body = text.replace(/^[+-]/, "").replace(/_/g, "");
  const digits = /^0[0-7]+$/.test(body) ? `0o${body.slice(1)}` : body.replace(/^0([XBO])/, (_m, base: string) => `0${base.toLowerCase()}`);
  const n = BigInt(digits);
  return negative ? -n : n;
}

/** True when the rule file writes `key: value` with the value in quotes (a string to yaml.v2, not a boolean). */
function isQuoted(source: KeySource, key: string, value: string): boolean {
  if (source.text === undefined) return false;
  const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?:^|[{,])[ \\t]*(?:-[ \\t]+)?${escaped(key)}[ \\t]*:[ \\t]*(["'])${escaped(value)}\\1`, "m").test(source.text);
}

/** Keys every rule takes: the fields of Vale's Definition, which each rule type embeds (`tests`, the in-source test cases `vale test` runs, since Vale 3.20). */
const DEFINITION_KEYS = ["action", "description", "extends", "level", "limit", "link", "message", "name", "scope", "selector", "tests"];

/**
 * The keys each rule type's Go struct has (mapstructure matches them in any case, unexported fields
 * too). `consistency` and `spelling` are decoded without ErrorUnused: they take any key.
 */
const STRUCT_KEYS: Record<string, string[] | undefined> = {
  existence: ["raw", "tokens", "exceptions", "exceptre", "pattern", "append", "ignorecase", "nonword", "vocab"],
  substitution: ["exceptions", "repl", "swap", "exceptre", "pattern", "ignorecase", "nonword", "vocab", "capitalize", "msgmap", "pos"],
  occurrence: ["token", "max", "min", "pattern", "ignorecase"],
  repetition: ["tokens", "max", "ignorecase", "alpha", "vocab", "exceptions", "exceptre", "pattern"],
  conditional: ["exceptions", "patterns", "first", "second", "exceptre", "ignorecase", "vocab"],
  capitalization: ["match", "check", "style", "exceptions", "indicators", "threshold", "vocab", "prefix", "exceptre"],
  metric: ["formula", "condition", "path"],
  readability: ["metrics", "grade"],
  sequence: ["tokens", "history", "ignorecase", "needstagging"],
  script: ["script", "path"],
};

/**
 * The keys of a rule that Vale 3.7 does not know for its type (definition.go decodeRule decodes with
 * ErrorUnused, E201 "has invalid keys"); `code: true` is refused before that ("`code` is
 * deprecated; please use `scope: raw` instead"), and is an error here too.
 */
export function unknownKeys(def: RuleDefinition, type: string, file: string): string[] {
  if (def.code === true) throw new ConfigError(`${file}: "code: true" is refused by Vale ("\`code\` is deprecated; please use \`scope: raw\` instead").`, "Remove the code key and use scope: raw.");
  const known = STRUCT_KEYS[type];
  if (!known) return [];
  const all = new Set([...DEFINITION_KEYS, ...known]);
  const action = Object.entries(def).find(([key]) => key.toLowerCase() === "action")?.[1];
  // mapstructure checks the keys of the action mapping too (Vale's Action has Name and Params).
  const actionKeys = action !== null && typeof action === "object" && !Array.isArray(action) ? Object.keys(action).filter((k) => !["name", "params"].includes(k.toLowerCase())) : [];
  return [...Object.keys(def).filter((key) => !all.has(key.toLowerCase())), ...actionKeys.map((k) => `action.${k}`)];
}

/** Fields of the two rule types decoded without ErrorUnused (spelling's filters and ignore are read by their exact key first). */
const LENIENT_KEYS: Record<string, string[]> = {
  consistency: ["either", "nonword", "ignorecase"],
  spelling: ["exceptions", "dictionaries", "aff", "dic", "dicpath", "threshold", "custom", "append"],
};

/** As mapstructure matches a key to a field in any case (`IgnoreCase: true`), renames each known key to lower case. */
export function foldKeyCase(def: RuleDefinition, type: string): void {
  const known = new Set([...DEFINITION_KEYS, ...(STRUCT_KEYS[type] ?? LENIENT_KEYS[type] ?? [])]);
  for (const key of Object.keys(def)) {
    const lower = key.toLowerCase();
    if (lower !== key && known.has(lower) && !Object.hasOwn(def, lower)) {
      def[lower] = def[key];
      delete def[key];
    }
  }
}

/**
 * The rule's `action`, as mapstructure decodes it into Vale's core.Action { Name string; Params
 * []string } (weakly typed): a mapping whose keys are matched in any case; a name written as a
 * number is its text; a single param is a list of one (`params: foo`). Anything but a mapping
 * (`action: remove`, a list) is an error, as Vale refuses the rule ("'action' expected a map").
 */
export function decodeAction(value: unknown, file: string): { name: string; params: string[] } | undefined {
  if (value === undefined || value === null) return undefined;
  const hint = "Write action as a mapping, e.g. action: {name: replace, params: [new text]} (names: replace, remove, edit, suggest, convert).";
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new ConfigError(`${file}: "action" is ${Array.isArray(value) ? "a list" : `${JSON.stringify(value)}, not a mapping`}; Vale refuses the rule ('action' expected a map).`, hint);
  }
  const fields = new Map(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k.toLowerCase(), v]));
  const text = (v: unknown, key: string): string => {
    if (v === null || v === undefined) return "";
    if (typeof v === "boolean") return v ? "1" : "0";
    if (typeof v === "string" || typeof v === "number") return String(v);
    throw new ConfigError(`${file}: "action.${key}" is ${Array.isArray(v) ? "a list" : "a mapping"}; Vale reads it as text.`, hint);
  };
  const params = fields.get("params");
  const isEmptyMap = params !== null && typeof params === "object" && !Array.isArray(params) && Object.keys(params).length === 0;
  const list = params === undefined || params === null || isEmptyMap ? [] : Array.isArray(params) ? params : [params];
  return { name: text(fields.get("name"), "name"), params: list.map((p) => text(p, "params")) };
}
