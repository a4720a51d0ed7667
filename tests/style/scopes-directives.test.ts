import { afterEach, describe, expect, it } from "vitest";
import { removeTemps } from "../helpers.ts";
import { lint, show } from "./helpers.ts";
import { lintText, styleProject } from "./vale-project.ts";

const SCOPED = [
  "## A MARKH2 heading with MARKHeading and MARKNotHeading",
  "",
  "### MARKHeading in h3, not MARKH2",
  "",
  "A MARKPara paragraph with MARKNotHeading, MARKAnd, a [MARKLink link](https://example.com) and **MARKStrong** text.",
  "",
  "- A MARKList item with MARKAnd",
  "",
  "> A MARKQuote quote with MARKAnd and MARKPara",
  "",
  "| MARKHeader | other |",
  "| --- | --- |",
  "| MARKCell | MARKHeader |",
  "",
  "![An MARKAlt image](pic.png)",
  "",
  "```sh",
  "MARKPara in code",
  "```",
  "",
].join("\n");

describe("scopes", () => {
  const findings = lint(SCOPED);
  const where = (rule: string) => show(findings, rule).map((line) => line.split(":").slice(0, 2).join(":"));

  it("heading, heading.h2 and ~heading", () => {
    expect(where("Test.ScopeHeading")).toEqual(["1:26", "3:5"]);
    expect(where("Test.ScopeH2")).toEqual(["1:6"]);
    expect(where("Test.ScopeNotHeading")).toEqual(["5:27"]);
  });

  it("paragraph is only a top-level paragraph: not a list item, a quote or code", () => {
    expect(where("Test.ScopePara")).toEqual(["5:3"]);
  });

  it("a block takes the first list item or quote opened since the block before it ended, as Vale's tag history gives it (lint/walk.go): a second paragraph in an item or a quote is a paragraph, a quote in an item is a blockquote", () => {
    const project = styleProject({
      List: "extends: existence\nmessage: \"list '%s'\"\nscope: list\ntokens:\n  - MARK\\w+\n",
      Quote: "extends: existence\nmessage: \"quote '%s'\"\nscope: blockquote\ntokens:\n  - MARK\\w+\n",
      Para: "extends: existence\nmessage: \"paragraph '%s'\"\nscope: paragraph\ntokens:\n  - MARK\\w+\n",
      Sentence: "extends: existence\nmessage: \"sentence '%s'\"\nscope: sentence\ntokens:\n  - MARK\\w+\n",
    });
    const text = ["1. MARKFirst step.", "", "   MARKMore about it.", "", "   > MARKQuoted in the item.", "", "> MARKNote", ">", "> MARKBody of the note.", ""].join("\n");
    expect(lintText(project, text).map((l) => l.split(":").slice(3).join(":"))).toEqual([
      "list 'MARKFirst'",
      "paragraph 'MARKMore'",
      "sentence 'MARKMore'",
      "quote 'MARKQuoted'",
      "quote 'MARKNote'",
      "paragraph 'MARKBody'",
      "sentence 'MARKBody'",
    ]);
    // SkippedScopes = blockquote leaves the whole quote out, its second paragraph too.
    const skipping = styleProject({ Para: "extends: existence\nmessage: \"paragraph '%s'\"\nscope: paragraph\ntokens:\n  - MARK\\w+\n" }, "SkippedScopes = blockquote");
    expect(lintText(skipping, "> MARKNote\n>\n> MARKBody of the note.\n\nMARKAfter.\n").map((l) => l.split(":").slice(3).join(":"))).toEqual(["paragraph 'MARKAfter'"]);
  });

  it("emphasis after inline code in the same block is code to Vale, and masked (its walker reads an <em> whose last tag was <code> as code, errata-ai/vale#421)", () => {
    const project = styleProject({ Word: "extends: existence\nmessage: \"'%s'\"\ntokens:\n  - MARK\\w+\n" });
    const words = (text: string) => lintText(project, text).map((l) => l.split(":").slice(3).join(":"));
    expect(words("Run `x` and *MARKOne* then *MARKTwo*.\n")).toEqual([]);
    expect(words("Run *MARKOne* before `x`.\n")).toEqual(["'MARKOne'"]);
    expect(words("Run `x`, a [MARKLink](https://example.com) and *MARKAfterLink*.\n")).toEqual(["'MARKLink'", "'MARKAfterLink'"]);
    expect(words("Ends with `x`.\n\nA new *MARKBlock* starts afresh.\n")).toEqual(["'MARKBlock'"]);
  });

  it("list, blockquote, table.header, table.cell and alt", () => {
    expect(where("Test.ScopeList")).toEqual(["7:5"]);
    expect(where("Test.ScopeQuote")).toEqual(["9:5"]);
    expect(where("Test.ScopeHeader")).toEqual(["11:3"]);
    expect(where("Test.ScopeCell")).toEqual(["13:3"]);
    expect(where("Test.ScopeAlt")).toEqual(["15:6"]);
  });

  it("alt: a reference image's alt text is linted as an image's is (Vale reads both as <img alt>), inside a link too", () => {
    const project = styleProject({ Alt: "extends: existence\nmessage: \"'%s' in alt text.\"\nscope: alt\ntokens: [Monokai]\n" });
    const text = "[![Boxy Monokai theme][shot]][shot]\n\nA ![Monokai][] image.\n\nAn ![image of Monokai].\n\n[shot]: https://example.com/a.png\n[Monokai]: https://example.com/b.png\n[image of Monokai]: https://example.com/c.png\n";
    expect(lintText(project, text)).toEqual(["1:9:S.Alt:'Monokai' in alt text.", "3:5:S.Alt:'Monokai' in alt text.", "5:15:S.Alt:'Monokai' in alt text."]);
    // An undefined reference is no image: its brackets are text, and not alt text.
    expect(lintText(project, "See ![Monokai][nowhere].\n")).toEqual([]);
  });

  it("inline scopes: link text and strong text", () => {
    expect(where("Test.ScopeLink")).toEqual(["5:55"]);
    expect(where("Test.ScopeStrong")).toEqual(["5:97"]);
  });

  it("an inline scope Vale 3 refuses (link, strong, emphasis, code) still runs, with a warning that Vale would stop on it", () => {
    const project = styleProject({ Links: "extends: existence\nmessage: \"Vague link text '%s'.\"\nscope: [link, heading]\ntokens: [here]\n", Bold: "extends: existence\nmessage: x\nscope: ~strong & text\ntokens: [x]\n" });
    expect(lintText(project, "Click [here](/help) or here.\n")).toEqual(["1:8:S.Links:Vague link text 'here'."]);
    const warnings = project.setup.styles.warnings.join("\n");
    expect(warnings).toMatch(/Links\.yml: rule S\.Links has scope link, which Vale 3 refuses \("no longer supported; use 'raw' instead"\)/);
    expect(warnings).not.toMatch(/S\.Bold/);
  });

  it("a spelling rule's scope is not checked, as Vale's NewSpelling calls no checkScopes: ~code loads without that warning (InfluxData's docs)", () => {
    const project = styleProject({ Spelling: "extends: spelling\nmessage: \"Did you really mean '%s'?\"\nlevel: warning\nscope:\n  - ~code\n  - ~raw\n  - ~table.header\n  - ~table.cell\n", Odd: "extends: spelling\nmessage: x\nscope: not a scope\n" });
    // Only Verity's note on a scope no Markdown block has (a likely typing error), not that Vale stops.
    expect(project.setup.styles.warnings.join("\n")).not.toMatch(/refuses|S\.Spelling/);
    expect(lintText(project, "A wrng word.\n").filter((l) => l.includes("S.Spelling"))).toEqual(["1:3:S.Spelling:Did you really mean 'wrng'?"]);
    // The check types that call checkScopes still refuse a scope with a space.
    expect(() => styleProject({ Odd: "extends: existence\nmessage: x\nscope: not a scope\ntokens: [x]\n" })).toThrow(/contains spaces/);
  });

  it("a list of negated parts joined with & must all hold", () => {
    expect(where("Test.ScopeAnd")).toEqual(["5:43", "7:24"]);
  });

  it("text in raw HTML blocks gets the scope of its element; script and code are skipped", () => {
    const html = "<table>\n  <tr><th>MARKHeader</th></tr>\n  <tr><td>MARKCell</td></tr>\n</table>\n\n<div>MARKPara <code>MARKPara</code></div>\n\n<script>MARKPara</script>\n";
    const found = lint(html);
    expect(show(found, "Test.ScopeHeader").map((l) => l.split(":").slice(0, 2).join(":"))).toEqual(["2:11"]);
    expect(show(found, "Test.ScopeCell").map((l) => l.split(":").slice(0, 2).join(":"))).toEqual(["3:11"]);
    expect(show(found, "Test.ScopePara").map((l) => l.split(":").slice(0, 2).join(":"))).toEqual(["6:6"]);
  });

  it("raw sees the file as written, fenced code included", () => {
    expect(where("Test.ScopeRaw")).toEqual(["17:1"]);
  });
});

