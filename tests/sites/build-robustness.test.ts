/**
 * `verity build` never loses or half-replaces dist/: a failed site shows its own error, an
 * interruption at any point leaves dist/ and no temporary folder behind, an output folder that
 * cannot be replaced is found before the build, a second build waits for the first, and a build
 * with no cards or with most pages gone says so.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BUILD_LOCK_FILE } from "../../src/build/build-lock.ts";
import { WORK_ROOT } from "../../src/build/build-sites.ts";
import { FIXTURES, runCli, tempDir, TODAY } from "./helpers.ts";
import { run } from "../../cli/index.ts";

const BIN = path.resolve(FIXTURES, "../../../cli/bin.js");
const SYSTEM_NODE = ["/usr/bin/node", "/usr/local/bin/node"].find((p) => existsSync(p));
const SYSTEM_NODE_MAJOR = SYSTEM_NODE ? Number(spawnSync(SYSTEM_NODE, ["-p", "process.versions.node"], { encoding: "utf8" }).stdout.split(".")[0]) : 0;
const CAN_CHATTR = spawnSync("chattr", ["--help"]).error === undefined && process.getuid?.() === 0;

/** A whole build takes a while on a busy 2-core machine (30 s is the default). */
const BUILD_TIMEOUT = 240_000;

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) {
    spawnSync("chattr", ["-R", "-i", dir]);
    rmSync(dir, { recursive: true, force: true });
  }
});

/** An output folder holding a "previous build" of both sites. */
function previousBuild(prefix: string): string {
  const dir = tempDir(prefix);
  dirs.push(dir);
  for (const site of ["public", "internal"]) {
    mkdirSync(path.join(dir, "dist", site), { recursive: true });
    writeFileSync(path.join(dir, "dist", site, "index.html"), `previous ${site}`);
  }
  return dir;
}

function expectPreviousBuild(dir: string): void {
  expect(readdirSync(dir).sort()).toEqual(["dist"]);
  expect(readdirSync(path.join(dir, "dist")).sort()).toEqual(["internal", "public"]);
  for (const site of ["public", "internal"]) {
    expect(readdirSync(path.join(dir, "dist", site))).toEqual(["index.html"]);
    expect(readFileSync(path.join(dir, "dist", site, "index.html"), "utf8")).toBe(`previous ${site}`);
  }
}

/** A copy of the basic fixture, so that its build lock is this test's own. */
function basicProject(): string {
  const dir = tempDir("basic");
  dirs.push(dir);
  cpSync(path.join(FIXTURES, "basic"), dir, { recursive: true });
  return dir;
}

/** Work folders of the build run by process `pid`. */
function workFolders(pid: number | undefined): string[] {
  return existsSync(WORK_ROOT) ? readdirSync(WORK_ROOT).filter((name) => name.startsWith(`build-${pid}-`)) : [];
}

/** Processes whose command line mentions `text` (an orphaned build). */
function processesMentioning(text: string): string[] {
  return readdirSync("/proc").filter((pid) => {
    if (!/^\d+$/.test(pid)) return false;
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(text);
    } catch {
      return false;
    }
  });
}

/** Starts `verity build` of `root` into `outDir`; `onStderr` sees stderr as it grows. */
function spawnBuild(root: string, outDir: string, onStderr: (text: string, child: ReturnType<typeof spawn>) => void, node = process.execPath, extra: string[] = []) {
  const child = spawn(node, [BIN, "build", "--root", root, "--out-dir", outDir, "--today", TODAY, ...extra], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    onStderr(stderr, child);
  });
  return new Promise<{ code: number | null; signal: string | null; stderr: string; pid: number | undefined }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stderr, pid: child.pid })),
  );
}

