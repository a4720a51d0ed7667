/**
 * A table whose delimiter row has more cells than its header row: goldmark v1.5.6 (Vale's Markdown
 * reader, extension/table.go parseRow) pads the header with empty cells and reads a table, where GFM
 * and Verity's parser read a paragraph. A header with more cells than the delimiter row is no table to
 * either. Expectations are the blocks goldmark and Vale's walker give (OpenSearch's ip2geo page).
 */
import { afterEach, describe, expect, it } from "vitest";
import { removeTemps } from "../helpers.ts";
import { lintText, proseBlocks, styleProject } from "./vale-project.ts";

afterEach(removeTemps);

const TEXT = "Intro.\n\n| P | R | D |\n|------|----------|---------|-------------|\n| `a` | Req | The d. | extra |\n| b |\n\n| A | B | C |\n|---|---|\n| x | y | z |\n\nSee it.\n";

describe("a delimiter row with more cells than the header", () => {
  it("is a table, as goldmark pads the header; a header with more cells stays a paragraph", () => {
    expect(proseBlocks(TEXT)).toEqual([
      "text.paragraph|Intro.",
      "text.table.header|P",
      "text.table.header|R",
      "text.table.header|D",
      "text.table.cell|*",
      "text.table.cell|Req",
      "text.table.cell|The d.",
      "text.table.cell|extra",
      "text.table.cell|b",
      "text.paragraph|| A | B | C |\n|---|---|\n| x | y | z |",
      "text.paragraph|See it.",
    ]);
  });

  it("places alerts in the cells where the file writes them", () => {
    const project = styleProject({ Cell: "extends: existence\nmessage: \"Cell '%s'.\"\nscope: table.cell\ntokens: [Req, extra]\n" });
    expect(lintText(project, TEXT)).toEqual(["5:9:S.Cell:Cell 'Req'.", "5:24:S.Cell:Cell 'extra'."]);
  });

  it("a body row's cells past the delimiter row's are dropped, as goldmark's parseRow stops there (OpenSearch's correlation page)", () => {
    expect(proseBlocks("| A | B |\n| - | - |\n| x | y | utilize z |\n")).toEqual(["text.table.header|A", "text.table.header|B", "text.table.cell|x", "text.table.cell|y"]);
  });
});
