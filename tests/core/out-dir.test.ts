/** `verity build --out-dir`: never a folder the build reads, and Astro's public/ folder is never copied. */
import { mkdirSync, readFileSync, symlinkSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { APP_ROOT } from "../../src/build/astro-runner.ts";
import { outDirProblem } from "../../src/build/out-dir.ts";
import { makeProject, makeTempDir, removeTemps, REPO_ROOT, runCli } from "../helpers.ts";

afterAll(removeTemps);

const card = `---\ntitle: A\nowner: "@a"\naudience: external\nverify_by: 2027-01-01\n---\n\nBody.\n`;

describe("--out-dir overlapping what the build reads", () => {
  it.each([".", "content", "content/billing", "style-guide", "style-guide/x", "..", "node_modules", "node_modules/.cache", ".git", "verity.config.yml"])(
    "refuses --out-dir %s before anything is linted or built",
    async (outDir) => {
      const dir = makeProject({ "content/billing/a.md": card, "style-guide/README.md": "# Guide\n", "verity.config.yml": "lang: en\n" });
      mkdirSync(path.join(dir, "node_modules"), { recursive: true });
      const result = await runCli(["build", "--out-dir", outDir, "--today", "2026-11-22"], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/--out-dir/);
      expect(result.stderr).not.toMatch(/lint passed/);
    },
  );

  it("refuses the app's own folders and a symlink into content/", () => {
    const dir = makeProject({ "content/billing/a.md": card });
    const readPaths = { root: dir, contentDir: path.join(dir, "content") };
    expect(outDirProblem(path.join(APP_ROOT, "src"), readPaths)).toBeDefined();
    expect(outDirProblem(APP_ROOT, readPaths)).toBeDefined();
    expect(outDirProblem(path.join(APP_ROOT, "node_modules", "x"), readPaths)).toBeDefined();
    symlinkSync(path.join(dir, "content"), path.join(dir, "out"));
    expect(outDirProblem(path.join(dir, "out", "site"), readPaths)).toBeDefined();
    expect(outDirProblem(path.join(dir, "dist"), readPaths)).toBeUndefined();
    expect(outDirProblem(path.join(makeTempDir(), "site"), readPaths)).toBeUndefined();
  });
});

describe("Astro's public folder", () => {
  it("is not the repository's public/ folder, so a previous --out-dir public is never copied into a site", () => {
    const config = readFileSync(path.join(REPO_ROOT, "astro.config.mjs"), "utf8");
    const match = /EMPTY_PUBLIC_DIR = ["']([^"']+)["']/.exec(config);
    expect(match).not.toBeNull();
    expect(path.resolve(REPO_ROOT, match![1]!)).not.toBe(path.join(REPO_ROOT, "public"));
    expect(outDirProblem(path.resolve(REPO_ROOT, match![1]!), { root: makeTempDir(), contentDir: makeTempDir() })).toBeDefined();
  });
});
