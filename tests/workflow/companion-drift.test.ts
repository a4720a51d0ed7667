/** Companion drift from git history, `verity status` showing it, and `verity verify` with companions. */
import { afterEach, describe, expect, it } from "vitest";
import { findCompanionDrift } from "../../src/core/verification/companion-drift.ts";
import { readFileCommits } from "../../src/core/git/content-changes.ts";
import { loadProject } from "../../src/core/project/project.ts";
import { runCli } from "./cli.ts";
import { cardText, createTempRepo, type TempRepo } from "./git-repo.ts";

const repos: TempRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.dispose();
});

const TODAY = "2026-12-01";
const answer = (body: string, verify = "2027-03-01") => cardText({ title: "Refunds", companion: "billing/notes", verify_by: verify }, body);
const notes = (body: string, verify = "2027-03-01") => cardText({ title: "Refund notes", audience: "internal", owner: '"@team/agents"', companion: "billing/refunds", verify_by: verify }, body);

/** The pair committed together on 2026-10-01, then the public answer edited on 2026-11-20. */
function driftedRepo(): TempRepo {
  const repo = createTempRepo();
  repos.push(repo);
  repo.write({ "content/billing/refunds.md": answer("Refunds take 5 days.\n"), "content/billing/notes.md": notes("Agents may refund up to 30 days.\n") });
  repo.commit("Add the refund pair", "2026-10-01");
  return repo;
}

describe("git-content-changes", () => {
  it("tells content changes from verification-only commits", async () => {
    const repo = driftedRepo();
    repo.write({ "content/billing/refunds.md": answer("Refunds take 5 days.\n", "2027-06-01") });
    repo.commit("Verify refunds", "2026-11-01");
    repo.write({ "content/billing/refunds.md": answer("Refunds take 10 days.\nMore text.\n", "2027-06-01") });
    const edit = repo.commit("Refunds now take 10 days", "2026-11-20");
    const commits = await readFileCommits(repo.root, `${repo.root}/content/billing/refunds.md`, { timeZone: "UTC" });
    expect(commits!.commits.map((c) => [c.subject, c.added, c.removed, c.touchedIgnored])).toEqual([
      ["Refunds now take 10 days", 2, 1, false],
      ["Verify refunds", 0, 0, true],
      ["Add the refund pair", 8, 0, true],
    ]);
    expect(commits!.lastContentChange?.hash).toBe(edit);
  });

  // Records were split at \x1e, which a subject may hold: "Refunds<U+001E>now" made a record without a date, and lint and
  // verity status stopped with "Invalid time value" on a project with companions.
  it("reads a subject that holds \\x1e or \\x1f as written", async () => {
    const repo = driftedRepo();
    repo.write({ "content/billing/refunds.md": answer("Refunds take 10 days.\n") });
    const edit = repo.commit(`Refunds\x1enow\x1f${"a".repeat(40)}\x1f2001-01-01T00:00:00Z\x1fforged`, "2026-11-20");
    const commits = await readFileCommits(repo.root, `${repo.root}/content/billing/refunds.md`, { timeZone: "UTC" });
    expect(commits!.commits.map((c) => [c.hash, c.date, c.subject, c.added, c.removed])).toEqual([
      [edit, "2026-11-20", `Refunds\x1enow\x1f${"a".repeat(40)}\x1f2001-01-01T00:00:00Z\x1fforged`, 1, 1],
      [expect.any(String), "2026-10-01", "Add the refund pair", 8, 0],
    ]);
  });
});

