/**
 * The demo's pages as readers use them: on a 390 px phone in both themes no page type scrolls
 * sideways; printing shows the article without navigation chrome; the help center's structured
 * data is valid schema.org; icons, the Open Graph image and the feed exist.
 */
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic, type StaticServer } from "../../src/build/static-server.ts";
import { demoBuild } from "./demo-build.ts";
import { eachAtOnce } from "./helpers.ts";

const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SHOTS = path.join(REPO, "test-results");
const TODAY = "2026-12-01";

let out: string;
let browser: Browser;
let publicSite: StaticServer;
let internalSite: StaticServer;

beforeAll(async () => {
  out = await demoBuild(TODAY);
  publicSite = await serveStatic(path.join(out, "public"));
  internalSite = await serveStatic(path.join(out, "internal"));
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await publicSite?.close();
  await internalSite?.close();
});

/** One page of each type; the card pages are the widest content of the demo. */
const PUBLIC_PAGES = ["", "billing/", "billing/refund-a-payment/", "billing/payment-methods-faq/", "api/set-up-webhooks/", "billing/refund-a-payment-ko/", "tags/", "tags/refunds/", "search/?q=refund", "no-such-page/"];
const INTERNAL_PAGES = [...PUBLIC_PAGES, "health/", "billing/refund-exceptions/", "escalations/escalation-matrix/"];

