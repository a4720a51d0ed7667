/**
 * The built sites in a real browser (playwright-core + Debian's Chromium), served on 127.0.0.1:
 * search on both sites with filters and CJK queries, navigation, 404, themes, no third-party
 * requests, and screenshots of the demo content for people to look at.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic, type StaticServer } from "../../src/build/static-server.ts";
import { eachAtOnce, TODAY } from "./helpers.ts";
import { demoBuild, fixtureBuild } from "./demo-build.ts";

const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SHOTS = path.join(REPO, "test-results");

let out: string;
let browser: Browser;
let publicSite: StaticServer;
let internalSite: StaticServer;

beforeAll(async () => {
  out = (await fixtureBuild("basic")).dir;
  publicSite = await serveStatic(path.join(out, "public"));
  internalSite = await serveStatic(path.join(out, "internal"), { base: "/wiki/" });
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await publicSite?.close();
  await internalSite?.close();
});

async function open(url: string): Promise<Page> {
  const page = await browser.newPage();
  // The wiki recomputes statuses on the reader's day: read it on the day the fixture was built.
  await page.clock.setFixedTime(new Date(`${TODAY}T12:00:00Z`));
  await page.goto(url);
  return page;
}

async function searchResults(page: Page): Promise<{ title: string; url: string; audience: string | null }[]> {
  await page.waitForFunction(() => /result|No results/.test(document.querySelector("[data-search-status]")?.textContent ?? ""));
  return page.$$eval("[data-search-results] li", (items) =>
    items.map((li) => ({ title: li.querySelector(".result-title")?.textContent ?? "", url: (li as HTMLElement).dataset.url ?? "", audience: (li as HTMLElement).dataset.audience ?? null })),
  );
}

describe("public help center", () => {
  it("search finds an external card by an English word and never an internal card", async () => {
    const page = await open(`${publicSite.url}search/?q=refund`);
    const results = await searchResults(page);
    expect(results.map((r) => r.title)).toContain("Refund a payment");
    expect(results.map((r) => r.title)).not.toContain("Refund exceptions for agents");
    expect(results.every((r) => !r.url.includes("refund-exceptions"))).toBe(true);
    await page.fill("#search-input", "goodwill");
    await page.waitForFunction(() => /No results/.test(document.querySelector("[data-search-status]")?.textContent ?? ""));
    await page.close();
  });

  it("finds the Korean and Chinese cards by words in them", async () => {
    const page = await open(`${publicSite.url}search/?q=${encodeURIComponent("환불")}`);
    expect((await searchResults(page)).map((r) => r.url)).toContain("/account/roles-ko/");
    await page.goto(`${publicSite.url}search/?q=${encodeURIComponent("退款")}`);
    expect((await searchResults(page)).map((r) => r.url)).toContain("/account/roles-zh/");
    await page.close();
  });

  it("opens search from the header box with the keyboard", async () => {
    const page = await open(`${publicSite.url}billing/`);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
    await page.focus("#header-search");
    await page.keyboard.type("payment methods");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\/\?q=payment\+methods/);
    const results = await searchResults(page);
    expect(results[0]?.title).toBe("Payment methods");
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => document.activeElement?.classList.contains("result-link"))).toBe(true);
    await page.close();
  });

  it("breadcrumbs and collection navigation lead between home, collection and cards", async () => {
    const page = await open(publicSite.url);
    await page.click("a.tile:has-text('Billing')");
    await page.waitForURL(/\/billing\/$/);
    await page.click("a.item:has-text('Refund a payment')");
    await page.waitForURL(/\/billing\/refund-a-payment\/$/);
    await page.click("nav.pager a[rel=prev]");
    await page.waitForURL(/\/billing\/payment-methods\/$/);
    await page.click("nav.breadcrumbs a:has-text('Billing')");
    await page.waitForURL(/\/billing\/$/);
    await page.click("nav.breadcrumbs a:has-text('Home')");
    expect(new URL(page.url()).pathname).toBe("/");
    await page.close();
  });

  it("shows the 404 page with a search box for a missing URL", async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${publicSite.url}no/such/page/`);
    expect(response?.status()).toBe(404);
    expect(await page.textContent("h1")).toContain("couldn’t find");
    expect(await page.locator("form[role=search] input[name=q]").count()).toBe(1);
    await page.close();
  });

  it("makes no request to any other host", async () => {
    const page = await browser.newPage();
    const hosts = new Set<string>();
    page.on("request", (request) => void hosts.add(new URL(request.url()).host));
    for (const p of ["", "billing/refund-a-payment/", "search/?q=refund", "account/roles-ko/"]) {
      await page.goto(`${publicSite.url}${p}`);
      await page.waitForLoadState("networkidle");
    }
    expect([...hosts]).toEqual([new URL(publicSite.url).host]);
    await page.close();
  });

  it("keeps the chosen theme across pages without a flash", async () => {
    const page = await browser.newPage({ colorScheme: "light" });
    await page.goto(publicSite.url);
    expect(await page.evaluate(() => document.documentElement.getAttribute("data-theme"))).toBeNull();
    await page.click("[data-theme-toggle]");
    expect(await page.evaluate(() => document.documentElement.getAttribute("data-theme"))).toBe("dark");
    await page.goto(`${publicSite.url}billing/`, { waitUntil: "commit" });
    await page.waitForSelector("body");
    expect(await page.evaluate(() => document.documentElement.getAttribute("data-theme"))).toBe("dark");
    await page.close();
  });
});

describe("internal wiki", () => {
  it("search finds internal cards and the audience and status filters narrow the results", async () => {
    const page = await open(`${internalSite.url}search/?q=refund`);
    const all = await searchResults(page);
    expect(all.map((r) => r.title)).toEqual(expect.arrayContaining(["Refund a payment", "Refund exceptions for agents"]));
    expect(all.map((r) => r.url)).toContain("/wiki/billing/refund-exceptions/");

    await page.check("fieldset[data-filter=audience] input[value=Internal]");
    await page.waitForFunction((n) => document.querySelectorAll("[data-search-results] li").length < n, all.length);
    const internal = await searchResults(page);
    expect(internal.length).toBeGreaterThan(0);
    expect(internal.every((r) => r.audience === "internal")).toBe(true);

    await page.uncheck("fieldset[data-filter=audience] input[value=Internal]");
    await page.check("fieldset[data-filter=status] input[value=Verified]");
    await page.waitForFunction(() => ![...document.querySelectorAll("[data-search-results] li")].some((li) => (li as HTMLElement).dataset.status !== "verified"));
    const verified = await searchResults(page);
    expect(verified.map((r) => r.title)).toContain("Refund a payment");
    expect(verified.map((r) => r.title)).not.toContain("Refund exceptions for agents");
    await page.close();
  });

  it("shows the expired banner and badges on an expired internal card", async () => {
    const page = await open(`${internalSite.url}billing/refund-exceptions/`);
    expect(await page.textContent(".banner-expired")).toContain("expired 3651 days ago");
    expect(await page.textContent(".badges")).toContain("Internal only: do not share");
    await page.close();
  });
});

describe("screenshots of the demo content", () => {
  it("saves the home page and a card page of both sites in light and dark themes", async () => {
    // A fixed day keeps the demo's verification dates (written in November 2026) valid.
    const demo = await demoBuild("2026-12-01");
    mkdirSync(SHOTS, { recursive: true });
    const servers = { public: await serveStatic(path.join(demo, "public")), internal: await serveStatic(path.join(demo, "internal")) };
    try {
      // The two themes at once, each in its own tab.
      await eachAtOnce(["light", "dark"] as const, 2, async (theme) => {
        const page = await browser.newPage({ colorScheme: theme, viewport: { width: 1280, height: 900 } });
        for (const [site, server] of Object.entries(servers)) {
          for (const [name, p] of [["home", ""], ["card", "billing/refund-a-payment/"]] as const) {
            const response = await page.goto(`${server.url}${p}`);
            expect(response?.status()).toBe(200);
            await page.screenshot({ path: path.join(SHOTS, `${site}-${name}-${theme}.png`) });
          }
        }
        await page.close();
      });
    } finally {
      await servers.public.close();
      await servers.internal.close();
    }
  });
});
