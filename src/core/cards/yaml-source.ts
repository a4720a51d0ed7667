/**
 * YAML parsing that keeps positions: every error and every key can be traced back to a line, so
 * messages point into the file. Hardened against hostile input: duplicate keys are errors, alias
 * expansion is capped (no "billion laughs"), and `__proto__` is stored as a plain key.
 *
 * Two parsers, one result. Frontmatter without anchors or aliases (nearly all of it) is read by
 * js-yaml with the YAML 1.2 core schema, about ten times faster; anything else, and every
 * document with an error, goes through the `yaml` package, whose position-keeping document gives
 * the exact line of each problem and caps alias expansion.
 */
import jsyaml from "js-yaml";
import type { Node as YamlNode } from "yaml";
import { onFirstUse } from "../load-on-use.ts";

/** The position-keeping `yaml` package, loaded only for the documents the fast path leaves to it. */
export const yamlPackage = onFirstUse<typeof import("yaml")>("yaml");

export interface YamlProblem {
  message: string;
  /** 1-based line within the YAML text. */
  line: number;
  column: number;
}

export interface ParsedYaml {
  /** The plain JavaScript value, or undefined when the text has errors. */
  value: unknown;
  problems: YamlProblem[];
  /** 1-based line of the key at `path` (or of its value for array items), when it exists. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

/** What V8 says when a recursion runs out of stack. */
const STACK_OVERFLOW = /Maximum call stack size exceeded/;

const TOO_DEEP = "lists or mappings are nested too deeply to read (inside each other hundreds of times or more): write each field as a plain value or a list of plain values";

/** Aliases allowed before a document is rejected as an alias bomb. */
const MAX_ALIAS_COUNT = 100;

/**
 * Where js-yaml and the `yaml` package read the same text differently, the fast path declines: a
 * `null:`, `~:` or empty key ("null" against ""), binary or underscored numbers (numbers for
 * js-yaml, strings for YAML 1.2), and a key that may be a list or a mapping (an explicit `? ` key, or
 * a flow collection before a colon), which js-yaml turns into text ("[object Object]") without a word.
 */
const MAY_DIFFER = [
  /(^|[\s{,?-])(?:null|Null|NULL|~)?:(?:\s|$)/m,
  /(^|[\s:,[{-])[-+]?(?:0b|[0-9.]*_)/m,
  /(^|[\s[{,])\?(?:\s|$)/m,
  /[\]}][ \t]*:(?:\s|$)/m,
  // An empty list item (`-` alone, or with a comment): in a list of a mapping that is itself a list item,
  // js-yaml takes the next item of the outer list into the inner one.
  /^[ \t]*(?:- +)*-[ \t]*(?:#.*)?$/m,
];

/**
 * A line whose whole value is one quoted scalar (`key: '...'`, `- "..."`, a comment after it allowed):
 * what the quotes hold is text to both parsers, so MAY_DIFFER does not look inside it. A rule's
 * pattern (`'\d{1,2},? \d{4}'`) often looks like an explicit key or an underscored number.
 */
const QUOTED_VALUE_LINE = /^([ \t]*(?:-[ \t]+)*(?:[^\s#'"?{[\]-][^:#\n]*:[ \t]+)?)(?:'(?:[^'\n]|'')*'|"(?:[^"\\\n]|\\.)*")([ \t]*(?:#.*)?)$/gm;

function mayDiffer(text: string): boolean {
  const outsideQuotes = text.includes("'") || text.includes('"') ? text.replace(QUOTED_VALUE_LINE, "$1''$2") : text;
  return MAY_DIFFER.some((pattern) => pattern.test(outsideQuotes));
}

export function parseYaml(text: string): ParsedYaml {
  return parseWithoutAliases(text) ?? parseWithPositions(text);
}

/**
 * The plain value of YAML without anchors or aliases, read with the YAML 1.2 core schema (js-yaml);
 * undefined when the text holds an anchor, may be read differently by the two parsers (MAY_DIFFER) or
 * has any error, duplicate keys included: the caller then reads it with the `yaml` package, which
 * says where the problem is.
 */
export function parsePlainYaml(text: string): { value: unknown } | undefined {
  if (mayDiffer(text)) return undefined;
  // An alias needs an anchor, and js-yaml keeps every anchor it read in its state: none, no alias.
  let state: jsyaml.State | undefined;
  let value: unknown;
  try {
    value = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, json: false, listener: (_event, current) => void (state ??= current) });
  } catch {
    return undefined;
  }
  const anchors = (state as { anchorMap?: object } | undefined)?.anchorMap;
  return anchors && Object.keys(anchors).length > 0 ? undefined : { value };
}

/**
 * The plain value of YAML as js-yaml reads it (YAML 1.2 core schema, a repeated key's last value
 * wins), or undefined when it does not parse. Go's YAML reader, like js-yaml, takes a double-quoted
 * scalar continued on lines less indented than its key, which the `yaml` package refuses.
 */
export function parseLenientYaml(text: string): { value: unknown } | undefined {
  try {
    return { value: jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, json: true }) };
  } catch {
    return undefined;
  }
}

/** The fast path, or undefined when the text has an error (the slow path then describes it). */
function parseWithoutAliases(text: string): ParsedYaml | undefined {
  const plain = parsePlainYaml(text);
  if (!plain) return undefined;
  const value = plain.value;
  const topLevelLines = scanTopLevelKeys(text);
  let precise: ParsedYaml | undefined;
  return {
    value,
    problems: [],
    lineOf(path) {
      // A top-level key the value lacks (a key a schema fills with a default) has no line: no need for the slow parser.
      if (path.length >= 1 && isPlainMap(value) && !Object.hasOwn(value, String(path[0]))) return undefined;
      if (path.length === 1 && topLevelLines.has(String(path[0]))) return topLevelLines.get(String(path[0]));
      precise ??= parseWithPositions(text);
      return precise.lineOf(path);
    },
  };
}

function isPlainMap(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Line of each top-level `key:` of a block mapping (plain or quoted keys). */
function scanTopLevelKeys(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const keyLine = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#"'{[\-?:][^:#]*?|-[^\s:][^:#]*?))\s*:(?:\s|$)/;
  text.split("\n").forEach((line, index) => {
    const match = keyLine.exec(line);
    if (!match) return;
    const key = match[1] ?? match[2]?.replace(/''/g, "'") ?? match[3]!.trimEnd();
    if (!lines.has(key)) lines.set(key, index + 1);
  });
  return lines;
}

function parseWithPositions(text: string): ParsedYaml {
  const { isAlias, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit } = yamlPackage();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
    version: "1.2",
  });
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: Math.max(1, pos.line), column: Math.max(1, pos.col) };
  };
  const overflow = doc.errors.find((error) => STACK_OVERFLOW.test(error.message));
  // The parser's stack overflowed on collections nested thousands deep; it then reports that at every
  // level it unwinds through. One problem says what happened and what to write instead.
  const errors = overflow ? [] : doc.errors;
  const problems: YamlProblem[] = errors.map((error) => {
    const quote = /Missing closing (["'])quote/.exec(error.message)?.[1];
    if (quote) {
      const opened = text.lastIndexOf(quote, error.pos[0] - 1);
      return { message: `a value opened with ${quote} is never closed: add the closing ${quote} on the same line`, ...at(Math.max(0, opened)) };
    }
    return { message: describeYamlError(error.code, error.message), ...at(error.pos[0]) };
  });
  if (overflow) problems.push({ message: TOO_DEEP, ...at(overflow.pos[0]) });
  // A key that is a list or a mapping (`? [a, b]`, `{a: 1}: v`) names no field: reading it would turn it into
  // text with a warning of the parser's own on stderr, and the field it makes would be reported at no line of its own.
  if (problems.length === 0) {
    try {
      visit(doc, {
        Pair(_key, pair) {
          if (!isPair(pair) || !(isCollection(pair.key) || (isAlias(pair.key) && isCollection(pair.key.resolve(doc))))) return;
          problems.push({ message: "a key is a list or a mapping, not a name: write each field as name: value", ...at((pair.key as YamlNode).range?.[0] ?? 0) });
        },
      });
    } catch (error) {
      if (!(error instanceof RangeError && STACK_OVERFLOW.test(error.message))) throw error;
      problems.push({ message: TOO_DEEP, ...at(0) });
    }
  }
  let value: unknown;
  if (problems.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      if (error instanceof RangeError && STACK_OVERFLOW.test(error.message)) {
        problems.push({ message: TOO_DEEP, ...at(0) });
        return { value: undefined, problems, lineOf: () => undefined };
      }
      const firstAlias = /(^|[\s,[{:])\*[^\s,\]}]+/m.exec(text);
      problems.push({
        message: `${(error as Error).message}. Aliases (*name) may repeat a value only ${MAX_ALIAS_COUNT} times; write the values out instead`,
        ...at(firstAlias ? firstAlias.index + firstAlias[1]!.length : 0),
      });
    }
  }
  function lineOf(path: readonly (string | number)[]): number | undefined {
    let node: unknown = doc.contents;
    let keyOffset: number | undefined;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) return keyOffset === undefined ? undefined : at(keyOffset).line;
        keyOffset = (pair.key as YamlNode).range?.[0];
        node = pair.value;
      } else if (isSeq(node) && typeof segment === "number") {
        const item = node.items[segment] as YamlNode | undefined;
        if (!item) break;
        keyOffset = item.range?.[0];
        node = item;
      } else break;
    }
    return keyOffset === undefined ? undefined : at(keyOffset).line;
  }
  return { value, problems, lineOf };
}

function describeYamlError(code: string, message: string): string {
  const first = message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
  if (code === "DUPLICATE_KEY") return `${first}: each key may appear once; remove or merge the repeated one`;
  if (code === "BAD_INDENT" || code === "MISSING_CHAR")
    return `${first}: check the indentation and that every "key: value" pair has its colon`;
  return first;
}
