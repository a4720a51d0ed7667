/**
 * Whole-file writes (safe-write.ts): what they do to the name they are given, and a termination
 * signal that arrives while one is under way.
 */
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { replaceFileIfUnchanged, writeFileWhole } from "../../src/core/cards/safe-write.ts";
import { makeTempDir, removeTemps, REPO_ROOT } from "../helpers.ts";

afterAll(removeTemps);

const SAFE_WRITE = pathToFileURL(path.join(REPO_ROOT, "src/core/cards/safe-write.ts")).href;

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

