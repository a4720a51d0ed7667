/**
 * No false positives on the real thing: the bundled demo (content/) is built with Astro and
 * Pagefind, and the leak check of its public site finds no leak and no near copy, while the same
 * check of the internal site (which has every card) finds the internal cards, so it is not blind.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers.ts";
import { runCli, tempDir } from "./helpers.ts";

let out: string;
let buildResult: Awaited<ReturnType<typeof runCli>>;

beforeAll(async () => {
  out = tempDir("demo-leaks");
  buildResult = await runCli(["build", "--root", REPO_ROOT, "--out-dir", out]);
});

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("the demo content", () => {
  it("builds with a clean leak check", () => {
    expect(buildResult.stderr).toMatch(/leak check: \d+ files, \d+ needles, \d+ content files by hash, no internal content \(/);
    expect(buildResult.stderr).not.toContain("leak check warning");
    expect(buildResult.code).toBe(0);
  });

  it("passes verity check-leaks with no finding and no warning", async () => {
    const result = await runCli(["check-leaks", path.join(out, "public"), "--root", REPO_ROOT, "--format", "json"]);
    const json = JSON.parse(result.stdout) as { ok: boolean; findings: unknown[]; warnings: unknown[]; scannedFiles: number; needles: number };
    expect({ findings: json.findings, warnings: json.warnings }).toEqual({ findings: [], warnings: [] });
    expect(json.scannedFiles).toBeGreaterThan(100);
    expect(result.code).toBe(0);
  });

  it("is not blind: the internal site fails the same check", async () => {
    const result = await runCli(["check-leaks", path.join(out, "internal"), "--root", REPO_ROOT, "--format", "json"]);
    const json = JSON.parse(result.stdout) as { findings: { type: string; needle?: { kind: string } }[] };
    expect(result.code).toBe(1);
    const kinds = new Set(json.findings.map((f) => f.needle?.kind ?? f.type));
    for (const kind of ["title", "heading", "body text", "url"]) expect({ kind, seen: kinds.has(kind) }).toEqual({ kind, seen: true });
  });
});
