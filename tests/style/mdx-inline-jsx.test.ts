/**
 * An MDX JSX element written on one line (`<p class="lead">Text.</p>`, `<Note>Text</Note>`) holds its
 * text as phrasing content, with no paragraph around it. Verity reads JSX content as prose (a multi-line
 * element's paragraphs already were), as Vale reads such a page with `[formats] mdx = md` (goldmark's HTML
 * block or inline HTML), so that text is a paragraph block, not left out in silence.
 */
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { removeTemps } from "../helpers.ts";
import { parseProseSource } from "../../src/core/style/prose-source.ts";
import { extractProse } from "../../src/core/style/prose.ts";
import { lintProse } from "../../src/core/style/style-engine.ts";
import { styleProject } from "./vale-project.ts";

afterEach(removeTemps);

function mdxBlocks(source: string): string[] {
  const parsed = parseProseSource({ file: "/tmp/doc.mdx", source, format: "mdx" }, undefined);
  if ("ruleId" in parsed) throw new Error("no parse");
  return extractProse(parsed.proseTree, source).blocks.map((b) => `${b.scope.join(".")}|${b.text}`);
}

describe("a JSX element's text on one line in MDX", () => {
  it("is a paragraph block, its inline markup read as in any paragraph", () => {
    expect(mdxBlocks('# Title\n\n<p class="lead">The section below explains e-mail alerts.</p>\n\n<Note>Inline *text* and `code` here.</Note>\n')).toEqual([
      "text.heading.h1|Title",
      "text.paragraph|The section below explains e-mail alerts.",
      "text.paragraph|Inline text and **** here.",
    ]);
  });

  it("a rule fires on it, placed where the word is (Aleph's lead paragraphs)", () => {
    const p = styleProject({ Mail: "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: error\nswap:\n  e-mail: email\n" });
    const text = '---\ntitle: Searches\n---\n\n<p class="lead">Create e-mail alerts for terms.</p>\n\nSend an e-mail.\n';
    const findings = lintProse({ file: path.join(p.dir, "doc.mdx"), source: text, format: "mdx", matchPath: "doc.md" }, { vale: p.setup });
    expect(findings.map((f) => `${f.line}:${f.column}:${f.ruleId}`)).toEqual(["5:24:S.Mail", "7:9:S.Mail"]);
  });
});

describe("a JSX element whose text Vale does not read as prose", () => {
  it("<code>, <kbd>, <pre> and <script> on one line stay out", () => {
    expect(mdxBlocks("<code>npm install e-mail</code>\n\n<kbd>Ctrl</kbd>\n\n<pre>raw text</pre>\n\nAfter.\n")).toEqual(["text.paragraph|After."]);
  });
});
