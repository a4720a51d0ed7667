/**
 * How often a lint parses each card: once in a cold run, and not at all when the caches answer.
 * satteri's parser is counted (this file replaces its parse function with a counting wrapper),
 * so a change that parses cards again (a let-go tree read back, a cached card's tree built to take
 * facts the cache already has) fails here.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createMdastHandle } from "satteri";
import { lint } from "../../src/app/lint.ts";
import { exampleCard } from "../../src/core/lint/rule-model.ts";
import { makeProject, removeTemps } from "../helpers.ts";

vi.mock("satteri", async (importOriginal) => {
  const actual = await importOriginal<typeof import("satteri")>();
  return { ...actual, createMdastHandle: vi.fn(actual.createMdastHandle) };
});

afterAll(removeTemps);

const parses = vi.mocked(createMdastHandle);
beforeEach(() => {
  parses.mockClear();
});

function project(): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < 12; i++) {
    files[`content/help/card-${i}.md`] = exampleCard({ audience: i % 2 === 0 ? "external" : "internal" }, `## Steps\n\nSee [the next card](card-${(i + 1) % 12}.md#steps).\n\n<div>Text ${i}.</div>\n`);
  }
  return makeProject({ "verity.config.yml": "minTrustScore: 0\n", ...files });
}

describe("parses per lint run", () => {
  it("parses each card once cold, none when the caches answer (after a commit too), and an edited card once", async () => {
    const dir = project();
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=T", "-c", "user.email=t@example.com", ...args], { cwd: dir, stdio: "pipe" });
    git("init", "-q");
    git("add", ".");
    git("commit", "-qm", "cards");
    const run = () => lint({ project: { cwd: dir, today: "2027-01-01" } });
    const cold = await run();
    expect(parses.mock.calls.length).toBe(12);
    parses.mockClear();

    // The run record answers.
    expect((await run()).findings).toEqual(cold.findings);
    expect(parses.mock.calls.length).toBe(0);

    // A new commit: a new run key, but the per-card caches still hold every card and its findings.
    git("commit", "-q", "--allow-empty", "-m", "nothing");
    expect((await run()).findings).toEqual(cold.findings);
    expect(parses.mock.calls.length).toBe(0);

    // One card edited: that card only.
    writeFileSync(path.join(dir, "content/help/card-3.md"), exampleCard({}, "## Steps\n\nEdited.\n"));
    await run();
    expect(parses.mock.calls.length).toBe(1);
  });
});
