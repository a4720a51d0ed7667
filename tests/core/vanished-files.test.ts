/**
 * A card removed while Verity reads the cards (git checkout switching branches, an editor that saves
 * by moving the old file away first, a script): the run stops with a message naming the file and
 * what to do, exit 2, never an "internal error ... This is a bug in Verity".
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FileVanishedError, readRegularFile, readTextFile } from "../../src/core/cards/safe-read.ts";
import { readAndHash } from "../../src/core/lint/file-states.ts";
import { exampleCard } from "../../src/core/lint/rule-model.ts";
import { loadProject } from "../../src/core/project/project.ts";
import { makeProject, makeTempDir, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

describe("a file removed after its folder was listed", () => {
  it("stops loading the cards with a message naming it, exit 2", () => {
    const dir = makeProject({
      "content/c/a.md": exampleCard({ title: "A" }, "Text.\n"),
      "content/c/b.md": exampleCard({ title: "B" }, "Text.\n"),
    });
    const gone = path.join(dir, "content/c/b.md");
    let error: unknown;
    try {
      // The first card loaded removes the other one, as another program would meanwhile.
      loadProject({ cwd: dir, today: "2026-12-07" }, { onCard: () => rmSync(gone, { force: true }) });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FileVanishedError);
    const vanished = error as FileVanishedError;
    expect(vanished.exitCode).toBe(2);
    expect(vanished.message).toContain(gone);
    expect(vanished.message).toMatch(/removed while Verity was reading/);
    expect(vanished.hint).toMatch(/again/);
  });

  it("is named the same way when it is read or hashed for the lint cache", () => {
    const missing = path.join(makeTempDir(), "gone.md");
    expect(() => readRegularFile(missing)).toThrow(FileVanishedError);
    expect(() => readAndHash(missing)).toThrow(FileVanishedError);
  });

  it("is no error for a file that may be missing (a configuration file, CODEOWNERS)", () => {
    const dir = makeTempDir();
    expect(readTextFile(path.join(dir, "CODEOWNERS"))).toEqual({ kind: "missing" });
    expect(readTextFile(path.join(dir, "no-folder", "CODEOWNERS"))).toEqual({ kind: "missing" });
  });
});
