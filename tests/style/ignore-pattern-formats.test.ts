/**
 * Which files `TokenIgnores` and `BlockIgnores` apply to: Vale rewrites the matches as code only in the
 * formats whose reader calls its Transform (lint/md.go, lint/adoc.go, lint/rst.go, lint/org.go); plain
 * text (lintTxt) and HTML (lintHTML) are read as written. A pattern that does not compile stops Vale
 * (E201) whichever of those formats the section is for.
 */
import { afterEach, describe, expect, it } from "vitest";
import { removeTemps, runCli } from "../helpers.ts";
import { fixtureCopy } from "./helpers.ts";

afterEach(removeTemps);

const RULE = { "styles/S/Mark.yml": "extends: existence\nmessage: \"Found '%s'.\"\nlevel: error\ntokens:\n  - zzmark\n" };

async function style(dir: string, args: string[]) {
  const result = await runCli(["style", "--output=line", "--no-global", ...args], { cwd: dir });
  return { ...result, lines: result.stdout.split("\n").filter(Boolean) };
}

describe("ignore patterns by format, as Vale's applyPatterns", () => {
  it("mask text in Markdown and AsciiDoc, not in plain text or HTML, which Vale reads as written", async () => {
    const ini = "StylesPath = styles\n[*]\nBasedOnStyles = S\nTokenIgnores = (\\{\\{zzmark\\}\\})\nBlockIgnores = (?sm)^BEGIN$.*?^END$\n";
    const text = "Keep {{zzmark}} out.\n\nBEGIN\nzzmark\nEND\n\nA zzmark here.\n";
    const html = "<html><body><p>Keep {{zzmark}} out.</p><p>A zzmark here.</p></body></html>\n";
    const dir = fixtureCopy({ ".vale.ini": ini, ...RULE, "a.md": text, "b.adoc": `= Title\n\n${text}`, "c.txt": text, "d.html": html });
    const { lines } = await style(dir, ["a.md", "b.adoc", "c.txt", "d.html"]);
    expect(lines).toEqual([
      "a.md:7:3:S.Mark:Found 'zzmark'.",
      "b.adoc:9:3:S.Mark:Found 'zzmark'.",
      "c.txt:1:8:S.Mark:Found 'zzmark'.",
      "c.txt:4:1:S.Mark:Found 'zzmark'.",
      "c.txt:7:3:S.Mark:Found 'zzmark'.",
      "d.html:1:23:S.Mark:Found 'zzmark'.",
      "d.html:1:45:S.Mark:Found 'zzmark'.",
    ]);
  });

  it("a pattern that does not compile in a section for AsciiDoc stops the run, as Vale's E201 (Vaadin's `(<<\\S+\\,)`, which go-ini cuts at the comma)", async () => {
    const ini = "StylesPath = styles\n[*.{asciidoc,adoc}]\nBasedOnStyles = S\nTokenIgnores = ({\\S+}), (<<\\S+\\,), (<<[^\\,]+>>)\n";
    const dir = fixtureCopy({ ".vale.ini": ini, ...RULE, "b.adoc": "= Title\n\nA zzmark here.\n" });
    const { code, stderr } = await style(dir, ["b.adoc"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/\[\*\.\{asciidoc,adoc\}\] TokenIgnores has a pattern that cannot be used/);
    expect(stderr).toContain("The pattern was: (<<\\S+\\");
    expect(stderr).toContain("write a comma the pattern needs as \\x2C");
  });
});

describe("SkippedScopes naming an inline tag, as Vale's walker reads it", () => {
  it("inline code in SkippedScopes is left out of its block, not starred (Redocly's and Red Hat's `SkippedScopes = …, code, tt`)", async () => {
    const ini = "StylesPath = styles\nSkippedScopes = script, style, pre, figure, code, tt\n[*]\nBasedOnStyles = S\n";
    const rule = "extends: existence\nmessage: \"Found '%s'.\"\nlevel: error\nnonword: true\ntokens:\n  - 'use\\s+here'\n  - zzmark\n";
    const md = "Then *use* `zzmark` here.\n\nA zzmark.\n";
    const html = "<html><body><p>Then <em>use</em> <code>zzmark</code> here.</p><p>A zzmark.</p></body></html>\n";
    const dir = fixtureCopy({ ".vale.ini": ini, "styles/S/Mark.yml": rule, "a.md": md, "b.html": html });
    const { lines } = await style(dir, ["a.md", "b.html"]);
    // Vale reads "Then use here.": no text until </code>, and the emphasis left its inline flag set, so
    // clean() puts one space before "here."; the match is not in the line as written, so guessLocation
    // gives column 1. The HTML file, walked the same way, reads the same.
    expect(lines).toEqual(["a.md:1:1:S.Mark:Found 'use here'.", "a.md:3:3:S.Mark:Found 'zzmark'.", "b.html:1:1:S.Mark:Found 'use here'.", "b.html:1:68:S.Mark:Found 'zzmark'."]);
  });
});
