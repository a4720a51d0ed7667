/** Every bad input of a card gets file:line, what is wrong and how to fix it, and exit 1; never a crash. */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURES, flatMessages, lintJson, makeProject, makeTempDir, removeTemps, runCli } from "../helpers.ts";
import { loadProject } from "../../src/core/project/project.ts";

afterAll(removeTemps);

const GOOD = '---\ntitle: Fine\nowner: "@acme/team"\naudience: external\nverify_by: 2027-01-01\n---\n\nBody.\n';

/** Lints a project holding one good card and the fixture `name` as `content/bad/<name>`. */
async function lintFixture(name: string) {
  const dir = makeProject({
    "content/good/fine.md": GOOD,
    [`content/bad/${name}`]: readFileSync(path.join(FIXTURES, "bad-input", name)),
  });
  const run = await lintJson(dir, ["--today", "2026-11-22"]);
  return { ...run, messages: flatMessages(run.results, dir), dir };
}

function expectNoCrash(stderr: string) {
  expect(stderr).not.toMatch(/internal error|\n\s+at /);
}

describe.each([
  { name: "broken-yaml.md", rule: "frontmatter-yaml", line: 3, text: /not valid YAML: a value opened with " is never closed: add the closing "/ },
  { name: "no-frontmatter.md", rule: "frontmatter-yaml", line: 1, text: /has no frontmatter.*Start the file with a --- line/ },
  { name: "unclosed-frontmatter.md", rule: "frontmatter-yaml", line: 1, text: /never closed/ },
  { name: "list-frontmatter.md", rule: "frontmatter-yaml", line: 2, text: /is a list, but it must be a mapping/ },
  { name: "scalar-frontmatter.md", rule: "frontmatter-yaml", line: 2, text: /is a single value, but it must be a mapping/ },
  { name: "empty.md", rule: "frontmatter-yaml", line: 1, text: /The file is empty/ },
  { name: "duplicate-keys.md", rule: "frontmatter-yaml", line: 3, text: /unique.*remove or merge/ },
  { name: "impossible-date.md", rule: "frontmatter-schema", line: 5, text: /"verify_by" is "2026-02-30".*February 2026 has 28 days.*YYYY-MM-DD/ },
  { name: "free-text-date.md", rule: "frontmatter-schema", line: 5, text: /"verify_by" is "next week".*not a date in YYYY-MM-DD form/ },
  { name: "audience-public.md", rule: "frontmatter-schema", line: 4, text: /"audience" is "Public"; allowed values are internal and external\. Did you mean audience: external\?/ },
  { name: "owner-empty.md", rule: "frontmatter-schema", line: 3, text: /"owner" is empty/ },
  { name: "tags-string.md", rule: "frontmatter-schema", line: 6, text: /"tags" must be a YAML list, got "a, b".*tags: \[refunds, payments\].*comma-separated/ },
  { name: "proto-key.md", rule: "frontmatter-schema", line: 2, text: /Unknown field "__proto__"/ },
  { name: "alias-bomb.md", rule: "frontmatter-yaml", line: 7, text: /Aliases.*may repeat a value only/ },
  { name: "collection-key.md", rule: "frontmatter-yaml", line: 6, text: /a key is a list or a mapping, not a name: write each field as name: value/ },
])("$name", ({ name, rule, line, text }) => {
  it(`reports ${rule} at line ${line} and exits 1`, async () => {
    const { code, messages, stderr } = await lintFixture(name);
    expectNoCrash(stderr);
    expect(code).toBe(1);
    const hit = messages.find((m) => m.file === `content/bad/${name}` && m.ruleId === rule);
    expect(hit, JSON.stringify(messages, null, 2)).toBeDefined();
    expect(hit!.line).toBe(line);
    expect(hit!.message).toMatch(text);
    expect(messages.filter((m) => m.file === "content/good/fine.md")).toEqual([]);
  });
});

