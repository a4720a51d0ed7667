/**
 * Gates where they belong: a pull request fails on expired cards it touches (never on untouched
 * ones) and on a trust score under the floor; the deploy build's lint step reports expired cards
 * and the trust score without stopping (the full Astro build is in tests/sites/build-lint.test.ts).
 */
import { afterEach, describe, expect, it } from "vitest";
import { FRESHNESS_RULES, splitDeployFindings } from "../../src/core/lint/freshness.ts";
import { lintProject } from "../../src/core/lint/lint-project.ts";
import { loadProject } from "../../src/core/project/project.ts";
import { runCli } from "./cli.ts";
import { cardText, createTempRepo, type TempRepo } from "./git-repo.ts";

const repos: TempRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.dispose();
});

const TODAY = "2026-11-22";

/** main: four fresh cards and one expired card (trust score 80%, floor 75%). */
function mainWithAnExpiredCard(): TempRepo {
  const repo = createTempRepo();
  repos.push(repo);
  repo.write({
    "verity.config.yml": "minTrustScore: 75\n",
    "content/a/fresh.md": cardText({ title: "Fresh" }, "Fresh.\n"),
    "content/a/other.md": cardText({ title: "Other" }, "Other.\n"),
    "content/a/third.md": cardText({ title: "Third" }, "Third.\n"),
    "content/a/fourth.md": cardText({ title: "Fourth" }, "Fourth.\n"),
    "content/a/old.md": cardText({ title: "Old", verify_by: "2026-10-01" }, "Old.\n"),
  });
  repo.commit("Cards on main", "2026-09-01");
  repo.git("switch", "-q", "-c", "feature");
  return repo;
}

const lintChanged = (repo: TempRepo) => runCli(["lint", "--changed", "main", "--today", TODAY], repo.root);

describe("pull request gate (lint --changed)", () => {
  it("passes when the pull request does not touch the expired card", async () => {
    const repo = mainWithAnExpiredCard();
    repo.write({ "content/a/fresh.md": cardText({ title: "Fresh" }, "Fresh, with more words.\n") });
    repo.commit("Edit a fresh card", "2026-11-20");
    const result = await lintChanged(repo);
    expect(result.stdout).not.toContain("verify-by-expired");
    expect(result.code).toBe(0);
  });

  it("fails when the pull request touches the expired card without re-verifying it", async () => {
    const repo = mainWithAnExpiredCard();
    repo.write({ "content/a/old.md": cardText({ title: "Old", verify_by: "2026-10-01" }, "Old, edited.\n") });
    repo.commit("Edit the expired card", "2026-11-20");
    const result = await lintChanged(repo);
    expect(result.stdout).toMatch(/old\.md[\s\S]*5:1\s+error\s+Verification expired 52 days ago/);
    expect(result.code).toBe(1);
  });

  it("fails on a trust score under the floor, even when the expired cards are untouched", async () => {
    const repo = mainWithAnExpiredCard();
    repo.write({ "verity.config.yml": "minTrustScore: 90\n", "content/a/fresh.md": cardText({ title: "Fresh" }, "Fresh again.\n") });
    repo.commit("Raise the floor", "2026-11-20");
    const result = await lintChanged(repo);
    expect(result.stdout).toContain("Trust score is 80%, under the floor of 90%");
    expect(result.stdout).not.toContain("old.md");
    expect(result.code).toBe(1);
  });
});

describe("deploy gate (verity build's lint step)", () => {
  it("reports expired cards and the trust score but blocks only on other errors", () => {
    const repo = mainWithAnExpiredCard();
    repo.write({ "verity.config.yml": "minTrustScore: 90\n", "content/a/broken.md": cardText({ title: "Broken" }, "See [nothing](missing.md).\n") });
    const project = loadProject({ cwd: repo.root, today: TODAY });
    const gate = splitDeployFindings(lintProject(project).findings);
    expect(gate.reported.map((f) => f.ruleId).sort()).toEqual(["trust-score", "verify-by-expired"]);
    expect(gate.blocking.map((f) => f.ruleId)).toEqual(["link-broken"]);
    expect([...FRESHNESS_RULES].sort()).toEqual(["trust-score", "verify-by-expired"]);
  });

  it("reports a public card's link to a card just made internal, but builds: the help center publishes it as plain text", () => {
    const repo = mainWithAnExpiredCard();
    repo.write({
      "verity.config.yml": "minTrustScore: 0\n",
      "content/a/fresh.md": cardText({ title: "Fresh" }, "See [the notes](notes.md).\n"),
      "content/a/notes.md": cardText({ title: "Notes", audience: "internal" }, "Taken off the help center.\n"),
    });
    const project = loadProject({ cwd: repo.root, today: TODAY });
    const gate = splitDeployFindings(lintProject(project).findings);
    expect(gate.reported.map((f) => f.ruleId)).toContain("link-audience");
    expect(gate.blocking).toEqual([]);
  });
});

describe("expiredPublicCards: withhold is one decision for every reader", () => {
  it("the public MCP knowledge base does not serve a withheld card; the internal one does", async () => {
    const { KnowledgeBase } = await import("../../src/app/knowledge/knowledge-base.ts");
    const repo = mainWithAnExpiredCard();
    repo.write({ "verity.config.yml": "expiredPublicCards: withhold\nminTrustScore: 0\n" });
    const ids = (site: "public" | "internal") => KnowledgeBase.load({ cwd: repo.root, today: TODAY, site }).list().map((c) => c.id);
    expect(ids("public")).not.toContain("a/old");
    expect(ids("public")).toContain("a/fresh");
    expect(ids("internal")).toContain("a/old");
  });
});

describe("the leak check and companions", () => {
  it("still looks for an internal companion's id, though its public card names it", async () => {
    const { deriveLeakModel } = await import("../../src/build/leak-scan.ts");
    const { prepareSites } = await import("../../src/build/site-data.ts");
    const repo = mainWithAnExpiredCard();
    repo.write({
      "content/a/fresh.md": cardText({ title: "Fresh", companion: "a/agent-notes-for-fresh" }, "Fresh.\n"),
      "content/a/agent-notes-for-fresh.md": cardText({ title: "Notes", audience: "internal", companion: "a/fresh" }, "Internal notes.\n"),
    });
    const project = loadProject({ cwd: repo.root, today: TODAY });
    const site = prepareSites(project, ["public"], { history: { available: false, reason: "test" } }).get("public")!;
    const model = deriveLeakModel(project, site);
    const needle = model.needles.findIndex((n) => n.kind === "id" && n.text === "a/agent-notes-for-fresh");
    expect(needle).toBeGreaterThanOrEqual(0);
    // Not excused on the public card's own page: its companion line is never published.
    const key = model.keys.indexOf(model.keys.find((k) => k.includes("agent-notes-for-fresh"))!);
    expect(model.inFull.get(key)?.size ?? 0).toBe(0);
  });
});
