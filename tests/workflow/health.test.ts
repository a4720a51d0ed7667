import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { computeKnowledgeHealth, findOwnerHealth } from "../../src/core/verification/health.ts";
import { loadProject } from "../../src/core/project/project.ts";
import { cardText, createTempRepo, type TempRepo } from "./git-repo.ts";

const repos: TempRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.dispose();
});

function project(today: string) {
  const repo = createTempRepo({ init: false });
  repos.push(repo);
  repo.write({
    "verity.config.yml": "warnDays: 14\nminTrustScore: 90\n",
    "content/billing/_collection.yml": "title: Billing\norder: 1\n",
    "content/billing/a.md": cardText({ owner: '"@lumen/billing"', verify_by: "2026-12-31" }),
    "content/billing/b.md": cardText({ owner: '"@Lumen/Billing"', verify_by: "2026-11-30" }),
    "content/billing/c.md": cardText({ owner: '"@lumen/billing"', verify_by: "2026-12-05" }),
    "content/api/d.md": cardText({ owner: "dev@example.com", verify_by: "2026-11-01" }),
    "content/api/e.md": cardText({ owner: "dev@example.com", verify_by: "2026-11-01", status: "draft" }),
    "content/api/f.md": cardText({ owner: '"@ok"', verify_by: "2027-06-01" }),
  });
  return loadProject({ cwd: repo.root, today });
}

describe("computeKnowledgeHealth", () => {
  it("computes trust overall, per collection and per owner, and groups cards to verify by owner", () => {
    const p = project("2026-12-01");
    expect(p.problems).toEqual([]);
    const health = computeKnowledgeHealth(p);
    // Published: a (verified), b (expired), c (expiring, 4 days), d (expired), f (verified); e is a draft.
    expect(health.trust).toMatchObject({ counted: 5, expired: 2, expiring: 1, verified: 2, score: 60 });
    expect(health.isBelowFloor).toBe(true);
    expect(health.collections.map((c) => [c.name, c.title, c.trust.score])).toEqual([
      ["billing", "Billing", 66.7],
      ["api", "Api", 50],
    ]);
    expect(health.owners.map((o) => [o.owner, o.expired.length, o.expiring.length, o.trust.score])).toEqual([
      ["@lumen/billing", 1, 1, 66.7],
      ["dev@example.com", 1, 0, 0],
      ["@ok", 0, 0, 100],
    ]);
    const billing = findOwnerHealth(health, "@LUMEN/billing")!;
    expect(billing.expired.map((r) => r.path)).toEqual(["content/billing/b.md"]);
    expect(billing.expiring.map((r) => [r.path, r.daysLeft])).toEqual([["content/billing/c.md", 4]]);
    // The draft is never listed as a card to verify.
    expect(findOwnerHealth(health, "dev@example.com")!.expired.map((r) => r.path)).toEqual(["content/api/d.md"]);
    expect(health.ownersToRemind.map((o) => o.owner)).toEqual(["@lumen/billing", "dev@example.com"]);
  });

  it("has nothing to remind when every card is verified", () => {
    const health = computeKnowledgeHealth(project("2026-10-01"));
    expect(health.trust.score).toBe(100);
    expect(health.isBelowFloor).toBe(false);
    expect(health.ownersToRemind).toEqual([]);
  });
});
