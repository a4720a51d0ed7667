/**
 * Issue 18 in a real browser, on both sites (tests/fixtures/sites/rich): GitHub alerts are
 * announced as notes with their type, <details> folds with the keyboard, MDX tabs switch (mouse and
 * arrow keys) and remember the reader's choice across cards, Steps, Figure, Badge and snippets
 * render, search finds the text of hidden tabs and folded answers, and no policy is broken.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic, type StaticServer } from "../../src/build/static-server.ts";
import { buildFixture, tempDir } from "./helpers.ts";

const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

let out: string;
let browser: Browser;
const sites: Record<"public" | "internal", StaticServer> = {} as never;

beforeAll(async () => {
  out = tempDir("rich");
  const result = await buildFixture("rich", out);
  expect(result.code, result.stderr).toBe(0);
  sites.public = await serveStatic(path.join(out, "public"));
  sites.internal = await serveStatic(path.join(out, "internal"), { base: "/wiki/" });
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await sites.public?.close();
  await sites.internal?.close();
  rmSync(out, { recursive: true, force: true });
});

/** A page that records policy violations and dialogs (none may happen). */
async function open(url: string, context?: Awaited<ReturnType<Browser["newContext"]>>): Promise<{ page: Page; problems: string[] }> {
  const page = await (context ?? browser).newPage();
  const problems: string[] = [];
  page.on("dialog", (dialog) => void (problems.push(`dialog ${dialog.message()}`), dialog.dismiss()));
  page.on("pageerror", (error) => void problems.push(`error ${error.message}`));
  await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => console.error(`csp ${e.violatedDirective} ${e.blockedURI}`)));
  page.on("console", (message) => void (message.text().startsWith("csp ") && problems.push(message.text())));
  await page.goto(url);
  return { page, problems };
}

async function searchTitles(page: Page): Promise<string[]> {
  await page.waitForFunction(() => /result|No results/.test(document.querySelector("[data-search-status]")?.textContent ?? ""));
  return page.$$eval("[data-search-results] li .result-title", (items) => items.map((i) => i.textContent ?? ""));
}

for (const site of ["public", "internal"] as const) {
  describe(`${site === "public" ? "public help center" : "internal wiki"}`, () => {
    it("announces each GitHub alert as a note named by its type, with a visible title", async () => {
      const { page, problems } = await open(`${sites[site].url}help/alerts/`);
      await expect(page.getByRole("note", { name: "Note" }).textContent()).resolves.toContain("A note for everyone.");
      await expect(page.getByRole("note", { name: "Caution" }).textContent()).resolves.toContain("Deleting is final.");
      expect(await page.locator(".callout-caution .callout-title").isVisible()).toBe(true);
      expect(await page.locator(".card-body").textContent()).not.toContain("[!");
      expect(problems).toEqual([]);
      await page.close();
    });

    it("folds <details> open and shut with the keyboard", async () => {
      const { page } = await open(`${sites[site].url}help/alerts/`);
      const answer = page.getByText("A pending authorisation");
      expect(await answer.isVisible()).toBe(false);
      await page.locator(".card-body summary").focus();
      await page.keyboard.press("Enter");
      expect(await answer.isVisible()).toBe(true);
      await page.keyboard.press("Space");
      expect(await answer.isVisible()).toBe(false);
      await page.close();
    });

    it("switches tabs by mouse and arrow keys and remembers the choice on another card", async () => {
      const context = await browser.newContext();
      const { page, problems } = await open(`${sites[site].url}help/install/`, context);
      const ios = page.getByRole("tab", { name: "iOS" });
      const android = page.getByRole("tab", { name: "Android" });
      await page.getByRole("tablist").waitFor();
      expect(await ios.getAttribute("aria-selected")).toBe("true");
      expect(await page.getByText("search for Acme Pelican").isVisible()).toBe(true);
      expect(await page.getByText("search for Acme Kestrel").isVisible()).toBe(false);
      await android.click();
      expect(await android.getAttribute("aria-selected")).toBe("true");
      expect(await page.getByText("search for Acme Kestrel").isVisible()).toBe(true);
      expect(await page.getByText("search for Acme Pelican").isVisible()).toBe(false);
      // Steps inside the tab, and the heading anchor inside the tab.
      expect(await page.locator(".tabs-panel .steps ol li").count()).toBe(2);
      expect(await page.locator("#install-on-android .heading-anchor").getAttribute("href")).toBe("#install-on-android");

      const next = await context.newPage();
      await next.goto(`${sites[site].url}help/notify/`);
      await next.getByRole("tablist").waitFor();
      expect(await next.getByRole("tab", { name: "Android" }).getAttribute("aria-selected")).toBe("true");
      expect(await next.getByText("Open Settings on the Android phone.").isVisible()).toBe(true);
      expect(await next.getByText("Open Settings on the iPhone.").isVisible()).toBe(false);
      await next.getByRole("tab", { name: "Android" }).focus();
      await next.keyboard.press("ArrowLeft");
      expect(await next.getByRole("tab", { name: "iOS" }).getAttribute("aria-selected")).toBe("true");
      expect(await next.evaluate(() => document.activeElement?.textContent)).toBe("iOS");
      expect(await next.getByText("Open Settings on the iPhone.").isVisible()).toBe(true);
      expect(problems).toEqual([]);
      await context.close();
    });

    it("renders the Callout, Badge, Figure with its zoom link, Details and the external snippet", async () => {
      const { page, problems } = await open(`${sites[site].url}help/install/`);
      expect(await page.getByRole("note", { name: "Warning" }).textContent()).toContain("Remove the old app first.");
      expect(await page.locator(".badge-tip").textContent()).toBe("New");
      const image = page.locator("figure.figure img");
      await image.waitFor();
      expect(await image.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
      expect(await page.locator("figure.figure a.figure-zoom").getAttribute("href")).toMatch(/_files\/help\/screen\.png$/);
      expect(await page.locator("figure.figure figcaption").textContent()).toBe("The start screen");
      await page.getByText("Does the app cost anything?").click();
      expect(await page.getByText("free with every plan").isVisible()).toBe(true);
      expect(await page.locator(".card-body a[href^='mailto:']").textContent()).toBe("support");
      expect(problems).toEqual([]);
      await page.close();
    });

    it("search finds the text of a hidden tab and of a folded answer", async () => {
      const { page } = await open(`${sites[site].url}search/?q=Kestrel`);
      expect(await searchTitles(page)).toContain("Install the app");
      await page.goto(`${sites[site].url}search/?q=quokka`);
      expect(await searchTitles(page)).toContain("Install the app");
      await page.goto(`${sites[site].url}search/?q=wombat`);
      expect(await searchTitles(page)).toContain("Alerts");
      await page.close();
    });
  });
}

describe("internal snippets", () => {
  it("show on the wiki's internal card and are nowhere on the public site", async () => {
    const { page } = await open(`${sites.internal.url}wiki/runbook/`);
    expect(await page.locator(".card-body").textContent()).toContain("Page the zebra on-call rotation");
    await page.goto(`${sites.public.url}search/?q=zebra`);
    expect(await searchTitles(page)).toEqual([]);
    await page.close();
  });
});
