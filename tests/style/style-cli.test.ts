import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { run } from "../../cli/index.ts";
import { removeTemps, runCli } from "../helpers.ts";
import { fixtureCopy } from "./helpers.ts";

afterEach(removeTemps);

const project = fixtureCopy;

describe("verity style", () => {
  it("prints Vale's line format, sorted, with paths relative to the working folder; exit 1 on an error", async () => {
    const dir = project({ "docs/b.md": "We utilize it.\n", "docs/a.md": "Send an e-mail.\n", "node_modules/x/c.md": "We utilize it.\n" });
    const result = await runCli(["style", "--output=line", "--sort", "--relative", "--normalize", "--no-global", "docs", "node_modules"], { cwd: dir });
    expect(result.stdout).toBe("docs/a.md:1:9:Test.Substitution:Use 'email' instead of 'e-mail'.\ndocs/b.md:1:4:Test.Existence:Avoid 'utilize'.\n");
    expect(result.code).toBe(1);
  });

  it("walks folders but skips node_modules and .git; exit 0 without error-level alerts", async () => {
    const dir = project({ "docs/a.md": "Send an e-mail.\n", "docs/node_modules/x.md": "We utilize it.\n", "docs/.git/y.md": "We utilize it.\n" });
    const result = await runCli(["style", "--output=line", "."], { cwd: path.join(dir, "docs") });
    expect(result.stdout).toBe("a.md:1:9:Test.Substitution:Use 'email' instead of 'e-mail'.\n");
    expect(result.code).toBe(0);
  });

  // Vale's FormatByExtension: `\.(?:md|mdown|markdown|markdn)$` is Markdown.
  it("lints .mdown and .markdn files as Markdown, walked or named", async () => {
    const ini = "StylesPath = styles\nMinAlertLevel = suggestion\n[*.{md,mdown,markdn}]\nBasedOnStyles = Test\n";
    const dir = project({ ".vale.ini": ini, "docs/a.mdown": "We utilize it.\n", "docs/b.markdn": "We utilize it.\n" });
    const walked = await runCli(["style", "--output=line", "docs"], { cwd: dir });
    expect(walked.stdout).toBe("docs/a.mdown:1:4:Test.Existence:Avoid 'utilize'.\ndocs/b.markdn:1:4:Test.Existence:Avoid 'utilize'.\n");
    const named = await runCli(["style", "--output=line", "docs/b.markdn"], { cwd: dir });
    expect(named.stdout).toBe("docs/b.markdn:1:4:Test.Existence:Avoid 'utilize'.\n");
  });

  it("a file named on the command line that is source code gets a notice on stderr, and the exit code stays", async () => {
    const dir = project({ "c.ts": "// We utilize it.\n", "a.md": "Send an e-mail.\n" });
    const result = await runCli(["style", "--output=line", "c.ts", "a.md"], { cwd: dir });
    expect(result.stdout).toBe("a.md:1:9:Test.Substitution:Use 'email' instead of 'e-mail'.\n");
    expect(result.stderr).toContain("c.ts: not checked: this is source code, whose comments Vale reads with a parser for each language. Verity reads Markdown, MDX, AsciiDoc, HTML, reStructuredText, plain text and files of other text formats");
    expect(result.stderr).not.toContain("a.md: not checked");
    expect(result.code).toBe(0);
  });

  it("--minAlertLevel=error keeps errors only", async () => {
    const dir = project({ "a.md": "Send an e-mail. We utilize it.\n" });
    const result = await runCli(["style", "--output=line", "--minAlertLevel=error", "a.md"], { cwd: dir });
    expect(result.stdout).toBe("a.md:1:20:Test.Existence:Avoid 'utilize'.\n");
  });

  it("--ext=.md lints standard input as stdin.md", async () => {
    const dir = project();
    let stdout = "";
    const code = await run(["style", "--output=line", "--ext=.md"], {
      stdout: (t) => (stdout += t),
      stderr: () => {},
      cwd: dir,
      env: {},
      readStdin: async () => "# Title\n\nWe utilize it.\n",
    });
    expect(stdout).toBe("stdin.md:3:4:Test.Existence:Avoid 'utilize'.\n");
    expect(code).toBe(1);
  });

  it("the lint formats work too (json)", async () => {
    const dir = project({ "a.md": "We utilize it.\n" });
    const result = await runCli(["style", "--format", "json", "a.md"], { cwd: dir });
    const [entry] = JSON.parse(result.stdout) as { messages: { ruleId: string; line: number; column: number }[] }[];
    expect(entry?.messages.map((m) => `${m.line}:${m.column}:${m.ruleId}`)).toEqual(["1:4:Test.Existence"]);
  });

  it("a rule of an unknown type is a configuration error naming the file (exit 2)", async () => {
    const dir = project({ "styles/Test/Broken.yml": "extends: grammar\nmessage: x\n", "a.md": "Text.\n" });
    const result = await runCli(["style", "a.md"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(path.join("styles", "Test", "Broken.yml"));
    expect(result.stderr).toContain('unknown rule type "extends: grammar"');
  });

  it("an untranslatable regex and a scope with a space are configuration errors naming the file; an unknown scope loads with a warning", async () => {
    const regex = await runCli(["style", "a.md"], { cwd: project({ "styles/Test/Bad.yml": "extends: existence\nmessage: x\ntokens:\n  - '(?U)a+'\n", "a.md": "x\n" }) });
    expect(regex.code).toBe(2);
    expect(regex.stderr).toContain("Bad.yml");
    const spaced = await runCli(["style", "a.md"], { cwd: project({ "styles/Test/Bad.yml": "extends: existence\nmessage: x\nscope: table cell\ntokens: [a]\n", "a.md": "x\n" }) });
    expect(spaced.code).toBe(2);
    expect(spaced.stderr).toMatch(/Bad\.yml: scope "table cell" contains spaces/);
    // As Vale 3.x (checkScopes no longer has a list of scopes): the rule loads and never matches.
    const unknown = await runCli(["style", "a.md"], { cwd: project({ "styles/Test/Bad.yml": "extends: existence\nmessage: x\nlevel: error\nscope: footer\ntokens: [a]\n", "a.md": "a\n" }) });
    expect(unknown.code).toBe(0);
    expect(unknown.stderr).toMatch(/Bad\.yml: rule Test\.Bad has a scope no Markdown text has \(footer\)/);
  });

  it("a file no section applies to is not read, as Vale bails early: an .mdx that would not parse is no error", async () => {
    const dir = project({ ".vale.ini": "StylesPath = styles\n[*.md]\nBasedOnStyles = Test\n", "docs/bad.mdx": "Set the value in <install_dir> to foo.\n", "docs/a.md": "We utilize it.\n" });
    const result = await runCli(["style", "--output=line", "docs"], { cwd: dir });
    expect(result.stdout).toBe("docs/a.md:1:4:Test.Existence:Avoid 'utilize'.\n");
  });

  it("a content/ folder alone (a Hugo site) adds no built-in rules; verity.config.yml does", async () => {
    const text = "# Title\n\n![](a.png) and [here](b.md).\n";
    const hugo = await runCli(["style", "--output=line", "content"], { cwd: project({ "content/a.md": text }) });
    expect(hugo.stdout).toBe("");
    expect(hugo.code).toBe(0);
    const verity = await runCli(["style", "--output=line", "content"], { cwd: project({ "content/a.md": text, "verity.config.yml": "contentDir: content\n" }) });
    expect(verity.stdout).toMatch(/content\/a\.md:3:1:image-alt:/);
  });

  it("a rule that would match nothing (no tokens, swap as a list) is a configuration error, never silently empty", async () => {
    const empty = await runCli(["style", "a.md"], { cwd: project({ "styles/Test/Empty.yml": "extends: existence\nmessage: x\n", "a.md": "x\n" }) });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/Empty\.yml: an existence rule needs a "tokens" list/);
    const list = await runCli(["style", "a.md"], { cwd: project({ "styles/Test/List.yml": "extends: substitution\nmessage: x\nswap: [a, b]\n", "a.md": "x\n" }) });
    expect(list.code).toBe(2);
    expect(list.stderr).toMatch(/List\.yml: "swap" must be a mapping/);
  });

  it("rules of types not run yet are skipped with a warning naming the rule file", async () => {
    const dir = project({ "styles/Test/Script.yml": "extends: script\nmessage: x\nscript: x\n", "a.md": "We utilize it.\n" });
    const result = await runCli(["style", "--output=line", "a.md"], { cwd: dir });
    expect(result.stderr).toMatch(/warning: .*Script\.yml: rule Test\.Script is skipped: Verity does not run "script" rules \(script rules are Tengo programs, and Verity has no Tengo runtime\)/);
    expect(result.stdout).toBe("a.md:1:4:Test.Existence:Avoid 'utilize'.\n");
  });
});

describe("verity style --fix", () => {
  const BAD = "---\ntitle: Mail\nverify-by: 2030-01-01\n---\r\n\r\nSend an e-mail, pick a colour, really now.\r\n\r\nKeep `e-mail` in code.\r\n";

  it("applies swaps, replace and remove actions and the verify-by rename; keeps CRLF, code and the BOM; is idempotent", async () => {
    const dir = project({ "a.md": `\uFEFF${BAD}` });
    const first = await runCli(["style", "--fix", "--output=line", "a.md"], { cwd: dir });
    const fixed = readFileSync(path.join(dir, "a.md"), "utf8");
    expect(fixed).toBe("\uFEFF---\ntitle: Mail\nverify_by: 2030-01-01\n---\r\n\r\nSend an email, pick a color, now.\r\n\r\nKeep `e-mail` in code.\r\n");
    expect(first.stderr).toContain("fixed 4 problems in 1 file");
    expect(first.stdout).toBe("");
    const second = await runCli(["style", "--fix", "a.md"], { cwd: dir });
    expect(second.stderr).toContain("fixed 0 problems in 0 files");
    expect(readFileSync(path.join(dir, "a.md"), "utf8")).toBe(fixed);
  });

  it("--fix --dry-run prints a unified diff and writes nothing", async () => {
    const dir = project({ "a.md": BAD });
    const result = await runCli(["style", "--fix", "--dry-run", "a.md"], { cwd: dir });
    expect(result.stdout).toContain("--- a/a.md");
    expect(result.stdout).toContain("+++ b/a.md");
    expect(result.stdout).toContain("-Send an e-mail, pick a colour, really now.");
    expect(result.stdout).toContain("+Send an email, pick a color, now.");
    expect(result.stdout).toContain("+verify_by: 2030-01-01");
    expect(result.stderr).toContain("would fix 4 problems in 1 file");
    expect(readFileSync(path.join(dir, "a.md"), "utf8")).toBe(BAD);
  });

  // The file was read as UTF-8 with U+FFFD for what is not, and written back so: the é of a Latin-1
  // file became EF BF BD, a letter lost in a file the author did not ask to re-encode.
  it("leaves a file that is not UTF-8 byte for byte as it was, and says why", async () => {
    const latin1 = Buffer.from("# Notes\n\nSend an e-mail to Jos\xe9 today.\n", "latin1");
    const dir = project({ "a.md": latin1, "b.md": "Send an e-mail.\n" });
    const result = await runCli(["style", "--fix", "--output=line", "a.md", "b.md"], { cwd: dir });
    expect(readFileSync(path.join(dir, "a.md")).equals(latin1)).toBe(true);
    expect(readFileSync(path.join(dir, "b.md"), "utf8")).toBe("Send an email.\n");
    expect(result.stdout).toContain("a.md:3:1:file-encoding:The file is not valid UTF-8 text, so --fix left it as it is");
    expect(result.stderr).toContain("fixed 1 problem in 1 file");
  });
});
