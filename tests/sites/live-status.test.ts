/**
 * Status computed when the page is read: the wiki built on one day shows the status of the day
 * the reader opens it, in the configured time zone, with no rebuild (playwright's fake clock).
 * Without script, the build day's status stays (the fallback).
 */
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic, type StaticServer } from "../../src/build/static-server.ts";
import { makeProject, removeTemps, runCli } from "../helpers.ts";
import { demoBuild } from "./demo-build.ts";

const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const card = (title: string, verifyBy: string) => `---\ntitle: ${title}\nowner: "@acme/billing"\naudience: internal\nverify_by: ${verifyBy}\n---\n\n${title} body.\n`;

let dir: string;
let browser: Browser;
let wiki: StaticServer;

beforeAll(async () => {
  dir = makeProject({
    "verity.config.yml": "timeZone: Asia/Tokyo\nwarnDays: 14\nminTrustScore: 90\n",
    "content/billing/refunds.md": card("Refund rules", "2027-01-31"),
    "content/billing/later.md": card("Invoice rules", "2030-06-30"),
  });
  const result = await runCli(["build", "--site", "internal", "--today", "2026-11-22"], { cwd: dir });
  expect(result.code).toBe(0);
  wiki = await serveStatic(path.join(dir, "dist/internal"));
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await wiki?.close();
  removeTemps();
});

/** Opens `url` with the reader's clock fixed at `instant` (an ISO time). */
async function openAt(url: string, instant: string): Promise<Page> {
  const page = await browser.newPage();
  await page.clock.setFixedTime(new Date(instant));
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.statusDay !== undefined);
  return page;
}

const badge = (page: Page) => page.locator(".badges .badge[data-live-status]").textContent();
const banner = (page: Page) => page.locator("[data-live-status=banner]");

describe("wiki status is computed when the page is read", () => {
  it("without script the build day's status is the fallback", () => {
    const html = readFileSync(path.join(dir, "dist/internal/billing/refunds/index.html"), "utf8");
    expect(html).toContain("Verified until 2027-01-31");
    expect(html).toMatch(/data-live-status="banner"[^>]*hidden/);
  });

  it("flips a card from verified to expiring to expired without a rebuild, on the time zone's day", async () => {
    const url = `${wiki.url}billing/refunds/`;
    const verified = await openAt(url, "2026-12-01T00:00:00Z");
    expect(await badge(verified)).toBe("Verified until 2027-01-31");
    expect(await banner(verified).isHidden()).toBe(true);

    const expiring = await openAt(url, "2027-01-20T00:00:00Z");
    expect(await badge(expiring)).toBe("Expires in 11 days (2027-01-31)");
    expect(await expiring.locator(".badges .badge-expiring").count()).toBe(1);

    // 16:00 UTC on the 31st is already 1 February in Tokyo: expired there, though not yet in UTC.
    const expired = await openAt(url, "2027-01-31T16:00:00Z");
    expect(await badge(expired)).toBe("Expired 1 day ago (2027-01-31)");
    expect(await banner(expired).isVisible()).toBe(true);
    expect(await banner(expired).textContent()).toContain("This card expired 1 day ago (2027-01-31).");
  });

  it("the health page recomputes the trust score and counts with core's rounding", async () => {
    const built = await openAt(`${wiki.url}health/`, "2026-11-22T03:00:00Z");
    expect(await built.locator("[data-value=score]").first().textContent()).toBe("100%");
    const page = await openAt(`${wiki.url}health/`, "2027-03-01T03:00:00Z");
    expect(await page.locator("[data-live-today]").textContent()).toBe("2027-03-01");
    expect(await page.locator("[data-live-health] [data-value=score]").textContent()).toBe("50%");
    expect(await page.locator("[data-live-health] [data-value=verified]").textContent()).toBe("1");
    expect(await page.locator("[data-live-health] [data-value=expired]").textContent()).toBe("1");
    expect(await page.locator("[data-stat=score]").getAttribute("class")).toContain("stat-bad");
    expect(await page.locator("[data-collection-row=billing] [data-value=score]").textContent()).toBe("50%");
  });
});

describe("companion cards on the demo", () => {
  it("the wiki shows an external card's internal notes (For agents), the internal card links the public answer, and the help center shows none of it", async () => {
    const { REPO_ROOT } = await import("../helpers.ts");
    const out = await demoBuild("2026-12-01");
    const read = (file: string) => readFileSync(path.join(out, file), "utf8");
    const answer = read("internal/billing/refund-a-payment/index.html");
    expect(answer).toMatch(/<h2 id="companion-title">For agents<\/h2>[\s\S]*Refund exceptions for Lumen subscription fees[\s\S]*refunds a customer issues to their own clients/);
    const notes = read("internal/billing/refund-exceptions/index.html");
    expect(notes).toMatch(/Public answer[\s\S]*href="\/billing\/refund-a-payment\/"[\s\S]*https:\/\/help\.lumen\.example\/billing\/refund-a-payment\//);
    const publicPage = read("public/billing/refund-a-payment/index.html");
    expect(publicPage).not.toContain("For agents");
    expect(publicPage).not.toContain("refund-exceptions");
    const leaks = await runCli(["check-leaks", path.join(out, "public"), "--root", REPO_ROOT, "--today", "2026-12-01"], { cwd: REPO_ROOT });
    expect(leaks.code, leaks.stderr).toBe(0);
  }, 240_000);
});
