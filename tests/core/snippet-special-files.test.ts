/**
 * A snippet file that is no regular file (a named pipe, a socket, a folder, a link to a device) or
 * is far too large for any page to include: lint ends at once, and the card that includes it is
 * told at its include line what the file is and how to fix it, never "there is no snippet" (a socket
 * was an internal error, ENXIO; a snippet of gigabytes was read whole, then an internal error). The MCP server reading such a card answers it, without it.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { KnowledgeBase } from "../../src/app/knowledge/knowledge-base.ts";
import { makeProject, removeTemps, REPO_ROOT } from "../helpers.ts";

afterAll(removeTemps);

const card = (audience: string, names: string[]) =>
  `---\ntitle: Contact\nowner: "@acme/team"\naudience: ${audience}\nverify_by: 2099-01-01\n---\n\nIntro.\n\n${names.map((name) => `::snippet{name="${name}"}\n\n`).join("")}`;

/** The CLI in its own process, stopped after 30 s: a read that waits must not hang a test worker. */
function lint(cwd: string) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, "cli", "bin.js"), "lint", "--today", "2026-12-07"], { cwd, encoding: "utf8", timeout: 30_000, env: { ...process.env, VERITY_NO_BUNDLE: "1" } });
  return { code: result.status, signal: result.signal, ms: Date.now() - started, out: `${result.stdout}${result.stderr}` };
}

const hasMkfifo = spawnSync("mkfifo", ["--version"]).status === 0;

describe.skipIf(!hasMkfifo)("a snippet file that cannot be included", () => {
  it("is named at the include line, with what it is and the fix, and lint ends at once", async () => {
    const names = ["pipe", "sock", "folder", "device", "huge"];
    const dir = makeProject({
      "verity.config.yml": "timeZone: UTC\nminTrustScore: 0\n",
      "content/help/contact.md": card("internal", names),
      "content/_snippets/.keep": "",
    });
    const snippets = path.join(dir, "content", "_snippets");
    spawnSync("mkfifo", [path.join(snippets, "pipe.md")]);
    const socket = createServer();
    await new Promise<void>((resolve) => socket.listen(path.join(snippets, "sock.md"), resolve));
    try {
      mkdirSync(path.join(snippets, "folder.md"));
      symlinkSync("/dev/zero", path.join(snippets, "device.md"));
      // Sparse: more than any page can include (a card includes at most 2,000,000 characters of snippets).
      writeFileSync(path.join(snippets, "huge.md"), "");
      truncateSync(path.join(snippets, "huge.md"), 9_000_000);
      const result = lint(dir);
      expect(result.signal, result.out).toBeNull();
      expect(result.ms, result.out).toBeLessThan(20_000);
      expect(result.out).not.toMatch(/internal error|data is too long|\n\s+at /);
      expect(result.out).not.toMatch(/There is no snippet/);
      const lines = result.out.split("\n");
      const at = (line: number) => lines.find((text) => text.trim().startsWith(`${line}:1`)) ?? "";
      expect(at(10)).toMatch(/_snippets\/pipe\.md.*a named pipe, not a regular file/);
      expect(at(12)).toMatch(/_snippets\/sock\.md.*a socket, not a regular file/);
      expect(at(14)).toMatch(/_snippets\/folder\.md.*a folder, not a regular file/);
      expect(at(16)).toMatch(/_snippets\/device\.md.*a symbolic link/);
      expect(at(18)).toMatch(/_snippets\/huge\.md.*9,000,000 bytes, more than the 2,000,000 characters of snippets a card may include/);
      for (const line of [10, 12, 14, 16, 18]) expect(at(line)).toMatch(/snippet-missing/);
      expect(result.code).toBe(1);

      // The assistants' server answers the card, without what no page shows.
      const kb = KnowledgeBase.load({ cwd: dir, root: dir, site: "internal", today: "2026-12-07" });
      const detail = await kb.get("help/contact");
      expect(detail?.markdown).toContain("Intro.");
      expect(detail?.markdown).not.toMatch(/snippet/);
    } finally {
      socket.close();
    }
  }, 60_000);
});
