/**
 * Vale's walker unescapes each text token twice (lint/ast.go lintHTMLTokens: x/net/html's tokenizer,
 * then html.UnescapeString on the trimmed token), so text whose Markdown reading holds an entity
 * (`&amp;lt;`, `\&copy;`, `&nbsp` with no semicolon) is that entity's character to Vale. Expectations are
 * the blocks the walker oracle (scripts/vale-oracle/walk, goldmark v1.5.6 and x/net v0.23.0) prints.
 */
import { afterEach, describe, expect, it } from "vitest";
import { removeTemps } from "../helpers.ts";
import { lintText, proseBlocks, styleProject } from "./vale-project.ts";

afterEach(removeTemps);

describe("Vale's second unescape of a text token", () => {
  it("an entity written as text (`&amp;lt;`, `\&copy;`) or one without its semicolon (`&nbsp`) is its character", () => {
    expect(proseBlocks("Use &amp;lt; here, \\&copy; there, &nbsp no semicolon and ?a=1&region=us.\n")).toEqual(["text.paragraph|Use < here, © there, \u00a0 no semicolon and ?a=1®ion=us."]);
  });

  it("a code span is starred as its twice-unescaped text: `&#124;` is one star, `&amp;lt;` four", () => {
    expect(proseBlocks("| A |\n| --- |\n| `x &#124; y` |\n\nSee `&copy;` and `&amp;lt;`.\n")).toEqual(["text.table.header|A", "text.table.cell|*****", "text.paragraph|See * and ****."]);
  });

  it("a token is trimmed before its second unescape: `&amp;nbsp;` at a block's start is a no-break space kept", () => {
    expect(proseBlocks("&amp;nbsp;Lead text.\n")).toEqual(["text.paragraph|\u00a0Lead text."]);
  });

  it("raw HTML text is unescaped twice too", () => {
    expect(proseBlocks("<p>Use &amp;lt;b&amp;gt; tags.</p>\n")).toEqual(["text.paragraph|Use <b> tags."]);
  });

  it("a rule matches the unescaped character, and the alert is placed where Vale's search places it", () => {
    const project = styleProject({ Sign: "extends: existence\nmessage: \"Sign '%s'.\"\nnonword: true\ntokens:\n  - '©'\n" });
    expect(lintText(project, "Written \\&copy; 2026.\n")).toEqual(["1:1:S.Sign:Sign '©'."]);
  });
});
