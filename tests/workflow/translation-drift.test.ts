/** Translation drift from a fixture git history: the source changed after the translation was checked. */
import { afterEach, describe, expect, it } from "vitest";
import { openContentHistory } from "../../src/core/git/content-changes.ts";
import { runCli } from "./cli.ts";
import { cardText, createTempRepo, type TempRepo } from "./git-repo.ts";

const repos: TempRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.dispose();
});

const SOURCE = "content/billing/refunds.md";
const KO = "content/billing/refunds-ko.md";

function history(): TempRepo {
  const repo = createTempRepo();
  repos.push(repo);
  repo.write({
    "verity.config.yml": "lang: en\n",
    [SOURCE]: cardText({ title: "Refunds" }, "Open the payment.\n\nClick Refund.\n"),
    [KO]: cardText({ title: "환불", lang: "ko", translation_of: "billing/refunds" }, "결제를 엽니다.\n\n환불을 누릅니다.\n"),
  });
  repo.commit("Refunds in English and Korean", "2026-10-01");
  return repo;
}

const lintOutdated = async (repo: TempRepo) => {
  const result = await runCli(["lint", "--format", "json", "--today", "2026-12-01", "--no-cache"], repo.root);
  const messages = (JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; message: string; line: number; severity: number }[] }[]).flatMap((r) =>
    r.messages.map((m) => ({ ...m, file: r.filePath.slice(repo.root.length + 1) })),
  );
  return { code: result.code, outdated: messages.filter((m) => m.ruleId === "translation-outdated") };
};

describe("translation drift", () => {
  it("is quiet while the source says what it said when the translation was committed", async () => {
    const repo = history();
    // Re-verifying the source changes its frontmatter only: not a content change.
    repo.write({ [SOURCE]: cardText({ title: "Refunds", verify_by: "2027-06-30" }, "Open the payment.\n\nClick Refund.\n") });
    repo.commit("Verify refunds", "2026-11-01");
    expect((await lintOutdated(repo)).outdated).toEqual([]);
  });

  it("warns when the source's body changed in a later commit, naming that commit and a summary", async () => {
    const repo = history();
    repo.write({ [SOURCE]: cardText({ title: "Refunds" }, "Open the payment.\n\nClick Refund, then Confirm.\n\nRefunds take 5 days.\n") });
    const hash = repo.commit("Refunds need a confirmation", "2026-11-10").slice(0, 7);
    const { code, outdated } = await lintOutdated(repo);
    expect(code).toBe(0);
    expect(outdated).toEqual([expect.objectContaining({ file: KO, line: 7, severity: 1 })]);
    expect(outdated[0]!.message).toContain(`source changed in ${hash} (2026-11-10, "Refunds need a confirmation"): +2 -1 lines`);
    expect(outdated[0]!.message).toContain(`verity verify ${KO}`);

    const status = await runCli(["status", "--today", "2026-12-01"], repo.root);
    expect(status.stdout).toMatch(/Outdated translations/);
    expect(status.stdout).toContain(`${KO}: source changed in ${hash}`);

    const report = await runCli(["report", "--today", "2026-12-01"], repo.root);
    expect(report.stdout).toContain("| Language | Cards | Translated | Outdated | Missing | Trust score |");
    expect(report.stdout).toContain("| en | 1 | 0 | 0 | 0 | 100% |");
    expect(report.stdout).toContain("| ko | 1 | 1 | 1 | 0 | 100% |");
  });

  it("verify records the source revision, and the warning goes away", async () => {
    const repo = history();
    repo.write({ [SOURCE]: cardText({ title: "Refunds" }, "Open the payment.\n\nClick Refund, then Confirm.\n") });
    const hash = repo.commit("Refunds need a confirmation", "2026-11-10").slice(0, 7);
    const verified = await runCli(["verify", KO, "--by", "@mina", "--today", "2026-12-01"], repo.root);
    expect(verified.code).toBe(0);
    expect(repo.read(KO)).toMatch(new RegExp(`verified_by: "@mina"\\nsource_revision: "${hash}"\\n`));
    expect((await lintOutdated(repo)).outdated).toEqual([]);
    repo.commit("Verify the Korean refunds card", "2026-12-01");
    expect((await lintOutdated(repo)).outdated).toEqual([]);
    // The source changes again: drift is measured from the recorded revision.
    repo.write({ [SOURCE]: cardText({ title: "Refunds" }, "Open the payment.\n\nClick Refund, then Confirm twice.\n") });
    repo.commit("Twice", "2026-12-02");
    expect((await lintOutdated(repo)).outdated.map((m) => m.file)).toEqual([KO]);
  });

  it("the generic module answers by day too, and says nothing outside git", () => {
    const repo = history();
    repo.write({ [SOURCE]: cardText({ title: "Refunds" }, "Changed.\n") });
    repo.commit("Change", "2026-11-10");
    const git = openContentHistory(repo.root)!;
    expect(git.changesSince(SOURCE, { date: "2026-10-05" })).toMatchObject({ added: 1, removed: 2, uncommitted: false });
    expect(git.changesSince(SOURCE, { date: "2026-11-11" })).toBeUndefined();
    const bare = createTempRepo({ init: false });
    repos.push(bare);
    expect(openContentHistory(bare.root)).toBeUndefined();
  });
});