describe("a site whose Astro build fails", () => {
  // The copies of the attachments the build approved (its work folder: the site publishes those
  // bytes, whatever the repository holds later) are removed once the data is prepared: the
  // internal site's Astro build fails copying the one an internal card links.
  it("shows that site's own error and the file it names, and calls only the other site stopped", async () => {
    const dir = previousBuild("astro-fails");
    const root = path.join(dir, "project");
    cpSync(path.join(FIXTURES, "astro-fails"), root, { recursive: true });
    const attachment = path.join(root, "content", "help", "escalation-notes.txt");
    const result = await spawnBuild(root, path.join(dir, "dist"), (text, child) => {
      if (!text.includes("prepared")) return;
      for (const work of workFolders(child.pid)) rmSync(path.join(WORK_ROOT, work, ".data", "files"), { recursive: true, force: true });
    });
    rmSync(root, { recursive: true, force: true });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("The internal site failed to build (Astro exited with code 1):");
    expect(result.stderr).toMatch(/ENOENT: no such file or directory/);
    expect(result.stderr).toContain(`File: ${attachment}`);
    expect(result.stderr).not.toContain("The internal site build was stopped");
    expect(result.stderr).not.toMatch(/\n\s+at .*\(/);
    expectPreviousBuild(dir);
  }, BUILD_TIMEOUT);
});

describe("an interrupted build", () => {
  // The sites are built one after the other in the last case, so the second is still building.
  it.each([
    ["lint passed", []],
    ["prepared", []],
    ["building the", []],
    ["built and indexed", ["--sequential"]],
  ])("leaves dist/ and no temporary folder behind when stopped after %j", async (stage, extra) => {
    const dir = previousBuild("interrupted");
    const root = basicProject();
    const result = await spawnBuild(root, path.join(dir, "dist"), (stderr, child) => {
      if (stderr.includes(stage) && !child.killed) child.kill("SIGINT");
    }, process.execPath, extra);
    expect(result.stderr).toContain(stage);
    expect(result.code === 0 && result.signal === null).toBe(false);
    if (result.code !== null) {
      expect(result.code).toBe(130);
      expect(result.stderr).toContain("The build was interrupted (SIGINT); dist/ was not changed");
    }
    expectPreviousBuild(dir);
    expect(workFolders(result.pid)).toEqual([]);
    expect(existsSync(path.join(root, BUILD_LOCK_FILE))).toBe(false);
  }, BUILD_TIMEOUT);

  // bin.js started by Node 20 runs the build in a Node 24 child: Ctrl+C must reach the child.
  it.runIf(SYSTEM_NODE && SYSTEM_NODE_MAJOR < 24)("stops the pinned-Node child too when started by an older Node", async () => {
    const dir = previousBuild("bin-forward");
    const outDir = path.join(dir, "dist");
    const result = await spawnBuild(
      basicProject(),
      outDir,
      (stderr, child) => {
        if (stderr.includes("building the") && !child.killed) child.kill("SIGINT");
      },
      SYSTEM_NODE,
    );
    expect(result.code === 0 && result.signal === null).toBe(false);
    expect(result.code ?? 130).toBe(130);
    // An orphaned child would still be building, and would replace dist/ when done.
    expect(processesMentioning(outDir)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(processesMentioning(outDir)).toEqual([]);
    expectPreviousBuild(dir);
  }, BUILD_TIMEOUT);
});

describe("an output folder that cannot be replaced", () => {
  it.runIf(CAN_CHATTR)("is found before anything is built", async () => {
    const dir = previousBuild("read-only");
    spawnSync("chattr", ["+i", path.join(dir, "dist", "internal")]);
    const result = await runCli(["build", "--root", basicProject(), "--out-dir", path.join(dir, "dist"), "--today", TODAY]);
    spawnSync("chattr", ["-i", path.join(dir, "dist", "internal")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Cannot write to ${path.join(dir, "dist", "internal")} (EPERM)`);
    expect(result.stderr).toContain("--out-dir");
    expect(result.stderr).not.toContain("lint passed");
    expectPreviousBuild(dir);
  }, BUILD_TIMEOUT);

  it.runIf(CAN_CHATTR)("keeps the whole previous build when dist/internal cannot be renamed at the end", async () => {
    const dir = previousBuild("unrenamable");
    const internal = path.join(dir, "dist", "internal");
    // Made unrenamable after the check at the start, while Astro builds.
    let locked = false;
    const result = await spawnBuild(basicProject(), path.join(dir, "dist"), (stderr) => {
      if (stderr.includes("building the") && !locked) locked = spawnSync("chattr", ["+i", internal]).status === 0;
    });
    expect(locked).toBe(true);
    spawnSync("chattr", ["-i", internal]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("the previous build is still in place, unchanged");
    expect(result.stderr).not.toContain("internal error");
    expectPreviousBuild(dir);
  }, BUILD_TIMEOUT);
});

describe("two builds of one project", () => {
  it("makes the second wait for the first, then builds; warns when most pages are gone (job summary too)", async () => {
    const dir = previousBuild("lock");
    // The previous build had many more pages than the fixture has.
    mkdirSync(path.join(dir, "dist", "public", "pagefind"), { recursive: true });
    writeFileSync(path.join(dir, "dist", "public", "pagefind", "pagefind-entry.json"), JSON.stringify({ version: "1", languages: { en: { page_count: 300 } } }));
    const summary = path.join(dir, "summary.md");
    const root = basicProject();
    const lockFile = path.join(root, BUILD_LOCK_FILE);
    const holder = spawn("sleep", ["60"], { stdio: "ignore" });
    mkdirSync(path.dirname(lockFile), { recursive: true });
    writeFileSync(lockFile, JSON.stringify({ pid: holder.pid, host: hostname(), started: "2026-12-01T10:00:00.000Z" }));
    let stderr = "";
    let stdout = "";
    const building = run(["build", "--root", root, "--out-dir", path.join(dir, "dist"), "--today", TODAY, "--site", "public"], {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      cwd: process.cwd(),
      env: { GITHUB_STEP_SUMMARY: summary, GITHUB_ACTIONS: "true" },
    });
    try {
      await expect.poll(() => stderr, { timeout: 20_000 }).toContain(`another verity build (pid ${holder.pid}`);
      expect(stderr).not.toContain("lint passed");
    } finally {
      holder.kill();
    }
    const code = await building;
    expect(stderr).toContain("verity build: done");
    expect(code).toBe(0);
    expect(stderr).toMatch(/warning: the public site has \d+ pages, the previous build had 300/);
    expect(stdout).toMatch(/^::warning title=verity build::the public site has/m);
    expect(readFileSync(summary, "utf8")).toMatch(/\*\*verity build\*\*: the public site has \d+ pages, the previous build had 300/);
    expect(existsSync(lockFile)).toBe(false);
    expect(readFileSync(path.join(dir, "dist", "internal", "index.html"), "utf8")).toBe("previous internal");
  }, BUILD_TIMEOUT);
});

describe("a build without cards", () => {
  it("stops when the content folder holds no cards (a typo in contentDir, --root at the wrong folder)", async () => {
    const dir = previousBuild("no-cards");
    writeFileSync(path.join(dir, "verity.config.yml"), "contentDir: contnet\n");
    const result = await runCli(["build", "--root", dir, "--out-dir", path.join(dir, "dist"), "--today", TODAY]);
    rmSync(path.join(dir, "verity.config.yml"));
    rmSync(path.join(dir, ".verity-cache"), { recursive: true, force: true });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`verity.config.yml:1: contentDir is contnet, and the content folder ${path.join(dir, "contnet")} does not exist`);
    expect(result.stderr).not.toContain("building the");
    expectPreviousBuild(dir);
  }, BUILD_TIMEOUT);

  it("stops when the public site would be empty, and suggests --site internal", async () => {
    const dir = previousBuild("no-public");
    const card = ["---", "title: Escalation steps", 'owner: "@acme/support"', "audience: internal", "verify_by: 2099-01-01", "---", "", "Call the duty manager.", ""].join("\n");
    mkdirSync(path.join(dir, "project", "content", "help"), { recursive: true });
    writeFileSync(path.join(dir, "project", "content", "help", "escalation-steps.md"), card);
    const result = await runCli(["build", "--root", path.join(dir, "project"), "--out-dir", path.join(dir, "dist"), "--today", TODAY]);
    rmSync(path.join(dir, "project"), { recursive: true, force: true });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("The public site would have no cards");
    expect(result.stderr).toContain("--site internal");
    expectPreviousBuild(dir);
  }, BUILD_TIMEOUT);
});
