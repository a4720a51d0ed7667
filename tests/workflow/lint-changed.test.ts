import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "./cli.ts";
import { cardText, createTempRepo, type TempRepo } from "./git-repo.ts";

const repos: TempRepo[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.dispose();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const TODAY = "2026-11-22";

/** main: six cards; the feature branch modifies, adds, renames and deletes some. */
function featureBranch(options: { keepAlias?: boolean } = {}): TempRepo {
  const repo = createTempRepo();
  repos.push(repo);
  repo.write({
    "verity.config.yml": "minTrustScore: 50\n",
    "content/a/one.md": cardText({ title: "One" }, "One.\n"),
    "content/a/two.md": cardText({ title: "Two" }, "See [one](one.md).\n"),
    "content/a/three.md": cardText({ title: "Three" }, "See [four](/a/four/).\n"),
    "content/a/four.md": cardText({ title: "Four" }, "Four.\n"),
    "content/b/five.md": cardText({ title: "Five", aliases: "[/b/old-five/]" }, "Five.\n"),
    "content/b/six.md": cardText({ title: "Six", verify_by: "2026-01-01" }, "Links to [the old five](/b/old-five/).\n"),
    "content/b/seven.md": cardText({ title: "Seven" }, "No links to changed cards; mentions one.md in prose only.\n"),
  });
  repo.commit("Cards on main", "2026-10-01");
  repo.git("switch", "-q", "-c", "feature");
  repo.write({ "content/a/one.md": cardText({ title: "One" }, "One, now with [a broken link](missing.md).\n") });
  repo.git("mv", "content/a/four.md", "content/a/four-renamed.md");
  if (options.keepAlias) repo.write({ "content/a/four-renamed.md": cardText({ title: "Four", aliases: "[/a/four/]" }, "Four.\n") });
  repo.git("rm", "-q", "content/b/five.md");
  repo.commit("Change cards", "2026-11-01");
  repo.write({ "content/a/new.md": cardText({ title: "New", verify_by: "2026-11-01" }, "New and expired, not committed yet.\n") });
  return repo;
}

interface JsonResult {
  filePath: string;
  messages: { ruleId: string; message: string; line: number }[];
}

async function lintChanged(repo: TempRepo, ...args: string[]) {
  const result = await runCli(["lint", "--changed", ...args, "--format", "json", "--today", TODAY], repo.root);
  const parsed = result.stdout ? (JSON.parse(result.stdout) as JsonResult[]) : [];
  const byFile = Object.fromEntries(parsed.map((r) => [path.relative(repo.root, r.filePath), r.messages.map((m) => `${m.line}:${m.ruleId}`)]));
  return { ...result, byFile, parsed };
}

describe("verity lint --changed", () => {
  it("checks changed cards and cards linking to changed, renamed or deleted cards only", async () => {
    const repo = featureBranch();
    const result = await lintChanged(repo, "main");
    expect(result.code).toBe(1);
    expect(result.byFile).toEqual({
      "content/a/new.md": ["4:card-published", "5:verify-by-expired"],
      "content/a/one.md": ["8:link-broken"],
      "content/a/four-renamed.md": ["1:url-removed"],
      "content/a/three.md": ["8:link-broken"],
      "content/a/two.md": [],
      "content/b/five.md": ["1:url-removed"],
      "content/b/six.md": ["5:verify-by-expired", "8:link-broken"],
    });
    // seven.md mentions one.md in prose but links to nothing that changed: not checked.
    expect(result.stderr).toContain("Checking 3 changed cards and 3 cards linking to changed cards");
    expect(result.stderr).toContain("the merge base with main");
    const messages = result.parsed.flatMap((r) => r.messages.map((m) => m.message));
    expect(messages).toContain(
      "This card moved from content/a/four.md, so its old URL /a/four/ no longer leads anywhere. Keep it working: add aliases: [/a/four/] to this card's frontmatter.",
    );
    expect(messages).toContain(
      "content/b/five.md was deleted, so /b/five/, /b/old-five/ no longer lead anywhere and links and bookmarks to them break. " +
        "Add aliases: [/b/five/, /b/old-five/] to the card that replaces it, or restore the card.",
    );
  });

  it("tells where a deleted internal card's address may go: the help center keeps no redirect that names it", async () => {
    const repo = createTempRepo();
    repos.push(repo);
    repo.write({
      "verity.config.yml": "minTrustScore: 50\n",
      "content/a/kept.md": cardText({ title: "Kept" }, "Kept.\n"),
      "content/a/vault-override.md": cardText({ title: "Vault override", audience: "internal" }, "Internal steps.\n"),
    });
    repo.commit("Cards on main", "2026-10-01");
    repo.git("switch", "-q", "-c", "feature");
    repo.git("rm", "-q", "content/a/vault-override.md");
    repo.commit("Remove the card", "2026-11-01");
    const messages = (await lintChanged(repo, "main")).parsed.flatMap((r) => r.messages.map((m) => m.message));
    expect(messages).toEqual([
      "content/a/vault-override.md was deleted, so /a/vault-override/ no longer leads anywhere and links and bookmarks to it break. " +
        "Add aliases: [/a/vault-override/] to the card that replaces it, or restore the card. It was internal: on a public card the alias " +
        "redirects on the internal wiki only, since on the help center the address would name it.",
    ]);
  });

  it("appends a Markdown summary for the GitHub job summary with --summary", async () => {
    const repo = featureBranch();
    repo.write({ "summary.md": "# Earlier step\n" });
    const result = await runCli(["lint", "--changed", "main", "--format", "github", "--summary", "summary.md", "--today", TODAY], repo.root);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("::error file=content/b/five.md,line=1,col=1,title=url-removed::content/b/five.md was deleted");
    const summary = repo.read("summary.md");
    expect(summary.startsWith("# Earlier step\n### Verity lint\n")).toBe(true);
    expect(summary).toContain(":x: 7 errors, 0 warnings, 1 suggestions. 6 cards checked (changed cards and cards linking to them, since the merge base with main).");
    expect(summary).toContain("| `content/a/four-renamed.md:1` | error | `url-removed` |");
  });

  it("accepts a rename whose old URL is kept as an alias", async () => {
    const repo = featureBranch({ keepAlias: true });
    const result = await lintChanged(repo, "main");
    expect(result.byFile["content/a/four-renamed.md"]).toEqual([]);
    expect(result.byFile["content/a/three.md"]).toEqual([]);
  });

  it("reports a removed alias on the card that dropped it", async () => {
    const repo = createTempRepo();
    repos.push(repo);
    repo.write({ "content/b/five.md": cardText({ title: "Five", aliases: "[/b/old-five/, /b/older-five/]" }) });
    repo.commit("Five", "2026-10-01");
    repo.write({ "content/b/five.md": cardText({ title: "Five", aliases: "[/b/older-five/]" }) });
    const result = await lintChanged(repo);
    expect(result.byFile).toEqual({ "content/b/five.md": ["6:url-removed"] });
    expect(result.parsed[0]!.messages[0]!.message).toContain("The alias /b/old-five/ was removed from this card");
  });

  it("still counts every card for the trust-score floor", async () => {
    const repo = featureBranch({ keepAlias: true });
    repo.write({ "verity.config.yml": "minTrustScore: 90\n" });
    const result = await runCli(["lint", "--changed", "main", "--today", TODAY], repo.root);
    // Seven cards after the changes; new.md and six.md are expired: 5 of 7 = 71.4%.
    expect(result.stdout).toContain("Trust score is 71.4%, under the floor of 90% (minTrustScore): 2 of 7 published cards are expired.");
  });

  it("reports a changed card that no longer loads, and every card of a collection whose _collection.yml changed", async () => {
    const repo = createTempRepo();
    repos.push(repo);
    repo.write({ "content/a/one.md": cardText({}), "content/b/two.md": cardText({}), "content/b/three.md": cardText({}), "content/c/four.md": cardText({}) });
    repo.commit("Cards", "2026-10-01");
    repo.write({ "content/a/one.md": "---\ntitle: [unclosed\n---\n", "content/b/_collection.yml": "title: B\ndefaults:\n  lang: ko\n" });
    const result = await lintChanged(repo);
    expect(result.code).toBe(1);
    expect(result.byFile).toEqual({ "content/a/one.md": ["2:frontmatter-yaml"], "content/b/three.md": [], "content/b/two.md": [] });
  });

  it("reports nothing and exits 0 when no card changed", async () => {
    const repo = createTempRepo();
    repos.push(repo);
    repo.write({ "content/a/one.md": cardText({}), "README.md": "x\n" });
    repo.commit("One", "2026-10-01");
    repo.write({ "README.md": "changed\n" });
    const result = await lintChanged(repo);
    expect(result.code).toBe(0);
    expect(result.byFile).toEqual({});
    expect(result.stderr).toContain("Checking 0 changed cards and 0 cards linking to changed cards");
  });

  it("prefers origin/main, falls back to main, and says what to do when neither exists", async () => {
    const repo = featureBranch({ keepAlias: true });
    const clone = mkdtempSync(path.join(tmpdir(), "verity-clone-"));
    dirs.push(clone);
    execFileSync("git", ["clone", "-q", "--branch", "main", repo.root, clone]);
    execFileSync("git", ["-C", clone, "merge", "-q", "--ff-only", "origin/feature"], { env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null" } });
    const viaOrigin = await runCli(["lint", "--changed", "--format", "json", "--today", TODAY], clone);
    expect(viaOrigin.stderr).toContain("the merge base with origin/main");
    // Local main was fast-forwarded to the feature branch: against main nothing changed, against
    // origin/main two cards changed and three link to them.
    expect(viaOrigin.stderr).toContain("Checking 2 changed cards and 3 cards linking");

    const noBase = createTempRepo();
    repos.push(noBase);
    noBase.git("switch", "-q", "-c", "trunk");
    noBase.write({ "content/a/one.md": cardText({}) });
    noBase.commit("One", "2026-10-01");
    const missing = await runCli(["lint", "--changed"], noBase.root);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Neither origin/main nor main exists");
    expect(missing.stderr).toContain("verity lint --changed <branch>");
    const wrong = await runCli(["lint", "--changed", "develop"], noBase.root);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('The base "develop" is not a branch, tag or commit');
  });
});
