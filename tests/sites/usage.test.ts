/**
 * Usage measurement end to end: the demo fixture built with `usage` on, the real `verity collect`
 * process running, Chromium searching for something with no result and voting "No" with a comment
 * on a card; then `verity report` shows both. Also: pages load the usage client as a file script.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openUsageReader } from "../../src/core/usage/store.ts";
import { serveStatic, type StaticServer } from "../../src/build/static-server.ts";
import { FIXTURES, runCli, tempDir, TODAY } from "./helpers.ts";

const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const REPO = path.resolve(FIXTURES, "../../..");

let work: string;
let root: string;
let out: string;
let database: string;
let browser: Browser;
let site: StaticServer;
let collector: ChildProcess;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  work = tempDir("usage");
  root = path.join(work, "project");
  out = path.join(work, "dist");
  database = path.join(work, "usage.db");
  cpSync(path.join(FIXTURES, "basic"), root, { recursive: true });
  const port = await freePort();
  const config = readFileSync(path.join(root, "verity.config.yml"), "utf8").replace(
    "    url: https://help.acme.test\n",
    `    url: https://help.acme.test\n    usage:\n      endpoint: http://127.0.0.1:${port}/events\n      comments: true\n`,
  );
  expect(config).toContain("usage:");
  writeFileSync(path.join(root, "verity.config.yml"), config);
  const built = await runCli(["build", "--root", root, "--out-dir", out, "--today", TODAY]);
  expect(built.code, built.stderr).toBe(0);
  site = await serveStatic(path.join(out, "public"));
  collector = spawn(path.join(REPO, "node_modules/node/bin/node"), [path.join(REPO, "cli/bin.js"), "collect", "--root", root, "--port", String(port), "--database", database, "--allow-origin", new URL(site.url).origin], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  collector.stderr!.on("data", (chunk) => (stderr += chunk));
  await new Promise<void>((resolve, reject) => {
    collector.stdout!.on("data", (chunk) => String(chunk).includes("Collecting usage events") && resolve());
    collector.once("exit", (code) => reject(new Error(`collect exited with ${code}: ${stderr}`)));
  });
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (collector && collector.exitCode === null) {
    collector.kill("SIGTERM");
    await new Promise((resolve) => collector.once("exit", resolve));
  }
  rmSync(work, { recursive: true, force: true });
});

async function usageReport(): Promise<string> {
  const result = await runCli(["report", "--root", root, "--usage", database, "--period", "7d"]);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

describe("usage measurement in the browser", () => {
  it("loads the usage client as a file script, only where usage is on", () => {
    const page = readFileSync(path.join(out, "public/billing/refund-a-payment/index.html"), "utf8");
    expect(page).toMatch(/<div hidden data-usage data-endpoint="http:\/\/127\.0\.0\.1:\d+\/events" data-site="public" data-card="billing\/refund-a-payment"><\/div>/);
    expect(page).toMatch(/<script type="module" src="\/_astro\/[^"]+\.js"><\/script>/);
    for (const inline of page.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) expect(inline[1]).not.toContain("sendBeacon");
    const wiki = readFileSync(path.join(out, "internal/billing/refund-a-payment/index.html"), "utf8");
    expect(wiki).not.toContain("data-usage");
  });

  it("records a search with no result and a helpful vote, and verity report shows both", async () => {
    const page = await browser.newPage();
    const beacons: string[] = [];
    page.on("request", (request) => {
      if (request.url().endsWith("/events")) beacons.push(request.postData() ?? "");
    });
    await page.goto(`${site.url}search/?q=goodwill`);
    await page.waitForFunction(() => /No results/.test(document.querySelector("[data-search-status]")?.textContent ?? ""));
    // Leaving the page sends the search the reader settled on.
    await page.goto(`${site.url}billing/refund-a-payment/`);
    await page.fill("[data-feedback-comment]", "Say what happens to goodwill credits");
    await page.click("[data-vote=down]");
    await page.waitForFunction(() => document.querySelector(".feedback .thanks")?.textContent === "Thanks for your feedback.");
    await page.close();

    let report = "";
    for (let i = 0; i < 50; i++) {
      report = await usageReport();
      if (report.includes("| `goodwill` | public | 1 |") && report.includes("Say what happens")) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(beacons.every((body) => !/cookie|user-?agent/i.test(body))).toBe(true);
    expect(report).toContain("| `goodwill` | public | 1 |");
    expect(report).toContain("| **public** | all | 1 | 1 | 100% :warning: |");
    expect(report).toContain("| Refund a payment (`billing/refund-a-payment`) | public | 0 | 1 | 0% |");
    expect(report).toContain("Refund a payment, no: `Say what happens to goodwill credits`");
    expect(report).toContain("| Refund a payment (`billing/refund-a-payment`) | public | 1 |");
  });

  it("records an opened result with its rank and a contact-support click in another visit", async () => {
    const page = await browser.newPage();
    await page.route("https://acme.test/**", (route) => route.fulfill({ body: "Contact form" }));
    await page.goto(`${site.url}search/?q=refund`);
    await page.waitForFunction(() => /result/.test(document.querySelector("[data-search-status]")?.textContent ?? ""));
    await page.click("[data-search-results] > li:first-child a");
    await page.waitForURL(/\/billing\/refund-a-payment\/$/);
    await page.click("a.support-link");
    await page.waitForURL("https://acme.test/contact");
    await page.close();
    let report = "";
    for (let i = 0; i < 50; i++) {
      report = await usageReport();
      if (report.includes("| public | 1 | 1 | 100% | 1 |") && report.includes("(1 did)")) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(report).toContain("| public | 1 | 1 | 100% | 1 |");
    const db = openUsageReader(database);
    const support = db.all("SELECT detail FROM events WHERE type = 'support_click'", {});
    const opened = db.all("SELECT query, card, rank FROM events WHERE type = 'result_open'", {});
    db.close();
    expect(support.map((r) => JSON.parse(String(r.detail)))).toEqual([{ searches: ["refund"], cards: ["billing/refund-a-payment"] }]);
    expect(opened).toEqual([{ query: "refund", card: "billing/refund-a-payment", rank: 1 }]);
    expect(report).toContain("**50%** of 2 visits that searched or read a card did not click \"Contact support\" (1 did).");
    const context = await browser.newContext();
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });
});
