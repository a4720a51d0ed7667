/**
 * An attachment is read when the build decides it may be published, and the site gets exactly
 * those bytes: a working tree that changes while Astro builds (a checkout or pull during a build)
 * cannot put other bytes, or a file outside the project, into the public site.
 */
import { appendFileSync, cpSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prepareBuild, runBuild, type BuildOptions } from "../../src/build/build-sites.ts";
import { loadProject } from "../../src/core/project/project.ts";
import { FIXTURES, tempDir, TODAY } from "./helpers.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const SAFE_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text x="1" y="9">Refund flow</text></svg>\n';

describe("an attachment changed after the build approved it", () => {
  it("is published with the bytes it had when it was approved, not the working tree's at copy time", async () => {
    const dir = tempDir("snapshot");
    dirs.push(dir);
    const root = path.join(dir, "project");
    cpSync(path.join(FIXTURES, "basic"), root, { recursive: true });
    const card = path.join(root, "content", "billing", "refund-a-payment.md");
    appendFileSync(card, "\n![The refund flow](refund-flow.svg)\n");
    const svg = path.join(root, "content", "billing", "refund-flow.svg");
    writeFileSync(svg, SAFE_SVG);
    const png = path.join(root, "content", "billing", "refund-button.png");
    const pngBytes = readFileSync(png);
    const outside = path.join(dir, "outside-secret.txt");
    writeFileSync(outside, "OUTSIDE-THE-PROJECT secret 7731\n");

    const outDir = path.join(dir, "dist");
    const options: BuildOptions = { sites: ["public"], outDir, progress: () => {} };
    const prepared = await prepareBuild(loadProject({ cwd: root, today: TODAY }), options);
    // The decision is made; Astro copies the files seconds later, when its pages are generated.
    writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg"><text>INTERNAL ONLY: escalation code 4471</text></svg>\n');
    rmSync(png);
    symlinkSync(outside, png);
    await runBuild(prepared, options);

    const published = (rel: string) => readFileSync(path.join(outDir, "public", "_files", ...rel.split("/")));
    expect(published("billing/refund-flow.svg").toString("utf8")).toBe(SAFE_SVG);
    expect(published("billing/refund-button.png").equals(pngBytes)).toBe(true);
  }, 240_000);
});
