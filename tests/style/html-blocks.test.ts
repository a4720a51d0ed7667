/**
 * Raw HTML in Markdown, read as Vale's HTML walker reads it (lint/ast.go): an element's text is one
 * block up to a block-level end tag, inline elements inside it; code in it is masked, not dropped.
 */
import { afterEach, describe, expect, it } from "vitest";
import { parseProseSource } from "../../src/core/style/prose-source.ts";
import { extractProse } from "../../src/core/style/prose.ts";
import { removeTemps } from "../helpers.ts";
import { lintText, proseBlocks, styleProject } from "./vale-project.ts";

afterEach(removeTemps);

const rule = (token: string, scope = "text") => `extends: existence\nmessage: "Found '%s'."\nnonword: true\nscope: ${scope}\ntokens:\n  - '${token}'\n`;

/** Too many words for a block: fires on a block of more than `max` words, at its first word. */
const wordy = (max: number, scope = "paragraph") => `extends: occurrence\nmessage: "Too long."\nscope: ${scope}\nmax: ${max}\ntoken: '[^\\s]+'\n`;

describe("raw HTML blocks", () => {
  it("inline elements stay inside the element's block: no block starts or ends at an inline tag", () => {
    const project = styleProject({ Wordy: wordy(4), Start: rule(String.raw`^-based`, "paragraph") });
    const html = '<dl>\n  <dt>Styles</dt>\n  <dd>The <a href="http://yaml.org/">YAML</a>-based rule files.</dd>\n</dl>\n';
    expect(lintText(project, html)).toEqual(["3:7:S.Wordy:Too long."]);
  });

  it("inline code is a run of stars in its block, not a gap in it", () => {
    const project = styleProject({ Wordy: wordy(2), Word: rule("make") });
    expect(lintText(project, "<p>Run <code>make</code> now.</p>\n")).toEqual(["1:4:S.Wordy:Too long."]);
  });

  it("a block-level start tag does not end the block (Vale lints at end tags only, lint/ast.go): 'Some intro<p>Child' is one block; the scope is the first scoped element opened in the block", () => {
    const project = styleProject({ Wordy: wordy(2), Cell: rule("MARK\\w+", "table.cell"), Para: rule("MARK\\w+", "paragraph") });
    const html = "<div>Some intro<p>Child MARKPara</p></div>\n\n<table><tr><td>A <b>bold</b> MARKCell</td></tr></table>\n";
    expect(lintText(project, html)).toEqual(["1:6:S.Wordy:Too long.", "1:25:S.Para:Found 'MARKPara'.", "3:30:S.Cell:Found 'MARKCell'."]);
    // clean() puts its space before an inline element's text after the start tag, none before other text.
    const source = "<div>\n  <b>Examples:</b>\n  <ul>\n    <li><code>a.png</code></li>\n  </ul>\n</div>\n";
    const parsed = parseProseSource({ file: "/tmp/doc.md", source, format: "md" }, undefined);
    if ("ruleId" in parsed) throw new Error("no parse");
    expect(extractProse(parsed.proseTree, source).blocks.map((b) => `${b.scope.join(".")}|${b.text}`)).toEqual(["text.list|Examples: *****"]);
  });

  it("character references are read decoded", () => {
    const project = styleProject({ Amp: rule("amp"), Wordy: wordy(3) });
    expect(lintText(project, "<p>Terms &amp; conditions</p>\n")).toEqual([]);
  });

  it("a link whose text is its URL is masked; an image's alt text is a block of its own", () => {
    const project = styleProject({ Url: rule("example"), Alt: rule("utilize", "alt") });
    const html = '<p>Go to <a href="https://example.com">https://example.com</a>.</p>\n\n<p><img src="x.png" alt="We utilize it"> A picture.</p>\n';
    expect(lintText(project, html)).toEqual(["3:29:S.Alt:Found 'utilize'."]);
  });

  it("a tag left open by an unclosed quote takes the rest of the block, as HTML reads it (read in one pass, not once per `<`)", () => {
    const project = styleProject({ Word: rule("MARK\\w+") });
    const html = `<div>MARKBefore <a href="x MARKInside ${'<a href="x MARKInside '.repeat(20000)}</div>\n`;
    // The quote takes even the </div>, so no end tag follows the text: Vale's walker never lints it at the end of the file.
    expect(lintText(project, html)).toEqual([]);
  });

  it("in a list item, the HTML takes the item's scope and its text is found where it is written", () => {
    const project = styleProject({ List: rule("MARK\\w+", "list") });
    expect(lintText(project, "- Intro\n\n- <div>An item with <b>bold</b> MARKItem</div>\n")).toEqual(["3:33:S.List:Found 'MARKItem'."]);
  });

  it("text after the last end tag of an HTML block is the start of the next block, whose scope it takes", () => {
    // lint/ast.go lintHTMLTokens lints what it has gathered at the next end tag of a block element only.
    const blocks = proseBlocks;
    const text = "First para.\n<!-- vale X = YES --> Identifiers belong here.\n\n### Step 4\n\n<section>\n<p>In</p>\n</section>\n{{< /highlight >}}\n\nShortcodes `are` here.\n";
    expect(blocks(text)).toEqual(["text.paragraph|First para.", "text.heading.h3|Identifiers belong here.Step 4", "text.paragraph|In", "text.paragraph|{{< /highlight >}}Shortcodes *** here."]);
    const project = styleProject({ Heading: rule("belong", "heading") });
    expect(lintText(project, text)).toEqual(["2:35:S.Heading:Found 'belong'."]);
  });
});
