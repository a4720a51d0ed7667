/**
 * Which rst2html `verity style` runs for reStructuredText: the first on the PATH, as Vale's
 * exec.LookPath finds it. Go refuses a command found through a relative PATH entry (`.`, `bin`,
 * `node_modules/.bin`: exec.ErrDot), so a linted repository cannot put its own rst2html in the way by
 * committing it where such an entry points; and a folder named rst2html is not a command.
 */
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeTempDir, removeTemps } from "../helpers.ts";
import { findRst2html } from "../../src/core/style/markup/rst.ts";

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
