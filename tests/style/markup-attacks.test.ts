/**
 * Hostile and odd AsciiDoc and HTML files in `verity style`: text Asciidoctor adds or moves (an
 * attribute's value, a passthrough block) must not send later alerts to the wrong place, and
 * `--fix` must edit only the exact text an alert matched, never code.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { removeTemps, runCli } from "../helpers.ts";
import { fixtureCopy } from "./helpers.ts";
import { convertAsciidoc } from "../../src/core/style/markup/asciidoc.ts";
import { markupProse } from "../../src/core/style/markup/markup-prose.ts";

afterEach(removeTemps);

const INI = "StylesPath = styles\nMinAlertLevel = suggestion\n[*.adoc]\nBasedOnStyles = Test\n";
const lines = (stdout: string) => stdout.split("\n").filter(Boolean);

describe("AsciiDoc positions after text the file does not write as is", () => {
  it("reads a passthrough block's HTML where the file writes it, so the table after it keeps its own lines", async () => {
    const page = ["Intro.", "", "++++", "<p>Raw leverage here.</p>", "++++", "", "|===", "|Cell utilize |Cell leverage", "|===", ""].join("\n");
    const dir = fixtureCopy({ ".vale.ini": INI, "page.adoc": page });
    const result = await runCli(["style", "--output=line", "--no-global", "page.adoc"], { cwd: dir });
    expect(lines(result.stdout)).toEqual([
      "page.adoc:4:8:Test.Existence:Avoid 'leverage'.",
      "page.adoc:8:7:Test.Existence:Avoid 'utilize'.",
      "page.adoc:8:21:Test.Existence:Avoid 'leverage'.",
    ]);
  });

  it("does not place an attribute's words on a later paragraph's, so --fix never edits inline code", async () => {
    const page = [":contact: e-mail", "", "Send an {contact} now.", "", "Set `e-mail` in the config.", "", "Write {contact} then set `e-mail` again.", ""].join("\n");
    const dir = fixtureCopy({ ".vale.ini": INI, "page.adoc": page });
    const result = await runCli(["style", "--output=line", "--no-global", "--fix", "page.adoc"], { cwd: dir });
    expect(readFileSync(path.join(dir, "page.adoc"), "utf8")).toBe(page);
    expect(result.stdout).not.toMatch(/:5:\d+:Test\.Substitution/);
    expect(result.stdout).not.toMatch(/:7:(?!6:)\d+:Test\.Substitution/);
  });

  it("keeps the alerts of a paragraph with an attribute on that paragraph's line", async () => {
    const page = [":product: utilize", "", "Uses {product} and more. Then utilize.", "", "Next leverage.", "", "Last utilize.", ""].join("\n");
    const dir = fixtureCopy({ ".vale.ini": INI, "page.adoc": page });
    const result = await runCli(["style", "--output=line", "--no-global", "page.adoc"], { cwd: dir });
    const found = lines(result.stdout);
    expect(found).toContain("page.adoc:3:31:Test.Existence:Avoid 'utilize'.");
    expect(found).toContain("page.adoc:5:6:Test.Existence:Avoid 'leverage'.");
    expect(found).toContain("page.adoc:7:6:Test.Existence:Avoid 'utilize'.");
    expect(found.every((line) => /^page\.adoc:[357]:/.test(line))).toBe(true);
  });
});

describe("AsciiDoc text the HTML moves or changes", () => {
  it("reports a footnote's alert on the line the footnote is written, curly-quoted words on theirs, and a quote's attribution never in the code after it", async () => {
    const page = [
      "Read this.footnote:[Please utilize it.] Then go.", // 1
      "",
      "[quote, Author e-mail]",
      "____",
      "Quoted text.", // 5
      "____",
      "",
      "`e-mail` is code, and so it stays.",
      "",
      '"`Quoted utilize`" text.', // 10
      "",
    ].join("\n");
    const dir = fixtureCopy({ ".vale.ini": INI, "page.adoc": page });
    const result = await runCli(["style", "--output=line", "--no-global", "page.adoc"], { cwd: dir });
    const found = lines(result.stdout);
    expect(found).toContain("page.adoc:1:28:Test.Existence:Avoid 'utilize'.");
    expect(found).toContain("page.adoc:10:10:Test.Existence:Avoid 'utilize'.");
    expect(found.filter((line) => line.includes(":8:"))).toEqual([]);
    await runCli(["style", "--output=line", "--no-global", "--fix", "page.adoc"], { cwd: dir });
    expect(readFileSync(path.join(dir, "page.adoc"), "utf8")).toBe(page);
  });
});

describe("AsciiDoc paragraphs that start with an attribute", () => {
  it("keeps the alert of a paragraph whose only other word is an attribute's value, after attribute entries", async () => {
    const page = [":a: x{a}{a}", ":a: {a}{a}", "", "{a} utilize", ""].join("\n");
    const dir = fixtureCopy({ ".vale.ini": INI, "page.adoc": page });
    const result = await runCli(["style", "--output=line", "--no-global", "page.adoc"], { cwd: dir });
    expect(lines(result.stdout)).toEqual(["page.adoc:4:5:Test.Existence:Avoid 'utilize'."]);
  });
});

describe("HTML files with CRLF line ends", () => {
  it("reports each alert on its own column and --fix edits only the matched text", async () => {
    const page = "<p>Intro\r\n &lt;e-mail&gt; and <code>e-mail</code> then e-mail.</p>\r\n<!-- e-mail -->\r\n";
    const ini = "StylesPath = styles\nMinAlertLevel = suggestion\n[*.html]\nBasedOnStyles = Test\n";
    const dir = fixtureCopy({ ".vale.ini": ini, "page.html": page });
    const result = await runCli(["style", "--output=line", "--no-global", "page.html"], { cwd: dir });
    expect(lines(result.stdout)).toEqual(["page.html:2:6:Test.Substitution:Use 'email' instead of 'e-mail'.", "page.html:2:46:Test.Substitution:Use 'email' instead of 'e-mail'."]);
    await runCli(["style", "--output=line", "--no-global", "--fix", "page.html"], { cwd: dir });
    expect(readFileSync(path.join(dir, "page.html"), "utf8")).toBe(page.replace("&lt;e-mail", "&lt;email").replace("then e-mail.", "then email."));
  });
});

describe("AsciiDoc that would hang or exhaust memory", () => {
  it("places a paragraph of 100,000 words the file does not write as is (quote marks Asciidoctor kept) in linear time", () => {
    const source = "> q\n".repeat(10);
    const html = `<div class="paragraph"><p>${"&gt; w ".repeat(100_000)}</p></div>`;
    const started = performance.now();
    const prose = markupProse(source, { html, format: "adoc", verbatim: [] }, { withTextMetrics: false });
    expect(prose.blocks).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("stops Asciidoctor when a file takes it longer than its budget (unclosed inline marks it rescans for each one) and says so", async () => {
    const started = performance.now();
    await expect(convertAsciidoc("*a _b ".repeat(20_000), new Map(), 500)).rejects.toThrow(/took more than/);
    expect(performance.now() - started).toBeLessThan(3_000);
    // The next file gets a thread of its own.
    expect((await convertAsciidoc("We utilize it.\n", new Map())).html).toContain("We utilize it.");
  });

  it("reports a file whose attribute references multiply it (each up to 4 KB) as an error, in bounded time, not linting hundreds of megabytes", async () => {
    const chain = [":a0: xxxxxxxxxxxxxxxx", ...Array.from({ length: 11 }, (_, i) => `:a${i + 1}: {a${i}}{a${i}}`), "", "{a11}".repeat(40_000), ""].join("\n");
    const dir = fixtureCopy({ ".vale.ini": INI, "bomb.adoc": chain, "fine.adoc": "We utilize it.\n" });
    const started = performance.now();
    const result = await runCli(["style", "--output=line", "--no-global", "."], { cwd: dir });
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(lines(result.stdout)).toEqual([
      "bomb.adoc:1:1:asciidoc-syntax:Asciidoctor could not convert the file (its attribute references expand it to 163,840,038 characters of HTML, more than 13,811,648), so its prose was not checked. Fix the AsciiDoc, or leave the file out with --glob.",
      "fine.adoc:1:4:Test.Existence:Avoid 'utilize'.",
    ]);
    expect(result.code).toBe(1);
  });
});
