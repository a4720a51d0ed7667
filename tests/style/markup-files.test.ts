/**
 * AsciiDoc and HTML files in `verity style`, read as Vale reads them (lint/adoc.go, lint/html.go): the
 * HTML (Asciidoctor's, or the file's own), walked for prose, each alert reported where the file writes
 * the text. Red Hat's and other teams' Vale packages test their rules on `.adoc` fixtures.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { removeTemps, runCli } from "../helpers.ts";
import { fixtureCopy } from "./helpers.ts";
import { asciidoctorAttributes, searchableAsciidoc } from "../../src/core/style/markup/asciidoc.ts";
import { markupProse } from "../../src/core/style/markup/markup-prose.ts";

afterEach(removeTemps);

const INI = "StylesPath = styles\nMinAlertLevel = suggestion\n[asciidoctor]\nproduct = Acme Cloud\n[*.adoc]\nBasedOnStyles = Test\nTest.Off = NO\n";

const GUIDE = [
  "= Using Acme", // 1
  ":toc:",
  "",
  "// We utilize this comment only.",
  "",
  "////",
  "Leverage in a block comment.",
  "////",
  "",
  "We utilize the {product} service", // 10
  "and leverage it every day.",
  "",
  "== MARKHeading here",
  "",
  "* First item with MARKList", // 15
  "* Second item",
  "",
  "[source,java]",
  "----",
  "utilize(); // leverage", // 20
  "----",
  "",
  "|===",
  "| Name | Value",
  "| MARKCell one | We utilize `utilize` code.", // 25
  "|===",
  "",
  "image::diagram.png[MARKAlt diagram]",
  "",
  "Send an e-mail, then utilize it.", // 30
  "",
].join("\n");

describe("verity style on AsciiDoc", () => {
  it("reports each alert on the line and column the .adoc file writes it, with Vale's scopes; code, comments and block attributes are not prose", async () => {
    const dir = fixtureCopy({ ".vale.ini": INI, "guide.adoc": GUIDE });
    const result = await runCli(["style", "--output=line", "--no-global", "guide.adoc"], { cwd: dir });
    expect(result.stdout.split("\n").filter(Boolean)).toEqual([
      "guide.adoc:10:4:Test.Existence:Avoid 'utilize'.",
      "guide.adoc:11:5:Test.Existence:Avoid 'leverage'.",
      "guide.adoc:13:4:Test.ScopeHeading:Heading scope: MARKHeading",
      "guide.adoc:13:4:Test.Sentence:'MARKHeading here' should use sentence case.",
      "guide.adoc:15:19:Test.ScopeList:List scope: MARKList",
      "guide.adoc:25:3:Test.ScopeCell:Cell scope: MARKCell",
      "guide.adoc:25:21:Test.Existence:Avoid 'utilize'.",
      "guide.adoc:28:20:Test.ScopeAlt:Alt scope: MARKAlt",
      "guide.adoc:30:9:Test.Substitution:Use 'email' instead of 'e-mail'.",
      "guide.adoc:30:22:Test.Existence:Avoid 'utilize'.",
    ]);
    expect(result.code).toBe(1);
    // Asciidoctor's own warnings (here none would be style findings) never reach the output.
    expect(result.stderr).not.toContain("asciidoctor:");
  });

  it("walks .adoc, .asciidoc and .asc files and extensions [formats] maps to adoc; standard input with --ext .adoc", async () => {
    const ini = "StylesPath = styles\n[formats]\ntxt = adoc\n[*]\nBasedOnStyles = Test\n";
    const dir = fixtureCopy({ ".vale.ini": ini, "docs/a.asciidoc": "We utilize it.\n", "docs/b.asc": "== Title\n\nWe leverage it.\n", "docs/c.txt": "*Bold* then utilize.\n" });
    const walked = await runCli(["style", "--output=line", "--no-global", "docs"], { cwd: dir });
    expect(walked.stdout).toBe("docs/a.asciidoc:1:4:Test.Existence:Avoid 'utilize'.\ndocs/b.asc:3:4:Test.Existence:Avoid 'leverage'.\ndocs/c.txt:1:13:Test.Existence:Avoid 'utilize'.\n");
    const piped = await runCli(["style", "--output=line", "--no-global", "--ext", ".adoc"], { cwd: dir, stdin: "NOTE: Please utilize it.\n" });
    expect(piped.stdout).toBe("stdin.adoc:1:14:Test.Existence:Avoid 'utilize'.\n");
  });

  it("converts in Asciidoctor's secure mode: an include:: of a file outside is not read", async () => {
    const dir = fixtureCopy({ ".vale.ini": INI, "secret.txt": "We leverage secrets.\n", "docs/page.adoc": "Intro.\n\ninclude::../secret.txt[]\n\ninclude::/etc/hostname[]\n" });
    writeFileSync(path.join(dir, "docs/other.adoc"), "Nothing here.\n");
    const result = await runCli(["style", "--output=line", "--no-global", "docs"], { cwd: dir });
    expect(result.stdout).toBe("");
    expect(result.code).toBe(0);
  });

  it("finds a paragraph's text after a listing or literal block that has the same words in the paragraph, not in the code", async () => {
    const page = ["We utilize it.", "", "[source,text]", "----", "utilize leverage", "----", "", "  utilize leverage (a literal paragraph)", "", "utilize leverage", ""].join("\n");
    const dir = fixtureCopy({ ".vale.ini": INI, "page.adoc": page });
    const result = await runCli(["style", "--output=line", "--no-global", "page.adoc"], { cwd: dir });
    expect(result.stdout).toBe("page.adoc:1:4:Test.Existence:Avoid 'utilize'.\npage.adoc:10:1:Test.Existence:Avoid 'utilize'.\npage.adoc:10:9:Test.Existence:Avoid 'leverage'.\n");
  });

  it("keeps Vale's comment directives, written as passthrough comments", async () => {
    const page = ["pass:[<!-- vale off -->]", "", "We utilize it.", "", "pass:[<!-- vale on -->]", "", "pass:[<!-- vale Test.Existence = NO -->]", "", "We leverage it.", "", "pass:[<!-- vale Test.Existence = YES -->]", "", "We utilize it.", ""].join("\n");
    const dir = fixtureCopy({ ".vale.ini": INI, "page.adoc": page });
    const result = await runCli(["style", "--output=line", "--no-global", "page.adoc"], { cwd: dir });
    expect(result.stdout).toBe("page.adoc:13:4:Test.Existence:Avoid 'utilize'.\n");
  });

  it("lints front matter fields (YAML between --- lines) as Vale 3.11 does, outside a Verity project", async () => {
    const page = ["---", "title: Please utilize it", "---", "", "Body text.", ""].join("\n");
    const dir = fixtureCopy({ ".vale.ini": INI, "page.adoc": page });
    const result = await runCli(["style", "--output=line", "--no-global", "page.adoc"], { cwd: dir });
    expect(result.stdout).toContain("page.adoc:2:15:Test.Existence:Avoid 'utilize'.\n");
  });

  it("passes the [asciidoctor] attributes, and Vale's own: an attribute is replaced, a missing one dropped", () => {
    expect(asciidoctorAttributes(new Map([["experimental", "YES"], ["icons", "NO"], ["product", "Acme"]]))).toEqual({
      "notitle!": "",
      "attribute-missing": "drop",
      "sectnums!": "",
      "toc!": "",
      experimental: "",
      "icons!": "",
      product: "Acme",
    });
  });

  it("blanks comments and block attribute lines, character for character, so prose is never found in them; a line comment keeps its paragraph whole", () => {
    const source = "// utilize\ntext\n////\nutilize\n////\n[source,java]\n/// not a comment\n";
    const blanked = searchableAsciidoc(source);
    expect(blanked.length).toBe(source.length);
    expect(blanked).toBe("\u0001".repeat(10) + "\ntext\n    \n       \n    \n             \n/// not a comment\n");
  });

  it("places the words of a paragraph a line comment splits in two on their own lines (Vale's duplicates scenario)", async () => {
    const page = "I hav an error, but that's ok.\n// I am a comment\n// We utilize it, ignored.\nWe utilize it, but that's ok.\n";
    const dir = fixtureCopy({ ".vale.ini": INI, "page.adoc": page });
    const result = await runCli(["style", "--output=line", "--no-global", "page.adoc"], { cwd: dir });
    expect(result.stdout).toBe("page.adoc:4:4:Test.Existence:Avoid 'utilize'.\n");
  });

  it("maps text Asciidoctor changed (an attribute, a dash, curly quotes) to the words it can find, and never past the text that follows", () => {
    const source = "The {product} -- don't stop.\n\nSecond paragraph here.\n";
    const html = '<div class="paragraph">\n<p>The Acme Cloud &#8212; don&apos;t stop.</p>\n</div>\n<div class="paragraph">\n<p>Second paragraph here.</p>\n</div>';
    const prose = markupProse(source, { html, format: "adoc", verbatim: [] }, { withTextMetrics: true });
    expect(prose.blocks.map((b) => [b.text, b.offsetAt(0)])).toEqual([
      ["The Acme Cloud \u2014 don't stop.", 0],
      ["Second paragraph here.", source.indexOf("Second")],
    ]);
    const first = prose.blocks[0]!;
    expect(source.slice(first.offsetAt(first.text.indexOf("don't")), first.offsetAt(first.text.indexOf("don't")) + 5)).toBe("don't");
    expect(prose.metrics.get("paragraph")).toBe(2);
  });
});

describe("verity style on HTML", () => {
  const page = [
    "<!DOCTYPE html>", // 1
    "<html>",
    "  <head><title>Guide</title>",
    "  <script>var utilize = 1;</script></head>",
    "  <body>", // 5
    "    <h2>MARKHeading here</h2>",
    "    <p>We utilize the &amp; <code>utilize</code> tool",
    "    and MARKHtml it.</p>",
    "    <ul><li>First MARKList item</li></ul>",
    "    <table><tr><td>MARKCell &eacute; leverage</td></tr></table>", // 10
    '    <img src="a.png" alt="MARKAlt picture">',
    "  </body>",
    "</html>",
    "",
  ].join("\n");
  const rule = "extends: existence\nmessage: 'HTML only: %s'\nlevel: suggestion\nscope: text.html\ntokens:\n  - MARKHtml\n";

  it("reads the file's own HTML as Vale's walker does (no doctype, script or code), each alert where it is written; `text.html` matches HTML files only", async () => {
    const ini = "StylesPath = styles\nMinAlertLevel = suggestion\n[*.{html,adoc}]\nBasedOnStyles = Test\nTest.Off = NO\n";
    const dir = fixtureCopy({ ".vale.ini": ini, "page.html": page, "other.adoc": "We MARKHtml it.\n", "styles/Test/OnlyHtml.yml": rule });
    const result = await runCli(["style", "--output=line", "--no-global", "."], { cwd: dir });
    expect(result.stdout.split("\n").filter(Boolean)).toEqual([
      "page.html:6:9:Test.ScopeHeading:Heading scope: MARKHeading",
      "page.html:6:9:Test.Sentence:'MARKHeading here' should use sentence case.",
      "page.html:7:11:Test.Existence:Avoid 'utilize'.",
      "page.html:8:9:Test.OnlyHtml:HTML only: MARKHtml",
      "page.html:9:19:Test.ScopeList:List scope: MARKList",
      "page.html:10:20:Test.ScopeCell:Cell scope: MARKCell",
      "page.html:10:38:Test.Existence:Avoid 'leverage'.",
      "page.html:11:27:Test.ScopeAlt:Alt scope: MARKAlt",
    ]);
  });
});