describe("comment directives", () => {
  it("vale off / vale on switch every rule off and back on", () => {
    const text = "We utilize it.\n\n<!-- vale off -->\n\nWe utilize it.\n\n<!-- vale on -->\n\nWe utilize it.\n";
    expect(show(lint(text), "Test.Existence").map((l) => l.split(":")[0])).toEqual(["1", "9"]);
  });

  it("vale Style.Rule = NO / YES switch one rule", () => {
    const text = "<!-- vale Test.Existence = NO -->\n\nWe utilize an e-mail.\n\n<!-- vale Test.Existence = YES -->\n\nWe utilize it.\n";
    const findings = lint(text);
    expect(show(findings, "Test.Existence").map((l) => l.split(":")[0])).toEqual(["7"]);
    expect(show(findings, "Test.Substitution").map((l) => l.split(":")[0])).toEqual(["3"]);
  });

  it("a file left in vale off also silences raw and metric rules, which Vale runs after the whole file (its rule directives are reset first)", () => {
    try {
      const project = styleProject({
        Trailing: "extends: existence\nmessage: Trailing space.\nscope: raw\nnonword: true\nraw: [' +\\n']\n",
        Grade: "extends: metric\nmessage: \"Grade %s.\"\nformula: words / sentences\ncondition: \"> 1\"\n",
      });
      expect(lintText(project, "One two three. \n\n<!-- vale off -->\n\nFour five six. \n")).toEqual([]);
      expect(lintText(project, "One two three. \n\n<!-- vale off -->\n\nFour.\n\n<!-- vale on -->\n")).toEqual(["1:1:S.Grade:Grade 2.00.", "1:15:S.Trailing:Trailing space."]);
      expect(lintText(project, "<!-- vale S.Trailing = NO -->\n\nOne two three. \n")).toEqual(["1:1:S.Grade:Grade 3.00.", "3:15:S.Trailing:Trailing space."]);
    } finally {
      removeTemps();
    }
  });

  it("a directive inside a paragraph holds for the whole paragraph, as Vale lints a block when it reads its closing tag; text between vale off and vale on is left out (lint/ast.go lintHTMLTokens)", () => {
    expect(show(lint("We utilize it <!-- vale off --> and utilize it.\n"), "Test.Existence")).toEqual([]);
    const span = show(lint("We utilize it <!-- vale off --> utilize <!-- vale on --> and utilize it.\n"), "Test.Existence");
    // The second alert is the third `utilize`, placed where Vale's search of the line for the word (the first not yet masked) lands.
    expect(span.map((l) => l.split(":").slice(0, 2).join(":"))).toEqual(["1:4", "1:33"]);
    const text = "We utilize it. <!-- vale Test.Existence = NO --> We utilize it.\n\nWe utilize it.\n\n<!-- vale Test.Existence = YES -->\n\n- We utilize it <!-- vale off -->\n- We utilize <!-- vale on --> and utilize it\n";
    // The one alert left is the last `utilize`; Vale places it by searching the item's line for the word, so at column 6.
    // (The comment is a token of its own: the texts around it meet unspaced, `We utilizeand utilize it`.)
    expect(show(lint(text), "Test.Existence")).toEqual(["8:6:Test.Existence:Avoid 'utilize'."]);
    const html = "<table><tr><td>We utilize it</td></tr><!-- vale off --><tr><td>We utilize it</td></tr></table>\n";
    expect(show(lint(html), "Test.Existence")).toEqual(["1:19:Test.Existence:Avoid 'utilize'."]);
  });
});

