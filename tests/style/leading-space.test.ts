/**
 * The space Vale's clean() puts before the text of an inline element (lint/ast.go) is kept at the start
 * of a block Vale lints as plain `text`: lintScope trims it (strings.TrimLeft) off a heading, a list
 * item, a quote's first paragraph and a table cell, not off a paragraph, the later paragraphs of an
 * item or a quote, or an HTML block. So "`x` and" reads " * and", "**But** now" reads " But now" and an
 * image at the start is followed by " text". A rule anchored with `^` does not fire there; sentences,
 * which Vale trims, and the metric variables (words, letters, trimmed sentences) read the same.
 */
import { afterEach, describe, expect, it } from "vitest";
import { parseProseSource } from "../../src/core/style/prose-source.ts";
import { extractProse } from "../../src/core/style/prose.ts";
import { joinBlocks } from "../../src/core/style/prose-block.ts";
import { isSummaryPart } from "../../src/core/style/summary.ts";
import { removeTemps } from "../helpers.ts";
import { lintText, proseBlocks, styleProject, valeProject } from "./vale-project.ts";

afterEach(removeTemps);

const blocks = proseBlocks;

describe("clean()'s space before a block's first inline element", () => {
  it("a paragraph starting with code, strong, emphasis, a link, an image or a bare URL keeps it", () => {
    expect(blocks("`x` and more.\n")).toEqual(["text.paragraph| * and more."]);
    expect(blocks("**Note**: this.\n")).toEqual(["text.paragraph| Note: this."]);
    expect(blocks("*em* and [link](u.md) here.\n")).toEqual(["text.paragraph| em and link here."]);
    expect(blocks("![alt](i.png) after.\n")).toEqual(["text.attr.alt|alt", "text.paragraph| after."]);
    expect(blocks("https://x.y is a site.\n")).toEqual(["text.paragraph| *********** is a site."]);
    expect(blocks("<b>x</b> and.\n")).toEqual(["text.paragraph| x and."]);
  });

  it("none before unstarred text starting with . , : ) and the like; starred text gets it", () => {
    expect(blocks("[.NET](u.md) is.\n")).toEqual(["text.paragraph|.NET is."]);
    expect(blocks("`.x` is.\n")).toEqual(["text.paragraph| ** is."]);
  });

  it("a heading, an item, a quote's first paragraph and a cell are trimmed; later paragraphs of an item or quote are not", () => {
    expect(blocks("# `x` head\n")).toEqual(["text.heading.h1|* head"]);
    expect(blocks("- `x` item\n")).toEqual(["text.list|* item"]);
    expect(blocks("> `x` quote\n")).toEqual(["text.blockquote|* quote"]);
    expect(blocks("| h |\n|---|\n| `x` c |\n")).toEqual(["text.table.header|h", "text.table.cell|* c"]);
    expect(blocks("- a\n\n  `x` b\n")).toEqual(["text.list|a", "text.paragraph| * b"]);
    expect(blocks("> a\n>\n> `x` b\n")).toEqual(["text.blockquote|a", "text.paragraph| * b"]);
  });

  it("Vale's summary keeps it on an item or a quote too: lintScope writes the summary before it trims", () => {
    const source = "- **B** item\n\n> `x` quoted\n\n- plain\n\n<ul><li><b>h</b> html</li></ul>\n\n`y` para\n";
    const parsed = parseProseSource({ file: "/tmp/doc.md", source, format: "md" }, undefined);
    if ("ruleId" in parsed) throw new Error("no parse");
    const parts = extractProse(parsed.proseTree, source).blocks.filter(isSummaryPart);
    expect(parts.map((b) => b.text)).toEqual(["B item", "* quoted", "plain", "h html", " * para"]);
    expect(joinBlocks(parts, ["summary"], "\n\n").text).toBe(" B item\n\n * quoted\n\nplain\n\n h html\n\n * para\n\n");
  });

  it("an HTML block as well: the last start tag read decides, as Vale's inline flag", () => {
    expect(blocks("<p><code>x</code> and</p>\n")).toEqual(["text.paragraph| * and"]);
    expect(blocks('<div><img src="a"> and</div>\n')).toEqual(["text.paragraph| and"]);
    expect(blocks('<div><img src="a"/> and</div>\n')).toEqual(["text.paragraph|and"]);
    expect(blocks("<div>\n<p><b>x</b></p>tail\n</div>\n")).toEqual(["text.paragraph| x", "text.paragraph| tail"]);
    // A start tag does not empty the walker's tag history: a <p> in a <td> is the cell's, trimmed.
    expect(blocks("<table><tr><td><p><code>x</code> y</p></td></tr></table>\n")).toEqual(["text.table.cell|* y"]);
  });

  it("a TokenIgnores match starting a paragraph is inline code to Vale, so it gets the space too; Vale finds a matched space by search", () => {
    const project = valeProject({
      ".vale.ini": "StylesPath = styles\nMinAlertLevel = suggestion\n[*.md]\nBasedOnStyles = S\nTokenIgnores = (foo)\n",
      "styles/S/Lead.yml": "extends: existence\nmessage: Leading '%s'.\nnonword: true\ntokens: ['^\\s']\n",
    });
    // No word-bounded ` ` in the line: strings.Index finds its first space (after the text Vale masks when the block is there as written).
    expect(lintText(project, "foo bar.\n\nbaz bar.\n\n`x` and.\n\n**B** and.\n\n![a](b.png \"t\") and\n")).toEqual([
      "1:4:S.Lead:Leading ' '.",
      "5:4:S.Lead:Leading ' '.",
      "7:6:S.Lead:Leading ' '.",
      "9:16:S.Lead:Leading ' '.",
    ]);
  });
});

