/**
 * A card the system refuses to write (a read-only file system, an immutable file, a full disk) is
 * left as it was and named with the reason; `verity verify` went on as an internal error (EPERM
 * from the rename), after the cards before it were already written, and said none of that.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { runCli } from "./cli.ts";
import { cardText, createTempRepo, type TempRepo } from "./git-repo.ts";

vi.mock("../../src/core/cards/safe-write.ts", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/core/cards/safe-write.ts")>();
  return {
    ...original,
    replaceFileIfUnchanged: (file: string, expected: string, text: string, where?: string) => {
      if (file.endsWith("locked.md")) throw Object.assign(new Error(`EROFS: read-only file system, open '${file}'`), { code: "EROFS" });
      return original.replaceFileIfUnchanged(file, expected, text, where);
    },
  };
});

const repos: TempRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.dispose();
});

describe("verity verify on a card it cannot write", () => {
  it("leaves it as it is, names it with the reason, verifies the others, commits nothing, exit 2", async () => {
    const repo = createTempRepo();
    repos.push(repo);
    repo.write({
      "content/billing/locked.md": cardText({ owner: '"@lumen/billing"', verify_by: "2026-11-01" }),
      "content/billing/open.md": cardText({ owner: '"@lumen/billing"', verify_by: "2026-11-01" }),
    });
    repo.commit("Cards", "2026-01-05");
    const result = await runCli(["verify", "content/billing", "--by", "@mina", "--commit", "--today", "2026-11-30"], repo.root);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("1 card could not be written, so it was left as it is:\n  content/billing/locked.md: the file system is read-only (EROFS)");
    expect(result.stderr).toContain("(the other 1 card was verified, nothing was committed)");
    expect(repo.read("content/billing/locked.md")).toContain("verify_by: 2026-11-01\n");
    expect(repo.read("content/billing/open.md")).toContain("verified_by:");
    expect(repo.git("rev-list", "--count", "HEAD").trim()).toBe("1");
  });
});
