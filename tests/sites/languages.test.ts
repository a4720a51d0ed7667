/**
 * Linked translations in a real browser (playwright-core + Debian's Chromium) on both sites, built
 * from a fixture git history in which the English source changed after the Korean translation:
 * the language switcher, hreflang alternates (pages and sitemap), localized labels and dates,
 * lists in the reader's language, and the drift badge (wiki) and note (help center).
 */
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic, type StaticServer } from "../../src/build/static-server.ts";
import { cardText, createTempRepo, type TempRepo } from "../workflow/git-repo.ts";
import { runCli, tempDir } from "./helpers.ts";

const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

let repo: TempRepo;
let out: string;
let browser: Browser;
let publicSite: StaticServer;
let internalSite: StaticServer;

const CONFIG = `lang: en
sites:
  public:
    title: Help
    url: https://help.example.com
  internal:
    title: Wiki
    url: https://wiki.example.com
    base: /wiki/
`;

beforeAll(async () => {
  repo = createTempRepo();
  repo.write({
    "verity.config.yml": CONFIG,
    "content/billing/_collection.yml": "title: Billing\n",
    "content/billing/refunds.md": cardText({ title: "Refund a payment", description: "How to refund.", tags: "[refunds]", verified_on: "2026-11-02" }, "Open the payment.\n\n## Steps\n\nClick Refund.\n"),
    "content/billing/refunds-ko.md": cardText({ title: "결제 환불하기", description: "환불 방법입니다.", lang: "ko", translation_of: "billing/refunds", tags: "[refunds]", verified_on: "2026-11-02" }, "결제를 엽니다.\n\n## 단계\n\n환불을 누릅니다.\n"),
    "content/billing/refunds-ja.md": cardText({ title: "返金する", lang: "ja", translation_of: "billing/refunds", tags: "[refunds]" }, "支払いを開きます。\n"),
    "content/billing/invoices.md": cardText({ title: "Send an invoice", tags: "[refunds]" }, "Send it.\n"),
    "content/billing/payouts-ko.md": cardText({ title: "정산 받기", lang: "ko", tags: "[refunds]" }, "정산을 받습니다.\n"),
    "content/billing/internal-notes.md": cardText({ title: "Refund notes", audience: "internal" }, "Staff only.\n"),
    "content/billing/internal-notes-ko.md": cardText({ title: "환불 메모", audience: "internal", lang: "ko", translation_of: "billing/internal-notes" }, "직원 전용.\n"),
  });
  repo.commit("Cards in three languages", "2026-11-01");
  repo.write({ "content/billing/refunds.md": cardText({ title: "Refund a payment", description: "How to refund.", tags: "[refunds]", verified_on: "2026-11-02" }, "Open the payment.\n\n## Steps\n\nClick Refund, then Confirm.\n") });
  repo.commit("Refunds need a confirmation", "2026-11-20");
  // The Japanese card is checked against the new English text: up to date.
  repo.write({ "content/billing/refunds-ja.md": cardText({ title: "返金する", lang: "ja", translation_of: "billing/refunds", tags: "[refunds]" }, "支払いを開き、確認します。\n") });
  repo.commit("Japanese catches up", "2026-11-21");

  out = tempDir("languages");
  const result = await runCli(["build", "--root", repo.root, "--out-dir", out, "--today", "2026-12-01"]);
  expect(result.code, result.stderr).toBe(0);
  publicSite = await serveStatic(path.join(out, "public"));
  internalSite = await serveStatic(path.join(out, "internal"), { base: "/wiki/" });
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await publicSite?.close();
  await internalSite?.close();
  if (out) rmSync(out, { recursive: true, force: true });
  repo?.dispose();
});

async function open(url: string): Promise<Page> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(url);
  (page as Page & { cspErrors: string[] }).cspErrors = errors;
  return page;
}

const hreflangs = (page: Page) =>
  page.$$eval('head link[rel="alternate"][hreflang]', (links) => links.map((l) => [l.getAttribute("hreflang"), new URL(l.getAttribute("href")!).pathname]));

