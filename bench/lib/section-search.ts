/**
 * Search: the public site of the search-size corpus, served on 127.0.0.1, through its real
 * `/search/` page in headless Chromium, from the last keystroke (the input event of the typed
 * query) to the results painted (the page marks its status done; timed at the next animation
 * frame). Cold: a fresh browser context per query, the query typed as soon as the page is
 * interactive; its bytes are everything the search fetched (Pagefind bundle and search-data)
 * from opening the page to the results. Warm: one page, one query after another. Then the golden
 * query set (tests/sites/search-golden.json) runs against the demo's public site.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page, Response } from "playwright-core";
import { isOnSite } from "../../src/core/site/audience.ts";
import { loadProject } from "../../src/core/project/project.ts";
import { readGoldenSet, runGoldenSet, type GoldenFigures } from "../../tests/sites/search-golden-run.ts";
import type { BenchContext, SearchQueryResult } from "./context.ts";
import { findRow } from "./context.ts";
import { ensureCorpus } from "./corpora.ts";
import { notAvailable } from "./measure-row.ts";
import { measureVerityBuild, verityBuildDirs } from "./section-build.ts";
import { summarise } from "./stats.ts";
import { serveStatic } from "./static-server.ts";

export const SEARCH_QUERIES: readonly string[] = [
  "refund", "invoice", "webhook signature", "payout delayed", "two-factor", "export CSV", "card reader", "SAML",
  "API key", "tax", "subscription", "Xero", "audit log", "declined", "seat", "Shopify", "credit note", "환불", "인보이스", "发票",
];

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The demo cards were written in November 2026; a fixed day keeps their dates valid. */
const DEMO_DAY = "2026-12-01";