describe("comment directives of current Vale (core/file.go UpdateComments, QueryComments)", () => {
  afterEach(removeTemps);
  const rules = {
    Util: "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [utilize, leverage]\n",
    Tools: "extends: existence\nmessage: \"'%s'\"\ntokens: [tools]\n",
  };
  it("Style.Rule[\"match\"] = NO silences those matches of the rule only, until YES", () => {
    const text = '<!-- vale S.Util["utilize"] = NO -->\n\nWe utilize and leverage tools.\n\n<!-- vale S.Util["utilize"] = YES -->\n\nWe utilize it.\n';
    expect(lintText(styleProject(rules), text)).toEqual(["3:16:S.Util:Avoid 'leverage'.", "3:25:S.Tools:'tools'", "7:4:S.Util:Avoid 'utilize'."]);
  });

  it("reads a comment exactly as Vale does: `vale OFF`, `= Yes` and `Rule=NO` are no directives", () => {
    const text = "<!-- vale S.Util = NO -->\n\n<!-- vale S.Util = Yes -->\n\nWe utilize.\n\n<!-- vale OFF -->\n<!-- vale S.Tools=NO -->\n\nSome tools.\n";
    expect(lintText(styleProject(rules), text)).toEqual(["10:6:S.Tools:'tools'"]);
  });

  it("styles = A, B turns every base style off but those listed", () => {
    const ini = "StylesPath = styles\nMinAlertLevel = suggestion\n[*.md]\nBasedOnStyles = S, T\n";
    const both = styleProject(rules, "", { "styles/T/Use.yml": "extends: existence\nmessage: \"T '%s'\"\nignorecase: true\ntokens: [we]\n", ".vale.ini": ini });
    expect(lintText(both, "We utilize tools.\n\n<!-- vale styles = T -->\n\nWe utilize tools.\n")).toEqual([
      "1:1:T.Use:T 'We'",
      "1:4:S.Util:Avoid 'utilize'.",
      "1:12:S.Tools:'tools'",
      "5:1:T.Use:T 'We'",
    ]);
  });

  it("a style turned off silences its rules whatever a rule's directive says; a rule turned off stays off when its style is turned on", () => {
    const text = "<!-- vale S = NO -->\n<!-- vale S.Util = YES -->\n\nWe utilize tools.\n\n<!-- vale S.Tools = NO -->\n<!-- vale S = YES -->\n\nWe leverage tools.\n";
    expect(lintText(styleProject(rules), text)).toEqual(["9:4:S.Util:Avoid 'leverage'."]);
  });
});

describe("Korean and Chinese text", () => {
  it("word boundaries are Unicode-aware and columns count code points", () => {
    const findings = lint("# 안내\n\n버튼을 클릭 하세요. 클릭하세요는 한 단어입니다.\n");
    expect(show(findings, "Test.Korean")).toEqual(["3:5:Test.Korean:'클릭' 대신 '선택'을 쓰세요."]);
  });

  it("non-word tokens match inside Chinese text, with code-point columns after astral characters", () => {
    const findings = lint("# 说明\n\n𠀀𠀀根据说明操作。\n");
    expect(show(findings, "Test.Chinese")).toEqual(["3:3:Test.Chinese:Avoid '根据'."]);
  });

  it("CR and CRLF line endings both end lines", () => {
    expect(show(lint("Line one.\r\n\r\nWe utilize it.\r\n"), "Test.Existence")).toEqual(["3:4:Test.Existence:Avoid 'utilize'."]);
    expect(show(lint("Line one.\r\rWe utilize it.\r"), "Test.Existence")).toEqual(["3:4:Test.Existence:Avoid 'utilize'."]);
  });
});