describe("public help center", () => {
  it("switches from the English card to its Korean translation, whose page is Korean throughout", async () => {
    const page = await open(`${publicSite.url}billing/refunds/`);
    expect(await hreflangs(page)).toEqual([
      ["en", "/billing/refunds/"],
      ["ja", "/billing/refunds-ja/"],
      ["ko", "/billing/refunds-ko/"],
      ["x-default", "/billing/refunds/"],
    ]);
    const switcher = page.locator(".lang-switcher");
    expect(await switcher.getAttribute("aria-label")).toBe("This article in other languages");
    await switcher.locator('a[hreflang="ko"]').click();
    await page.waitForURL(/\/billing\/refunds-ko\/$/);
    expect(await page.getAttribute("html", "lang")).toBe("ko");
    expect(await page.getAttribute(".lang-switcher", "aria-label")).toBe("이 글의 다른 언어");
    expect(await page.textContent(".skip-link")).toBe("본문으로 건너뛰기");
    expect(await page.getAttribute(".breadcrumbs", "aria-label")).toBe("이동 경로");
    expect(await page.textContent(".card-meta dt")).toBe("마지막 업데이트");
    // The day of the last commit of the card, written the Korean way; the machine-readable day stays ISO.
    expect(await page.textContent(".card-meta time")).toBe("2026년 11월 1일");
    expect(await page.getAttribute(".card-meta time", "datetime")).toBe("2026-11-01");
    // The source changed after the Korean card: the public note, with a link to the original.
    const note = page.locator("[data-translation-outdated]");
    expect(await note.textContent()).toContain("이 번역은 최신 내용이 아닐 수 있습니다.");
    expect(await note.locator("a").getAttribute("href")).toBe("/billing/refunds/");
    // Back to English from the switcher.
    await page.locator('.lang-switcher a[hreflang="en"]').click();
    await page.waitForURL(/\/billing\/refunds\/$/);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.locator("[data-translation-outdated]").count()).toBe(0);
    await page.close();
  });

  it("links a language without a translation to that language's home, which lists the cards in that language first", async () => {
    const page = await open(`${publicSite.url}billing/invoices/`);
    expect(await hreflangs(page)).toEqual([]);
    const ko = page.locator('.lang-switcher a[hreflang="ko"]');
    expect(await ko.textContent()).toBe("한국어 홈");
    await ko.click();
    await page.waitForURL(/\/ko\/$/);
    expect(await page.getAttribute("html", "lang")).toBe("ko");
    expect(await hreflangs(page)).toEqual([
      ["en", "/"],
      ["ja", "/ja/"],
      ["ko", "/ko/"],
      ["x-default", "/"],
    ]);
    const titles = await page.$$eval(".card-list .item-title", (items) => items.map((i) => i.textContent));
    expect(titles.slice(0, 2).sort()).toEqual(["결제 환불하기", "정산 받기"]);
    // The English card without a Korean version is listed after, labelled in Korean.
    expect(titles).toContain("Send an invoice영어");
    await page.close();
  });

  it("lists one card per translation group in the collection, and never the internal group", async () => {
    const page = await open(`${publicSite.url}billing/`);
    const links = await page.$$eval(".card-list a", (items) => items.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(links).toEqual(["/billing/refunds/", "/billing/invoices/", "/billing/payouts-ko/"]);
    // The Korean card with no English version is labelled with its language, in the reader's language.
    expect(await page.textContent(".card-list .lang-badge")).toBe("Korean");
    await page.close();
  });

  it("has hreflang alternates in the sitemap", () => {
    const sitemap = readFileSync(path.join(out, "public", "sitemap.xml"), "utf8");
    expect(sitemap).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
    expect(sitemap).toMatch(
      /<loc>https:\/\/help\.example\.com\/billing\/refunds-ko\/<\/loc>(<lastmod>[^<]+<\/lastmod>)?<xhtml:link rel="alternate" hreflang="en" href="https:\/\/help\.example\.com\/billing\/refunds\/"\/><xhtml:link rel="alternate" hreflang="ja" href="https:\/\/help\.example\.com\/billing\/refunds-ja\/"\/><xhtml:link rel="alternate" hreflang="ko" href="https:\/\/help\.example\.com\/billing\/refunds-ko\/"\/>/,
    );
    expect(sitemap).not.toContain("internal-notes");
  });
});

describe("internal wiki", () => {
  it("shows the drift badge with the source commit and a link to the source, in Korean", async () => {
    const page = await open(`${internalSite.url}billing/refunds-ko/`);
    expect(await page.getAttribute("html", "lang")).toBe("ko");
    expect(await page.textContent(".badges .badge-outdated")).toBe("오래된 번역");
    const banner = await page.textContent("[data-translation-outdated]");
    expect(banner).toMatch(/source changed in [0-9a-f]{7} \(2026-11-20, "Refunds need a confirmation"\)/);
    expect(await page.getAttribute("[data-translation-outdated] a", "href")).toBe("/wiki/billing/refunds/");
    expect(await page.textContent(".translation-of")).toBe("Refund a payment의 번역");
    expect(await page.textContent(".card-meta dt")).toBe("담당자");
    expect(await page.textContent(".badges .badge-public")).toBe("공개: 고객에게 링크 가능");
    expect(await page.textContent(".badges .badge-verified")).toBe("2027-01-31까지 검증됨");
    // The Japanese card caught up: no badge.
    await page.goto(`${internalSite.url}billing/refunds-ja/`);
    expect(await page.locator(".badge-outdated").count()).toBe(0);
    expect(await page.getAttribute("html", "lang")).toBe("ja");
    await page.close();
  });

  it("switches languages on the wiki too, internal groups included", async () => {
    const page = await open(`${internalSite.url}billing/internal-notes/`);
    expect(await hreflangs(page)).toEqual([
      ["en", "/wiki/billing/internal-notes/"],
      ["ko", "/wiki/billing/internal-notes-ko/"],
      ["x-default", "/wiki/billing/internal-notes/"],
    ]);
    await page.locator('.lang-switcher a[hreflang="ko"]').click();
    await page.waitForURL(/internal-notes-ko\/$/);
    expect(await page.textContent(".badges .badge-internal")).toBe("내부 전용: 공유 금지");
    expect((page as Page & { cspErrors: string[] }).cspErrors).toEqual([]);
    await page.close();
  });
});
