/**
 * A public site may carry a file larger than a string can hold (a video, an archive a public card
 * links): the leak check reads it in overlapping pieces, so the build neither stops with an internal
 * error ("Cannot create a string longer than 0x1fffffe8 characters") nor misses a needle that
 * straddles two pieces, and still compares its hash with the internal files'.
 */
import { closeSync, mkdirSync, openSync, truncateSync, writeSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkLeaks } from "../../src/build/leak-scan.ts";
import { PIECE_BYTES } from "../../src/build/scan-pieces.ts";
import { loadProject } from "../../src/core/project/project.ts";
import { makeProject, makeTempDir, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

const SENTENCE = "Read the override code 4417 from the support vault before you reset the terminal PIN.";
const card = (title: string, audience: string, body: string) => `---\ntitle: ${title}\nowner: "@acme/team"\naudience: ${audience}\nverify_by: 2099-01-31\n---\n\n${body}\n`;

/** A sparse file of `size` bytes with `text` written at `at`. */
function sparse(file: string, size: number, text = "", at = 0): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const fd = openSync(file, "w");
  if (text) writeSync(fd, text, at);
  closeSync(fd);
  truncateSync(file, size);
}

describe("a public file larger than one string", () => {
  it("is scanned in pieces: a needle across two pieces is found, and its hash is compared", async () => {
    const root = makeProject({
      "content/billing/runbook.md": card("Terminal PIN runbook", "internal", `${SENTENCE}\n\nEscalate to the payments on-call engineer when the vault is locked.\n\n![dump](dump.bin)`),
      "content/billing/refunds.md": card("Refund a payment", "external", "Open the payment and choose Refund."),
    });
    const size = 2 * PIECE_BYTES + 4096;
    sparse(path.join(root, "content/billing/dump.bin"), size);
    const dir = makeTempDir("verity-site-");
    // Read in pieces as one over 512 MB (more than a string holds) is: a smaller one keeps the test quick.
    sparse(path.join(dir, "_files/billing/video.mp4"), size + 1, `...${SENTENCE}...`, PIECE_BYTES - 20);
    sparse(path.join(dir, "_files/billing/copy.bin"), size);
    const report = await checkLeaks(loadProject({ cwd: root, root, today: "2026-12-01" }), dir);
    const found = report.findings.map((f) => [f.file, f.type, f.type === "text" ? f.needle?.text : f.leaked]);
    expect(found).toContainEqual(["_files/billing/video.mp4", "text", SENTENCE]);
    expect(found).toContainEqual(["_files/billing/copy.bin", "file", "content/billing/dump.bin"]);
  }, 120_000);
});
