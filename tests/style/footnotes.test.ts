/**
 * Footnotes as Vale reads them: goldmark's Footnote extension (lint/md.go) renders a reference as
 * <sup><a>N</a></sup>, N the footnote's number in order of first reference, and moves the referenced
 * definitions to the end of the document as <li> items of an <ol>, each with a backlink (↩︎) after
 * its last paragraph; a definition nobody references is dropped (extension/footnote.go, goldmark
 * v1.5.6). So a footnote's first paragraph is a `list` block, read after the rest of the file, and an
 * unreferenced one is not linted.
 */
import { afterEach, describe, expect, it } from "vitest";
import { removeTemps } from "../helpers.ts";
import { lintText, proseBlocks, styleProject } from "./vale-project.ts";

afterEach(removeTemps);

const rule = (scope: string, token: string) => `extends: existence\nmessage: "${scope} '%s'"\nscope: ${scope}\ntokens: ['${token}']\n`;

describe("footnotes", () => {
  const doc = [
    "Some text with a note.[^1] And foo.",
    "",
    "Another baz paragraph.[^note]",
    "",
    "[^1]: The foo note with baz here.",
    "[^note]: Second baz note.",
    "[^unused]: An unused baz note with foo.",
    "",
  ].join("\n");

  it("a referenced footnote is a list block, an unreferenced one is not read", () => {
    const project = styleProject({ Tx: rule("text", "foo"), Li: rule("list", "baz"), Pa: rule("paragraph", "baz") });
    expect(lintText(project, doc)).toEqual(["1:32:S.Tx:text 'foo'", "3:9:S.Pa:paragraph 'baz'", "5:11:S.Tx:text 'foo'", "5:25:S.Li:list 'baz'", "6:17:S.Li:list 'baz'"]);
  });

  it("a reference reads as its number", () => {
    const project = styleProject({ Nu: rule("paragraph", String.raw`\d`) });
    expect(lintText(project, "Some text with a note.[^1] And foo.\n\n[^1]: The note.\n")).toEqual(["1:25:S.Nu:paragraph '1'"]);
  });

  it("the backlink ends the footnote's last paragraph: a list rule for a final period sees ↩︎", () => {
    const project = styleProject({ Pe: `extends: existence\nmessage: "Period '%s'"\nscope: list\nraw: ['\\.$']\n` });
    expect(lintText(project, "- An item.\n\nText.[^a]\n\n[^a]: A note.\n")).toEqual(["1:10:S.Pe:Period '.'"]);
  });

  it("each backlink reads as link text after a space, as clean() spaces an <a> (goldmark writes &#160; between, which Go's TrimSpace drops)", () => {
    expect(proseBlocks("A[^1] b[^1] c[^1].\n\n[^1]: The note.\n\nX[^2].\n\n[^2]: Other note.\n")).toEqual([
      "text.paragraph|A 1 b 1 c 1.",
      "text.paragraph|X 2.",
      "text.list|The note. ↩︎ ↩︎ ↩︎",
      "text.list|Other note. ↩︎",
    ]);
  });
});
