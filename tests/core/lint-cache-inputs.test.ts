/** The lint caches cover every file a rule reads (templates.yml) and the lockfile. */
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exampleCard } from "../../src/core/lint/rule-model.ts";
import { makeProject, removeTemps, REPO_ROOT, runCli } from "../helpers.ts";

afterAll(removeTemps);

const templates = (sections: string[]) =>
  `templates:\n  how-to:\n    title: How-to\n    description: Steps.\n    sections:\n${sections.map((s) => `      - title: ${s}\n`).join("")}`;

describe("lint caches", () => {
  it("are invalidated by an edit of style-guide/templates/templates.yml", async () => {
    const dir = makeProject({
      "style-guide/templates/templates.yml": templates(["Steps"]),
      "content/a/card.md": exampleCard({ template: "how-to" }, "## Steps\n\nDo it.\n"),
    });
    // Separate processes, as in real use: the template catalog is read once per process.
    const lint = async () => {
      const run = spawnSync(process.execPath, [path.join(REPO_ROOT, "cli/bin.js"), "lint", "--today", "2027-01-01"], { cwd: dir, encoding: "utf8" });
      return { code: run.status, stdout: run.stdout };
    };
    expect((await lint()).code).toBe(0);
    expect((await lint()).code).toBe(0); // answered from the run cache
    expect(existsSync(path.join(dir, ".verity-cache/lint-run.json"))).toBe(true);
    writeFileSync(path.join(dir, "style-guide/templates/templates.yml"), templates(["Steps", "Result"]));
    const after = await lint();
    expect(after.code).toBe(1);
    expect(after.stdout).toContain('Missing section "## Result"');
  });

  it("are invalidated by a change of package-lock.json (dependency versions)", async () => {
    const dir = makeProject({ "content/a/card.md": exampleCard(), "package-lock.json": '{"lockfileVersion": 3}\n' });
    const lint = () => runCli(["lint", "--today", "2027-01-01", "--format", "json"], { cwd: dir });
    await lint();
    // A stale cache would replay the previous run: plant a finding in it and see it dropped.
    const cacheFile = path.join(dir, ".verity-cache", "lint-run.json");
    const { readFileSync } = await import("node:fs");
    const cached = JSON.parse(readFileSync(cacheFile, "utf8"));
    cached.rest.push({ ruleId: "link-broken", severity: "error", message: "planted", file: path.join(dir, "content/a/card.md"), line: 1, column: 1 });
    writeFileSync(cacheFile, JSON.stringify(cached));
    expect((await lint()).stdout).toContain("planted");
    writeFileSync(path.join(dir, "package-lock.json"), '{"lockfileVersion": 3, "packages": {}}\n');
    expect((await lint()).stdout).not.toContain("planted");
  });
});
