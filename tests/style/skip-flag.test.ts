/**
 * Vale's walker keeps one `skip` flag across tokens (lint/ast.go lintHTMLTokens): a start tag sets it
 * (true for `code`, `tt`, `kbd`, and for an `em` or `b` it reads as `code` after a code span), and
 * clean() clears it on the next text token it stars. A code span holding only white space gives no text
 * token once trimmed, so the flag stays set and the text after it is starred; an emphasis read as code
 * stars only its first text, not the backticks of a code span inside it. Expectations are the blocks
 * goldmark v1.5.6 and Vale's walker loop give.
 */
import { afterEach, describe, expect, it } from "vitest";
import { removeTemps } from "../helpers.ts";
import { lintText, proseBlocks, styleProject } from "./vale-project.ts";
import { parseProseSource } from "../../src/core/style/prose-source.ts";
import { extractProse } from "../../src/core/style/prose.ts";

afterEach(removeTemps);

const blocks = proseBlocks;

describe("Vale's skip flag", () => {
  it("a code span of white space stars the text after it, line breaks kept", () => {
    expect(blocks("Spaces (` `) are good.\nTabs (`\t`) too.\n")).toEqual(["text.paragraph|Spaces (***********\n****** ******"]);
    expect(blocks("Empty ` ` then **bold** text.\n")).toEqual(["text.paragraph|Empty **** bold text."]);
  });

  it("a code span is starred as its trimmed text token: `x: ` is two stars", () => {
    expect(blocks("Leave off the `x: ` part and ` :y` too.\n")).toEqual(["text.paragraph|Leave off the ** part and ** too."]);
    // Its token trimmed, clean() puts its space before it even when the span starts with one (Fluent Bit's "for the` diskstats`").
    expect(blocks("Use the` diskstats` here.\n\n| a |\n| - |\n| for the` y` z |\n")).toEqual(["text.paragraph|Use the ********* here.", "text.table.header|a", "text.table.cell|for the * z"]);
    // Read as text (IgnoredScopes without code), the token is trimmed the same way.
    const read = parseProseSource({ file: "/tmp/doc.md", source: "Use the` diskstats ` here.\n", format: "md" }, undefined);
    if ("ruleId" in read) throw new Error("no parse");
    expect(extractProse(read.proseTree, "Use the` diskstats ` here.\n", { ignoredScopes: ["strong"] }).blocks.map((b) => b.text)).toEqual(["Use the diskstats here."]);
  });

  it("an emphasis read as code stars its first text, not a code span's backticks", () => {
    expect(blocks("Consider using _`<NEW>`_ instead of _`<OLD>`_.\n")).toEqual(["text.paragraph|Consider using ***** instead of *****."]);
    expect(blocks("Use `a` and _`b` then c_ here.\n")).toEqual(["text.paragraph|Use * and * then c here."]);
    expect(blocks("Use `a` and _x `b` y_ here.\n")).toEqual(["text.paragraph|Use * and * * y here."]);
  });

  it("a rule does not fire on the text Vale stars after an empty code span", () => {
    const project = styleProject({ Avoid: "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [good]\n" });
    expect(lintText(project, "Spaces (` `) are good.\n\nTabs are good.\n")).toEqual(["3:10:S.Avoid:Avoid 'good'."]);
  });

  it("a tight item's text after its code block has no <p>: the flag <pre><code> left stars its first text token (Constellation's step lists)", () => {
    expect(blocks("1. Run:\n   ```\n   x\n   ```\n   Then utilize the `result` here.\n2. Next.\n")).toEqual(["text.list|Run:", "text.paragraph| **************** ****** here.", "text.list|Next."]);
    expect(blocks("- Run:\n  ```\n  y\n  ```\n  Then **utilize** it.\n")).toEqual(["text.list|Run:", "text.paragraph| **** utilize it."]);
    // A start tag comes first: the next item's <li>, a loose item's <p>.
    expect(blocks("- Run:\n  ```\n  y\n  ```\n- Then utilize it.\n")).toEqual(["text.list|Run:", "text.list|Then utilize it."]);
    expect(blocks("- Run:\n\n  ```\n  y\n  ```\n\n  Then utilize it.\n")).toEqual(["text.list|Run:", "text.paragraph|Then utilize it."]);
    const project = styleProject({ Avoid: "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [utilize]\n" });
    expect(lintText(project, "1. Run:\n   ```\n   x\n   ```\n   Then utilize it.\n")).toEqual([]);
  });
});
