/**
 * Text in the reports' Markdown: what readers typed cannot mention people, reference issues, link,
 * or break a table; titles read as written; the project's own Markdown stays Markdown.
 */
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../../src/core/cards/markdown.ts";
import { literalMarkdown, markdownCell, plainMarkdown } from "../../src/core/report/markdown-text.ts";

/** GFM, as the project's parser reads it (tables, autolinks, strikethrough). */
const parse = (markdown: string) => parseMarkdown(markdown) as unknown as { type: string; children: { type: string }[] };

/** Every node type in a tree. */
function types(node: { type: string; children?: unknown[] }): string[] {
  return [node.type, ...((node.children ?? []) as { type: string }[]).flatMap((child) => types(child))];
}

describe("Markdown text in reports", () => {
  const attacks = ["@acme/security-team @octocat please", "see https://evil.test/reset and www.evil.test", "#1 acme/other#3", "line break | cell | ## heading", "`code` ``more`` ![x](https://evil.test/p.png) <img src=x>", "~~strike~~ $$math$$ :tada: **bold**", "trailing backslash \\"];

  it.each(attacks)("a typed query in a table row stays one cell of literal text: %s", (query) => {
    const tree = parse(`| Query | Site |\n| --- | --- |\n| ${literalMarkdown(query, true)} | public |\n`);
    const table = tree.children[0] as { type: string; children: { children: { children: { type: string; value?: string }[] }[] }[] };
    expect(table.type).toBe("table");
    const row = table.children[1]!;
    expect(row.children).toHaveLength(2);
    expect(row.children[0]!.children).toEqual([expect.objectContaining({ type: "inlineCode", value: query })]);
  });

  it.each(attacks)("a typed comment in a list item is one code span, no link or mention: %s", (comment) => {
    const tree = parse(`- ${literalMarkdown(comment)}\n`);
    expect(types(tree).filter((type) => !["root", "list", "listItem", "paragraph"].includes(type))).toEqual(["inlineCode"]);
  });

  it("a title reads as written, even with Markdown punctuation", () => {
    const title = "Use *stars* and [brackets] | pipes <b>";
    const tree = parse(plainMarkdown(title));
    expect(types(tree)).toEqual(["root", "paragraph", "text"]);
    expect(JSON.stringify(tree)).toContain(JSON.stringify(title));
  });

  it("the project's own Markdown stays Markdown in one table cell", () => {
    expect(markdownCell("Set `internalTerms`\n  | or not")).toBe("Set `internalTerms` \\| or not");
  });

  it("shows blank typed text as (blank), not an empty code span", () => {
    expect(literalMarkdown("   ")).toBe("(blank)");
  });
});
