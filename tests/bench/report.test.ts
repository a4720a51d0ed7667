import { describe, expect, it } from "vitest";
import type { BenchContext } from "../../bench/lib/context.ts";
import { computeRatios, evaluateTargets, renderMarkdown, type BenchResults } from "../../bench/lib/report.ts";
import { summarise } from "../../bench/lib/stats.ts";

function context(): BenchContext {
  return {
    repoRoot: "/repo",
    workDir: "/repo/bench/.work",
    cliBin: "/repo/cli/bin.js",
    node: "node",
    options: { sections: ["lint", "build"], sizes: [5000], scaleSizes: [5000], changedSize: 5000, searchSize: 5000, runs: undefined, seed: 42, today: "2026-12-01", quick: false, starlightFullSidebar: false, outDir: "/tmp" },
    log: () => {},
    corpora: new Map(),
    rows: [
      { id: "lint-cold-5000", section: "lint", cards: 5000, label: "verity lint, cold (no cache)", status: "ok", wall: summarise([2000, 2200, 2100]) },
      { id: "lint-one-changed-5000", section: "lint", cards: 5000, label: "verity lint, cache warm, one card edited", status: "ok", wall: summarise([480, 520, 510]) },
      { id: "parse-remark-5000", section: "lint", cards: 5000, label: "parse only: remark-parse", status: "ok", wall: summarise([6500]), inProcess: summarise([6300]) },
      { id: "build-verity-5000", section: "build", cards: 5000, label: "verity build", status: "not-available", reason: "verity build does not exist yet" },
      { id: "build-starlight-5000", section: "build", cards: 5000, label: "Starlight", status: "failed", reason: "exited with 1: boom | bang" },
    ],
    notes: [],
    peers: {},
    growth: {},
    search: undefined,
  };
}

describe("bench report", () => {
  it("computes ratios pair by pair, in-process time for the parse floors", () => {
    const ratios = computeRatios(context());
    expect(ratios).toHaveLength(1);
    expect(ratios[0]!.value).toBeCloseTo(6300 / 2100, 6);
  });

  it("judges targets only on what was measured, and renders rows that are not available or failed", () => {
    const ctx = context();
    const ratios = computeRatios(ctx);
    const targets = evaluateTargets(ctx, ratios);
    expect(targets.find((t) => t.target.includes("remark-parse"))?.met).toBe(true);
    // The median of 480, 520 and 510 ms is over the half second.
    const edited = targets.find((t) => t.target.includes("after editing one"))!;
    expect(edited.measured).toBe("510 ms");
    expect(edited.met).toBe(false);
    const build = targets.find((t) => t.target.includes("Starlight"))!;
    expect(build.met).toBeUndefined();
    expect(build.measured).toContain("does not exist yet");
    const now = new Date().toISOString();
    const results: BenchResults = {
      date: now.slice(0, 10), startedAt: now, finishedAt: now, seconds: 1, command: "npm run bench",
      machine: { cpuModel: "cpu", cores: 2, memoryGb: 24, node: "v24", os: "linux", gitCommit: undefined },
      options: ctx.options, corpora: {}, peers: {}, sections: [], rows: ctx.rows, ratios, growth: {}, search: undefined, targets, notes: [],
    };
    const markdown = renderMarkdown(results);
    expect(markdown).toContain("| verity build | 5000 | not available |");
    expect(markdown).toContain("| Starlight | 5000 | failed |");
    expect(markdown).toContain("boom \\| bang");
    expect(markdown).toContain("3.00x");
  });
});
