/**
 * The browser's scripts (src/client) and every module they import, followed file by file, never
 * import a Node built-in: one such import stops every script of the page (search, tabs, alerts).
 * A value import only: `import type` is erased when the scripts are bundled.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const CLIENT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src/client");
const IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/gm;

/** Every module reached from `entry` by value imports, with the bare or built-in specifiers each uses. */
function reach(entry: string, seen = new Map<string, string[]>()): Map<string, string[]> {
  if (seen.has(entry)) return seen;
  const outside: string[] = [];
  seen.set(entry, outside);
  for (const [, spec] of readFileSync(entry, "utf8").matchAll(IMPORT)) {
    if (spec!.startsWith(".")) reach(path.resolve(path.dirname(entry), spec!), seen);
    else outside.push(spec!);
  }
  return seen;
}

describe("browser scripts", () => {
  it("reach no Node built-in through any import", () => {
    const entries = readdirSync(CLIENT).filter((f) => /\.(ts|js)$/.test(f)).map((f) => path.join(CLIENT, f));
    const reached = new Map<string, string[]>();
    for (const entry of entries) reach(entry, reached);
    expect(reached.size).toBeGreaterThan(entries.length);
    const builtins = [...reached].flatMap(([file, specs]) => specs.filter((s) => s.startsWith("node:") || ["fs", "path", "crypto", "os", "url"].includes(s)).map((s) => `${path.relative(CLIENT, file)}: ${s}`));
    expect(builtins).toEqual([]);
  });
});