export async function runSearchSection(ctx: BenchContext): Promise<void> {
  const size = ctx.options.searchSize;
  const label = "Search page on the public site, last keystroke to results painted";
  if (!existsSync(CHROMIUM)) {
    ctx.rows.push(notAvailable(`search-${size}`, "search", size, label, `${CHROMIUM} is missing (apt-get install -y chromium)`));
    return;
  }
  const { dir } = ensureCorpus(ctx, size);
  const site = verityBuildDirs(dir).public;
  if (!findPagefind(site)) {
    const built = findRow(ctx, `build-verity-${size}`);
    if (!built || built.status === "ok") await measureVerityBuild(ctx, size, 1);
  }
  const bundle = findPagefind(site);
  if (!bundle || !existsSync(path.join(site, "search", "index.html"))) {
    ctx.rows.push(notAvailable(`search-${size}`, "search", size, label, "no built public site with a search page and a Pagefind index (verity build missing or failed)"));
    return;
  }
  const { chromium } = await import("playwright-core");
  const server = await serveStatic(site);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const queries: SearchQueryResult[] = [];
    for (const query of SEARCH_QUERIES) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const meter = meterSearch(page.on.bind(page));
      await page.goto(`${server.url}/search/`, { waitUntil: "domcontentloaded" });
      const cold = await typeAndTime(page, query);
      const coldBytes = await meter.stop();
      await context.close();
      queries.push({ query, results: cold.results, firstUrl: cold.firstUrl, coldMs: cold.ms, coldFullMs: cold.fullMs, coldBytes: coldBytes.bytes, coldRequests: coldBytes.requests, warmMs: 0, warmBytes: 0, pageMs: undefined, pageBytes: undefined });
    }
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/search/`, { waitUntil: "load" });
    await typeAndTime(page, "lumen");
    for (const entry of queries) {
      const meter = meterSearch(page.on.bind(page));
      const warm = await typeAndTime(page, entry.query);
      entry.warmMs = warm.ms;
      entry.warmFullMs = warm.fullMs;
      entry.warmBytes = (await meter.stop()).bytes;
    }
    await context.close();
    const golden = await measureGoldenSet(ctx, browser);
    const result: NonNullable<BenchContext["search"]> = {
      cards: size,
      queries,
      coldMs: summarise(queries.map((q) => q.coldMs)),
      coldKb: summarise(queries.map((q) => q.coldBytes / 1024)),
      warmMs: summarise(queries.map((q) => q.warmMs)),
      warmKb: summarise(queries.map((q) => q.warmBytes / 1024)),
      coldPageFullMs: summarise(queries.map((q) => q.coldFullMs ?? 0)),
      warmPageFullMs: summarise(queries.map((q) => q.warmFullMs ?? 0)),
      pageMs: undefined,
      pageKb: undefined,
      golden,
      ...bundleSize(bundle),
    };
    ctx.search = result;
    ctx.log(`  search: cold median ${result.coldMs.median.toFixed(0)} ms / ${result.coldKb.median.toFixed(0)} KB (max ${result.coldKb.max.toFixed(0)} KB), warm median ${result.warmMs.median.toFixed(0)} ms`);
    if (golden) ctx.log(`  search golden set: hit@1 ${golden.hit1.toFixed(1)}%, hit@5 ${golden.hit5.toFixed(1)}%, no results ${golden.noResults.toFixed(1)}%, wrong only ${golden.wrongOnly.toFixed(1)}%, internal cards ${golden.internalCardsShown}`);
    ctx.rows.push({ id: `search-${size}`, section: "search", cards: size, label: `${label} (cold)`, status: "ok", wall: result.coldMs, extra: { queries: queries.length } });
    ctx.rows.push({ id: `search-warm-${size}`, section: "search", cards: size, label: `${label} (warm)`, status: "ok", wall: result.warmMs, extra: { queries: queries.length } });
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * Types `query` into the search page's box as one input event and times it to the first results painted (the page
 * paints its first results, then fills the first page: `data-state` "shown", then "done") and to the whole first page.
 */
async function typeAndTime(page: Page, query: string): Promise<{ ms: number; fullMs: number; results: number; firstUrl: string | undefined }> {
  await page.waitForSelector("#search-input");
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>("#search-input")!;
    document.querySelector("[data-search-status]")?.removeAttribute("data-state");
    input.addEventListener("input", () => ((window as unknown as { __typedAt: number }).__typedAt = performance.now()), { once: true });
  });
  await page.fill("#search-input", query);
  const until = (states: string[]) =>
    page
      .waitForFunction(
        (wanted) => {
          const status = document.querySelector<HTMLElement>("[data-search-status]");
          const typedAt = (window as unknown as { __typedAt?: number }).__typedAt;
          return wanted.includes(status?.dataset.state ?? "") && typedAt !== undefined ? performance.now() - typedAt : false;
        },
        states,
        { polling: "raf", timeout: 20_000 },
      )
      .then((handle) => handle.jsonValue() as Promise<number>);
  const ms = await until(["shown", "done"]);
  const fullMs = await until(["done"]);
  const urls = await page.$$eval("[data-search-results] > li", (items) => items.map((li) => (li as HTMLElement).dataset.url ?? ""));
  const total = Number((await page.textContent("[data-search-status]"))?.match(/(\d+) results?/)?.[1] ?? 0);
  return { ms, fullMs, results: total, firstUrl: urls[0] };
}

/** The golden query set against the demo's public site (built into a temporary folder). */
async function measureGoldenSet(ctx: BenchContext, browser: Browser): Promise<Omit<GoldenFigures, "outcomes"> | undefined> {
  const out = mkdtempSync(path.join(tmpdir(), "verity-bench-golden-"));
  try {
    execFileSync(process.execPath, [path.join(REPO, "cli", "bin.js"), "build", "--root", REPO, "--site", "public", "--out-dir", out, "--today", DEMO_DAY], { stdio: "ignore" });
    const project = loadProject({ cwd: REPO, root: REPO, today: DEMO_DAY });
    const internal = new Set(project.cards.filter((card) => !isOnSite(card, "public")).map((card) => card.url));
    const server = await serveStatic(path.join(out, "public"));
    try {
      const page = await browser.newPage();
      const { outcomes, ...figures } = await runGoldenSet(page, server.url, readGoldenSet(), internal);
      await page.close();
      const misses = outcomes.filter((o) => o.query.expect.length > 0 && o.rank !== 1).map((o) => `“${o.query.q}” (${o.rank === undefined ? "not in the results" : `rank ${o.rank}`})`);
      if (misses.length > 0) ctx.notes.push(`Search golden set, queries whose right card was not first: ${misses.join(", ")}.`);
      return figures;
    } finally {
      await server.close();
    }
  } catch (error) {
    ctx.notes.push(`Search: the golden query set could not run (${(error as Error).message.split("\n")[0]}).`);
    return undefined;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Counts the bytes of every search response (Pagefind bundle and search-data) from now until `stop()`. */
function meterSearch(on: (event: "response", listener: (response: Response) => void) => unknown): { stop: () => Promise<{ bytes: number; requests: number }> } {
  const pending: Promise<number>[] = [];
  let active = true;
  on("response", (response) => {
    if (!active || !/\/(pagefind|search-data)\//.test(new URL(response.url()).pathname)) return;
    pending.push(response.body().then((body) => body.length, () => 0));
  });
  return {
    stop: async () => {
      active = false;
      const sizes = await Promise.all(pending);
      return { bytes: sizes.reduce((a, b) => a + b, 0), requests: sizes.length };
    },
  };
}

/** The page language a query is typed on: Pagefind searches the index of the page's `<html lang>`. */
export function languageOf(query: string): "en" | "ko" | "zh" {
  if (/\p{Script=Hangul}/u.test(query)) return "ko";
  if (/\p{Script=Han}/u.test(query)) return "zh";
  return "en";
}

function findPagefind(site: string): string | undefined {
  for (const candidate of ["pagefind", "_pagefind"]) {
    const dir = path.join(site, candidate);
    if (existsSync(path.join(dir, "pagefind.js"))) return dir;
  }
  return undefined;
}

function bundleSize(dir: string): { pagefindFiles: number; pagefindMb: number } {
  let files = 0;
  let bytes = 0;
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        files++;
        bytes += statSync(full).size;
      }
    }
  };
  walk(dir);
  return { pagefindFiles: files, pagefindMb: Math.round((bytes / 1e6) * 10) / 10 };
}
