/**
 * Tight nested lists as Vale's walker reads them (lint/ast.go, lint/walk.go isNestedList): goldmark
 * writes a tight item's text without <p>, so no end tag comes between it and the text of a list nested
 * in it: `<li>a<ul><li>b</li>` is the one `list` block "a b" (isNestedList puts the space), linted at
 * the nested item's </li>; text in a <p>, a quote or a heading is joined with no space.
 */
import { afterEach, describe, expect, it } from "vitest";
import { parseProseSource } from "../../src/core/style/prose-source.ts";
import { extractProse } from "../../src/core/style/prose.ts";
import { removeTemps } from "../helpers.ts";
import { lintText, proseBlocks, styleProject } from "./vale-project.ts";

afterEach(removeTemps);

// IBM's quantum style guide (IBMQuantum/ListPunctuation.yml).
const listPunctuation = `extends: existence\nmessage: "Remove commas at end of list items (…%s)"\nlevel: warning\nscope: list\nraw:\n  - '(\\w*?),(\\s*?)$'\n`;

describe("tight nested lists", () => {
  it("a tight item's text and its nested list's first item are one list block", () => {
    const project = styleProject({ LP: listPunctuation });
    expect(lintText(project, "- First item,\n  - nested item\n- Last item,\n")).toEqual(["3:8:S.LP:Remove commas at end of list items (…item,)"]);
  });

  it("a comment between the item's text and the nested list (a vale directive) does not end the block", () => {
    // lint/ast.go lintHTMLTokens: a comment token updates the directives and lints nothing.
    const source = "- Make it short.\n  <!-- vale X = NO -->\n  <!-- note -->\n  - If you can, do so.\n- Next.\n";
    const parsed = parseProseSource({ file: "/tmp/doc.md", source, format: "md" }, undefined);
    if ("ruleId" in parsed) throw new Error("no parse");
    expect(extractProse(parsed.proseTree, source).blocks.map((b) => b.text)).toEqual(["Make it short. If you can, do so.", "Next."]);
  });

  it("the chain goes on down the first items; later items are blocks of their own", () => {
    const project = styleProject({ LP: listPunctuation });
    expect(lintText(project, "- One,\n  - two,\n    - three\n  - four,\n")).toEqual(["4:5:S.LP:Remove commas at end of list items (…four,)"]);
  });

  it("a loose parent list keeps its items' text apart", () => {
    const project = styleProject({ LP: listPunctuation });
    expect(lintText(project, "- First item,\n\n  - nested item\n\n- Last item,\n")).toEqual(["1:9:S.LP:Remove commas at end of list items (…item,)", "5:8:S.LP:Remove commas at end of list items (…item,)"]);
  });

  it("Vale counts the joined block once for metric rules", () => {
    const metric = `extends: metric\nmessage: "%s list blocks."\nformula: list\ncondition: "> 2"\n`;
    expect(lintText(styleProject({ M: metric }), "Some words here.\n\n- a\n  - b\n  - c\n")).toEqual([]);
    expect(lintText(styleProject({ M: metric }), "Some words here.\n\n- a\n\n  - b\n  - c\n")).toEqual(["1:1:S.M:3.00 list blocks."]);
  });

  it("a word of the nested item is found on its own line", () => {
    const project = styleProject({ Ex: `extends: existence\nmessage: "'%s'"\nscope: list\ntokens: [nested]\n` });
    expect(lintText(project, "- First item,\n  - nested item\n")).toEqual(["2:5:S.Ex:'nested'"]);
  });

  it("the space goes only where the tag before the nested list is the parent's <li> (isNestedList)", () => {
    const blocks = proseBlocks;
    expect(blocks("- Plain parent\n  - child one\n  - child two\n")).toEqual(["text.list|Plain parent child one", "text.list|child two"]);
    // <li><strong>…</strong>:<ul><li>: the tag before <ul> is strong, so no space (Vale's text as goldmark and its walker give it).
    expect(blocks("1. **Building components**:\n   - Setting up flags.\n")).toEqual(["text.list|Building components:Setting up flags."]);
    expect(blocks("- Parent\n\n  - loose child\n")).toEqual(["text.list|Parent", "text.list|loose child"]);
    // A later item: each </li> empties the walker's tag history, so the nested <li> has no <li> two tags before it.
    expect(blocks("- Use sentence case.\n- Avoid generic titles. Instead:\n  - For concept sections.\n")).toEqual(["text.list|Use sentence case.", "text.list|Avoid generic titles. Instead:For concept sections."]);
    // Text in an inline element gets clean()'s space whatever the item.
    expect(blocks("1. [Level 4](#l)\n1. [Bridge the gap](#b)\n   1. [Reorganize](#r)\n")).toEqual(["text.list|Level 4", "text.list|Bridge the gap Reorganize"]);
    expect(blocks("1. Set up the mirror\n   1. Click **Settings**\n")).toEqual(["text.list|Set up the mirror Click Settings"]);
  });
});
