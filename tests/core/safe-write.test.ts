/**
 * Whole-file writes (safe-write.ts): what they do to the name they are given, and a termination
 * signal that arrives while one is under way.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, closeSync, constants, lstatSync, openSync, readSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createFileWhole, replaceFileIfUnchanged, writeFileWhole } from "../../src/core/cards/safe-write.ts";
import { makeTempDir, removeTemps, REPO_ROOT } from "../helpers.ts";

afterAll(removeTemps);

const SAFE_WRITE = pathToFileURL(path.join(REPO_ROOT, "src/core/cards/safe-write.ts")).href;

describe("writeFileWhole", () => {
  // `verity report --out report.md` where report.md is a link (into a wiki checkout, say), and a
  // linked .github/CODEOWNERS: the link was replaced by a regular file and its target left stale.
  it("writes through a symbolic link: the link stays, its target gets the text", () => {
    const dir = makeTempDir();
    writeFileSync(path.join(dir, "real.md"), "old\n");
    symlinkSync("real.md", path.join(dir, "link.md"));
    writeFileWhole(path.join(dir, "link.md"), "new\n");
    expect(lstatSync(path.join(dir, "link.md")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(dir, "link.md"))).toBe("real.md");
    expect(readFileSync(path.join(dir, "real.md"), "utf8")).toBe("new\n");
    expect(readdirSync(dir).sort()).toEqual(["link.md", "real.md"]);
  });

  it("keeps the mode of the file it replaces", () => {
    const dir = makeTempDir();
    const file = path.join(dir, "CODEOWNERS");
    writeFileSync(file, "old\n");
    chmodSync(file, 0o600);
    writeFileWhole(file, "new\n");
    expect(readFileSync(file, "utf8")).toBe("new\n");
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  // `--out /dev/stdout`, `--out >(gzip > r.gz)` or a named pipe: the temporary file was renamed over
  // the pipe (or, run as root, over the device), which then was a plain file, and the reader hung.
  it("writes into a named pipe instead of replacing it with a regular file", () => {
    const dir = makeTempDir();
    const fifo = path.join(dir, "pipe");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      writeFileWhole(fifo, "through the pipe\n");
      const buffer = Buffer.alloc(100);
      const n = readSync(reader, buffer);
      expect(buffer.subarray(0, n).toString("utf8")).toBe("through the pipe\n");
    } finally {
      closeSync(reader);
    }
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(["pipe"]);
  });
});

describe("writesInsideFolder", () => {
  // `--out /dev/stdout` or `--out >(gzip > r.gz)`: the path resolves to pipe:[n], which realpath
  // cannot give, and the content-folder check stopped with "internal error: ENOENT ... realpath".
  it("says no, without an error, for a path with no real path (a pipe behind /dev/fd)", () => {
    const dir = makeTempDir();
    const pipe = spawnSync(process.execPath, ["--input-type=module", "-e", `import { writesInsideFolder } from ${JSON.stringify(pathToFileURL(path.join(REPO_ROOT, "src/core/cards/paths.ts")).href)}; console.log(writesInsideFolder(${JSON.stringify(dir)}, "/dev/stdout"));`], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    expect(pipe.stderr).toBe("");
    expect(pipe.stdout).toBe("false\n");
  });
});

describe("writeFileWhole into a pipe nobody reads", () => {
  // Opening a pipe for writing waits for a reader: a named pipe left where a report or a cache
  // goes blocked the command for ever (and, with the signals held for a write, past Ctrl+C too).
  it("fails at once with ENXIO and leaves the pipe as it is", () => {
    const dir = makeTempDir();
    const fifo = path.join(dir, "pipe");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    expect(() => writeFileWhole(fifo, "nobody reads this\n")).toThrow(expect.objectContaining({ code: "ENXIO" }));
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });
});

describe("a file whose name is near the length limit", () => {
  // The temporary file is named after the file with 18 more bytes: for a name of 238 bytes or more
  // (or 80 Hangul syllables) that passed the limit of 255, and verify stopped with "internal error:
  // ENAMETOOLONG ... This is a bug in Verity", report --out said the system refused the write.
  it.each([["Latin", `${"r".repeat(248)}.md`], ["Hangul", `${"가".repeat(83)}.md`]])("%s: replaced, written and created whole", (_script, name) => {
    const dir = makeTempDir();
    const file = path.join(dir, name);
    writeFileSync(file, "old\n");
    replaceFileIfUnchanged(file, "old\n", "new\n");
    expect(readFileSync(file, "utf8")).toBe("new\n");
    writeFileWhole(file, "newer\n");
    expect(readFileSync(file, "utf8")).toBe("newer\n");
    const other = path.join(dir, `x${name.slice(1)}`);
    createFileWhole(other, "created\n");
    expect(readFileSync(other, "utf8")).toBe("created\n");
    expect(readdirSync(dir).sort()).toEqual([name, path.basename(other)].sort());
  });
});

describe("replaceFileIfUnchanged on a read-only card", () => {
  // The rename needs only the folder to be writable, so a card its owner had made read-only
  // (chmod a-w) was replaced without a word, where an editor refuses or asks first.
  it("refuses with EACCES and leaves the file and its mode as they are", () => {
    const dir = makeTempDir();
    const file = path.join(dir, "card.md");
    writeFileSync(file, "old\n");
    chmodSync(file, 0o444);
    expect(() => replaceFileIfUnchanged(file, "old\n", "new\n")).toThrow(expect.objectContaining({ code: "EACCES" }));
    expect(readFileSync(file, "utf8")).toBe("old\n");
    expect(statSync(file).mode & 0o777).toBe(0o444);
    expect(readdirSync(dir)).toEqual(["card.md"]);
  });
});

describe("a termination signal during a whole-file write", () => {
  // SIGINT or SIGTERM between the temporary file's creation and its rename killed the process
  // there: the card kept its old text, and a ".card.md.<random>.tmp" copy stayed in the content folder.
  it.each(["SIGTERM", "SIGINT"])("%s: the write finishes (renamed or removed), then the signal ends the process", (signal) => {
    const dir = makeTempDir();
    const file = path.join(dir, "card.md");
    writeFileSync(file, "old\n");
    const script = `
      import fs from "node:fs";
      import { syncBuiltinESMExports } from "node:module";
      const fsync = fs.fsyncSync;
      fs.fsyncSync = (fd) => { process.kill(process.pid, ${JSON.stringify(signal)}); fsync(fd); };
      syncBuiltinESMExports();
      const { replaceFileIfUnchanged } = await import(${JSON.stringify(SAFE_WRITE)});
      replaceFileIfUnchanged(${JSON.stringify(file)}, "old\\n", "new\\n");
      setTimeout(() => console.log("the signal was lost"), 300);
    `;
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", timeout: 20_000 });
    expect(child.stderr).toBe("");
    expect(child.stdout).toBe("");
    expect(child.signal).toBe(signal);
    expect(readFileSync(file, "utf8")).toBe("new\n");
    expect(readdirSync(dir)).toEqual(["card.md"]);
  });
});
