/**
 * No false positives on the real thing: the bundled demo (content/) is built with Astro and
 * Pagefind, and the leak check of its public site finds no leak and no near copy, while the same
 * check of the internal site (which has every card) finds the internal cards, so it is not blind. The demo build is
 * the one the other site tests read, on the demo's day, and the checks run on that day too.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers.ts";
import { demoBuildWithLog, DEMO_DAY } from "./demo-build.ts";
import { runCli } from "./helpers.ts";

let out: string;
let buildStderr: string;

beforeAll(async () => {
  ({ dir: out, stderr: buildStderr } = await demoBuildWithLog(DEMO_DAY));
});

describe("the demo content", () => {
  it("builds (exit 0) with a clean leak check", () => {
    expect(buildStderr).toMatch(/leak check: \d+ files, \d+ needles, \d+ content files by hash, no internal content \(/);
    expect(buildStderr).not.toContain("leak check warning");
  });

  it("passes verity check-leaks with no finding and no warning", async () => {
    const result = await runCli(["check-leaks", path.join(out, "public"), "--root", REPO_ROOT, "--today", DEMO_DAY, "--format", "json"]);
    const json = JSON.parse(result.stdout) as { ok: boolean; findings: unknown[]; warnings: unknown[]; scannedFiles: number; needles: number };
    expect({ findings: json.findings, warnings: json.warnings }).toEqual({ findings: [], warnings: [] });
    expect(json.scannedFiles).toBeGreaterThan(100);
    expect(result.code).toBe(0);
  });

  it("is not blind: the internal site fails the same check", async () => {
    const result = await runCli(["check-leaks", path.join(out, "internal"), "--root", REPO_ROOT, "--today", DEMO_DAY, "--format", "json"]);
    const json = JSON.parse(result.stdout) as { findings: { type: string; needle?: { kind: string } }[] };
    expect(result.code).toBe(1);
    const kinds = new Set(json.findings.map((f) => f.needle?.kind ?? f.type));
    for (const kind of ["title", "heading", "body text", "url"]) expect({ kind, seen: kinds.has(kind) }).toEqual({ kind, seen: true });
  });
});
