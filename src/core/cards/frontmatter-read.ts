/**
 * A card's frontmatter: the YAML block read with the line of every key, then field aliases,
 * collection defaults and the schema applied. Every problem becomes a finding at its line.
 */
import type { Root } from "mdast";
import type { Finding } from "../lint/findings.ts";
import type { VerityConfig } from "../project/config.ts";
import { decodeCard, parseCard } from "./card-text.ts";
import type { Collection } from "./collections.ts";
import { formatOf } from "./markdown.ts";
import { FIELD_ALIASES, FRONTMATTER_KEYS, FrontmatterSchema, type Frontmatter } from "./schema.ts";
import { formatSchemaIssues } from "./schema-issues.ts";
import { parseYaml } from "./yaml-source.ts";

/** Field aliases, collection defaults and the schema: the frontmatter a card loads with, or undefined (problems added). */
export function validateFrontmatter(file: string, frontmatter: FrontmatterBlock, collection: Collection, problems: Finding[]): Frontmatter | undefined {
  const input: Record<string, unknown> = { ...frontmatter.data };
  for (const [alias, key] of Object.entries(FIELD_ALIASES)) {
    if (!Object.hasOwn(input, alias)) continue;
    if (Object.hasOwn(input, key)) {
      problems.push(schemaProblem(file, frontmatter.lineOf(alias), `Both "${alias}" and "${key}" are set. Keep only "${key}".`));
      return undefined;
    }
    input[key] = input[alias];
    delete input[alias];
    frontmatter.lines[key] = frontmatter.lines[alias]!;
  }
  const defaults = collection.defaults;
  for (const [key, value] of Object.entries(defaults)) {
    if (value !== undefined && !Object.hasOwn(input, key)) input[key] = value;
  }
  const result = FrontmatterSchema.safeParse(input);
  if (!result.success) {
    for (const issue of formatSchemaIssues(result.error, () => [...FRONTMATTER_KEYS, ...Object.keys(FIELD_ALIASES)])) {
      const key = String(issue.path[0] ?? "");
      const line = frontmatter.lineOfPath(issue.path) ?? frontmatter.lines[key] ?? frontmatter.startLine;
      problems.push(schemaProblem(file, line, issue.message));
    }
    return undefined;
  }
  return result.data;
}

const FRONTMATTER_TEXT = /^(---[ \t]*\r?\n)([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/**
 * The frontmatter a card would load with, read from its text without parsing the Markdown body
 * (aliases, collection defaults and the schema applied exactly as when loading), or undefined when
 * the card would not load. `lint --changed` counts the cards it does not lint with this, so its
 * trust score is the full lint's.
 */
export function readCardFrontmatter(file: string, bytes: Uint8Array, config: VerityConfig, collection: Collection): Frontmatter | undefined {
  const problems: Finding[] = [];
  if (bytes.length > config.maxCardBytes) return undefined;
  const text = decodeCard(file, bytes, problems);
  if (!text) return undefined;
  const { source } = text;
  // Markdown always parses; MDX may not, and then the card does not load.
  if (formatOf(file) === "mdx" && !parseCard(file, source, "mdx", problems)) return undefined;
  const match = FRONTMATTER_TEXT.exec(source);
  if (!match) return undefined;
  const node = { type: "yaml", value: match[2]!, position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: match[0].length } } };
  const frontmatter = readFrontmatter(file, source, { type: "root", children: [node] } as Root, problems);
  return frontmatter ? validateFrontmatter(file, frontmatter, collection, problems) : undefined;
}

export interface FrontmatterBlock {
  data: Record<string, unknown>;
  /** Line of the first YAML line in the file. */
  startLine: number;
  bodyOffset: number;
  lines: Record<string, number>;
  lineOf(key: string): number;
  lineOfPath(path: (string | number)[]): number | undefined;
}

export function readFrontmatter(file: string, source: string, tree: Root, problems: Finding[]): FrontmatterBlock | undefined {
  const first = tree.children[0];
  if (!first || first.type !== "yaml") {
    const opensFrontmatter = /^---[ \t]*\r?\n/.test(source);
    const message = source.trim() === ""
      ? "The file is empty. A card starts with frontmatter between --- lines: title, owner, audience and verify_by."
      : opensFrontmatter
        ? "The frontmatter opened with --- on line 1 is never closed. End it with a line holding only ---."
        : "The card has no frontmatter. Start the file with a --- line, then title, owner, audience and verify_by, then a closing --- line.";
    problems.push({ ruleId: "frontmatter-yaml", severity: "error", file, line: 1, column: 1, message });
    return undefined;
  }
  const startLine = (first.position?.start.line ?? 1) + 1;
  const parsed = parseYaml(first.value);
  for (const problem of parsed.problems) {
    problems.push({
      ruleId: "frontmatter-yaml",
      severity: "error",
      file,
      line: startLine + problem.line - 1,
      column: problem.column,
      message: `The frontmatter is not valid YAML: ${problem.message}.`,
    });
  }
  if (parsed.problems.length > 0) return undefined;
  const value = parsed.value ?? {};
  if (typeof value !== "object" || Array.isArray(value) || value === null) {
    const kind = Array.isArray(value) ? "a list" : "a single value";
    problems.push({
      ruleId: "frontmatter-yaml",
      severity: "error",
      file,
      line: startLine,
      column: 1,
      message: `The frontmatter is ${kind}, but it must be a mapping of fields ("title: ...", "owner: ...", one per line).`,
    });
    return undefined;
  }
  const lines: Record<string, number> = {};
  for (const key of Object.keys(value)) lines[key] = startLine + (parsed.lineOf([key]) ?? 1) - 1;
  const lineOfPath = (p: (string | number)[]) => {
    const line = parsed.lineOf(p);
    return line === undefined ? undefined : startLine + line - 1;
  };
  return {
    data: value as Record<string, unknown>,
    startLine,
    bodyOffset: first.position?.end.offset ?? 0,
    lines,
    lineOf: (key) => lines[key] ?? startLine,
    lineOfPath,
  };
}

function schemaProblem(file: string, line: number, message: string): Finding {
  return { ruleId: "frontmatter-schema", severity: "error", file, line, column: 1, message };
}
