/**
 * The lint caches only save time: when the system refuses to write them (a full disk, a file-size
 * limit, a read-only folder), lint still reports what the cards hold, with its usual exit code, and
 * says in one warning that it ran without saving its cache. It was an "internal error" (exit 2)
 * that reported no finding at all.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exampleCard } from "../../src/core/lint/rule-model.ts";
import { makeProject, removeTemps, REPO_ROOT } from "../helpers.ts";

afterAll(removeTemps);

/** `verity lint` in a shell whose file-size limit (ulimit -f, 1 KiB blocks) is far below what the caches need. */
function lintUnderSizeLimit(dir: string, blocks: number) {
  const bin = path.join(REPO_ROOT, "cli", "bin.js");
  return spawnSync("bash", ["-c", `ulimit -f ${blocks}; exec "$0" "$1" lint --today 2026-12-07`, process.execPath, bin], { cwd: dir, encoding: "utf8", timeout: 60_000 });
}

describe("lint when its caches cannot be written", () => {
  it("reports the cards' findings with the usual exit code, and one warning naming the reason", () => {
    const filler = "Plain words about invoices and payments. ".repeat(40);
    const dir = makeProject({
      "content/help/public.md": exampleCard({ title: "Public page", audience: "external" }, `See [the runbook](../ops/runbook.md).\n\n${filler}\n`),
      "content/ops/runbook.md": exampleCard({ title: "Runbook" }, `${filler}\n`),
    });
    const run = lintUnderSizeLimit(dir, 1);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/link-audience/);
    expect(run.stderr).toMatch(/warning: .*cache.*(EFBIG)/);
    expect(run.stderr.match(/^warning: /gm)).toHaveLength(1);
    expect(run.stderr).toMatch(/Checked 2 cards: 1 error/);
    // Nothing half-written is left behind: no temporary file, no cut cache.
    const folder = path.join(dir, ".verity-cache");
    if (existsSync(folder)) expect(readdirSync(folder).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });
});
