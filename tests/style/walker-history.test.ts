/**
 * Vale's walker (lint/ast.go lintHTMLTokens over goldmark v1.5.6's HTML, x/net/html v0.23.0) keeps its
 * tag history across an HTML block that opens an element without closing it, so Markdown inside an HTML
 * table's `<td>` is a cell. Expectations are the blocks the walker oracle (scripts/vale-oracle/walk)
 * prints for the same Markdown.
 */
import { afterEach, describe, expect, it } from "vitest";
import { removeTemps } from "../helpers.ts";
import { lintText, proseBlocks, styleProject } from "./vale-project.ts";
import { parseProseSource } from "../../src/core/style/prose-source.ts";
import { extractProse } from "../../src/core/style/prose.ts";

afterEach(removeTemps);

describe("Vale's tag history across an HTML block", () => {
  it("Markdown inside an HTML <td> is a table cell, trimmed, as the <td> is the first scoped tag since the last end tag", () => {
    const md = "<table>\n<tr>\n<td>\n\n**Bold** text with `code` and a [link](https://x.io).\n\n</td>\n<td>Plain *cell* text</td>\n</tr>\n</table>\n\nAfter.\n";
    expect(proseBlocks(md)).toEqual(["text.table.cell|Bold text with **** and a link.", "text.table.cell|Plain *cell* text", "text.paragraph|After."]);
  });

  it("only the first block after the open tag takes its scope; a heading keeps its own; a list item's <li> comes first", () => {
    const md = "<th>\n\nFirst *para*.\n\nSecond para.\n\n</th>\n\n<td>\n\n## A heading\n\n</td>\n\n- <td>\n\n  Item text.\n\n  </td>\n";
    expect(proseBlocks(md)).toEqual(["text.table.header|First para.", "text.paragraph|Second para.", "text.table.cell|A heading", "text.list|Item text."]);
  });

  it("a rule scoped to table cells fires on such text", () => {
    const project = styleProject({ Cell: "extends: existence\nmessage: \"Cell '%s'.\"\nscope: table.cell\ntokens:\n  - simply\n" });
    expect(lintText(project, "<table><tr><td>\n\nIt simply works.\n\n</td></tr></table>\n")).toEqual(["3:4:S.Cell:Cell 'simply'."]);
  });
});

describe("a code span over lines, as goldmark writes it", () => {
  it("a continuation line's leading white space is dropped and each line ending is a space (`a⏎   b` is 3 stars)", () => {
    expect(proseBlocks("Text `a\n   b` and `c\n\td` end `e  \n  f` g.\n")).toEqual(["text.paragraph|Text *** and *** end ***** g."]);
    expect(proseBlocks("- item `a\n     b` x\n")).toEqual(["text.list|item *** x"]);
  });

  it("a template literal in JSX written in a `.md` page (Snowplow's `<CodeBlock>{`…`}`) is starred as goldmark's code", () => {
    expect(proseBlocks('<CodeBlock language="bash">{\n`docker run x \\\\\n  --help\n`}</CodeBlock>\n')).toEqual(["text.paragraph|{**********************}"]);
  });

  it("read as text (IgnoredScopes without code), the span's words are one line", () => {
    const source = "Then `run\n   now` please.\n";
    const read = parseProseSource({ file: "/tmp/doc.md", source, format: "md" }, undefined);
    if ("ruleId" in read) throw new Error("no parse");
    expect(extractProse(read.proseTree, source, { ignoredScopes: ["strong"] }).blocks.map((b) => b.text)).toEqual(["Then run now please."]);
  });
});
