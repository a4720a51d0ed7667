/**
 * The run record as stored (run-cache.ts): what is written is what is read back, card paths kept
 * relative to the content folder, every character past ASCII escaped, and a damaged record read as
 * none at all.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { entryHasHash, fileEntry, readRunRecord, writeRunRecord, type RunRecord } from "../../src/core/style/run-cache.ts";

const dir = mkdtempSync(path.join(tmpdir(), "verity-run-record-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function record(): RunRecord {
  const contentDir = path.join(dir, "content");
  const card = path.join(contentDir, "billing", "환불-refunds.md");
  const other = path.join(contentDir, "billing", "plain.md");
  const outside = path.join(dir, "elsewhere", "card.md");
  return {
    key: "k",
    frame: "f",
    project: {
      configFile: path.join(dir, "verity.config.yml"),
      contentDir,
      cards: [{ file: card, companion: "billing/agent" }, { file: other }, { file: outside }],
      invalidFiles: [],
      config: { minTrustScore: 90 },
    },
    trust: { score: 100, verified: 3, published: 3 } as unknown as RunRecord["trust"],
    own: new Map([[card, [{ ruleId: "Test.Quotes", severity: "warning", message: "Use ‘curly’ quotes — 😀 환불", line: 1, column: 2 }]]]),
    rest: [],
    files: new Map([
      [card, "hash1 pin1"],
      [other, "hash2"],
      [outside, "hash3"],
    ]),
    factsId: "k",
  };
}

describe("the run record", () => {
  it("reads back what was written, as plain ASCII on disk", () => {
    const file = path.join(dir, "lint-run.json");
    const written = record();
    writeRunRecord(file, written);
    const bytes = readFileSync(file);
    expect(bytes.every((byte) => byte < 0x80)).toBe(true);
    // Paths under the content folder are stored relative to it.
    expect(bytes.toString()).not.toContain(`${written.project.contentDir}${path.sep}billing`);
    const read = readRunRecord(file, "k");
    expect(read).toBeDefined();
    const { stored, ...rest } = read!;
    expect(stored?.edited).toEqual([]);
    expect(rest).toEqual(written);
  });

  it("reads a damaged record as no record", () => {
    const file = path.join(dir, "damaged.json");
    writeRunRecord(file, record());
    const data = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    const damaged: Record<string, unknown>[] = [
      { ...data, files: [["a.md"], []] },
      { ...data, files: [["a.md"], [7]] },
      { ...data, own: "nothing" },
      { ...data, project: { ...(data.project as object), cards: [["a.md"]] } },
      { ...data, version: 4 },
    ];
    for (const value of damaged) {
      writeFileSync(file, JSON.stringify(value));
      expect(readRunRecord(file, "k")).toBeUndefined();
    }
  });

  it("tells whether a file entry records a hash as taking the entry apart does", () => {
    for (const value of ["abc", "abc 1:2", "abcd 1:2", "abcd", "ab 1:2", "ab", "xabc 1:2", "abc "]) {
      expect(entryHasHash(value, "abc"), value).toBe(fileEntry(value).hash === "abc");
    }
  });
});
