/**
 * The parts of `verity build` that keep dist/ whole, tested without Astro: the all-or-nothing swap,
 * the build lock, the explanation of a failed Astro run and the warning for a build that lost most
 * of its pages.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { explainFailure } from "../../src/build/astro-runner.ts";
import { acquireBuildLock, BUILD_LOCK_FILE } from "../../src/build/build-lock.ts";
import { checkOutDir, pageDropWarning, swapIntoPlace, SwapFailed } from "../../src/build/output-folder.ts";
import { CheckFailed } from "../../src/core/errors.ts";
import { waitForSiteData } from "../../src/build/integration.ts";
import { readSiteDataFile, writeSiteDataFile } from "../../src/build/site-data-file.ts";
import type { SiteData } from "../../src/build/site-data.ts";
import { makeTempDir, removeTemps, REPO_ROOT } from "../helpers.ts";

afterAll(removeTemps);

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** An output folder with a previous build, and a staging folder with a new one. */
function layout() {
  const root = makeTempDir();
  const outDir = path.join(root, "dist");
  const staging = path.join(root, ".dist-1-a");
  for (const site of ["public", "internal"]) {
    write(path.join(outDir, site, "index.html"), `old ${site}`);
    write(path.join(staging, site, "index.html"), `new ${site}`);
  }
  const read = (site: string) => readFileSync(path.join(outDir, site, "index.html"), "utf8");
  return { outDir, staging, read };
}

describe("swapIntoPlace", () => {
  it("puts every new site in place", () => {
    const { outDir, staging, read } = layout();
    swapIntoPlace(staging, outDir, ["public", "internal"]);
    expect([read("public"), read("internal")]).toEqual(["new public", "new internal"]);
  });

  it.each([
    ["the previous wiki cannot be moved away", (from: string) => from.endsWith(`dist${path.sep}internal`)],
    ["the new wiki cannot be moved in", (from: string) => from.endsWith(`${path.sep}internal`) && from.includes(".dist-")],
  ])("leaves the previous build whole when %s", (_, fails) => {
    const { outDir, staging, read } = layout();
    const fs = {
      existsSync,
      renameSync: (from: string, to: string) => {
        if (fails(from)) throw Object.assign(new Error(`EPERM: operation not permitted, rename '${from}'`), { code: "EPERM" });
        renameSync(from, to);
      },
    };
    let error: unknown;
    try {
      swapIntoPlace(staging, outDir, ["public", "internal"], fs);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SwapFailed);
    expect((error as SwapFailed).restored).toBe(true);
    expect((error as SwapFailed).message).toContain("the previous build is still in place");
    expect([read("public"), read("internal")]).toEqual(["old public", "old internal"]);
    expect(readdirSync(outDir).sort()).toEqual(["internal", "public"]);
  });
});

describe("checkOutDir", () => {
  it("refuses a site folder that is a symbolic link: the swap would replace the link and leave the served folder stale", () => {
    const root = makeTempDir("verity-out-");
    const served = path.join(root, "www-help");
    mkdirSync(served);
    mkdirSync(path.join(root, "dist"));
    symlinkSync(served, path.join(root, "dist", "public"));
    expect(() => checkOutDir(path.join(root, "dist"), ["public", "internal"])).toThrow(/dist\/public is a symbolic link \(to .*www-help\).*nothing was built/);
    expect(() => checkOutDir(path.join(root, "dist"), ["internal"])).not.toThrow();
  });

  it("refuses an output folder that is a symbolic link: a committed dist link would put both sites, the wiki too, wherever it points", () => {
    const root = makeTempDir("verity-out-");
    const elsewhere = path.join(root, "www");
    write(path.join(elsewhere, "public", "index.html"), "served help center");
    mkdirSync(path.join(root, "project"));
    symlinkSync(elsewhere, path.join(root, "project", "dist"));
    expect(() => checkOutDir(path.join(root, "project", "dist"), ["public", "internal"])).toThrow(/dist is a symbolic link \(to .*www\).*nothing was built/);
    expect(readdirSync(elsewhere)).toEqual(["public"]);
  });

  it("refuses an output folder under a file before anything is built", () => {
    const root = makeTempDir();
    write(path.join(root, "file"), "");
    expect(() => checkOutDir(path.join(root, "file", "dist"), ["public"])).toThrow(/Cannot write to .*file.*nothing was built/);
  });

  it("leaves nothing behind in a writable output folder", () => {
    const { outDir } = layout();
    checkOutDir(outDir, ["public", "internal"]);
    expect(readdirSync(outDir).sort()).toEqual(["internal", "public"]);
    expect(readdirSync(path.join(outDir, "public"))).toEqual(["index.html"]);
  });
});

