/**
 * The CLI bundle (scripts/bundle-cli.mjs) is the same program as the sources, and cli/bin.js uses
 * it only while it was built from exactly the sources in the checkout.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error plain JavaScript without declarations (it runs before TypeScript can)
import { BUNDLE_ENTRY, freshBundleEntry, sourceFingerprint, STAMP_FILE } from "../../cli/bundle-stamp.js";
// @ts-expect-error plain JavaScript without declarations
import { bundleCli } from "../../scripts/bundle-cli.mjs";
import { copyFixtureProject, makeProject, makeTempDir, removeTemps, REPO_ROOT } from "../helpers.ts";

afterAll(removeTemps);

function sourceTree(): string {
  return makeProject({
    "cli/bin.js": "// bin\n",
    "cli/main.ts": "export {};\n",
    "src/core/a.ts": "export const a = 1;\n",
    "package.json": "{}\n",
    "package-lock.json": "{}\n",
    "scripts/bundle-cli.mjs": "// bundler\n",
  });
}

function stamp(dir: string, root: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, STAMP_FILE), JSON.stringify({ fingerprint: sourceFingerprint(root) }));
}

describe("bundle freshness", () => {
  it("uses a bundle whose stamp names the current sources", () => {
    const root = sourceTree();
    const dir = path.join(makeTempDir(), "bundle");
    stamp(dir, root);
    expect(freshBundleEntry(dir, root)).toBe(path.join(dir, BUNDLE_ENTRY));
  });

  it("has no bundle without a stamp, or with a damaged one", () => {
    const root = sourceTree();
    const dir = path.join(makeTempDir(), "bundle");
    expect(freshBundleEntry(dir, root)).toBeUndefined();
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, STAMP_FILE), "{not json");
    expect(freshBundleEntry(dir, root)).toBeUndefined();
  });

  it.each([
    ["an edited source, same size and times", (root: string) => {
      const file = path.join(root, "src/core/a.ts");
      writeFileSync(file, "export const a = 2;\n");
      utimesSync(file, new Date(2020, 0, 1), new Date(2020, 0, 1));
    }],
    ["a new source file", (root: string) => writeFileSync(path.join(root, "src/core/b.ts"), "export {};\n")],
    ["a deleted source file", (root: string) => rmSync(path.join(root, "src/core/a.ts"))],
    ["a new folder of sources", (root: string) => cpSync(path.join(root, "src/core"), path.join(root, "src/extra"), { recursive: true })],
    ["a changed lockfile", (root: string) => writeFileSync(path.join(root, "package-lock.json"), '{"lockfileVersion":3}\n')],
    ["a changed bundler", (root: string) => writeFileSync(path.join(root, "scripts/bundle-cli.mjs"), "// other bundler\n")],
  ])("is stale after %s", (_name, change) => {
    const root = sourceTree();
    const dir = path.join(makeTempDir(), "bundle");
    if (_name.startsWith("an edited")) utimesSync(path.join(root, "src/core/a.ts"), new Date(2020, 0, 1), new Date(2020, 0, 1));
    stamp(dir, root);
    change(root);
    expect(freshBundleEntry(dir, root)).toBeUndefined();
  });

  it("is stale once the checkout is moved, as it names files by absolute path", () => {
    const root = sourceTree();
    const dir = path.join(makeTempDir(), "bundle");
    stamp(dir, root);
    const moved = `${root}-moved`;
    renameSync(root, moved);
    expect(freshBundleEntry(dir, moved)).toBeUndefined();
    renameSync(moved, root);
    expect(freshBundleEntry(dir, root)).toBe(path.join(dir, BUNDLE_ENTRY));
  });
});

describe("the bundled CLI", () => {
  // Built inside the repository, where the packages it leaves to Node resolve as the sources' do.
  const dir = path.join(REPO_ROOT, "node_modules", ".cache", `verity-cli-test-${process.pid}`);
  beforeAll(async () => {
    await bundleCli(dir);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const runBoth = (args: string[], cwd: string) => {
    const run = (entry: string[]) => spawnSync(process.execPath, [...entry, ...args], { cwd, encoding: "utf8" });
    const bundled = run([path.join(dir, BUNDLE_ENTRY)]);
    const sources = run([path.join(REPO_ROOT, "cli", "main.ts")]);
    return { bundled, sources };
  };

  it.each([
    ["lint", ["lint", "--no-cache", "--format", "json", "--today", "2026-11-22"]],
    ["status", ["status", "--format", "json", "--today", "2026-11-22"]],
    ["report", ["report", "--format", "json", "--today", "2026-11-22"]],
    ["an unknown command", ["frobnicate"]],
  ])("gives the sources' output and exit code for %s", (_name, args) => {
    const cwd = copyFixtureProject("rules");
    const { bundled, sources } = runBoth(args, cwd);
    expect(sources.status).not.toBeNull();
    expect(bundled.stderr).toBe(sources.stderr);
    expect(bundled.stdout).toBe(sources.stdout);
    expect(bundled.status).toBe(sources.status);
  });

  it("carries the code version of the sources it was built from (the key of every lint cache)", async () => {
    const { getCodeVersion } = await import("../../src/core/lint/code-version.ts");
    const chunks = readdirSync(dir).filter((name) => name.endsWith(".js"));
    const embedded = chunks.flatMap((name) => [...readFileSync(path.join(dir, name), "utf8").matchAll(/return cached = "([0-9a-f]{16})"/g)].map((m) => m[1]));
    expect(embedded).toEqual([getCodeVersion()]);
  });

  it("is ASCII only, so V8 holds each chunk as one-byte text (the worker test below runs its CJK patterns)", () => {
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".js"));
    expect(files.length).toBeGreaterThan(10);
    // eslint-disable-next-line no-control-regex
    expect(files.filter((name) => /[^\x00-\x7f]/.test(readFileSync(path.join(dir, name), "utf8")))).toEqual([]);
  });

  it("loads no module for what a lint does not do: spawning (commander's executables, git) and worker threads", () => {
    const cwd = copyFixtureProject("trust");
    // Prints, as the process ends, the Node modules it loaded.
    const probe = path.join(makeTempDir(), "loaded.mjs");
    writeFileSync(probe, 'process.on("exit", () => process.stderr.write(`\\nLOADED ${process.moduleLoadList.join(",")}\\n`));\n');
    const lint = () => spawnSync(process.execPath, ["--import", pathToFileURL(probe).href, path.join(dir, BUNDLE_ENTRY), "lint", "--format", "json", "--today", "2026-11-22"], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    // The second run answers from the cache, as most runs in a working copy do (the first may ask git).
    lint();
    const run = lint();
    expect(run.status).not.toBeNull();
    expect(JSON.parse(run.stdout).length).toBeGreaterThan(2);
    const loaded = run.stderr.split("\nLOADED ")[1]!.trim().split(",");
    expect(loaded).toContain("NativeModule fs");
    expect(loaded.filter((name) => /^NativeModule (child_process|worker_threads)$/.test(name))).toEqual([]);
    // Nor Node's file streams: standard input is not touched unless a command reads or asks.
    expect(loaded.filter((name) => /^NativeModule internal\/fs\/streams$/.test(name))).toEqual([]);
  });

  it("takes Node's own modules from their module objects, never through an ES import (which reads every export)", () => {
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".js"));
    const text = files.map((name) => readFileSync(path.join(dir, name), "utf8")).join("\n");
    expect(text).toMatch(/process\.getBuiltinModule\("node:fs"\)/);
    expect(text.match(/^import [^;]* from ["']node:[^"']+["'];/gm) ?? []).toEqual([]);
  });

  it("starts through bin.js and the bundle stamp without an ES import of Node's modules either", () => {
    for (const file of ["cli/bin.js", "cli/bundle-stamp.js"]) {
      const text = readFileSync(path.join(REPO_ROOT, file), "utf8");
      expect(text, file).toMatch(/process\.getBuiltinModule\?\.\(name\)/);
      expect(text.match(/^import [^;]* from ["']node:[^"']+["'];/gm) ?? [], file).toEqual([]);
    }
  });

  it("checks prose on the bundled worker thread with the same findings", () => {
    // Enough cards for the style worker to start (see app/style-pool.ts).
    const cwd = makeTempDir();
    const generated = spawnSync(process.execPath, [path.join(REPO_ROOT, "bench", "generate.ts"), "--count", "150", "--out", cwd], { encoding: "utf8" });
    expect(generated.status).toBe(0);
    const { bundled, sources } = runBoth(["lint", "--no-cache", "--format", "json", "--today", "2026-12-01"], cwd);
    expect(JSON.parse(bundled.stdout).length).toBeGreaterThan(100);
    expect(bundled.stdout).toBe(sources.stdout);
    expect(bundled.status).toBe(sources.status);
  });
});