describe("companion drift", () => {
  it("flags the notes when the public answer changed after them, with commit, day and lines", async () => {
    const repo = driftedRepo();
    repo.write({ "content/billing/refunds.md": answer("Refunds take 10 days.\n") });
    const edit = repo.commit("Refunds now take 10 days", "2026-11-20");
    const drift = await findCompanionDrift(loadProject({ cwd: repo.root, today: TODAY }));
    expect(drift.map((d) => [d.card.relPath, d.changed.relPath, d.changes.map((c) => c.hash)])).toEqual([["content/billing/notes.md", "content/billing/refunds.md", [edit]]]);

    const status = await runCli(["status", "--today", TODAY], repo.root);
    expect(status.stdout).toContain(
      `Needs review (companion changed):\n  content/billing/notes.md (@team/agents): Its companion content/billing/refunds.md changed on 2026-11-20 (${edit.slice(0, 7)} "Refunds now take 10 days"; +1 -1 lines) after this card was last verified or changed (2026-10-01).`,
    );
    const lint = await runCli(["lint", "--today", TODAY, "--no-cache"], repo.root);
    expect(lint.stdout).toMatch(/notes\.md\n\s+6:1\s+warning\s+Its companion content\/billing\/refunds\.md changed on 2026-11-20 .*companion-drift/);
    expect(lint.code).toBe(0);
    const cached = await runCli(["lint", "--today", TODAY], repo.root);
    const again = await runCli(["lint", "--today", TODAY], repo.root);
    expect(again.stdout).toBe(cached.stdout);
    expect(again.stdout).toContain("companion-drift");
    const json = JSON.parse((await runCli(["status", "--format", "json", "--today", TODAY], repo.root)).stdout) as { needsReview: { path: string; commit: string; added: number }[] };
    expect(json.needsReview).toMatchObject([{ path: "content/billing/notes.md", commit: edit, added: 1 }]);

    const markdown = await runCli(["report", "--today", TODAY], repo.root);
    expect(markdown.stdout).toContain("### Companions changed (needs review)\n\n- `content/billing/notes.md` (@team/agents): Its companion content/billing/refunds.md changed on 2026-11-20");
    const issues = JSON.parse((await runCli(["report", "--format", "issues", "--today", TODAY], repo.root)).stdout) as { owner: string; body: string }[];
    expect(issues.map((i) => i.owner)).toEqual(["@team/agents"]);
    expect(issues[0]!.body).toContain("**Companion changed (needs review)**\n\n- [ ] `content/billing/notes.md`: Its companion content/billing/refunds.md changed on 2026-11-20");
  });

  it("verifying the notes (a later commit) clears the drift; a verification-only commit of the answer never causes it", async () => {
    const repo = driftedRepo();
    repo.write({ "content/billing/refunds.md": answer("Refunds take 10 days.\n") });
    repo.commit("Refunds now take 10 days", "2026-11-20");
    repo.write({ "content/billing/notes.md": notes("Agents may refund up to 30 days.\n", "2027-06-01") });
    repo.commit("Verify the notes", "2026-11-21");
    repo.write({ "content/billing/refunds.md": answer("Refunds take 10 days.\n", "2027-09-01") });
    repo.commit("Verify the answer", "2026-11-25");
    expect(await findCompanionDrift(loadProject({ cwd: repo.root, today: TODAY }))).toEqual([]);
  });
});

describe("verity verify and companions", () => {
  it("mentions the companion, and --with-companion verifies both", async () => {
    const repo = driftedRepo();
    const one = await runCli(["verify", "content/billing/refunds.md", "--by", "@mina", "--today", TODAY], repo.root);
    expect(one.code).toBe(0);
    expect(one.stderr).toContain("content/billing/refunds.md has a companion, content/billing/notes.md: check that it still matches, then verify it too (or run again with --with-companion).");
    expect(repo.read("content/billing/notes.md")).toContain("verify_by: 2027-03-01");
    const both = await runCli(["verify", "content/billing/refunds.md", "--with-companion", "--allow-earlier", "--by", "@mina", "--today", TODAY], repo.root);
    expect(both.code).toBe(0);
    expect(both.stdout).toContain("Verified 2 cards");
    expect(repo.read("content/billing/notes.md")).toContain("verify_by: 2027-03-01\nverified_on: 2026-12-01");
  });
});

describe("verity audit", () => {
  it("lists per owner the cards due in the period and the cards whose companion changed, as a checklist or issues", async () => {
    const repo = driftedRepo();
    repo.write({
      "content/billing/refunds.md": answer("Refunds take 10 days.\n"),
      "content/billing/soon.md": cardText({ title: "Soon", owner: '"@team/agents"', verify_by: "2026-12-20" }),
      "content/billing/later.md": cardText({ title: "Later", owner: '"@team/agents"', verify_by: "2027-06-01" }),
    });
    repo.commit("Refunds now take 10 days", "2026-11-20");
    const md = await runCli(["audit", "--within", "30d", "--today", TODAY], repo.root);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain("# Knowledge audit, 2026-12-01 to 2026-12-31");
    expect(md.stdout).toContain("## @team/agents\n\n**Due for review**\n\n- [ ] Soon (`content/billing/soon.md`): verify_by 2026-12-20, due in 19 days\n\n**Companion changed (needs review)**\n\n- [ ] `content/billing/notes.md`: Its companion");
    expect(md.stdout).not.toContain("later.md");
    const issues = JSON.parse((await runCli(["audit", "--format", "issues", "--within", "1y", "--today", TODAY], repo.root)).stdout) as { owner: string; title: string; due: number; drift: number }[];
    expect(issues.map((i) => [i.owner, i.title, i.due, i.drift])).toEqual([
      ["@team/agents", "Audit 2026-12-01 to 2027-12-01: @team/agents", 3, 1],
      ["@team/docs", "Audit 2026-12-01 to 2027-12-01: @team/docs", 1, 0],
    ]);
  });
});
