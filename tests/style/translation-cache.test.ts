/**
 * The style rules' translated patterns, kept between runs: recalled only from a well-formed file
 * written by the same code, written only when a run had to translate something, and never
 * changing what a pattern means.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileGoRegex, translateGoRegex } from "../../src/core/style/go-regex.ts";
import { getCodeVersion } from "../../src/core/lint/code-version.ts";
import { exampleCard } from "../../src/core/lint/rule-model.ts";
import { makeProject, removeTemps, runCli } from "../helpers.ts";
import { recallSavedTranslations, withSavedTranslations } from "../../src/core/style/translation-cache.ts";

const dir = mkdtempSync(path.join(tmpdir(), "verity-translations-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  removeTemps();
});

describe("translation cache", () => {
  it("saves what a compile translated, and recalls it in place of translating", () => {
    const file = path.join(dir, "patterns.json");
    const pattern = String.raw`(?i)\bcolou?r\b`;
    const translated = withSavedTranslations(file, () => translateGoRegex(pattern));
    const stored = JSON.parse(readFileSync(file, "utf8")) as { code: string; entries: [string, string, string][] };
    expect(stored.code).toBe(getCodeVersion());
    expect(stored.entries).toEqual([[pattern, translated.source, translated.flags]]);

    // A saved translation stands for its pattern: here one that differs from what the translator
    // makes, so that only a recall can give it.
    const recalledPattern = String.raw`\bunseen-pattern\b`;
    writeFileSync(file, JSON.stringify({ ...stored, entries: [[recalledPattern, "recalled", "u"]] }));
    const mtime = statSync(file).mtimeMs;
    expect(withSavedTranslations(file, () => translateGoRegex(recalledPattern))).toEqual({ source: "recalled", flags: "u" });
    // Nothing new was used: the file is not written again.
    expect(statSync(file).mtimeMs).toBe(mtime);
    // A compile that uses a pattern the file lacks writes what it used, and only that.
    withSavedTranslations(file, () => [translateGoRegex(recalledPattern), translateGoRegex("(?i)fresh")]);
    expect((JSON.parse(readFileSync(file, "utf8")) as typeof stored).entries.map(([p]) => p)).toEqual([recalledPattern, "(?i)fresh"]);
  });

  it("recalls nothing from another version of the code, a damaged file or a malformed entry", () => {
    const file = path.join(dir, "other.json");
    const cases = [
      JSON.stringify({ version: 1, code: "another-version", entries: [["(?i)other-code", "x", "u"]] }),
      '{"version":1,"code":"',
      JSON.stringify({ version: 1, code: getCodeVersion(), entries: [["(?i)bad-flags", "x", "ug"]] }),
      JSON.stringify({ version: 1, code: getCodeVersion(), entries: [["(?i)not-strings", 1, "u"]] }),
    ];
    for (const text of cases) {
      writeFileSync(file, text);
      expect(recallSavedTranslations(file).size).toBe(0);
    }
    expect(translateGoRegex("(?i)other-code").source).toBe("other-code");
    expect(translateGoRegex("(?i)bad-flags").flags).toBe("iu");
    expect(translateGoRegex("(?i)not-strings").source).toBe("not-strings");
    expect(compileGoRegex("(?i)other-code", "g").test("OTHER-CODE")).toBe(true);
  });

  it("is written by a lint that translated the style guide, and a re-lint that recalled it all leaves it as it is", async () => {
    const project = makeProject({
      ".vale.ini": "StylesPath = styles\nMinAlertLevel = suggestion\n\n[*.md]\nBasedOnStyles = Test\n",
      "styles/Test/Avoid.yml": "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: warning\nignorecase: true\ntokens:\n  - simply\n  - obviously\n",
      "content/a/one.md": exampleCard({ title: "One" }, "Plain text.\n"),
      "content/a/two.md": exampleCard({ title: "Two" }, "More plain text.\n"),
    });
    const lint = async (extra: string[] = []) => (await runCli(["lint", "--format", "json", "--today", "2027-01-01", ...extra], { cwd: project })).stdout;
    await lint();
    const file = path.join(project, ".verity-cache", "style-patterns.json");
    const stamp = () => `${statSync(file).size}/${statSync(file).mtimeMs}`;
    // The pattern of the Avoid rule, as Vale builds it from the tokens, is among those kept.
    expect(readFileSync(file, "utf8")).toContain("simply|obviously");
    const before = stamp();
    const card = path.join(project, "content/a/two.md");
    writeFileSync(card, `${readFileSync(card, "utf8")}\nThis is simply more.\n`);
    const edited = await lint();
    expect(edited).toContain("Avoid 'simply'");
    expect(edited).toBe(await lint(["--no-cache"]));
    expect(stamp()).toBe(before);
  });
});