describe("white space before an inline element that gives no text, at a block's end", () => {
  it("is the end of a text token, which Vale trims: `# alex [![badge](…)](…)` reads `alex`", () => {
    expect(blocks("# alex [![b](b.svg)](u)\n")).toEqual(["text.attr.alt|b", "text.heading.h1|alex"]);
    expect(blocks("See this [![i](i.png)](u)\n")).toEqual(["text.attr.alt|i", "text.paragraph|See this"]);
    expect(blocks("| h |\n|---|\n| _Manage <PRODUCT>_ |\n")).toEqual(["text.table.header|h", "text.table.cell|Manage"]);
    const project = styleProject({ Trail: "extends: existence\nmessage: Trailing space.\nnonword: true\ntokens: ['\\s$']\n" });
    expect(lintText(project, "# alex [![b](b.svg)](u)\n\nSee this [![i](i.png)](u)\n")).toEqual([]);
  });
});

describe("what it changes for rules", () => {
  const but = (scope: string) => `extends: existence\nmessage: "Do not start with 'but'."\n${scope}tokens:\n  - ^But\n`;

  it("a `^` token does not match after it: proselint's But (scope: paragraph) does not fire on **But**, [But](…) or *But*", () => {
    const project = styleProject({ But: but("scope: paragraph\n") });
    const doc = "**But** this is bold.\n\n[But](x.md) this is a link.\n\n*But* this too.\n\nBut this fires.\n\n- First.\n\n  **But** not here.\n";
    expect(lintText(project, doc)).toEqual(["7:1:S.But:Do not start with 'but'."]);
  });

  it("in a heading, an item or a quote, trimmed, it does", () => {
    const project = styleProject({ But: but("") });
    expect(lintText(project, "**But** bold.\n\n# **But** heading\n\n- **But** item\n\n> **But** quoted\n")).toEqual([
      "3:5:S.But:Do not start with 'but'.",
      "5:5:S.But:Do not start with 'but'.",
      "7:5:S.But:Do not start with 'but'.",
    ]);
  });

  it("a sentence is trimmed, so a sentence-scoped `^` token fires as before, at the same column", () => {
    const project = styleProject({ But: but("scope: sentence\n") });
    expect(lintText(project, "**But** this is bold.\n")).toEqual(["1:3:S.But:Do not start with 'but'."]);
  });

  it("alerts after it keep their columns", () => {
    const project = styleProject({ Very: "extends: existence\nmessage: Avoid '%s'.\ntokens: [very]\n" });
    expect(lintText(project, "`code` is very good.\n\n**Bold** is very good.\n")).toEqual(["1:11:S.Very:Avoid 'very'.", "3:13:S.Very:Avoid 'very'."]);
  });
});
