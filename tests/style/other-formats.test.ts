/**
 * Plain text, files of formats Vale does not know, reStructuredText and TOML front matter in
 * `verity style`, read as Vale reads them (lint/lint.go lintTxt and lintLines, lint/rst.go,
 * lint/metadata.go); source code and markup Verity has no converter for are named, not read.
 */
import { chmodSync, mkdirSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeTempDir, removeTemps, runCli } from "../helpers.ts";
import { fixtureCopy } from "./helpers.ts";
import { convertRst, findRst2html, preparedRst, RstError, rstBody } from "../../src/core/style/markup/rst.ts";

afterEach(removeTemps);

/** Rules that name their scope in their message. */
const RULES: Record<string, string> = {
  "styles/Fmt/Sent.yml": "extends: existence\nmessage: \"sentence: %s\"\nscope: sentence\ntokens:\n  - MARKS\n",
  "styles/Fmt/Para.yml": "extends: existence\nmessage: \"paragraph: %s\"\nscope: paragraph\ntokens:\n  - MARKP\n",
  "styles/Fmt/Text.yml": "extends: existence\nmessage: \"text: %s\"\ntokens:\n  - MARKT\n",
  "styles/Fmt/OnlyTxt.yml": "extends: existence\nmessage: \"text.txt: %s\"\nscope: text.txt\ntokens:\n  - MARKX\n",
  "styles/Fmt/OnlyRst.yml": "extends: existence\nmessage: \"text.rst: %s\"\nscope: text.rst\ntokens:\n  - MARKR\n",
  "styles/Fmt/Title.yml": "extends: capitalization\nmessage: \"'%s' should be in title case\"\nscope: text.frontmatter.title\nmatch: $title\n",
};
const INI = "StylesPath = styles\nMinAlertLevel = suggestion\n[*]\nBasedOnStyles = Fmt\n";

async function style(dir: string, args: string[], stdin?: string) {
  const result = await runCli(["style", "--output=line", "--no-global", ...args], { cwd: dir, ...(stdin === undefined ? {} : { stdin }) });
  return { ...result, lines: result.stdout.split("\n").filter(Boolean) };
}

describe("plain text (.txt), as Vale's lintTxt reads it", () => {
  it("is prose with no markup: paragraphs, sentences and the whole text are scoped `paragraph.txt`, `sentence.txt` and `text.txt`, each alert where the file writes it", async () => {
    const text = ["A MARKS and *MARKP* here. Then MARKT.", "", "  Second MARKX para, `MARKS` too.", ""].join("\n");
    const dir = fixtureCopy({ ".vale.ini": INI, ...RULES, "notes.txt": text });
    const { lines, code } = await style(dir, ["notes.txt"]);
    expect(lines).toEqual([
      "notes.txt:1:3:Fmt.Sent:sentence: MARKS",
      "notes.txt:1:14:Fmt.Para:paragraph: MARKP",
      "notes.txt:1:32:Fmt.Text:text: MARKT",
      "notes.txt:3:10:Fmt.OnlyTxt:text.txt: MARKX",
      "notes.txt:3:23:Fmt.Sent:sentence: MARKS",
    ]);
    expect(code).toBe(0);
  });

  it("is read in a folder walk, and from standard input with --ext=.txt; a file of a format Vale does not know is read only when named", async () => {
    const dir = fixtureCopy({ ".vale.ini": INI, ...RULES, "docs/notes.txt": "One MARKT.\n", "docs/data.json": "{\"a\": \"MARKT\"}\n" });
    expect((await style(dir, ["docs"])).lines).toEqual(["docs/notes.txt:1:5:Fmt.Text:text: MARKT"]);
    expect((await style(dir, ["--ext=.txt"], "Two MARKS here.\n")).lines).toEqual(["stdin.txt:1:5:Fmt.Sent:sentence: MARKS"]);
  });
});

