/**
 * Built-in prose rules: checks beyond Vale's rule format (Korean speech levels, sentence length,
 * template structure, heading levels, image alt text, link text). They run in `verity style` (inside
 * a Verity project) and in `verity lint`, on the same parsed tree and prose blocks as the Vale rules.
 *
 * To add one, write a module that exports a {@link BuiltinProseRule} and append it to
 * `BUILTIN_RULE_LIST` in `builtin-rule-list.ts` (or call {@link registerBuiltinProseRule}).
 * Severity comes from the project configuration (`rules: { <id>: off|suggestion|warning|error }`
 * in verity.config.yml), else from `defaultLevel`; the rule itself never decides it.
 */
import type { Root } from "mdast";
import type { Finding, Severity, TextEdit } from "../lint/findings.ts";
import type { ProseBlock } from "./prose.ts";

export interface BuiltinRuleContext {
  /** Absolute path of the file. */
  file: string;
  /** File text without a byte order mark; every offset below indexes this string (UTF-16). */
  source: string;
  /** The satteri mdast tree of `source`, with positions. */
  tree: Root;
  format: "md" | "mdx";
  /** Language of the text: the card's `lang`, else the project's `lang`, else `en`. */
  lang: string;
  /** The front matter as parsed YAML (raw, not validated), or undefined when there is none. */
  frontmatter: Record<string, unknown> | undefined;
  /** Offset where the body starts (after the front matter). */
  bodyOffset: number;
  /**
   * Prose of the file, one block per paragraph, heading, list item text, table cell, blockquote
   * paragraph and image alt: code, URLs, HTML and front matter are already left out. Use
   * `block.offsetAt(i)` to map an index in `block.text` back to `source`.
   */
  blocks: readonly ProseBlock[];
  /** True for a block inside a block quote (quoted speech, callouts), whatever its scope. */
  isQuoted(block: ProseBlock): boolean;
  /** 1-based line and code-point column of a source offset. */
  locate(offset: number): { line: number; column: number };
  /**
   * Builds a finding of this rule at `[start, end)` (source offsets). `fix` edits are source
   * offsets too; they must never touch code or front matter values.
   */
  report(start: number, end: number, message: string, fix?: TextEdit[]): Finding;
}

export interface BuiltinProseRule {
  /** Stable kebab-case id, e.g. `sentence-length`; also the key in verity.config.yml `rules`. */
  id: string;
  /** One line: what the rule checks (shown in SARIF and docs). */
  description: string;
  /** Severity when the configuration does not set one. */
  defaultLevel: Severity;
  /** Link to the style-guide section the rule enforces. */
  url?: string;
  /** True when the rule's findings carry `fix` edits that `--fix` may apply. */
  fixable?: boolean;
  /** Returns this rule's findings for one file (build them with `ctx.report`). */
  check(ctx: BuiltinRuleContext): Finding[];
}

const registry: BuiltinProseRule[] = [];

/** Adds a rule to the registry; a second rule with the same id replaces the first. */
export function registerBuiltinProseRule(rule: BuiltinProseRule): void {
  const at = registry.findIndex((r) => r.id === rule.id);
  if (at >= 0) registry[at] = rule;
  else registry.push(rule);
}

/** Every registered built-in rule, in registration order. */
export function getBuiltinProseRules(): readonly BuiltinProseRule[] {
  return registry;
}
