import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeCorpus } from "../../bench/lib/corpus-write.ts";
import { isOnSite } from "../../src/core/site/audience.ts";
import { lintProject } from "../../src/core/lint/lint-project.ts";
import { resolveLink } from "../../src/core/site/links.ts";
import { loadProject } from "../../src/core/project/project.ts";
import { makeTempDir, removeTemps, REPO_ROOT } from "../helpers.ts";

afterAll(removeTemps);

const TODAY = "2026-12-01";

function generate(count: number, seed: number): string {
  const out = makeTempDir("verity-bench-");
  writeCorpus({ count, seed, today: TODAY, out, repoRoot: REPO_ROOT });
  return out;
}

function hashTree(dir: string): string {
  const hash = createHash("sha256");
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(`${path.relative(dir, full)}\0`).update(readFileSync(full));
    }
  };
  walk(path.join(dir, "content"));
  return hash.digest("hex");
}

describe("bench/generate: the benchmark corpus", () => {
  const dir = generate(300, 7);
  const project = loadProject({ cwd: dir, root: dir, today: TODAY });

  it("is the same for the same seed and different for another seed", () => {
    expect(hashTree(generate(300, 7))).toBe(hashTree(dir));
    expect(hashTree(generate(300, 8))).not.toBe(hashTree(dir));
  });

  it("loads as a valid Verity project and passes the card rules without errors", () => {
    expect(project.problems).toEqual([]);
    expect(project.invalidFiles).toEqual([]);
    expect(project.cards).toHaveLength(300);
    const errors = lintProject(project).findings.filter((f) => f.severity === "error");
    expect(errors).toEqual([]);
  });

  it("has the realistic mix the benchmark promises", () => {
    const cards = project.cards;
    const share = (n: number) => n / cards.length;
    expect(share(cards.filter((c) => c.data.audience === "external").length)).toBeGreaterThan(0.6);
    expect(share(cards.filter((c) => c.data.audience === "external").length)).toBeLessThan(0.8);
    expect(share(cards.filter((c) => c.lang === "ko").length)).toBeGreaterThan(0.08);
    expect(share(cards.filter((c) => c.lang === "zh").length)).toBeGreaterThan(0.01);
    expect(new Set(cards.map((c) => c.collection)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(cards.map((c) => c.data.owner)).size).toBe(30);
    expect(cards.some((c) => c.data.verify_by < TODAY)).toBe(true);
    expect(cards.every((c) => (c.data.tags?.length ?? 0) >= 1 && (c.data.tags?.length ?? 0) <= 4)).toBe(true);
    const english = cards.filter((c) => c.lang === "en").map((c) => c.source.slice(c.bodyOffset).split(/\s+/).filter(Boolean).length);
    expect(Math.min(...english)).toBeGreaterThanOrEqual(380);
    expect(Math.max(...english)).toBeLessThanOrEqual(800);
    expect(cards.filter((c) => /^\|.*\|$/m.test(c.source)).length).toBeGreaterThan(30);
    expect(cards.filter((c) => c.source.includes("```")).length).toBeGreaterThan(10);
  });

  it("links between cards, to anchors that exist, and never from an external card to an internal one", () => {
    let anchors = 0;
    let links = 0;
    for (const card of project.cards) {
      for (const link of card.links) {
        const target = resolveLink(card, link.url, project.index);
        expect(target.kind).toBe("card");
        if (target.kind !== "card") continue;
        links++;
        if (target.anchor) {
          anchors++;
          expect(target.card.headings.map((h) => h.id)).toContain(target.anchor);
        }
        if (isOnSite(card, "public")) expect(isOnSite(target.card, "public")).toBe(true);
      }
    }
    expect(links).toBeGreaterThan(600);
    expect(anchors).toBeGreaterThan(100);
  });
});
