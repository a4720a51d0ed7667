/**
 * A card may link a "file" that is not one: a FIFO, a folder, a socket, a link to /dev/zero or into a
 * loop, an empty file, a sparse file of gigabytes. Lint reports each at the link with what is wrong,
 * in seconds: never a read that waits for a FIFO's writer, reads a device forever, or an internal error.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkAttachment } from "../../src/core/site/attachment-safety.ts";
import { makeProject, removeTemps, REPO_ROOT } from "../helpers.ts";

afterAll(removeTemps);

const card = (link: string) => `---\ntitle: Attach\nowner: "@acme/team"\naudience: external\nverify_by: 2099-01-01\n---\n\nSee [the file](${link}) here.\n`;

/** The CLI in its own process, stopped after 20 s: a read that waits must not hang a test worker. */
function lint(cwd: string) {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, "cli", "bin.js"), "lint", "--today", "2026-12-06"], { cwd, encoding: "utf8", timeout: 20_000 });
  return { code: result.status, signal: result.signal, out: `${result.stdout}${result.stderr}` };
}

const hasMkfifo = spawnSync("mkfifo", ["--version"]).status === 0;
const hasPython = spawnSync("python3", ["--version"]).status === 0;

const CASES: [string, (file: string) => void, RegExp][] = [
  ["a FIFO", (file) => spawnSync("mkfifo", [file]), /not a regular file \(a named pipe\)/],
  ["a folder", (file) => mkdirSync(file), /not a regular file \(a folder\)/],
  ["a link to /dev/zero", (file) => symlinkSync("/dev/zero", file), /not a regular file \(a device\)/],
  ["a link to itself", (file) => symlinkSync(path.basename(file), file), /cannot be read/],
  ["a socket", (file) => spawnSync("python3", ["-c", `import socket;socket.socket(socket.AF_UNIX).bind(${JSON.stringify(file)})`]), /not a regular file \(a socket\)/],
];

describe("a linked attachment that is not a regular file", () => {
  it.each(CASES)("%s is reported at the link, at once", (what, make, expected) => {
    if ((what === "a FIFO" && !hasMkfifo) || (what === "a socket" && !hasPython)) return;
    const dir = makeProject({ "verity.config.yml": "timeZone: UTC\n", "content/help/a.md": card("thing.dat") });
    make(path.join(dir, "content/help/thing.dat"));
    const result = lint(dir);
    expect(result.signal, result.out).toBeNull();
    expect(result.out).not.toMatch(/internal error|\n\s+at /);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/a\.md/);
    expect(result.out).toMatch(expected);
  });
});

describe("files that are regular but odd", () => {
  it("an empty file is safe", () => {
    const dir = makeProject({ "content/help/empty.dat": "", "content/help/empty.svg": "" });
    expect(checkAttachment(path.join(dir, "content/help/empty.dat"))).toEqual({ safe: true });
    expect(checkAttachment(path.join(dir, "content/help/empty.svg"))).toEqual({ safe: true });
  });

  it("a sparse file of gigabytes is judged without reading it whole", () => {
    const dir = makeProject({});
    const file = path.join(dir, "huge.dat");
    writeFileSync(file, "");
    truncateSync(file, 3 * 1024 ** 3);
    const started = Date.now();
    const verdict = checkAttachment(file);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(verdict).toMatchObject({ safe: false, reason: expect.stringMatching(/too large to be checked/) });
  });

  it("a large text file of no known type is judged by its start, as before", () => {
    const dir = makeProject({});
    const file = path.join(dir, "server.log");
    writeFileSync(file, "started worker one\n".repeat(5 * 1024 * 1024 / 19 * 16));
    expect(checkAttachment(file)).toEqual({ safe: true });
  });
});

describe("a file of gigabytes in the content folder", () => {
  it("is hashed for lint's caches a chunk at a time, twice in a row, without an internal error", () => {
    const dir = makeProject({ "verity.config.yml": "timeZone: UTC\n", "content/help/a.md": card("video.mp4") });
    const file = path.join(dir, "content/help/video.mp4");
    writeFileSync(file, "");
    truncateSync(file, 2 * 1024 ** 3 + 4096); // over what one read call can take
    for (const run of [1, 2]) {
      const result = lint(dir);
      expect(result.out, `run ${run}`).not.toMatch(/internal error|\n\s+at /);
      expect(result.code, result.out).toBe(0);
    }
  }, 60_000);
});
