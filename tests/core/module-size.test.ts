/**
 * Small modules: no code file of the project runs past 450 lines. A module that grows past it is
 * split by what it decides (a new module beside it), not left to grow; this holds the line.
 */
import { globSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const MAX_LINES = 450;

describe("module size", () => {
  it(`keeps every code file of src, cli, scripts and bench under ${MAX_LINES} lines`, () => {
    const files = globSync("{src,cli,scripts,bench}/**/*.{ts,mjs,js,astro}", { cwd: ROOT, exclude: (name) => name === "node_modules" || name === ".work" });
    expect(files.length).toBeGreaterThan(200);
    const long = files
      .map((file) => ({ file, lines: readFileSync(path.join(ROOT, file), "utf8").split("\n").length - 1 }))
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ file, lines }) => `${file}: ${lines} lines`);
    expect(long).toEqual([]);
  });
});
