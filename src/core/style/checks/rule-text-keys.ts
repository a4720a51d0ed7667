/**
 * Text and list keys of a rule, read as Vale reads them: gopkg.in/yaml.v2, then mapstructure's
 * WeaklyTypedInput (internal/check/definition.go decodeRule). For a `string` field a number is its
 * decimal text and a boolean is "1" or "0"; for a `[]string` field a single value is lifted into a
 * one-item list; a null leaves the field's default (manager.go gives a null `scope` the default
 * `text`). A list or mapping where text is expected, or a mapping where a list is, is refused by
 * Vale (E201); here it is an error naming the rule file and the key.
 */
import { ConfigError } from "../../errors.ts";
import type { RuleDefinition } from "./common.ts";

type Kind = "string" | "strings";

const DEFINITION: Record<string, Kind> = { description: "string", link: "string", message: "string", name: "string", scope: "strings" };

/** The `string` and `[]string` fields of each rule type's Go struct (Vale 3.7). */
const TEXT_KEYS: Record<string, Record<string, Kind>> = {
  existence: { raw: "strings", tokens: "strings", exceptions: "strings" },
  substitution: { exceptions: "strings", pos: "string" },
  occurrence: { token: "string" },
  repetition: { tokens: "strings", exceptions: "strings" },
  consistency: {},
  conditional: { first: "string", second: "string", exceptions: "strings" },
  capitalization: { match: "string", style: "string", prefix: "string", exceptions: "strings", indicators: "strings" },
  metric: { formula: "string", condition: "string" },
  readability: { metrics: "strings" },
  spelling: { aff: "string", dic: "string", dicpath: "string", dictionaries: "strings", exceptions: "strings" },
  sequence: {},
  script: { script: "string" },
};

/** Replaces each text or list key of `def` by the value Vale decodes; throws a ConfigError for one Vale refuses. */
export function decodeTextKeys(def: RuleDefinition, type: string, file: string): void {
  const keys: Record<string, Kind> = { ...DEFINITION, ...TEXT_KEYS[type] };
  for (const [key, kind] of Object.entries(keys)) {
    const value = def[key];
    if (value === undefined || value === null) {
      delete def[key];
      continue;
    }
    if (kind === "string") def[key] = asText(value, key, file);
    else if (Array.isArray(value)) def[key] = value.map((item, i) => asText(item, `${key}[${i}]`, file));
    else if (typeof value === "object") throw refused(file, key, "a mapping", "a list of text");
    else def[key] = [asText(value, key, file)];
  }
}

function asText(value: unknown, key: string, file: string): string {
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "1" : "0";
  if (typeof value === "number") return String(value);
  // A null item of a list is Go's zero value.
  if (value === null || value === undefined) return "";
  throw refused(file, key, Array.isArray(value) ? "a list" : "a mapping", "text");
}

function refused(file: string, key: string, found: string, wanted: string): ConfigError {
  return new ConfigError(`${file}: "${key}" is ${found}; Vale reads it as ${wanted} and refuses the rule.`, `Write ${key} as ${wanted === "text" ? "a single value" : "a list (- item per line) or a single value"}.`);
}