describe("the build lock", () => {
  const sleeper = () => spawn("sleep", ["30"], { stdio: "ignore" });

  it("waits for a live holder, names it, and gives up after the time limit", async () => {
    const root = makeTempDir();
    const holder = sleeper();
    try {
      write(path.join(root, BUILD_LOCK_FILE), JSON.stringify({ pid: holder.pid, host: hostname(), started: "2026-12-01T10:00:00.000Z" }));
      const told: string[] = [];
      const attempt = acquireBuildLock(root, { waitMs: 600, pollMs: 50, onWait: (m) => told.push(m) });
      await expect(attempt).rejects.toThrow(CheckFailed);
      await expect(attempt).rejects.toThrow(new RegExp(`Another verity build \\(pid ${holder.pid}`));
      expect(told).toEqual([expect.stringContaining(`pid ${holder.pid}, started 2026-12-01T10:00:00.000Z`)]);
    } finally {
      holder.kill();
    }
  });

  it("goes on as soon as the holder's process is gone", async () => {
    const root = makeTempDir();
    const holder = sleeper();
    write(path.join(root, BUILD_LOCK_FILE), JSON.stringify({ pid: holder.pid, host: hostname(), started: "2026-12-01T10:00:00.000Z" }));
    const attempt = acquireBuildLock(root, { pollMs: 50 });
    setTimeout(() => holder.kill(), 300);
    const lock = await attempt;
    expect(JSON.parse(readFileSync(lock.file, "utf8")).pid).toBe(process.pid);
    lock.release();
    expect(existsSync(lock.file)).toBe(false);
  });

  it("takes over a stale lock (its pid is gone) or an unreadable one", async () => {
    for (const text of [JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), started: "x" }), "garbage"]) {
      const root = makeTempDir();
      write(path.join(root, BUILD_LOCK_FILE), text);
      const lock = await acquireBuildLock(root, { waitMs: 0 });
      lock.release();
      expect(readdirSync(path.dirname(lock.file))).toEqual([]);
    }
  });

  it("takes over a lock nobody refreshes while it waits: another host's build that was killed, or a lock that came with the files", async () => {
    // A build in a container killed with SIGKILL (the next container has another host name), a lock
    // committed to git or copied with the project, a pid from another pid namespace: no pid to look at.
    for (const owner of [{ pid: 1, host: "container-7f3a", started: "2026-12-01T10:00:00.000Z" }, { pid: process.ppid, host: hostname(), started: "2026-12-01T10:00:00.000Z" }]) {
      const root = makeTempDir();
      write(path.join(root, BUILD_LOCK_FILE), JSON.stringify(owner));
      const told: string[] = [];
      const lock = await acquireBuildLock(root, { waitMs: 5_000, pollMs: 20, quietMs: 300, onWait: (m) => told.push(m) });
      expect(JSON.parse(readFileSync(lock.file, "utf8")).pid).toBe(process.pid);
      expect(told).toHaveLength(1);
      lock.release();
      expect(readdirSync(path.dirname(lock.file))).toEqual([]);
    }
  });

  it("keeps waiting for a holder that refreshes its lock, and refreshes its own while it holds it", async () => {
    const root = makeTempDir();
    const file = path.join(root, BUILD_LOCK_FILE);
    write(file, JSON.stringify({ pid: 1, host: "other-host", started: "2026-12-01T10:00:00.000Z" }));
    const beat = setInterval(() => utimesSync(file, new Date(), new Date()), 40);
    try {
      await expect(acquireBuildLock(root, { waitMs: 800, pollMs: 20, quietMs: 300 })).rejects.toThrow(/Another verity build \(pid 1 on other-host/);
    } finally {
      clearInterval(beat);
    }
    rmSync(file);
    const lock = await acquireBuildLock(root, { heartbeatMs: 30 });
    const first = statSync(lock.file).mtimeMs;
    utimesSync(lock.file, new Date(first - 60_000), new Date(first - 60_000));
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(statSync(lock.file).mtimeMs).toBeGreaterThan(first - 60_000);
    lock.release();
    expect(existsSync(lock.file)).toBe(false);
  });

  it("lets one of many concurrent takers hold it at a time", async () => {
    const root = makeTempDir();
    let holders = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        const lock = await acquireBuildLock(root, { pollMs: 5 });
        holders++;
        most = Math.max(most, holders);
        await new Promise((r) => setTimeout(r, 20));
        holders--;
        lock.release();
      }),
    );
    expect(most).toBe(1);
  });
});

