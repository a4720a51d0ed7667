/**
 * A named pipe in place of a file Verity reads (a card, a collection's `_collection.yml`, the synonyms,
 * the templates catalog, `.vale.ini`, a remark configuration, a text file in the content folder) never
 * makes a command wait for a writer that never comes: lint ends in seconds, names the file and says
 * what it is. Git cannot hold a pipe, but a checkout on a shared machine, a script or a mistake can.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeProject, removeTemps, REPO_ROOT } from "../helpers.ts";

afterAll(removeTemps);

const card = (title: string, body = "Body.", extra = "") => `---\ntitle: ${title}\nowner: "@acme/team"\naudience: external\nverify_by: 2099-01-01\n${extra}---\n\n${body}\n`;

/** The CLI in its own process, stopped after 20 s: a read that waits must not hang a test worker. */
function run(cwd: string, args: string[]) {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, "cli", "bin.js"), ...args], { cwd, encoding: "utf8", timeout: 20_000, env: { ...process.env, VERITY_NO_BUNDLE: "1" } });
  return { code: result.status, signal: result.signal, out: `${result.stdout}${result.stderr}` };
}

const hasMkfifo = spawnSync("mkfifo", ["--version"]).status === 0;

/** The pipe's path, and what lint must say (besides ending). */
const PIPES: [string, RegExp][] = [
  ["content/help/pipe.md", /pipe\.md[\s\S]*named pipe/],
  ["content/help/notes.yml", /Checked 2 cards/],
  ["content/help/_collection.yml", /_collection\.yml[\s\S]*not a regular file/],
  ["style-guide/synonyms.yml", /synonyms\.yml[\s\S]*not a regular file/],
  ["style-guide/templates/templates.yml", /templates\.yml[\s\S]*not a regular file/],
  [".vale.ini", /\.vale\.ini[\s\S]*not a regular file/],
  [".remarkrc", /\.remarkrc[\s\S]*not a regular file/],
];

describe.skipIf(!hasMkfifo)("a named pipe where Verity reads a file", () => {
  it.each(PIPES)("%s: lint ends at once and names it", (pipe, expected) => {
    const dir = makeProject({
      "verity.config.yml": "timeZone: UTC\nminTrustScore: 0\n",
      "content/help/a.md": card("A", "See [B](b.md)."),
      "content/help/b.md": card("B", "Body.", "template: how-to\n"),
      "style-guide/templates/.keep": "",
    });
    spawnSync("mkfifo", [path.join(dir, pipe)]);
    const started = Date.now();
    const result = run(dir, ["lint", "--today", "2026-12-07"]);
    expect(result.signal, result.out).toBeNull();
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.out).not.toMatch(/internal error|\n\s+at /);
    expect(result.out).toMatch(expected);
  });
});
