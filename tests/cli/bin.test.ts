/**
 * The real `verity` binary: it starts on the system's older Node and re-runs itself under the
 * pinned Node 24, from any working directory, and its date logic does not depend on TZ.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copyFixtureProject, makeTempDir, removeTemps, REPO_ROOT } from "../helpers.ts";

afterAll(removeTemps);

const BIN = path.join(REPO_ROOT, "cli", "bin.js");
const SYSTEM_NODE = ["/usr/bin/node", "/usr/local/bin/node"].find((p) => existsSync(p));
const SYSTEM_NODE_MAJOR = SYSTEM_NODE ? Number(spawnSync(SYSTEM_NODE, ["-p", "process.versions.node"], { encoding: "utf8" }).stdout.split(".")[0]) : 0;

function verity(args: string[], options: { cwd: string; node?: string; env?: Record<string, string> }) {
  const result = spawnSync(options.node ?? process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    encoding: "utf8",
    env: { ...process.env, ...options.env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("cli/bin.js", () => {
  it("runs --help from another working directory", () => {
    const { code, stdout } = verity(["--help"], { cwd: makeTempDir() });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: verity/);
  });

  it("prints the version package.json gives, without loading the commands", () => {
    const { code, stdout } = verity(["--version"], { cwd: makeTempDir() });
    expect(code).toBe(0);
    expect(stdout).toBe(`${JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")).version}\n`);
  });

  // Node before 24 cannot run the TypeScript sources at all, so a working lint proves the re-run.
  it.runIf(SYSTEM_NODE && SYSTEM_NODE_MAJOR < 24)("re-runs itself under the pinned Node when started by an older one", () => {
    const dir = copyFixtureProject("rules");
    const { code, stdout } = verity(["lint", "--today", "2026-11-22", "--format", "json"], { cwd: dir, node: SYSTEM_NODE! });
    expect(code).toBe(1);
    expect(JSON.parse(stdout).length).toBeGreaterThan(5);
  });

  it.each(["America/Los_Angeles", "Pacific/Kiritimati", "UTC"])("gives the same statuses under TZ=%s", (tz) => {
    const dir = copyFixtureProject("rules");
    const { code, stdout } = verity(["status", "--format", "json", "--today", "2026-11-22"], { cwd: dir, env: { TZ: tz } });
    expect(code).toBe(0);
    const rows = JSON.parse(stdout).rows.map((r: { path: string; verifyBy: string; daysLeft: number }) => `${r.path} ${r.verifyBy} ${r.daysLeft}`);
    expect(rows.slice(0, 3)).toEqual([
      "content/expiry/overdue.md 2026-11-01 -21",
      "content/expiry/due-today.md 2026-11-22 0",
      "content/expiry/due-soon.md 2026-12-01 9",
    ]);
  });

  it("reads today in the configured time zone when --today is not given", () => {
    const dir = copyFixtureProject("clean");
    const { stdout } = verity(["status", "--format", "json"], { cwd: dir, env: { TZ: "Pacific/Kiritimati" } });
    const expected = new Intl.DateTimeFormat("en-CA", { timeZone: "UTC" }).format(new Date());
    const today = JSON.parse(stdout).today;
    // The config says UTC: the machine's TZ must not change the day (allow a midnight tick).
    expect([expected, new Intl.DateTimeFormat("en-CA", { timeZone: "UTC" }).format(new Date(Date.now() - 60_000))]).toContain(today);
  });

  // `verity status | head -1`: the reader goes away while verity still writes.
  it("stops writing quietly when its reader is gone (EPIPE), and ends with its own exit code", async () => {
    const dir = copyFixtureProject("rules");
    const child = spawn(process.execPath, [BIN, "status", "--today", "2026-11-22"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled|\n\s+at /);
    expect(code).toBe(0);
  });
});
