/** `verity new --lang ko` writes the template's headings in Korean; `--translate` links the new card to its source. */
import { cpSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadProject } from "../../src/core/project/project.ts";
import { runCli } from "./cli.ts";
import { cardText, createTempRepo, type TempRepo } from "./git-repo.ts";

const REPO_TEMPLATES = path.resolve(import.meta.dirname, "../../style-guide/templates");
const repos: TempRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.dispose();
});

function project(): TempRepo {
  const repo = createTempRepo({ init: false });
  repos.push(repo);
  repo.write({
    "verity.config.yml": "verifyEvery: 90d\n",
    "content/billing/_collection.yml": 'title: Billing\ndefaults:\n  owner: "@lumen/billing"\n',
    "content/billing/refunds.md": cardText({ title: "Refunds", audience: "internal", template: "how-to" }, "## Before you start\n\nx\n\n## Steps\n\n1. y\n\n## Result\n\nz\n"),
    "content/billing/refunds-ko.md": cardText({ title: "환불", audience: "internal", lang: "ko", translation_of: "billing/refunds" }),
  });
  cpSync(REPO_TEMPLATES, path.join(repo.root, "style-guide/templates"), { recursive: true });
  return repo;
}

describe("verity new in another language", () => {
  it("--lang ko writes the how-to headings in Korean", async () => {
    const repo = project();
    const result = await runCli(["new", "how-to", "billing/payouts-ko", "--lang", "ko", "--title", "정산", "--audience", "external", "--today", "2026-11-22"], repo.root);
    expect(result.code, result.stderr).toBe(0);
    const text = repo.read("content/billing/payouts-ko.md");
    expect(text.match(/^## .+$/gm)).toEqual(["## 시작하기 전에", "## 단계", "## 결과"]);
    expect(text).not.toContain("translation_of");
  });

  // The translation of an internal card is that card's text in another language: asked to be external, it
  // was written as a public card that lint then refused and the help center left out, after its author
  // had written the internal text into it believing it public.
  it("--translate refuses another audience than the source's, and writes nothing", async () => {
    const repo = project();
    const result = await runCli(["new", "how-to", "billing/refunds-ja", "--translate", "billing/refunds", "--lang", "ja", "--title", "返金", "--audience", "external", "--today", "2026-11-22"], repo.root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("content/billing/refunds.md is internal");
    expect(() => repo.read("content/billing/refunds-ja.md")).toThrow();
  });

  it("--translate links the card to its source and takes the source's audience; lint accepts it", async () => {
    const repo = project();
    const result = await runCli(["new", "how-to", "billing/refunds-ja", "--translate", "billing/refunds", "--lang", "ja", "--title", "返金", "--today", "2026-11-22"], repo.root);
    expect(result.code, result.stderr).toBe(0);
    const text = repo.read("content/billing/refunds-ja.md");
    expect(text).toMatch(/^translation_of: billing\/refunds$/m);
    expect(text).toMatch(/^audience: "?internal"?$/m);
    expect(text.match(/^## .+$/gm)).toEqual(["## 始める前に", "## 手順", "## 結果"]);
    const loaded = loadProject({ cwd: repo.root, today: "2026-11-22" });
    expect(loaded.problems).toEqual([]);
    const lint = await runCli(["lint", "--format", "json", "--today", "2026-11-22", "--no-cache"], repo.root);
    expect(lint.stdout).not.toContain("translation-");
  });

  it("refuses to translate a translation, or without --lang, with the fix", async () => {
    const repo = project();
    const chained = await runCli(["new", "how-to", "billing/refunds-zh", "--translate", "billing/refunds-ko", "--lang", "zh", "--title", "退款", "--today", "2026-11-22"], repo.root);
    expect(chained.code).toBe(2);
    expect(chained.stderr).toContain("itself a translation of billing/refunds");
    expect(chained.stderr).toContain("--translate billing/refunds");
    const noLang = await runCli(["new", "how-to", "billing/refunds-zh", "--translate", "billing/refunds", "--title", "退款"], repo.root);
    expect(noLang.stderr).toContain("--translate needs --lang");
  });
});
