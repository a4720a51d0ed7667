/** `verity lint` through run(argv, io): exit codes, options and every output format. */
import { spawnSync } from "node:child_process";
import { lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copyFixtureProject, makeProject, removeTemps, REPO_ROOT, runCli } from "../helpers.ts";

afterAll(removeTemps);

const TODAY = ["--today", "2026-11-22"];
const PACKAGE_VERSION = (JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string }).version;

describe("exit codes", () => {
  it("exits 0 on a clean project, saying on stderr how many cards it checked and the trust score", async () => {
    const dir = copyFixtureProject("clean");
    const result = await runCli(["lint", ...TODAY], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^Checked \d+ cards: no problems; trust score 100% of \d+ published cards \(floor 97%\)\.\n$/);
  });
  it("says a file that is not a card is not one (exit 2), instead of passing silently", async () => {
    const dir = copyFixtureProject("clean");
    writeFileSync(path.join(dir, "README.md"), "# Read me\n");
    const result = await runCli(["lint", "README.md"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("README.md: not a card. Cards are .md or .mdx files in a collection folder under content/");
    expect(result.stderr).toContain("verity style <file>");
  });
  it("warns on stderr about a .vale.ini setting for a rule that does not exist, on a cold run and from the cache, and goes on", async () => {
    const dir = copyFixtureProject("clean");
    writeFileSync(path.join(dir, ".vale.ini"), "StylesPath = styles\n[*.md]\nMicrosoft.ComplexWords = YES\n");
    mkdirSync(path.join(dir, "styles"), { recursive: true });
    for (const run of ["cold", "cached"]) {
      const result = await runCli(["lint", ...TODAY], { cwd: dir });
      expect(result.code, run).toBe(0);
      expect(result.stderr, run).toMatch(/^warning: .*\.vale\.ini: the rule "Microsoft\.ComplexWords" was not found in .*styles; its setting is ignored\.\nChecked /);
    }
  });
  it("exits 1 on errors", async () => {
    const { code } = await runCli(["lint", ...TODAY], { cwd: copyFixtureProject("rules") });
    expect(code).toBe(1);
  });
  it("exits 1 once the demo-like project is checked years later", async () => {
    const dir = copyFixtureProject("clean");
    const { code, stdout } = await runCli(["lint", "--today", "2031-01-01"], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toMatch(/content\/billing\/refunds\.md[\s\S]*verify-by-expired/);
    expect(stdout).toMatch(/content\/support\/escalate\.md[\s\S]*verify-by-expired/);
  });
  it("exits 2 for usage errors: unknown option, bad --today, bad format", async () => {
    const dir = copyFixtureProject("clean");
    for (const argv of [["lint", "--nope"], ["lint", "--today", "2026-02-30"], ["lint", "--format", "xml"], ["lint", "--max-warnings", "many"], ["frobnicate"]]) {
      const result = await runCli(argv, { cwd: dir });
      expect(result.code, argv.join(" ")).toBe(2);
      expect(result.stderr, argv.join(" ")).not.toBe("");
    }
  });
  it("exits 2 with a hint when there is no project", async () => {
    const dir = makeProject({ "notes.txt": "" });
    const { code, stderr } = await runCli(["lint"], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toMatch(/No Verity project found[\s\S]*--root/);
  });
  it("exits 2 naming the cache folder when .verity-cache is a file; --no-cache lints without it", async () => {
    const dir = copyFixtureProject("clean");
    writeFileSync(path.join(dir, ".verity-cache"), "");
    const result = await runCli(["lint", ...TODAY], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(".verity-cache is a file, not a folder");
    expect(result.stderr).not.toContain("internal error");
    const uncached = await runCli(["lint", "--no-cache", ...TODAY], { cwd: dir });
    expect(uncached.code).toBe(0);
  });
  it("never follows a link or reads a pipe found in .verity-cache: they are removed, and the cache is written as files", async () => {
    const dir = copyFixtureProject("clean");
    const outside = path.join(makeProject({ "victim.txt": "not a cache\n" }), "victim.txt");
    mkdirSync(path.join(dir, ".verity-cache"));
    symlinkSync(outside, path.join(dir, ".verity-cache", "lint.json"));
    spawnSync("mkfifo", [path.join(dir, ".verity-cache", "files.json")]);
    const result = await runCli(["lint", ...TODAY], { cwd: dir });
    expect(result.code).toBe(0);
    expect(readFileSync(outside, "utf8")).toBe("not a cache\n");
    expect(lstatSync(path.join(dir, ".verity-cache", "lint.json")).isFile()).toBe(true);
    expect(lstatSync(path.join(dir, ".verity-cache", "files.json"), { throwIfNoEntry: false })?.isFIFO() ?? false).toBe(false);
  });
  it("exits 2 naming the file and line for an invalid configuration", async () => {
    const dir = makeProject({ "content/a/b.md": "", "verity.config.yml": "timeZone: Mars/Olympus\nwarnDay: 3\n" });
    const { code, stderr } = await runCli(["lint"], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toMatch(/verity\.config\.yml:1: .*IANA time zone/);
    expect(stderr).toMatch(/verity\.config\.yml:2: Unknown field "warnDay"\. Did you mean "warnDays"\?/);
  });
});

describe("options", () => {
  it("--max-warnings fails on too many warnings, --quiet hides them", async () => {
    const dir = makeProject({
      "verity.config.yml": "minTrustScore: 0\n",
      "content/a/soon.md": '---\ntitle: Soon\nowner: "@a"\naudience: external\nverify_by: 2026-11-30\n---\n\nText.\n',
    });
    expect((await runCli(["lint", ...TODAY], { cwd: dir })).code).toBe(0);
    const strict = await runCli(["lint", ...TODAY, "--max-warnings", "0"], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/1 warnings, more than --max-warnings 0/);
    expect((await runCli(["lint", ...TODAY, "--quiet"], { cwd: dir })).stdout).toBe("");
  });
  it("reports only on the given paths", async () => {
    const dir = copyFixtureProject("rules");
    const { stdout } = await runCli(["lint", ...TODAY, "--format", "json", "content/links"], { cwd: dir });
    const files = (JSON.parse(stdout) as { filePath: string }[]).map((r) => r.filePath.slice(dir.length + 1));
    expect(files).toEqual(["content/links/broken.md", "content/links/draft.md", "content/links/leaky.md", "content/links/target.md", "verity.config.yml"]);
  });
  it("finds the project from a subfolder and from --root", async () => {
    const dir = copyFixtureProject("rules");
    const sub = await runCli(["lint", ...TODAY, "--format", "json"], { cwd: `${dir}/content/links` });
    expect(sub.code).toBe(1);
    const rooted = await runCli(["--root", dir, "lint", ...TODAY], { cwd: "/" });
    expect(rooted.stdout).toContain("content/links/broken.md");
  });
});

describe("output formats", () => {
  it("stylish groups by file with line:col, level, message and rule id", async () => {
    const { stdout } = await runCli(["lint", ...TODAY], { cwd: copyFixtureProject("rules") });
    expect(stdout).toMatch(/^content\/dupes\/second\.md\n {2}6:1 {2}error {4}The id "dupes\/first"/);
    expect(stdout).toMatch(/✖ 12 problems \(10 errors, 2 warnings\)\n$/);
  });
  it("json follows ESLint's shape", async () => {
    const { stdout } = await runCli(["lint", ...TODAY, "--format", "json"], { cwd: copyFixtureProject("rules") });
    const results = JSON.parse(stdout);
    const broken = results.find((r: { filePath: string }) => r.filePath.endsWith("content/links/broken.md"));
    expect(broken).toMatchObject({ errorCount: 4, warningCount: 0 });
    expect(broken.messages[0]).toEqual({ ruleId: "link-broken", severity: 2, message: expect.stringContaining("missing.md"), line: 8, column: 5 });
    const clean = results.find((r: { filePath: string }) => r.filePath.endsWith("content/links/target.md"));
    expect(clean).toMatchObject({ messages: [], errorCount: 0, warningCount: 0 });
  });
  it("sarif is a SARIF 2.1.0 log with rules and locations", async () => {
    const { stdout } = await runCli(["lint", ...TODAY, "--format", "sarif"], { cwd: copyFixtureProject("rules") });
    const log = JSON.parse(stdout);
    expect(log.version).toBe("2.1.0");
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe("verity");
    expect(run.tool.driver.version).toBe(PACKAGE_VERSION);
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toContain("link-audience");
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === "verify-by-expiring");
    expect(result).toMatchObject({ level: "warning", locations: [{ physicalLocation: { artifactLocation: { uri: "content/expiry/due-soon.md" }, region: { startLine: 5, startColumn: 1 } } }] });
    expect(run.results).toHaveLength(12);
  });
  it("github prints workflow commands, escaped, and is the default in GitHub Actions", async () => {
    const dir = copyFixtureProject("rules");
    const { stdout } = await runCli(["lint", ...TODAY], { cwd: dir, env: { GITHUB_ACTIONS: "true" } });
    const lines = stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(12);
    expect(lines).toContain(
      "::warning file=content/expiry/due-today.md,line=5,col=1,title=verify-by-expiring::Verification expires today (verify_by 2026-11-22). @acme/team should re-check the card, then run: verity verify content/expiry/due-today.md",
    );
    expect(lines.every((line) => /^::(error|warning) file=[^,]+,line=\d+,col=\d+,title=[a-z-]+::/.test(line))).toBe(true);
  });
});

describe("internal errors", () => {
  it("prints a one-line message and exit 2, with the stack trace only under --verbose", async () => {
    const { run } = await import("../../cli/index.ts");
    const dir = copyFixtureProject("clean");
    const failingIO = (sink: { err: string }) => ({
      stdout: () => {
        throw new Error("stdout closed");
      },
      stderr: (text: string) => (sink.err += text),
      cwd: dir,
      env: {},
    });
    const plain = { err: "" };
    expect(await run(["status", ...TODAY], failingIO(plain))).toBe(2);
    expect(plain.err).toMatch(/^verity: internal error: stdout closed\n.*--verbose/);
    expect(plain.err).not.toMatch(/\n\s+at /);
    const verbose = { err: "" };
    expect(await run(["--verbose", "status", ...TODAY], failingIO(verbose))).toBe(2);
    expect(verbose.err).toMatch(/\n\s+at /);
  });
});

describe("a card whose frontmatter does not load", () => {
  it("still gets its body checked (links, headings, style), so every problem shows at once", async () => {
    const dir = makeProject({
      "content/a/card.md": "---\ntitle: A\naudience: internal\nverify_by: 2099-01-01\n---\n\n## One\n\n#### Skip\n\nSee [x](missing.md).\n",
      "content/a/yaml.md": '---\ntitle: "A\n---\n\nSee [x](missing.md).\n',
    });
    const { stdout } = await runCli(["lint", "--format", "json", ...TODAY], { cwd: dir });
    const rules = (JSON.parse(stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[]).map((r) => [
      path.basename(r.filePath),
      r.messages.map((m) => `${m.line}:${m.ruleId}`),
    ]);
    expect(rules).toEqual([
      ["card.md", ["2:frontmatter-schema", "9:heading-increment", "11:link-broken"]],
      ["yaml.md", ["2:frontmatter-yaml", "5:link-broken"]],
    ]);
  });
});

// --summary naming a folder was an internal error (EISDIR), one the system refuses (/proc) too
// (EIO), and one naming a card appended a Markdown table to the card.
describe("lint --summary", () => {
  const CARD = '---\ntitle: Fine\nowner: "@acme/team"\naudience: external\nverify_by: 2027-01-01\n---\n\nBody.\n';
  it.each([
    ["content", "--summary content is a folder"],
    ["content/a/b.md", "--summary content/a/b.md is in the content folder"],
    ["/etc/hostname/summary.md", "Could not write --summary /etc/hostname/summary.md: a part of the path is a file"],
  ])("refuses %s with the reason and exit 2, the card untouched", async (summary, message) => {
    const dir = makeProject({ "content/a/b.md": CARD });
    const result = await runCli(["lint", "--no-cache", "--summary", summary, ...TODAY], { cwd: dir });
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(readFileSync(path.join(dir, "content/a/b.md"), "utf8")).toBe(CARD);
  });
  it("still appends to a file outside the content folder", async () => {
    const dir = makeProject({ "content/a/b.md": CARD, "summary.md": "# Before\n" });
    const result = await runCli(["lint", "--no-cache", "--summary", "summary.md", ...TODAY], { cwd: dir });
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(dir, "summary.md"), "utf8")).toMatch(/^# Before\n.+Trust score/s);
  });
});
