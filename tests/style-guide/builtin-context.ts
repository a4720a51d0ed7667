/** Builds the context a built-in rule receives, straight from Markdown text, so rules run without the engine. */
import path from "node:path";
import { parse } from "yaml";
import type { BuiltinProseRule, BuiltinRuleContext } from "../../src/core/style/builtin-rules.ts";
import { codePointColumn, type Finding } from "../../src/core/lint/findings.ts";
import { parseMarkdown } from "../../src/core/cards/markdown.ts";
import { extractProse } from "../../src/core/style/prose.ts";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

export function makeContext(source: string, options: { file?: string; lang?: string; format?: "md" | "mdx" } = {}): BuiltinRuleContext {
  const format = options.format ?? "md";
  const tree = parseMarkdown(source, format);
  const prose = extractProse(tree, source);
  const first = tree.children[0];
  const hasYaml = first?.type === "yaml";
  const frontmatter = hasYaml ? (parse((first as { value: string }).value) as Record<string, unknown>) : undefined;
  const lines = source.split("\n");
  const locate = (offset: number): { line: number; column: number } => {
    const before = source.slice(0, offset).split("\n");
    const line = before.length;
    return { line, column: codePointColumn(lines[line - 1] ?? "", before[before.length - 1]!.length + 1) };
  };
  const file = options.file ?? path.join(REPO_ROOT, "content/fixture/card.md");
  return {
    file,
    source,
    tree,
    format,
    lang: options.lang ?? (typeof frontmatter?.lang === "string" ? frontmatter.lang : "en"),
    frontmatter,
    bodyOffset: hasYaml ? (first!.position?.end.offset ?? 0) : 0,
    blocks: prose.blocks,
    isQuoted: (block) => prose.quoted.has(block),
    locate,
    report(start, end, message): Finding {
      const a = locate(start);
      const b = locate(end);
      return { ruleId: "?", severity: "error", message, file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
    },
  };
}

export function runRule(rule: BuiltinProseRule, source: string, options: { file?: string; lang?: string; format?: "md" | "mdx" } = {}): Finding[] {
  return rule.check(makeContext(source, options)).map((finding) => ({ ...finding, ruleId: rule.id }));
}