describe("phones (390 px)", () => {
  for (const scheme of ["light", "dark"] as const) {
    it(`no page of either site scrolls sideways (${scheme})`, async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, colorScheme: scheme });
      const visits = [...PUBLIC_PAGES.map((sitePath) => ({ site: publicSite, sitePath })), ...INTERNAL_PAGES.map((sitePath) => ({ site: internalSite, sitePath }))];
      const tabs = [await context.newPage(), await context.newPage()];
      const widths = await eachAtOnce(visits, tabs.length, async ({ site, sitePath }, worker) => {
        const tab = tabs[worker]!;
        await tab.goto(`${site.url}${sitePath}`);
        await tab.waitForLoadState("load");
        return tab.evaluate(() => document.documentElement.scrollWidth);
      });
      const wide = visits.flatMap(({ site, sitePath }, i) => (widths[i]! > 390 ? [`${site === publicSite ? "public" : "internal"} /${sitePath}: ${widths[i]} px`] : []));
      const page = tabs[0]!;
      await page.goto(`${internalSite.url}billing/refund-exceptions/`);
      await page.screenshot({ path: path.join(SHOTS, `phone-internal-card-${scheme}.png`), fullPage: true });
      await page.goto(`${internalSite.url}health/`);
      await page.screenshot({ path: path.join(SHOTS, `phone-health-${scheme}.png`), fullPage: true });
      await context.close();
      expect(wide).toEqual([]);
    });
  }

  it("shows 'On this page' as a collapsible block above the article", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${publicSite.url}billing/refund-a-payment/`);
    const toc = page.locator("details.toc-top");
    await expect(toc.isVisible()).resolves.toBe(true);
    const tocTop = (await toc.boundingBox())!.y;
    const articleTop = (await page.locator(".card-article").boundingBox())!.y;
    expect(tocTop).toBeLessThan(articleTop);
    expect(await page.locator(".card-layout > .toc").isVisible()).toBe(false);
    await toc.locator("summary").click();
    await expect(page.locator("details.toc-top li a").first().isVisible()).resolves.toBe(true);
    await context.close();
  });
});

describe("search on phones (390 px)", () => {
  it("starts with the filters closed, so the first result is on the first screen; they open from the keyboard and count what is selected", async () => {
    const cases = (["light", "dark"] as const).flatMap((scheme) => ([["public", publicSite], ["internal", internalSite]] as const).map(([name, site]) => ({ scheme, name, site })));
    await eachAtOnce(cases, 2, async ({ scheme, name, site }) => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(`${site.url}search/?q=refund`);
      await page.locator(".results li").first().waitFor();
      const panel = page.locator("[data-search-filter-panel]");
      await panel.locator("[data-filter]").first().waitFor({ state: "attached" });
      expect(await panel.evaluate((d: HTMLDetailsElement) => d.open), name).toBe(false);
      const first = (await page.locator(".results li .result-title").first().boundingBox())!;
      expect(first.y + first.height, `${name} ${scheme}: first result's title ends at ${first.y + first.height}px`).toBeLessThanOrEqual(844);
      await page.screenshot({ path: path.join(SHOTS, `phone-search-${name}-${scheme}.png`) });
      const summary = panel.locator("summary").first();
      expect(await summary.textContent()).toBe("Filters");
      await summary.focus();
      await page.keyboard.press("Enter");
      expect(await panel.evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
      await panel.locator("input[type=checkbox]").first().check();
      await expect.poll(() => summary.textContent()).toBe("Filters (1 active)");
      await context.close();
    });
  });

  it("shows the filters open beside the results on a wide screen", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${internalSite.url}search/?q=refund`);
    await page.locator(".results li").first().waitFor();
    const panel = page.locator("[data-search-filter-panel]");
    await panel.locator("input[type=checkbox]").first().waitFor();
    expect(await panel.evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
    expect(await panel.locator("summary").first().isVisible()).toBe(false);
    expect(await panel.locator("input[type=checkbox]").first().isVisible()).toBe(true);
    await page.close();
  });

  it("fits every search box's placeholder in its box", async () => {
    /** Placeholder text width (in the box's font) and the room inside the box, for each visible search box. */
    const measure = () =>
      [...document.querySelectorAll<HTMLInputElement>("input[type=search]")]
        .filter((input) => input.offsetParent !== null)
        .map((input) => {
          const style = getComputedStyle(input);
          const context = document.createElement("canvas").getContext("2d")!;
          context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          return { id: input.id, placeholder: input.placeholder, text: context.measureText(input.placeholder).width, room: input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) };
        });
    const pages = ["", "billing/refund-a-payment/", "billing/refund-a-payment-ko/", "search/", "no-such-page/"];
    const cut: string[] = [];
    let boxes = 0;
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const tabs = [await context.newPage(), await context.newPage()];
    const visits = (["public", "internal"] as const).flatMap((name) => pages.map((sitePath) => ({ name, sitePath })));
    const measured = await eachAtOnce(visits, tabs.length, async ({ name, sitePath }, worker) => {
      const tab = tabs[worker]!;
      await tab.goto(`${(name === "public" ? publicSite : internalSite).url}${sitePath}`);
      await tab.waitForLoadState("load");
      return tab.evaluate(measure);
    });
    for (const [i, { name, sitePath }] of visits.entries()) {
      for (const box of measured[i]!) {
        boxes++;
        expect(box.placeholder, `${name} /${sitePath} #${box.id}`).not.toBe("");
        if (box.text > box.room) cut.push(`${name} /${sitePath} #${box.id}: "${box.placeholder}" is ${Math.ceil(box.text)} px in ${Math.floor(box.room)} px`);
      }
    }
    await context.close();
    expect(boxes).toBeGreaterThanOrEqual(pages.length * 2);
    expect(cut).toEqual([]);
    // Where it fits, the help center's home keeps its full placeholder with the example.
    const wide = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await wide.goto(publicSite.url);
    expect(await wide.locator("#hero-search").getAttribute("placeholder")).toBe("Describe your question, e.g. refund a payment");
    await wide.close();
  });
});

describe("printing", () => {
  it("prints the article without header, search, theme toggle or footer", async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 1000 } });
    await page.emulateMedia({ media: "print" });
    await page.goto(`${internalSite.url}billing/refund-exceptions/`);
    const shown = await page.evaluate(() =>
      [".site-header", ".site-footer", ".search-form", ".theme-toggle", ".pager", ".related", ".toc"].filter((selector) =>
        [...document.querySelectorAll(selector)].some((el) => getComputedStyle(el).display !== "none"),
      ),
    );
    expect(shown).toEqual([]);
    expect(await page.locator(".card-article h1").isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, "print-internal-card.png"), fullPage: true });
    await page.close();
  });
});

