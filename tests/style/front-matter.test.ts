/**
 * Front matter as Vale 3.11 and later lint it in `verity style` (lint/metadata.go): each top-level
 * string field is a block of scope `text.frontmatter.<key>.<ext>`, reported where its words are
 * written; lists and numbers are not linted; IgnoredScopes can leave a field out per format.
 * `verity lint` leaves a card's front matter to its schema.
 */
import { afterEach, describe, expect, it } from "vitest";
import { lintJson, makeProject, removeTemps, runCli } from "../helpers.ts";

afterEach(removeTemps);


const STYLES = {
  "styles/Meta/Title.yml": "extends: capitalization\nmessage: \"'%s' should be in title case\"\nlevel: warning\nscope: text.frontmatter.title\nmatch: $title\nstyle: AP\n",
  "styles/Meta/Marks.yml": "extends: existence\nmessage: \"'%s' left in text\"\nlevel: error\ntokens:\n  - NOTE\n  - TODO\n  - XXX\n",
};

describe("front matter in verity style", () => {
  it("lints each string field where it is written: a quoted title, a plain description, a block scalar's second line", async () => {
    const dir = makeProject({
      ...STYLES,
      ".vale.ini": "StylesPath = styles\nMinAlertLevel = suggestion\n[*.md]\nBasedOnStyles = Meta\n",
      "page.md": '---\ntitle: "My first page"\ndescription: A short NOTE about it.\nsummary: |\n  Loads and tracks data\n  TODO\ntags: ["TODO", "castle"]\nweight: 8\n---\n\n## Introduction\n\nXXX in the body.\n',
    });
    const run = await runCli(["style", "--output=line", "page.md"], { cwd: dir });
    expect(run.stdout.split("\n").filter(Boolean)).toEqual([
      "page.md:2:9:Meta.Title:'My first page' should be in title case",
      "page.md:3:22:Meta.Marks:'NOTE' left in text",
      "page.md:6:3:Meta.Marks:'TODO' left in text",
      "page.md:13:1:Meta.Marks:'XXX' left in text",
    ]);
  });

  it("reports a value at the first line that holds it, and leaves out a field IgnoredScopes names for that format", async () => {
    const dir = makeProject({
      ...STYLES,
      ".vale.ini": "StylesPath = styles\nIgnoredScopes = code, tt, frontmatter.title.mdx\n[*.{md,mdx}]\nBasedOnStyles = Meta\n",
      "a.md": '---\ntitle: castle\ntags: ["castle"]\n---\n\nText.\n',
      "b.mdx": "---\ntitle: castle\n---\n\nText.\n",
    });
    const run = await runCli(["style", "--output=line", "a.md", "b.mdx"], { cwd: dir });
    expect(run.stdout).toBe("a.md:2:8:Meta.Title:'castle' should be in title case\n");
  });

  it("places a field's alert as Vale does: from the line before the longest line holding the value, else the file from the value's first occurrence on", async () => {
    // lint/metadata.go: findBestLineBySubstring keeps the least similar (longest) line holding the value and
    // the block's line is the one before it; core/file.go assignLoc searches that line, then FindLoc the file
    // from where the value is first written (`nica` inside `technical` first), for the match as a word.
    const dir = makeProject({
      "styles/S/Nica.yml": "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens:\n  - nica\n",
      ".vale.ini": "StylesPath = styles\nMinAlertLevel = suggestion\n[*.md]\nBasedOnStyles = S\n",
      "a.md": '---\nslug: how-often\ntitle: "How often?"\ndescription: "Any technical considerations will be secondary."\nauthors: nica\n---\n\nBody text.\n',
    });
    const run = await runCli(["style", "--output=line", "a.md"], { cwd: dir });
    expect(run.stdout).toBe("a.md:5:10:S.Nica:Avoid 'nica'.\n");
  });

  it("masks a placed match for the check's next field, as Vale's ChkToCtx holds the file per check", async () => {
    // The description's block is on the title's line, whose `utilize` the title's alert has masked: FindLoc finds the description's.
    const dir = makeProject({
      "styles/S/Util.yml": "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens:\n  - utilize\n",
      ".vale.ini": "StylesPath = styles\nMinAlertLevel = suggestion\n[*.md]\nBasedOnStyles = S\n",
      "b.md": "---\ntitle: We utilize it\ndescription: They utilize tools daily.\n---\n\nBody text.\n",
    });
    const run = await runCli(["style", "--output=line", "b.md"], { cwd: dir });
    expect(run.stdout).toBe("b.md:2:11:S.Util:Avoid 'utilize'.\nb.md:3:19:S.Util:Avoid 'utilize'.\n");
  });

  it("verity lint and verity style in a Verity project leave a card's front matter to its schema: a title with TODO is no style finding", async () => {
    const dir = makeProject({
      "verity.config.yml": "lang: en\n",
      "style-guide/styles/Meta/Marks.yml": STYLES["styles/Meta/Marks.yml"],
      ".vale.ini": "StylesPath = style-guide/styles\n[*.md]\nBasedOnStyles = Meta\n",
      "content/help/card.md": '---\ntitle: "TODO: refunds"\nowner: "@acme/team"\naudience: external\nverify_by: 2099-01-01\n---\n\nRefunds take five days. XXX\n',
    });
    const { results } = await lintJson(dir, ["--today", "2026-11-22"]);
    const marks = results.flatMap((r) => r.messages).filter((m) => m.ruleId === "Meta.Marks");
    expect(marks.map((m) => m.line)).toEqual([8]);
    const style = await runCli(["style", "--output=line", "content"], { cwd: dir });
    expect(style.stdout).toBe("content/help/card.md:8:25:Meta.Marks:'XXX' left in text\n");
  });
});