describe("explainFailure", () => {
  const work = "/app/.verity-cache/build-1-a/internal";
  it("gives the reason of a bundler's own error (a full disk, a file-size limit), not its native backtrace", () => {
    // Rolldown (Vite's bundler) writing its dependency cache under `ulimit -f`, as Astro printed it.
    const output = [
      "12:32:58 [vite] [optimizer] bundling dependencies...",
      "[UNHANDLEABLE_ERROR] Something went wrong inside rolldown, please report this problem at https://github.com/rolldown/rolldown/issues.",
      `Failed to write file in ${work}/vite/deps_temp_23bd072f/astro_n_aria-query.js`,
      "Caused by:",
      "    File too large (os error 27)",
      "Stack backtrace:",
      ...Array.from({ length: 12 }, (_, i) => `   ${i}: <unknown>`),
      "  12: start_thread",
      "             at ./nptl/pthread_create.c:442:8",
    ];
    const { lines, file } = explainFailure(output, { workDir: work, projectRoot: "/kb" });
    // The build's own temporary file is no file to fix, nor is the host of the bug tracker's address.
    expect(file).toBeUndefined();
    expect(lines[0]).toMatch(/^\[UNHANDLEABLE_ERROR\] Something went wrong inside rolldown/);
    expect(lines).toContain("    File too large (os error 27)");
    expect(lines.some((line) => /<unknown>|Stack backtrace/.test(line))).toBe(false);
  });

  it("starts at the first error line, stops before the stack and names the project's file", () => {
    const output = [
      "10:00:01 [build] output: \"static\"",
      "10:00:02 [build] Building static entrypoints...",
      "10:00:05 [ERROR] [verity] An unhandled error occurred while running the \"astro:build:done\" hook",
      "EISDIR: illegal operation on a directory, copyfile '/kb/content/help/notes.d' -> '/app/.verity-cache/build-1-a/internal/out/_files/help/notes.d'",
      "  Location:",
      "    /app/src/build/integration.ts:84:11",
      "  Stack trace:",
      "    at copyFileSync (node:fs:3085:11)",
    ];
    const { lines, file } = explainFailure(output, { workDir: work, projectRoot: "/kb" });
    expect(lines[0]).toBe("[ERROR] [verity] An unhandled error occurred while running the \"astro:build:done\" hook");
    expect(lines).toHaveLength(4);
    expect(file).toBe("/kb/content/help/notes.d");
    expect(explainFailure(output, { workDir: work }).file).toBe("/app/src/build/integration.ts:84:11");
  });

  it("does not take a listed page named after errors for the error", () => {
    const output = ["10:00:01   ├─ /troubleshooting/error-codes/index.html (+3ms)", "10:00:02 [ERROR] [vite] ✗ Build failed in 1.2s", "src/pages/index.astro: Unexpected token"];
    expect(explainFailure(output, { workDir: work }).lines[0]).toBe("[ERROR] [vite] ✗ Build failed in 1.2s");
  });

  it("falls back on the last lines when no line says error", () => {
    const { lines, file } = explainFailure(["a", "b", "Killed"], { workDir: work });
    expect(lines).toEqual(["a", "b", "Killed"]);
    expect(file).toBeUndefined();
  });
});

describe("pageDropWarning", () => {
  it("warns when a site keeps less than half of the previous build's pages", () => {
    expect(pageDropWarning("public", 120, 40)[0]).toMatch(/the public site has 40 pages, the previous build had 120: 80 pages are gone/);
    expect(pageDropWarning("public", 120, 60)).toEqual([]);
    expect(pageDropWarning("public", undefined, 3)).toEqual([]);
  });
});

describe("the site data file", () => {
  it("gives Astro the prepared data as JSON would, Korean text, HTML and all", async () => {
    const { loadProject } = await import("../../src/core/project/project.ts");
    const { prepareSites } = await import("../../src/build/site-data.ts");
    const project = loadProject({ cwd: REPO_ROOT, today: "2026-12-01" });
    const file = path.join(makeTempDir(), "internal.v8");
    for (const [, data] of prepareSites(project, ["internal", "public"], { history: { available: false, reason: "test" } })) {
      writeSiteDataFile(file, data);
      // Equal to the JSON round trip (toEqual: a key holding undefined counts as absent, as JSON drops it).
      expect(readSiteDataFile(file)).toEqual(JSON.parse(JSON.stringify(data)));
    }
  });
});

describe("waitForSiteData (Astro starts before the cards are rendered)", () => {
  it("waits until verity build has written the site data, then hands it over", async () => {
    const file = path.join(makeTempDir(), "public.json");
    const waiting = waitForSiteData(file, "public", { intervalMs: 5 });
    let done = false;
    void waiting.then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(done).toBe(false);
    writeSiteDataFile(file, { site: "public", cards: [] } as unknown as SiteData);
    await expect(waiting).resolves.toMatchObject({ site: "public" });
  });

  it("refuses the data of the other site", async () => {
    const file = path.join(makeTempDir(), "public.json");
    writeSiteDataFile(file, { site: "internal", cards: [] } as unknown as SiteData);
    await expect(waitForSiteData(file, "public")).rejects.toThrow(/holds the internal site, not public/);
  });

  it("gives up instead of hanging when the data never comes", async () => {
    const file = path.join(makeTempDir(), "never.json");
    await expect(waitForSiteData(file, "internal", { intervalMs: 5, timeoutMs: 60 })).rejects.toThrow(/was not written in time/);
  });
});
