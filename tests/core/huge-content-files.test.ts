/**
 * A card file of gigabytes (pasted from a dump): lint says it is too large and never reads it
 * whole. The lint cache's key read every Markdown, YAML and JSON file that is no loaded card whole:
 * past 2 GB lint ended, after half a minute of reading, in "internal error: data is too long". (The
 * run cache still hashes every file of the content folder once, a megabyte at a time.)
 */
import { spawnSync } from "node:child_process";
import { truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeProject, removeTemps, REPO_ROOT } from "../helpers.ts";

afterAll(removeTemps);

const CARD = `---\ntitle: Refunds\nowner: "@acme/team"\naudience: internal\nverify_by: 2099-01-01\n---\n\nRefund a payment.\n`;

function lint(cwd: string) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, "cli", "bin.js"), "lint", "--today", "2026-12-07"], { cwd, encoding: "utf8", timeout: 60_000, env: { ...process.env, VERITY_NO_BUNDLE: "1" } });
  return { code: result.status, signal: result.signal, ms: Date.now() - started, out: `${result.stdout}${result.stderr}` };
}

describe("a file of gigabytes in the content folder", () => {
  it("is reported as too large, its cache warm or not, and never read whole", () => {
    const dir = makeProject({ "verity.config.yml": "timeZone: UTC\nminTrustScore: 0\n", "content/help/refunds.md": CARD });
    // Sparse: 2.3 GB, more than a hash takes in one piece, without using the disk.
    const file = path.join(dir, "content", "help", "huge.md");
    writeFileSync(file, "");
    truncateSync(file, 2_300_000_000);
    for (const run of ["cold", "warm"]) {
      const result = lint(dir);
      expect(result.signal, `${run}: ${result.out}`).toBeNull();
      expect(result.out, run).not.toMatch(/internal error|data is too long|\n\s+at /);
      expect(result.out, run).toMatch(/huge\.md[\s\S]*over the limit of 1\.0 MB \(maxCardBytes\)/);
      expect(result.code, run).toBe(1);
    }
  }, 150_000);
});