interface Thing {
  "@type": string;
  [key: string]: unknown;
}

function structuredData(html: string): Thing[] {
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as { "@context": string; "@graph": Thing[] });
  expect(blocks).toHaveLength(1);
  expect(blocks[0]!["@context"]).toBe("https://schema.org");
  return blocks[0]!["@graph"];
}

describe("structured data and sharing", () => {
  const page = (...parts: string[]) => readFileSync(path.join(out, ...parts, "index.html"), "utf8");

  it("gives every public card an Article and a BreadcrumbList with the properties search engines require", () => {
    const graph = structuredData(page("public", "billing", "refund-a-payment"));
    const article = graph.find((t) => t["@type"] === "Article")!;
    expect(article.headline).toBe("Refund a card payment");
    expect(String(article.headline).length).toBeLessThanOrEqual(110);
    expect(article.url).toBe("https://help.lumen.example/billing/refund-a-payment/");
    expect(article.image).toBe("https://help.lumen.example/og-image.png");
    expect(article.dateModified).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect((article.author as Thing)["@type"]).toBe("Organization");
    const crumbs = graph.find((t) => t["@type"] === "BreadcrumbList")!;
    const items = crumbs.itemListElement as { "@type": string; position: number; name: string; item: string }[];
    expect(items.map((i) => i.position)).toEqual([1, 2, 3]);
    for (const item of items) {
      expect(item["@type"]).toBe("ListItem");
      expect(item.name).not.toBe("");
      expect(new URL(item.item).origin).toBe("https://help.lumen.example");
    }
  });

  it("marks FAQ cards as FAQPage, each question with its answer text and no HTML", () => {
    const faq = structuredData(page("public", "billing", "payment-methods-faq")).find((t) => t["@type"] === "FAQPage")!;
    const questions = faq.mainEntity as { "@type": string; name: string; acceptedAnswer: { "@type": string; text: string } }[];
    expect(questions.length).toBeGreaterThanOrEqual(4);
    for (const q of questions) {
      expect(q["@type"]).toBe("Question");
      expect(q.name).toMatch(/\?$/);
      expect(q.acceptedAnswer["@type"]).toBe("Answer");
      expect(q.acceptedAnswer.text.length).toBeGreaterThan(20);
      expect(q.acceptedAnswer.text).not.toMatch(/<|-->/);
    }
    expect(structuredData(page("public", "billing", "refund-a-payment")).some((t) => t["@type"] === "FAQPage")).toBe(false);
  });

  it("has no structured data on the internal wiki, which search engines never index", () => {
    expect(page("internal", "billing", "refund-a-payment")).not.toContain("application/ld+json");
  });

  it("serves icons, an Open Graph image and an Atom feed of public cards only", async () => {
    for (const file of ["favicon.ico", "favicon.svg", "og-image.png"]) {
      const response = await fetch(`${publicSite.url}${file}`);
      expect(response.status, file).toBe(200);
    }
    const home = page("public");
    expect(home).toContain('rel="icon"');
    expect(home).toContain('property="og:image" content="https://help.lumen.example/og-image.png"');
    const feed = readFileSync(path.join(out, "public", "feed.xml"), "utf8");
    expect(feed).toContain("<feed xmlns=\"http://www.w3.org/2005/Atom\">");
    expect(feed).toContain("https://help.lumen.example/billing/refund-a-payment/");
    expect(feed).not.toContain("refund-exceptions");
    const sitemap = readFileSync(path.join(out, "public", "sitemap.xml"), "utf8");
    expect(sitemap).toMatch(/<lastmod>\d{4}-\d\d-\d\d<\/lastmod>/);
  });
});
