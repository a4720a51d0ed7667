/**
 * The canary test: internal and draft cards carry unique canary strings in every frontmatter field,
 * the file name and the body. After a real build, none may appear anywhere in the public site
 * (including the decompressed Pagefind index), while the internal site has every one of them, so
 * the check is proven to see them.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadProject } from "../../src/core/project/project.ts";
import { checkLeaks } from "../../src/build/leak-scan.ts";
import { buildFixture, FIXTURES, readSite, runCli, tempDir, TODAY } from "./helpers.ts";

/** Canaries of internal cards: they must be on the internal site and nowhere on the public one. */
const INTERNAL_CANARIES = [
  "QX7-TITLE-b3f9", // title
  "QX7-DESC-m2p4", // description
  "cnry-tag-r6t3", // tag
  "cnry-owner-z8w1", // owner
  "cnry-id-y2u6", // id
  "cnry-alias-n9c4", // alias (a redirect page's folder name)
  "cnry-file-slug-k4v8", // file name / URL
  "QX7-BODY-w1e8", // body
  "QX7-HEAD-v6g2", // heading
  "QX7-NUM-f3k7", // body
  "QX7-SECOND-j9h1", // card in an internal-only collection
  "QX7-SECONDBODY-a6q3",
  "cnry-second-card-l3o8",
  "QX7-COLL-t5y9", // internal-only collection title
];
/** Canaries of a draft card: on neither site. */
const DRAFT_CANARIES = ["QX7-DRAFT-c8x2", "QX7-DRAFTBODY-u4n7", "cnry-draft-slug-p1a5"];

let out: string;

beforeAll(async () => {
  out = tempDir("canary");
  const result = await buildFixture("canary", out);
  expect(result.stderr).toContain("leak check");
  expect(result.code).toBe(0);
});

afterAll(() => rmSync(out, { recursive: true, force: true }));

function sitesContaining(dir: string, needle: string): string[] {
  const lower = needle.toLowerCase();
  return readSite(dir).filter((f) => f.text.toLowerCase().includes(lower)).map((f) => f.file);
}

describe("canary strings", () => {
  it("are nowhere in the public site: HTML, assets, sitemap, Pagefind index and fragments, file names", () => {
    const publicDir = path.join(out, "public");
    expect(existsSync(path.join(publicDir, "pagefind", "pagefind-entry.json"))).toBe(true);
    for (const canary of [...INTERNAL_CANARIES, ...DRAFT_CANARIES]) {
      expect({ canary, files: sitesContaining(publicDir, canary) }).toEqual({ canary, files: [] });
    }
    // The public card is there, so the scan looked at a real site.
    expect(sitesContaining(publicDir, "Forgot password").length).toBeGreaterThan(0);
    // The feedback widget (configured here) posts the public card's own id.
    const card = readFileSync(path.join(publicDir, "help", "reset-your-password", "index.html"), "utf8");
    expect(card).toContain('data-endpoint="https://feedback.canary.test/vote" data-card="help/reset-your-password"');
  });

  it("leave out Pagefind's own search interfaces, which the sites do not use: their phrases (Search failed, an internal heading here) are no card's", () => {
    for (const site of ["public", "internal"]) {
      const files = readdirSync(path.join(out, site, "pagefind"));
      expect(files).toContain("pagefind.js");
      expect(files.filter((f) => /^pagefind-(ui|modular-ui|component-ui|highlight)\./.test(f))).toEqual([]);
    }
  });

  it("are all in the internal site, including inside the decompressed Pagefind fragments", async () => {
    const internalDir = path.join(out, "internal");
    for (const canary of INTERNAL_CANARIES) {
      expect({ canary, found: sitesContaining(internalDir, canary).length > 0 }).toEqual({ canary, found: true });
    }
    for (const canary of ["QX7-TITLE-b3f9", "QX7-BODY-w1e8", "QX7-SECONDBODY-a6q3"]) {
      const inIndex = sitesContaining(internalDir, canary).filter((f) => f.startsWith("pagefind/fragment/"));
      expect({ canary, inIndex: inIndex.length > 0 }).toEqual({ canary, inIndex: true });
    }
    for (const canary of DRAFT_CANARIES) expect(sitesContaining(internalDir, canary)).toEqual([]);
  });

  it("are seen by the leak scanner in the internal output, kind by kind", async () => {
    const project = loadProject({ cwd: FIXTURES, root: path.join(FIXTURES, "canary"), today: TODAY });
    const report = await checkLeaks(project, path.join(out, "internal"));
    const kinds = new Set(report.findings.flatMap((f) => (f.needle ? report.needles.filter((n) => n.text === f.needle!.text).map((n) => n.kind) : [])));
    for (const kind of ["id", "url", "title", "description", "tag", "owner", "alias", "file name", "heading", "body text", "collection"]) {
      expect({ kind, seen: kinds.has(kind as never) }).toEqual({ kind, seen: true });
    }
    expect(report.findings.some((f) => f.file.startsWith("pagefind/") && f.needle?.kind === "body text")).toBe(true);
    // "passwords" is a tag of the internal canary card and of the public card: it is searched for
    // (never skipped because public content has it), and the public site, which has it only on the
    // public card's pages and the whole-site files, passes.
    expect(report.needles.some((n) => n.text === "passwords")).toBe(true);
    expect(report.skipped.some((s) => s.text === "passwords")).toBe(false);
    expect((await checkLeaks(project, path.join(out, "public"))).findings).toEqual([]);
  });
});