describe("a format Vale does not know, as its lintLines reads it", () => {
  it("named on the command line, is one block of the whole file (no paragraphs, no sentences)", async () => {
    const dir = fixtureCopy({ ".vale.ini": INI, ...RULES, "data.json": "{\n  \"note\": \"MARKT and MARKS\"\n}\n" });
    expect((await style(dir, ["data.json"])).lines).toEqual(["data.json:2:12:Fmt.Text:text: MARKT"]);
  });

  it("a binary file named is reported as having no prose, not read as words", async () => {
    const dir = fixtureCopy({ ".vale.ini": INI, ...RULES, "logo.bin": new Uint8Array([0x4d, 0x41, 0x52, 0x4b, 0x54, 0, 1, 2]) });
    const result = await style(dir, ["logo.bin"]);
    expect(result.lines).toEqual(["logo.bin:1:1:not-text:The file is binary (it holds NUL bytes), so it has no prose to check. Leave it out with --glob."]);
    expect(result.code).toBe(1);
  });

  it("source code and Org, XML and DITA files are named as not checked, never read whole (their code or markup would read as words)", async () => {
    const dir = fixtureCopy({ ".vale.ini": INI, ...RULES, "app.py": "# MARKT\nx = 'MARKT'\n", "notes.org": "* MARKT\n", "a.md": "Fine.\n" });
    const result = await style(dir, ["app.py", "notes.org", "a.md"]);
    expect(result.lines).toEqual([]);
    expect(result.stderr).toContain("app.py: not checked: this is source code, whose comments Vale reads with a parser for each language.");
    expect(result.stderr).toContain("notes.org: not checked: Vale reads Org, XML and DITA through converters (go-org, an XSLT transform, DITA-OT) that Verity does not run.");
    expect(result.code).toBe(0);
  });

  it("walked, a DITA or code file that a section names and matches is named as not checked (Vale's walk lints it, or stops with no DITA-OT); under [*] alone it is left out in silence", async () => {
    const ini = "StylesPath = styles\nMinAlertLevel = suggestion\n[*.{md,dita}]\nBasedOnStyles = Fmt\n[*.py]\nBasedOnStyles = Fmt\n";
    const files = { ...RULES, "docs/topic.dita": "<topic id=\"t\"><title>MARKT</title></topic>\n", "docs/app.py": "# MARKT\n", "docs/notes.org": "* MARKT\n", "docs/a.md": "One MARKT.\n" };
    const dir = fixtureCopy({ ".vale.ini": ini, ...files });
    const result = await style(dir, ["docs"]);
    expect(result.lines).toEqual(["docs/a.md:1:5:Fmt.Text:text: MARKT"]);
    expect(result.stderr).toContain(`${path.join("docs", "topic.dita")}: not checked: Vale reads Org, XML and DITA through converters`);
    expect(result.stderr).toContain(`${path.join("docs", "app.py")}: not checked: this is source code`);
    expect(result.stderr).not.toContain("notes.org");
    expect(result.code).toBe(0);
    const plain = fixtureCopy({ ".vale.ini": INI, ...files });
    expect((await style(plain, ["docs"])).stderr).not.toContain("not checked");
  });

  it("source code that [formats] maps to Markdown (`cpp = md`) is not read as Markdown: Vale lints only its comments, as fragments (core/format.go FormatFromExt, lint/fragment.go); OpenQMC's headers", async () => {
    const ini = "StylesPath = styles\nMinAlertLevel = suggestion\n[formats]\ncpp = md\nh = md\ntxt = md\n[*.md]\nBasedOnStyles = Fmt\n";
    const files = { ...RULES, "src/main.cpp": "// MARKT\nint MARKT = 1;\n", "include/x.h": "/// MARKT\n#define MARKT (1)\n", "notes.txt": "Three MARKT.\n", "a.md": "One MARKT.\n" };
    const dir = fixtureCopy({ ".vale.ini": ini, ...files });
    const walked = await style(dir, ["."]);
    expect(walked.lines).toEqual(["a.md:1:5:Fmt.Text:text: MARKT", "notes.txt:1:7:Fmt.Text:text: MARKT"]);
    expect(walked.stderr).toContain(`${path.join("include", "x.h")}: not checked: this is source code, whose comments Vale reads with a parser for each language.`);
    expect(walked.stderr).toContain(`${path.join("src", "main.cpp")}: not checked: this is source code`);
    expect(walked.code).toBe(0);
    const named = await style(dir, ["src/main.cpp"]);
    expect(named.lines).toEqual([]);
    expect(named.stderr).toContain("src/main.cpp: not checked: this is source code");
  });
});

describe("what is no file to read", () => {
  it("a device or a pipe named is not read (it has no end), and a file over 4 MB is reported, not read", async () => {
    const dir = fixtureCopy({ ".vale.ini": INI, ...RULES, "a.md": "Fine.\n" });
    writeFileSync(path.join(dir, "huge.txt"), "");
    truncateSync(path.join(dir, "huge.txt"), 4.5 * 1024 * 1024);
    const result = await style(dir, ["/dev/zero", "huge.txt", "a.md"]);
    expect(result.stderr).toContain("/dev/zero: not checked: it is no file (a pipe or a device), whose text has no end to read to");
    expect(result.lines).toEqual(["huge.txt:1:1:file-too-large:The file is 4.5 MB, more than the 4 MB verity style reads, so its prose was not checked. Leave it out with --glob, or split it."]);
    expect(result.code).toBe(1);
  });

  it("standard input over 4 MB is reported, not read (megabytes of table cells would run out of memory)", async () => {
    const dir = fixtureCopy({ ".vale.ini": INI, ...RULES });
    const result = await style(dir, ["--ext=.md"], `| a | b |\n| - | - |\n${"| MARKT | c |\n".repeat(400_000)}`);
    expect(result.lines).toEqual(["stdin.md:1:1:file-too-large:The file is 5.3 MB, more than the 4 MB verity style reads, so its prose was not checked. Leave it out with --glob, or split it."]);
    expect(result.code).toBe(1);
  });
});

