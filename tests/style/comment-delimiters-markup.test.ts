/**
 * `CommentDelimiters` in AsciiDoc and reStructuredText (Vale 3.8, lint/adoc.go and lint/rst.go call
 * Transform, whose applyCommentPatterns writes each delimiter as `<!--` or `-->`, before the text is
 * converted). The converters read the marks as text, so a delimiter in a paragraph stays text; in a
 * passthrough (`pass:[…]`, `++++`) they reach the HTML as a comment, which Vale reads as a directive
 * (reStructuredText has none: Vale makes its raw directives literal blocks). HTML and MDX files are not transformed (lint/html.go, lint/mdx.go).
 */
import { afterEach, describe, expect, it } from "vitest";
import { removeTemps, runCli } from "../helpers.ts";
import { fixtureCopy } from "./helpers.ts";
import { findRst2html } from "../../src/core/style/markup/rst.ts";

afterEach(removeTemps);

const RULE = "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: error\ntokens:\n  - utilize\n";
const ini = (glob: string) => `StylesPath = styles\nMinAlertLevel = suggestion\n[${glob}]\nBasedOnStyles = S\nCommentDelimiters = {/*, */}\n`;

async function style(files: Record<string, string>, file: string): Promise<string[]> {
  const dir = fixtureCopy({ "styles/S/Avoid.yml": RULE, ...files });
  const result = await runCli(["style", "--output=line", "--no-global", file], { cwd: dir });
  return result.stdout.split("\n").filter(Boolean);
}

describe("CommentDelimiters in other formats than Markdown", () => {
  it("AsciiDoc: a delimiter in a passthrough becomes an HTML comment, so pass:[{/* vale off */}] turns rules off as pass:[<!-- vale off -->] does", async () => {
    const text = "We utilize it.\n\npass:[{/* vale off */}]\n\nWe utilize it.\n\npass:[{/* vale on */}]\n\nThen we utilize it.\n";
    expect(await style({ ".vale.ini": ini("*.adoc"), "a.adoc": text }, "a.adoc")).toEqual(["a.adoc:1:4:S.Avoid:Avoid 'utilize'.", "a.adoc:9:9:S.Avoid:Avoid 'utilize'."]);
  });

  it("AsciiDoc: a delimiter in a paragraph is text to Asciidoctor, so it turns nothing off", async () => {
    const text = "We utilize it.\n\n{/* vale off */}\n\nWe utilize it.\n";
    expect(await style({ ".vale.ini": ini("*.adoc"), "a.adoc": text }, "a.adoc")).toEqual(["a.adoc:1:4:S.Avoid:Avoid 'utilize'.", "a.adoc:5:4:S.Avoid:Avoid 'utilize'."]);
  });

  it("AsciiDoc: only a section matching the file's extension gives its delimiters", async () => {
    const text = "pass:[{/* vale off */}]\n\nWe utilize it.\n";
    const files = { ".vale.ini": `${ini("*.adoc")}[*.md]\nCommentDelimiters = %%, %%\n`, "a.adoc": text };
    expect(await style(files, "a.adoc")).toEqual([]);
    expect(await style({ ".vale.ini": `${ini("*.adoc").replace("CommentDelimiters = {/*, */}\n", "")}[*.md]\nCommentDelimiters = {/*, */}\n`, "a.adoc": text }, "a.adoc")).toEqual(["a.adoc:3:4:S.Avoid:Avoid 'utilize'."]);
  });

  it.runIf(process.env.CI === "true" || findRst2html() !== undefined)("reStructuredText: docutils reads the delimiters written as `<!--` and `-->`, so a rule for the delimiter finds nothing, and a rule for the comment's words still does", async () => {
    const rules = { "styles/S/Brace.yml": "extends: existence\nmessage: \"Brace '%s'.\"\nlevel: error\nnonword: true\ntokens:\n  - '\\{/\\*'\n" };
    const text = "We {/* utilize */} it.\n";
    expect(await style({ ".vale.ini": ini("*.rst"), ...rules, "a.rst": text }, "a.rst")).toEqual(["a.rst:1:8:S.Avoid:Avoid 'utilize'."]);
    expect(await style({ ".vale.ini": ini("*.rst").replace("CommentDelimiters = {/*, */}\n", ""), ...rules, "a.rst": text }, "a.rst")).toEqual(["a.rst:1:4:S.Brace:Brace '{/*'.", "a.rst:1:8:S.Avoid:Avoid 'utilize'."]);
  });

  it("HTML: the file is not transformed (Vale's lintHTML calls no applyPatterns), so {/* vale off */} is text", async () => {
    const text = "<p>We utilize it.</p>\n<p>{/* vale off */}</p>\n<p>We utilize it.</p>\n";
    expect(await style({ ".vale.ini": ini("*.html"), "a.html": text }, "a.html")).toEqual(["a.html:1:7:S.Avoid:Avoid 'utilize'.", "a.html:3:7:S.Avoid:Avoid 'utilize'."]);
  });
});