describe("verity check-leaks", () => {
  it("passes on the built public site", async () => {
    const result = await runCli(["check-leaks", path.join(out, "public"), "--root", path.join(FIXTURES, "canary")]);
    expect(result.stdout).toMatch(/No leaks: \d+ files scanned/);
    expect(result.code).toBe(0);
  });

  it("exits 1 and names file, needle and card when an internal page is planted in the public output", async () => {
    const planted = tempDir("planted");
    try {
      cpSync(path.join(out, "public"), planted, { recursive: true });
      cpSync(path.join(out, "internal", "help", "cnry-file-slug-k4v8", "index.html"), path.join(planted, "help", "copied.html"));
      const result = await runCli(["check-leaks", planted, "--root", path.join(FIXTURES, "canary")]);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain("help/copied.html");
      expect(result.stdout).toContain('internal card content/help/cnry-file-slug-k4v8.md\'s title "Canary title QX7-TITLE-b3f9" found in help/copied.html');
      expect(result.stdout).toContain("likely cause:");
    } finally {
      rmSync(planted, { recursive: true, force: true });
    }
  });

  it("finds text inside a gzip-compressed Pagefind fragment", async () => {
    const planted = tempDir("planted-fragment");
    try {
      cpSync(path.join(out, "public"), planted, { recursive: true });
      const fragments = readSite(path.join(out, "internal")).filter((f) => f.file.startsWith("pagefind/fragment/") && f.text.includes("QX7-BODY-w1e8"));
      expect(fragments.length).toBeGreaterThan(0);
      const source = path.join(out, "internal", fragments[0]!.file);
      cpSync(source, path.join(planted, "pagefind", "fragment", "planted.pf_fragment"));
      expect(readFileSync(source)[0]).toBe(0x1f);
      const result = await runCli(["check-leaks", planted, "--root", path.join(FIXTURES, "canary")]);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain("pagefind/fragment/planted.pf_fragment");
    } finally {
      rmSync(planted, { recursive: true, force: true });
    }
  });

  it("exits 2 for a folder that does not exist", async () => {
    const result = await runCli(["check-leaks", path.join(out, "nope"), "--root", path.join(FIXTURES, "canary")]);
    expect(result.code).toBe(2);
  });
});