describe("a text file of more paragraphs than one file's check can hold", () => {
  it("is reported, not read: Vale's paragraph split makes a block of every blank-line break, and megabytes of blank lines ran out of memory", async () => {
    const dir = fixtureCopy({ ".vale.ini": INI, ...RULES, "blank.txt": "\n".repeat(600_002), "a.txt": `${"Short.\n\n".repeat(1_000)}One MARKP here.\n` });
    const result = await style(dir, ["blank.txt", "a.txt"]);
    expect(result.lines).toEqual([
      "a.txt:2001:5:Fmt.Para:paragraph: MARKP",
      "blank.txt:1:1:file-too-large:The file has more than 250,000 paragraphs (text between blank lines), more than verity style checks in one file, so its prose was not checked. Split it, or leave it out with --glob.",
    ]);
    expect(result.code).toBe(1);
  });
});

describe("TOML front matter (+++), as Vale 3.11's front-matter reader takes it", () => {
  it("a Markdown file's TOML fields are prose blocks scoped text.frontmatter.<key>", async () => {
    const dir = fixtureCopy({ ".vale.ini": INI, ...RULES, "page.md": "+++\ntitle = \"my document\"\ndescription = \"A MARKT here\"\n+++\n\nBody.\n" });
    expect((await style(dir, ["page.md"])).lines).toEqual(["page.md:2:10:Fmt.Title:'my document' should be in title case", "page.md:3:18:Fmt.Text:text: MARKT"]);
  });
});

const rst2html = findRst2html();
/** CI installs docutils (python3-docutils); elsewhere these tests need it on the PATH. */
const needsDocutils = process.env.CI === "true" || rst2html !== undefined;

describe("reStructuredText, read through docutils' rst2html as Vale reads it", () => {
  it("prepares the text as Vale does: Sphinx's glossary and contents become code directives, and code and raw directives literal blocks (`::`)", () => {
    expect(preparedRst(".. glossary::\n\n   term\n\n.. code-block:: python\n   :caption: x.py\n\n   MARKT = 1\n")).toBe("::\n\n   term\n\n::\n\n   MARKT = 1\n");
    expect(rstBody("<html><body>\n<p>a</p>\n</body></html>")).toBe("<p>a</p>");
  });

  it("without rst2html on the PATH, the error says how to install docutils", () => {
    expect(() => convertRst("Text.\n", null)).toThrow(RstError);
    expect(() => convertRst("Text.\n", null)).toThrow(/apt-get install python3-docutils/);
  });

  it.runIf(needsDocutils)("scopes blocks `…rst`, keeps `.. vale off` comments, stars inline literals (and docutils' spans in them), leaves code out, and places alerts where the file writes them", async () => {
    const text = [
      "Title MARKT", // 1
      "===========",
      "",
      "A paragraph with MARKR and ``inline MARKT code`` then MARKT.",
      "", // 5
      ".. vale off",
      "",
      "Quiet MARKT here.",
      "",
      ".. vale on", // 10
      "",
      "The |logo| sign MARKT.",
      "",
      ".. code-block:: python",
      "", // 15
      "   MARKT = 1",
      "",
      "- item MARKP",
      "",
      ".. |logo| image:: logo.png", // 20
      "",
    ].join("\n");
    const dir = fixtureCopy({ ".vale.ini": INI, ...RULES, "guide.rst": text });
    const { lines } = await style(dir, ["guide.rst"]);
    expect(lines).toEqual([
      "guide.rst:1:7:Fmt.Text:text: MARKT",
      "guide.rst:4:18:Fmt.OnlyRst:text.rst: MARKR",
      "guide.rst:4:55:Fmt.Text:text: MARKT",
      "guide.rst:12:17:Fmt.Text:text: MARKT",
    ]);
  });

  it.runIf(needsDocutils)("reads no other file: include and csv-table :file: are not inserted, and a docutils.conf in the folder cannot turn file insertion back on", async () => {
    const outside = makeTempDir("verity-rst-secret-");
    const secret = path.join(outside, "secret.txt");
    writeFileSync(secret, "MARKT secret words\n");
    const dir = fixtureCopy({ ".vale.ini": INI, ...RULES, "docutils.conf": "[general]\nfile_insertion_enabled: yes\nraw_enabled: yes\n" });
    writeFileSync(path.join(dir, "a.rst"), `Intro.\n\n.. include:: ${secret}\n\n.. csv-table:: T\n   :file: ${secret}\n`);
    const result = await style(dir, ["a.rst"]);
    expect(result.lines.filter((l) => l.includes("Fmt."))).toEqual([]);
  });

  it("a failing rst2html gives an rst-conversion error for the file, with what it said", async () => {
    const bin = makeTempDir("verity-rst-bin-");
    mkdirSync(bin, { recursive: true });
    const fake = path.join(bin, "rst2html");
    writeFileSync(fake, "#!/bin/sh\necho 'docutils exploded' >&2\nexit 3\n");
    chmodSync(fake, 0o755);
    expect(() => convertRst("Text.\n", fake)).toThrow("rst2html stopped with exit code 3: docutils exploded");
  });
});
