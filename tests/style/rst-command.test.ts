/**
 * Which rst2html `verity style` runs for reStructuredText: the first on the PATH, as Vale's
 * exec.LookPath finds it. Go refuses a command found through a relative PATH entry (`.`, `bin`,
 * `node_modules/.bin`: exec.ErrDot), so a linted repository cannot put its own rst2html in the way by
 * committing it where such an entry points; and a folder named rst2html is not a command.
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeTempDir, removeTemps } from "../helpers.ts";
import { convertRst, findRst2html } from "../../src/core/style/markup/rst.ts";

afterEach(removeTemps);

function command(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "rst2html");
  writeFileSync(file, "#!/bin/sh\necho pwned\n");
  chmodSync(file, 0o755);
  return file;
}

describe("finding rst2html on the PATH", () => {
  it("skips a relative PATH entry (the linted repository's own bin/), as Go's LookPath does, and takes the next absolute one", () => {
    const repo = makeTempDir("verity-rst-repo-");
    command(path.join(repo, "bin"));
    const system = command(path.join(makeTempDir("verity-rst-sys-"), "bin"));
    const relative = path.relative(process.cwd(), path.join(repo, "bin"));
    expect(path.isAbsolute(relative)).toBe(false);
    expect(findRst2html([relative, path.dirname(system)].join(path.delimiter))).toBe(system);
    expect(findRst2html(["." + path.sep + relative].join(path.delimiter))).toBeUndefined();
  });

  it("skips a folder named rst2html", () => {
    const first = makeTempDir("verity-rst-dir-");
    mkdirSync(path.join(first, "rst2html"));
    const system = command(makeTempDir("verity-rst-sys-"));
    expect(findRst2html([first, path.dirname(system)].join(path.delimiter))).toBe(system);
  });
});

describe("what a failing rst2html said", () => {
  it("names docutils' error, not the boilerplate after it (deep nesting: RecursionError), without a doubled full stop", () => {
    const fake = path.join(makeTempDir("verity-rst-fail-"), "rst2html");
    const said = [
      "RecursionError: maximum recursion depth exceeded",
      'Exiting due to error.  Use "--traceback" to diagnose.',
      "Please report errors to <docutils-users@lists.sourceforge.net>.",
      'Include "--traceback" output, Docutils version (0.19),',
      "Python version (3.11.2), your OS type & version, and the command line used.",
    ];
    writeFileSync(fake, `#!/bin/sh\ncat >/dev/null\ncat >&2 <<'EOF'\n${said.join("\n")}\nEOF\nexit 1\n`);
    chmodSync(fake, 0o755);
    expect(() => convertRst("Text.\n", fake)).toThrow(/^rst2html stopped with exit code 1: RecursionError: maximum recursion depth exceeded$/);
  });

  it("a one-line complaint is given whole, its full stop dropped", () => {
    const fake = path.join(makeTempDir("verity-rst-fail-"), "rst2html");
    writeFileSync(fake, "#!/bin/sh\ncat >/dev/null\necho 'docutils exploded.' >&2\nexit 3\n");
    chmodSync(fake, 0o755);
    expect(() => convertRst("Text.\n", fake)).toThrow(/^rst2html stopped with exit code 3: docutils exploded$/);
  });
});

describe("an rst2html that stops before reading the whole file", () => {
  it("reports its exit code and what it said, not the broken pipe of the file not read (a broken docutils install fails on import)", () => {
    const fake = path.join(makeTempDir("verity-rst-epipe-"), "rst2html");
    writeFileSync(fake, "#!/bin/sh\necho 'ModuleNotFoundError: No module named docutils' >&2\nexit 1\n");
    chmodSync(fake, 0o755);
    expect(() => convertRst(`${"A line of text.\n".repeat(100_000)}`, fake)).toThrow(/^rst2html stopped with exit code 1: ModuleNotFoundError: No module named docutils$/);
  });
});

describe("an rst2html that runs too long", () => {
  it.runIf(process.platform === "linux")("stops everything it started, not only itself (a wrapper script's python would go on running)", () => {
    const dir = makeTempDir("verity-rst-slow-");
    const pidFile = path.join(dir, "child.pid");
    const fake = path.join(dir, "rst2html");
    // A wrapper as distributions ship: it starts the real converter and waits for it.
    writeFileSync(fake, `#!/bin/sh\nsleep 30 &\necho $! > ${pidFile}\ncat >/dev/null\nwait\n`);
    chmodSync(fake, 0o755);
    // Time enough for the shell to start its child on a loaded machine.
    expect(() => convertRst("Text.\n", fake, 3_000)).toThrow(/^rst2html took more than/);
    const child = Number(readFileSync(pidFile, "utf8"));
    expect(child).toBeGreaterThan(0);
    // The signal is sent when convertRst returns; the kernel may take a moment to end the process on a loaded machine.
    const deadline = Date.now() + 5_000;
    while (isRunning(child) && Date.now() < deadline) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    expect(isRunning(child)).toBe(false);
  });
});

/** Whether a process is alive: a killed orphan may stay a zombie where nothing reaps it (a container's init). */
function isRunning(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0] !== "Z";
  } catch {
    return false;
  }
}
