/**
 * Vale's walker (lint/ast.go lintHTMLTokens over goldmark v1.5.6's HTML, x/net/html v0.23.0) keeps its
 * tag history across an HTML block that opens an element without closing it, so Markdown inside an HTML
 * table's `<td>` is a cell. Expectations are the blocks the walker oracle (scripts/vale-oracle/walk)
 * prints for the same Markdown.
 */
import { afterEach, describe, expect, it } from "vitest";
import { removeTemps } from "../helpers.ts";
import { lintText, proseBlocks, styleProject } from "./vale-project.ts";

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
