/** `verity build` on a fixture: what each site contains, page details, and the atomic swap. */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadProject } from "../../src/core/project/project.ts";
import { computeTrustScore } from "../../src/core/verification/verification.ts";
import { fixtureBuild } from "./demo-build.ts";
import { buildFixture, FIXTURES, listFiles, tempDir, TODAY } from "./helpers.ts";

let out: string;
let stderr: string;
const page = (site: string, sitePath: string) => readFileSync(path.join(out, site, sitePath, "index.html"), "utf8");
const has = (site: string, sitePath: string) => existsSync(path.join(out, site, sitePath, "index.html"));

// The build other site tests read too (it exited 0).
beforeAll(async () => {
  ({ dir: out, stderr } = await fixtureBuild("basic"));
  expect(stderr).toContain("verity build: done");
});

describe("the public help center", () => {
  it("has published external cards only", () => {
    expect(has("public", "billing/refund-a-payment")).toBe(true);
    expect(has("public", "billing/payment-methods")).toBe(true);
    expect(has("public", "account/roles-ko")).toBe(true);
    expect(has("public", "billing/refund-exceptions")).toBe(false);
    expect(has("public", "billing/draft-card")).toBe(false);
    expect(has("public", "escalations")).toBe(false);
    expect(has("public", "escalations/severity-levels")).toBe(false);
    const home = page("public", "");
    expect(home).toContain("Billing");
    expect(home).not.toContain("Escalations");
    expect(home).toMatch(/2 articles/);
  });

  it("sets lang, canonical and Open Graph tags, and no noindex", () => {
    const ko = page("public", "account/roles-ko");
    expect(ko).toMatch(/<html lang="ko"/);
    expect(ko).toContain('<link rel="canonical" href="https://help.acme.test/account/roles-ko/"');
    expect(ko).toContain('property="og:title" content="사용자 역할과 권한"');
    expect(ko).not.toContain("noindex");
    expect(page("public", "billing/refund-a-payment")).toMatch(/<html lang="en"/);
  });

  it("gives headings the ids lint checks, rewrites card links and shows contents for long cards", () => {
    const project = loadProject({ cwd: FIXTURES, root: path.join(FIXTURES, "basic"), today: TODAY });
    const card = project.cards.find((c) => c.id === "billing/refund-a-payment")!;
    const html = page("public", "billing/refund-a-payment");
    for (const heading of card.headings) expect(html).toContain(`id="${heading.id}"`);
    expect(card.headings.map((h) => h.id)).toEqual(["before-you-start", "steps", "steps-1", "after-the-refund"]);
    expect(html).toContain('href="../payment-methods/#supported-cards"');
    expect(html).toContain('aria-label="On this page"');
    expect(html).toContain('href="#steps-1"');
    expect(page("public", "billing/payment-methods")).not.toContain('aria-label="On this page"');
  });

  it("links related cards by tag, previous and next in the collection, tags and breadcrumbs", () => {
    const html = page("public", "billing/refund-a-payment");
    expect(html).toContain('aria-label="Breadcrumb"');
    expect(html).toMatch(/<a href="\/billing\/">Billing<\/a>/);
    expect(html).toMatch(/Related articles[\s\S]*Payment methods/);
    expect(html).toMatch(/rel="prev"[^>]*>[\s\S]*Payment methods/);
    expect(html).toContain('href="/tags/refunds/"');
    expect(page("public", "tags/refunds")).toContain("Refund a payment");
    expect(page("public", "tags/refunds")).not.toContain("Refund exceptions");
  });

  it("publishes the files its cards refer to, and no file only internal cards use", () => {
    expect(page("public", "billing/refund-a-payment")).toContain('<img src="../../_files/billing/refund-button.png" alt="The Refund button"');
    expect(existsSync(path.join(out, "public", "_files", "billing", "refund-button.png"))).toBe(true);
    expect(existsSync(path.join(out, "public", "_files", "billing", "agent-script.txt"))).toBe(false);
    expect(existsSync(path.join(out, "internal", "_files", "billing", "agent-script.txt"))).toBe(true);
    expect(page("internal", "billing/refund-exceptions")).toContain('href="../../_files/billing/agent-script.txt"');
  });

  it("turns aliases into redirect pages", () => {
    const html = page("public", "billing/old-refunds");
    expect(html).toContain('http-equiv="refresh" content="0; url=/billing/refund-a-payment/"');
    expect(html).toContain('<link rel="canonical" href="https://help.acme.test/billing/refund-a-payment/"');
  });

  it("has a sitemap, robots.txt, a search page, a 404 page, the support link and no feedback widget", () => {
    const sitemap = readFileSync(path.join(out, "public", "sitemap.xml"), "utf8");
    expect(sitemap).toContain("<loc>https://help.acme.test/billing/refund-a-payment/</loc>");
    expect(sitemap).not.toContain("refund-exceptions");
    expect(readFileSync(path.join(out, "public", "robots.txt"), "utf8")).toContain("Sitemap: https://help.acme.test/sitemap.xml");
    expect(has("public", "search")).toBe(true);
    expect(readFileSync(path.join(out, "public", "404.html"), "utf8")).toContain('role="search"');
    expect(page("public", "")).toContain('href="https://acme.test/contact"');
    expect(page("public", "billing/refund-a-payment")).not.toContain("Was this helpful?");
  });

  it("refers to no other host: no external scripts, styles or fonts", () => {
    for (const file of listFiles(path.join(out, "public")).filter((f) => f.endsWith(".html") || f.endsWith(".css"))) {
      const text = readFileSync(file, "utf8");
      expect(text).not.toMatch(/<(script|link)[^>]+(src|href)="(https?:)?\/\/(?!help\.acme\.test)/);
      expect(text).not.toMatch(/@import|url\(\s*["']?https?:/);
    }
  });

  it("indexes Korean and Chinese cards in their own Pagefind languages", () => {
    const entry = JSON.parse(readFileSync(path.join(out, "public", "pagefind", "pagefind-entry.json"), "utf8"));
    expect(Object.keys(entry.languages).sort()).toEqual(["en", "ko", "zh"]);
    expect(entry.languages.en.page_count).toBe(2);
  });
});

describe("the internal wiki", () => {
  it("has every published card of both audiences, under its base path, and no drafts", () => {
    expect(has("internal", "billing/refund-exceptions")).toBe(true);
    expect(has("internal", "escalations/severity-levels")).toBe(true);
    expect(has("internal", "billing/refund-a-payment")).toBe(true);
    expect(has("internal", "billing/draft-card")).toBe(false);
    expect(page("internal", "")).toContain('href="/wiki/escalations/"');
  });

  it("is noindex everywhere, disallows robots and has no sitemap", () => {
    for (const file of listFiles(path.join(out, "internal")).filter((f) => f.endsWith(".html"))) {
      const html = readFileSync(file, "utf8");
      if (html.includes('http-equiv="refresh"')) expect(html).toContain("noindex");
      else expect({ file, noindex: html.includes('<meta name="robots" content="noindex, nofollow"') }).toEqual({ file, noindex: true });
    }
    expect(readFileSync(path.join(out, "internal", "robots.txt"), "utf8")).toBe("User-agent: *\nDisallow: /\n");
    expect(existsSync(path.join(out, "internal", "sitemap.xml"))).toBe(false);
  });

  it("shows audience and verification badges, owner, verify_by, history and the edit link", () => {
    const expired = page("internal", "billing/refund-exceptions");
    expect(expired).toContain("Internal only: do not share");
    expect(expired).toMatch(/Expired 3651 days ago \(2020-01-01\)/);
    expect(expired).toContain('class="banner banner-expired"');
    expect(expired).toContain("@acme/support-leads");
    // Dates are written in the page's language, with the ISO day in <time datetime>.
    expect(expired).toContain('Verify by</dt> <dd><time datetime="2020-01-01">January 1, 2020</time>');
    expect(expired).toContain('href="https://github.com/acme/kb/edit/main/content/billing/refund-exceptions.md"');
    expect(expired).toMatch(/Last changed<\/dt>\s*<dd>(<time datetime="\d{4}-\d{2}-\d{2}">[A-Z][a-z]+ \d{1,2}, \d{4}<\/time> by .+|not committed yet)<\/dd>/);
    expect(expired).toContain('href="../refund-a-payment/#steps"');

    const external = page("internal", "billing/refund-a-payment");
    expect(external).toContain("Public: link for customers");
    expect(external).toContain('href="https://help.acme.test/billing/refund-a-payment/"');
    expect(external).toContain("Verified until 2099-01-31");
    expect(external).not.toContain("banner-expired");
    expect(page("internal", "escalations/expiring-soon")).toContain("Expires in 6 days (2030-01-05)");
  });

  it("carries Pagefind filters for collection, tag, audience, status and owner, and weighs titles", () => {
    const html = page("internal", "billing/refund-exceptions");
    for (const filter of ["collection:Billing", "tag:refunds", "audience:Internal", "status:Expired", "owner:@acme/support-leads"]) {
      expect(html).toContain(`data-pagefind-filter="${filter}"`);
    }
    expect(html).toMatch(/<h1 data-pagefind-weight="10"/);
  });

  it("has a knowledge-health page with the trust score from core and cards to re-check by owner", () => {
    const project = loadProject({ cwd: FIXTURES, root: path.join(FIXTURES, "basic"), today: TODAY });
    const trust = computeTrustScore(project.cards, project.policy);
    const html = page("internal", "health");
    expect(html).toContain(`data-trust-score>${trust.score}%`);
    expect(html).toMatch(/data-owner="@acme\/support-leads"[\s\S]*Refund exceptions for agents[\s\S]*Weekend on-call rota/);
    expect(has("public", "health")).toBe(false);
  });
});

describe("verity build", () => {
  it("reports progress on stderr", () => {
    expect(stderr).toContain("lint passed");
    expect(stderr).toMatch(/leak check: \d+ files/);
  });

  it("stops on lint errors, exits 1 and leaves the previous output untouched", async () => {
    const dir = tempDir("broken");
    try {
      mkdirSync(path.join(dir, "public"), { recursive: true });
      writeFileSync(path.join(dir, "public", "index.html"), "previous build");
      const result = await buildFixture("broken", dir);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/bad\.md[\s\S]*8:5\s+error\s+Broken link to missing\.md/);
      expect(result.stderr).toContain("nothing was built");
      expect(readFileSync(path.join(dir, "public", "index.html"), "utf8")).toBe("previous build");
      expect(listFiles(dir)).toEqual([path.join(dir, "public", "index.html")]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("fails a build whose public output leaks, names the leak and keeps the previous output", async () => {
    const dir = tempDir("leaky");
    try {
      mkdirSync(path.join(dir, "public"), { recursive: true });
      writeFileSync(path.join(dir, "public", "index.html"), "previous build");
      const result = await buildFixture("leaky", dir);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("The public site contains internal content, so it was not published");
      expect(result.stderr).toMatch(/internal card content\/help\/bridge-numbers\.md's title "Escalation bridge phone numbers" found in index\.html \(the home page\) — likely cause: /);
      expect(listFiles(dir)).toEqual([path.join(dir, "public", "index.html")]);
      expect(readFileSync(path.join(dir, "public", "index.html"), "utf8")).toBe("previous build");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("leaves the previous output untouched when interrupted, and cleans up its temporary folders", async () => {
    const dir = tempDir("interrupted");
    try {
      mkdirSync(path.join(dir, "public"), { recursive: true });
      writeFileSync(path.join(dir, "public", "index.html"), "previous build");
      const bin = path.resolve(FIXTURES, "../../../cli/bin.js");
      const child = spawn(process.execPath, [bin, "build", "--root", path.join(FIXTURES, "basic"), "--out-dir", dir, "--today", TODAY], { stdio: ["ignore", "ignore", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes("building the") && !child.killed) child.kill("SIGINT");
      });
      const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on("exit", (c, s) => resolve([c, s])));
      expect(code === 0 && signal === null).toBe(false);
      expect(readdirSync(dir)).toEqual(["public"]);
      expect(readFileSync(path.join(dir, "public", "index.html"), "utf8")).toBe("previous build");
      const cache = path.resolve(FIXTURES, "../../../.verity-cache");
      const leftovers = existsSync(cache) ? readdirSync(cache).filter((name) => name.startsWith(`build-${child.pid}-`)) : [];
      expect(leftovers).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("builds one site with --site and keeps the other site's previous output", async () => {
    const dir = tempDir("one-site");
    try {
      mkdirSync(path.join(dir, "internal"), { recursive: true });
      writeFileSync(path.join(dir, "internal", "marker.txt"), "kept");
      const result = await buildFixture("basic", dir, ["--site", "public"]);
      expect(result.code).toBe(0);
      expect(existsSync(path.join(dir, "public", "index.html"))).toBe(true);
      expect(readFileSync(path.join(dir, "internal", "marker.txt"), "utf8")).toBe("kept");
      expect(listFiles(dir).some((f) => f.includes(".dist-"))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("rejects an unknown site with exit 2", async () => {
    const dir = tempDir("unknown");
    const result = await buildFixture("basic", dir, ["--site", "intranet"]);
    rmSync(dir, { recursive: true, force: true });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown site "intranet"');
  });
});
