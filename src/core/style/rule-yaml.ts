/** A rule file's YAML, read as Vale's decoder (Go's yaml.v2) reads it. */
import { ConfigError } from "../errors.ts";
import { parseLenientYaml, parsePlainYaml, yamlPackage } from "../cards/yaml-source.ts";

/**
 * The value of a rule file. Most are plain YAML, read on the fast path; the rest (aliases, a
 * repeated key, an escape such as \' in double quotes, which Go's YAML reader accepts) by the
 * `yaml` package as Vale reads them: a repeated key's last value wins. Text the `yaml` package
 * refuses but js-yaml reads (a double-quoted description continued at column 0, which Go's reader
 * takes too) is read by js-yaml.
 */
export function readRuleYaml(text: string, file: string): unknown {
  const plain = parsePlainYaml(text);
  if (plain) return plain.value;
  // As Go's yaml.Unmarshal (Vale's parse): the first document is the rule; a trailing `---` and what follows are not read.
  const options = { strict: false, uniqueKeys: false };
  const doc = yamlPackage().parseAllDocuments(text, options)[0] ?? yamlPackage().parseDocument(text, options);
  const fatal = doc.errors.find((e) => e.code !== "BAD_DQ_ESCAPE");
  if (fatal) {
    const lenient = parseLenientYaml(text);
    if (lenient && expandedSize(lenient.value) <= MAX_RULE_NODES) return lenient.value;
    if (lenient) throw aliasBomb(file);
    throw new ConfigError(`${file}: the rule file is not valid YAML: ${fatal.message.split("\n")[0]}.`);
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_RULE_ALIASES });
  } catch (error) {
    if (error instanceof ReferenceError) throw aliasBomb(file);
    throw error;
  }
}

/**
 * Aliases a rule file may expand to (the `yaml` package's count: uses times the aliases inside what
 * each one repeats). Go's YAML reader, which Vale uses, refuses only documents mostly made of
 * aliases (a "billion laughs"); a list that repeats one anchored word a few hundred times loads.
 */
const MAX_RULE_ALIASES = 10_000;
/** Values a rule file read by js-yaml (whose aliases share, not copy, what they repeat) may expand to. */
const MAX_RULE_NODES = 1_000_000;

function aliasBomb(file: string): ConfigError {
  return new ConfigError(`${file}: the rule file repeats its aliases (*name) into more values than a rule can hold (an alias bomb).`, "Write the repeated values out, or repeat an anchor (&name) fewer times.");
}

/** How many values `value` holds with every shared (aliased) part counted each time, up to just past the limit. */
function expandedSize(value: unknown): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && count <= MAX_RULE_NODES) {
    const item = stack.pop();
    count++;
    const children = Array.isArray(item) ? item : item !== null && typeof item === "object" ? Object.values(item) : [];
    for (const child of children) stack.push(child);
  }
  return count;
}