describe("several problems in one card", () => {
  it("reports every unknown key with the nearest known one", async () => {
    const { messages } = await lintFixture("unknown-keys.md");
    const text = messages.map((m) => `${m.line}:${m.message}`);
    expect(text).toContain('3:Unknown field "owners". Did you mean "owner"?');
    expect(text).toContain('4:Unknown field "audiance". Did you mean "audience"?');
    expect(text).toContain('5:Unknown field "verifyBy". Did you mean "verify_by"?');
  });
  it("reports every missing required field at once", async () => {
    const { messages } = await lintFixture("missing-fields.md");
    const missing = messages.filter((m) => m.message.startsWith("Missing required field")).map((m) => m.message);
    expect(missing).toHaveLength(3);
    expect(missing.join("\n")).toMatch(/"owner"[\s\S]*"audience"[\s\S]*"verify_by"/);
  });
  it("does not pollute Object.prototype through __proto__", async () => {
    await lintFixture("proto-key.md");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("inputs that must simply work", () => {
  it("reads a card with a UTF-8 BOM and CRLF line endings", async () => {
    const crlf = "\uFEFF" + GOOD.replace("Body.", "See [steps](#steps).\n\n## Steps\n\nDone.").replace(/\n/g, "\r\n");
    const dir = makeProject({ "content/good/crlf.md": crlf });
    const { code, results } = await lintJson(dir, ["--today", "2026-11-22"]);
    expect(results.flatMap((r) => r.messages)).toEqual([]);
    expect(code).toBe(0);
    const status = await runCli(["status", "--format", "json", "--today", "2026-11-22"], { cwd: dir });
    expect(JSON.parse(status.stdout).rows[0]).toMatchObject({ title: "Fine", verifyBy: "2027-01-01", status: "verified" });
  });
});

describe("hostile files", () => {
  it("rejects bytes that are not UTF-8 with the line of the first bad byte", async () => {
    const bytes = Buffer.concat([Buffer.from(GOOD.replace("Body.\n", "Line one.\n\nCaf")), Buffer.from([0xe9, 0x20, 0xff]), Buffer.from("\n")]);
    const dir = makeProject({ "content/bad/latin1.md": bytes });
    const { code, results, stderr } = await lintJson(dir, ["--today", "2026-11-22"]);
    expectNoCrash(stderr);
    expect(code).toBe(1);
    const [message] = results.flatMap((r) => r.messages);
    expect(message).toMatchObject({ ruleId: "file-encoding", line: 10 });
    expect(message!.message).toMatch(/not valid UTF-8.*Re-save it as UTF-8/);
  });

  it("rejects a NUL or another control character with its line and column: git would show the card as binary and its change unreviewed", async () => {
    for (const [hidden, codePoint] of [["\u0000", "U+0000"], ["\u001b[2J", "U+001B"]] as const) {
      const dir = makeProject({ "content/bad/hidden.md": GOOD.replace("Body.", `Line one.\n\nText${hidden} here.`), "content/good/fine.md": GOOD });
      const { code, results, stderr } = await lintJson(dir, ["--today", "2026-11-22"]);
      expectNoCrash(stderr);
      expect(code).toBe(1);
      const messages = results.flatMap((r) => r.messages);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({ ruleId: "file-encoding", line: 10, column: 5 });
      expect(messages[0]!.message).toContain(`invisible control character (${codePoint})`);
    }
  });

  // The yaml package's stack overflowed on flow collections nested thousands deep, and the card got
  // 34 copies of "The frontmatter is not valid YAML: Maximum call stack size exceeded", no fix.
  it("reports frontmatter nested thousands deep once, at its line, with what to write instead", async () => {
    const deep = `---\ntitle: Deep\ntags: ${"[".repeat(5000)}${"]".repeat(5000)}\n---\n\nBody.\n`;
    const dir = makeProject({ "content/bad/deep.md": deep, "content/good/fine.md": GOOD });
    const { code, results, stderr } = await lintJson(dir, ["--today", "2026-11-22"]);
    expectNoCrash(stderr);
    expect(code).toBe(1);
    const messages = flatMessages(results, dir).filter((m) => m.file === "content/bad/deep.md");
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: "frontmatter-yaml", line: 3 });
    expect(messages[0]!.message).toMatch(/nested too deeply.*write/);
    expect(messages[0]!.message).not.toContain("call stack");
  });

  // 200,000 alerts in one card is more than a JavaScript call takes as spread arguments: `push(...list)`
  // overflowed the stack, `verity style` died with an internal error and lint took the card for one
  // nested too deeply (markdown-too-deep) and dropped every finding of it.
  it("reports every one of 200,000 style alerts in one card, with no crash and no markdown-too-deep", async () => {
    const dir = makeProject({
      ".vale.ini": "StylesPath = styles\n[*.md]\nBasedOnStyles = S\n",
      "styles/S/Bang.yml": "extends: existence\nmessage: No '%s'.\nlevel: warning\nnonword: true\ntokens: ['!']\n",
      "content/bad/loud.md": GOOD.replace("Body.\n", "a!\n".repeat(200_000)),
    });
    const { code, results, stderr } = await lintJson(dir, ["--today", "2026-11-22"]);
    expectNoCrash(stderr);
    const messages = results.flatMap((r) => r.messages);
    expect(messages.filter((m) => m.ruleId !== "S.Bang").map((m) => m.ruleId)).toEqual([]);
    expect(messages).toHaveLength(200_000);
    expect(messages.at(-1)).toMatchObject({ line: 200_007, column: 2 });
    expect(code).toBe(0);
    const style = await runCli(["style", "content"], { cwd: dir });
    expectNoCrash(style.stderr);
    expect(style.stdout).toMatch(/200000 problems \(0 errors, 200000 warnings\)/);
  }, 60_000);

  // Each finding's column was counted from the start of the file (its line found by scanning every
  // line before it, then the line read from its start): 8,000 broken images on one line took 11 s,
  // 60,000 (720 KB) more than a minute.
  it("places 20,000 findings on one line, each at its column, in seconds", async () => {
    const dir = makeProject({ "content/bad/images.md": GOOD.replace("Body.\n", `${"![a](x.png) ".repeat(20_000)}\n`) });
    const started = performance.now();
    const { code, results, stderr } = await lintJson(dir, ["--today", "2026-11-22"]);
    expectNoCrash(stderr);
    expect(code).toBe(1);
    const broken = results.flatMap((r) => r.messages).filter((m) => m.ruleId === "link-broken");
    expect(broken).toHaveLength(20_000);
    expect(broken.at(-1)).toMatchObject({ line: 8, column: 12 * 19_999 + 1 });
    expect(performance.now() - started).toBeLessThan(15_000);
  }, 120_000);

  it("rejects a 5 MB card without reading it into the tree", async () => {
    const big = GOOD + "Lorem ipsum dolor sit amet. ".repeat(5 * 1024 * 1024 / 28);
    const dir = makeProject({ "content/bad/huge.md": big, "content/good/fine.md": GOOD });
    const { code, results } = await lintJson(dir, ["--today", "2026-11-22"]);
    expect(code).toBe(1);
    const messages = results.flatMap((r) => r.messages);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.ruleId).toBe("file-too-large");
    expect(messages[0]!.message).toMatch(/5\.\d MB, over the limit of 1\.0 MB \(maxCardBytes\)\. Split it/);
  });

  it("does not follow a symlink that points outside content/", async () => {
    const outside = makeTempDir();
    writeFileSync(path.join(outside, "secret.md"), GOOD.replace("Fine", "Outside secret"));
    mkdirSync(path.join(outside, "folder"));
    writeFileSync(path.join(outside, "folder", "x.md"), GOOD);
    const dir = makeProject({ "content/good/fine.md": GOOD });
    symlinkSync(path.join(outside, "secret.md"), path.join(dir, "content/good/linked.md"));
    symlinkSync(path.join(outside, "folder"), path.join(dir, "content/linked-folder"));
    const { code, results } = await lintJson(dir, ["--today", "2026-11-22"]);
    expect(code).toBe(1);
    const messages = flatMessages(results, dir);
    expect(messages.map((m) => [m.file, m.ruleId])).toEqual(
      expect.arrayContaining([["content/good/linked.md", "file-symlink"], ["content/linked-folder", "file-symlink"]]),
    );
    expect(messages[0]!.message).toMatch(/leads outside the content folder.*never follows/);
    const status = await runCli(["status", "--format", "json", "--today", "2026-11-22"], { cwd: dir });
    expect(JSON.parse(status.stdout).rows.map((r: { title: string }) => r.title)).toEqual(["Fine"]);
  });

  it("never follows a card symlink, even one that stays inside content/", async () => {
    const dir = makeProject({ "content/good/fine.md": GOOD });
    mkdirSync(path.join(dir, "content/other"));
    symlinkSync(path.join(dir, "content/good/fine.md"), path.join(dir, "content/other/same.md"));
    const status = await runCli(["status", "--format", "json", "--today", "2026-11-22"], { cwd: dir });
    expect(JSON.parse(status.stdout).rows).toHaveLength(1);
    const { code, results } = await lintJson(dir, ["--today", "2026-11-22"]);
    expect(code).toBe(1);
    expect(flatMessages(results, dir).map((m) => [m.file, m.ruleId])).toEqual([["content/other/same.md", "file-symlink"]]);
  });

  it("exits 2 with a clear message for a path that does not exist", async () => {
    const dir = makeProject({ "content/good/fine.md": GOOD });
    const { code, stderr, stdout } = await runCli(["lint", "content/nope.md"], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/content\/nope\.md: no such file or folder/);
    expectNoCrash(stderr);
  });
});

/**
 * Names lint let through and Astro then failed on (EISDIR, ENOTDIR, NoMatchingStaticPathFound)
 * after lint passed: every one is now a lint error at its file and line, so the build never starts.
 */
// The MDX parser is native code: a few thousand nested brackets overflow its stack and the process dies
// with a segmentation fault (no message, no other card checked), and its time grows with the square of
// a card's tags and expressions (30,000 `<a>x</a>` took about 25 s; 40,000 on lines of their own ran
// out of a 4 GB heap). Such a card is refused before it is parsed.
describe.each([
  { name: "10,000 nested parentheses", body: `{${"(".repeat(10_000)}1${")".repeat(10_000)}}`, text: /nested more than 256 levels deep/ },
  { name: "a chain of 100,000 operators", body: `{${"!".repeat(100_000)}1}`, text: /over 10,000 characters/ },
  { name: "an export of 10,000 nested parentheses", body: `export const a = ${"(".repeat(10_000)}1${")".repeat(10_000)};`, text: /nested more than 256 levels deep/ },
  { name: "30,000 tags", body: "<a>x</a>".repeat(30_000), text: /more than 5,000 MDX tags and expressions/ },
])("an MDX card with $name", ({ body, text }) => {
  it("gets markdown-syntax at its line, in moments, and the other cards are checked", async () => {
    const dir = makeProject({ "content/good/fine.md": GOOD, "content/bad/deep.mdx": GOOD.replace("Body.\n", `Intro.\n\n${body}\n`) });
    const started = performance.now();
    const { code, results, stderr } = await lintJson(dir, ["--today", "2026-11-22"]);
    expectNoCrash(stderr);
    expect(code).toBe(1);
    const messages = flatMessages(results, dir);
    expect(messages.map((m) => [m.file, m.ruleId, m.line])).toEqual([["content/bad/deep.mdx", "markdown-syntax", 10]]);
    expect(messages[0]!.message).toMatch(text);
    expect(performance.now() - started).toBeLessThan(5_000);
  }, 60_000);
});

describe("paths the sites cannot serve", () => {
  const card = (extra = "") => GOOD.replace("verify_by: 2027-01-01\n", `verify_by: 2027-01-01\n${extra}`);

  it.each(["favicon.ico", "feed.xml", "llms.txt", "index.html", "404.html", "og-image.png"])("a collection folder named %s (a file every site has) is a card-location error", async (name) => {
    const dir = makeProject({ "content/good/fine.md": GOOD, [`content/${name}/a.md`]: GOOD });
    const { code, results, stderr } = await lintJson(dir, ["--today", "2026-11-22"]);
    expectNoCrash(stderr);
    expect(code).toBe(1);
    const hit = flatMessages(results, dir).find((m) => m.ruleId === "card-location");
    expect(hit).toMatchObject({ file: `content/${name}`, line: 1 });
    expect(hit!.message).toContain(`would have the URL /${name}/, which the sites use for their own pages`);
    expect(hit!.message).toMatch(/Rename the folder/);
  });

  it.each([
    ["/caf%C3%A9/", /percent-encoded.*\/café\//],
    ["/A%20B/", /percent-encoded/],
    ["/x/../y/", /"\.\." or "\." segment/],
    ["/./x/", /"\.\." or "\." segment/],
    ["/x?y=1", /\? or #/],
    ["/x#y", /\? or #/],
    ["/favicon.ico", /\/favicon\.ico is one of the sites' own paths/],
    ["/_headers", /\/_headers is one of the sites' own paths/],
    // Names hosts read as their configuration at a site's root (Cloudflare Pages runs a _worker.js folder as the site's Worker).
    ["/_worker.js/", /\/_worker\.js\/ starts with _, which the sites and their hosts keep for their own files \(_headers, _redirects, _worker\.js, _routes\.json\)/],
    ["/_redirects", /starts with _, which the sites and their hosts keep/],
    ["/_Routes.json/x/", /starts with _, which the sites and their hosts keep/],
    ["/tags/refunds/", /\/tags\/refunds\/ is one of the sites' own paths/],
    ["/good/other.md", /ends in \.md, where the sites serve cards' Markdown copies/],
    ["/old/Guide.MDX", /ends in \.MDX/],
    // Its redirect page is a folder named other.md, where other's Markdown copy is written: the build stopped with EISDIR in an Astro hook.
    ["/good/other.md/index.html", /alias \/good\/other\.md\/index\.html has a folder named other\.md, where the sites serve the Markdown copy of \/good\/other\/; write the old page's URL without \.md/],
    ["/good/other.md/old/", /has a folder named other\.md, where the sites serve the Markdown copy of \/good\/other\//],
    ["/good/other.md.html", /has a folder named other\.md/],
    ["/Good/Other.MDX/index.htm", /has a folder named Other\.MDX, where the sites serve the Markdown copy of \/Good\/Other\/; write the old page's URL without \.MDX/],
    [`/old/${"a".repeat(256)}/`, /has a name of 256 bytes; file systems allow at most 255/],
    [`/old/${"\u00e9".repeat(128)}/`, /has a name of 256 bytes/],
  ])("an alias %s is a frontmatter-schema error at the aliases line", async (alias, text) => {
    const dir = makeProject({ "content/good/fine.md": card(`aliases: ["${alias}"]\n`) });
    const { code, results, stderr } = await lintJson(dir, ["--today", "2026-11-22"]);
    expectNoCrash(stderr);
    expect(code).toBe(1);
    const hit = flatMessages(results, dir).find((m) => m.ruleId === "frontmatter-schema");
    expect(hit, JSON.stringify(flatMessages(results, dir))).toMatchObject({ file: "content/good/fine.md", line: 6 });
    expect(hit!.message).toMatch(text);
  });

  it.each([
    ["a%20b.md", /%/],
    ["%2e%2e.md", /%/],
    ["a.md.md", /URL \/good\/a\.md\/ has a name that ends in \.md: it takes the address of the Markdown copy of \/good\/a\//],
    ["x.mdx/y.md", /ends in \.mdx/],
    ["index.html.md", /URL \/good\/index\.html\/ has the name index\.html, the file of the page \/good\/ itself/],
    ["sub/INDEX.HTM.md", /has the name INDEX\.HTM/],
    // Its Markdown copy (/good/shell.php.md) holds its code blocks as written: a server that runs any name with .php in it runs the copy.
    ["shell.php.md", /URL \/good\/shell\.php\/ has \.php in its name: its Markdown copy shell\.php\.md/],
    ["Report.PHTML.mdx", /has \.phtml in its name/],
    ["status.shtml.md", /has \.shtml in its name/],
  ])("a card at content/good/%s is a file-name error", async (name, text) => {
    const dir = makeProject({ "content/good/fine.md": GOOD, [`content/good/${name}`]: GOOD });
    const { code, results, stderr } = await lintJson(dir, ["--today", "2026-11-22"]);
    expectNoCrash(stderr);
    expect(code).toBe(1);
    const hit = flatMessages(results, dir).find((m) => m.ruleId === "file-name");
    expect(hit).toMatchObject({ file: `content/good/${name}`, line: 1 });
    expect(hit!.message).toMatch(text);
    expect(hit!.message).toMatch(/Rename the file/);
  });

  it("links to the sites' own files resolve, and nothing below them does", async () => {
    const dir = makeProject({ "content/good/fine.md": GOOD.replace("Body.", "[feed](/feed.xml) [llms](/llms.txt) [icon](/favicon.ico) [x](/feed.xml/x/)") });
    const { results } = await lintJson(dir, ["--today", "2026-11-22"]);
    expect(flatMessages(results, dir).map((m) => [m.ruleId, m.line, m.column])).toEqual([["link-broken", 8, 58]]);
  });

  it("an alias that takes a collection's page is a duplicate-id error (the public site would otherwise redirect from an internal-only collection's URL)", async () => {
    const dir = makeProject({
      "content/good/fine.md": card('aliases: ["/ops/"]\n'),
      "content/ops/_collection.yml": "title: Ops\ndefaults:\n  audience: internal\n",
      "content/ops/runbook.md": GOOD.replace("audience: external\n", ""),
    });
    const { code, results } = await lintJson(dir, ["--today", "2026-11-22"]);
    expect(code).toBe(1);
    const hits = flatMessages(results, dir).filter((m) => m.ruleId === "duplicate-id");
    expect(hits.map((m) => [m.file, m.line, m.message])).toEqual([
      ["content/good/fine.md", 6, "The URL /ops/ is the page of the collection content/ops/. Remove the alias, or rename the collection folder."],
    ]);
  });

  it("two card names that differ only in Unicode composition (café, cafe + U+0301) are one URL: a duplicate-id error, and the URL is the composed form", async () => {
    const composed = "caf\u00e9.md";
    const decomposed = "cafe\u0301.md";
    const dir = makeProject({ "content/good/fine.md": GOOD, [`content/good/${composed}`]: GOOD, [`content/good/${decomposed}`]: GOOD.replace("audience: external", "audience: internal") });
    const { code, results } = await lintJson(dir, ["--today", "2026-11-22"]);
    expect(code).toBe(1);
    const hits = flatMessages(results, dir).filter((m) => m.ruleId === "duplicate-id");
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.message).toContain("The URL /good/caf\u00e9/ is also claimed by");
    const single = makeProject({ "content/good/fine.md": GOOD, [`content/good/${decomposed}`]: GOOD });
    const project = loadProject({ cwd: single, root: single, today: "2026-11-22" });
    expect(project.cards.map((c) => c.url).sort()).toEqual(["/good/caf\u00e9/", "/good/fine/"]);
  });

  it("collection folders, and card URLs, that differ only in letter case or Unicode composition are a duplicate-id error (one folder on macOS and Windows, one page on a case-insensitive host)", async () => {
    const dir = makeProject({
      "content/caf\u00e9/menu.md": GOOD,
      "content/cafe\u0301/_collection.yml": "defaults:\n  audience: internal\n",
      "content/cafe\u0301/secret.md": GOOD.replace("audience: external\n", ""),
      "content/good/Guide.md": GOOD,
      "content/good/guide.md": GOOD,
    });
    const { code, results } = await lintJson(dir, ["--today", "2026-11-22"]);
    expect(code).toBe(1);
    const hits = flatMessages(results, dir).filter((m) => m.ruleId === "duplicate-id");
    expect(hits).toHaveLength(2);
    expect(hits.some((m) => /^The URL \/good\/guide\/ differs from \/good\/Guide\/ \(content\/good\/Guide\.md\) only in letter case/.test(m.message))).toBe(true);
    expect(hits.some((m) => /^The collection folder content\/caf.+\/ differs from content\/caf.+\/ only in letter case or in how its accents are encoded/.test(m.message))).toBe(true);
    const clean = makeProject({ "content/good/guide.md": GOOD, "content/good/guide-2.md": GOOD, "content/Good2/a.md": GOOD });
    expect(flatMessages((await lintJson(clean, ["--today", "2026-11-22"])).results, clean).filter((m) => m.ruleId === "duplicate-id")).toEqual([]);
  });

  it("an alias that names another card's page with index.html is a duplicate-id error, and one with a double slash a frontmatter error", async () => {
    const dir = makeProject({
      "content/good/fine.md": card('aliases: ["/good/other/index.html"]\n'),
      "content/good/slashes.md": card('aliases: ["/good//other/"]\n'),
      "content/good/other.md": GOOD,
    });
    const { code, results } = await lintJson(dir, ["--today", "2026-11-22"]);
    expect(code).toBe(1);
    const messages = flatMessages(results, dir);
    expect(messages.filter((m) => m.ruleId === "duplicate-id").map((m) => [m.file, m.line, m.message])).toEqual([
      ["content/good/other.md", 1, "The URL /good/other/ is also claimed by content/good/fine.md. Remove the alias or rename one of the cards."],
    ]);
    expect(messages.filter((m) => m.ruleId === "frontmatter-schema" && m.file === "content/good/slashes.md").map((m) => m.message)).toEqual([
      expect.stringContaining("has an empty segment (//); write the path with single slashes, e.g. /good/other/"),
    ]);
  });
});
