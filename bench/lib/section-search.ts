/**
 * Search: the public site of the search-size corpus, served on 127.0.0.1, queried through
 * Pagefind's JavaScript API in headless Chromium, from an empty page in the query's language
 * (Pagefind keeps one index per `<html lang>`). Per query: time to the first result's data and
 * bytes fetched from the Pagefind bundle, cold (fresh browser context, nothing cached) and warm
 * (one page that already answered the previous queries).
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { Page, Response } from "playwright-core";
import type { BenchContext, SearchQueryResult } from "./context.ts";
import { findRow } from "./context.ts";
import { ensureCorpus } from "./corpora.ts";
import { notAvailable } from "./measure-row.ts";
import { measureVerityBuild, verityBuildDirs } from "./section-build.ts";
import { summarise, type Figure } from "./stats.ts";
import { BLANK_PAGE, serveStatic } from "./static-server.ts";

export const SEARCH_QUERIES: readonly string[] = [
  "refund", "invoice", "webhook signature", "payout delayed", "two-factor", "export CSV", "card reader", "SAML",
  "API key", "tax", "subscription", "Xero", "audit log", "declined", "seat", "Shopify", "credit note", "환불", "인보이스", "发票",
];

const CHROMIUM = "/usr/bin/chromium";
/** A warm-up query per language for the warm page. */
const WARM_UP: Record<string, string> = { en: "lumen", ko: "결제", zh: "付款" };
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

interface QueryTiming {
  ms: number;
  results: number;
  firstUrl: string | undefined;
}

export async function runSearchSection(ctx: BenchContext): Promise<void> {
  const size = ctx.options.searchSize;
  const label = "Pagefind search on the public site";
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
  if (!bundle) {
    ctx.rows.push(notAvailable(`search-${size}`, "search", size, label, "no built public site with a Pagefind index (verity build missing or failed)"));
    return;
  }
  const { chromium } = await import("playwright-core");
  const server = await serveStatic(site);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const bundleUrl = `/${path.relative(site, bundle).split(path.sep).join("/")}/pagefind.js`;
  try {
    const queries: SearchQueryResult[] = [];
    for (const query of SEARCH_QUERIES) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${server.url}${BLANK_PAGE}?lang=${languageOf(query)}`, { waitUntil: "load" });
      const meter = meterPagefind(page.on.bind(page));
      const cold = await page.evaluate(searchOnce, { bundleUrl, query });
      const coldBytes = await meter.stop();
      await context.close();
      queries.push({ query, results: cold.results, firstUrl: cold.firstUrl, coldMs: cold.ms, coldBytes: coldBytes.bytes, coldRequests: coldBytes.requests, warmMs: 0, warmBytes: 0, pageMs: undefined, pageBytes: undefined });
    }
    const hasSearchPage = existsSync(path.join(site, "search", "index.html"));
    if (hasSearchPage) {
      for (const entry of queries) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const meter = meterPagefind(page.on.bind(page));
        await page.goto(`${server.url}/search/?q=${encodeURIComponent(entry.query)}`, { waitUntil: "commit" });
        entry.pageMs = await page
          .waitForFunction(() => (document.querySelector("[data-search-results] a, .pagefind-ui__result a") ? performance.now() : false), undefined, { timeout: 15_000 })
          .then((handle) => handle.jsonValue() as Promise<number>, () => undefined);
        entry.pageBytes = (await meter.stop()).bytes;
        await context.close();
      }
    } else ctx.notes.push("Search: the public site has no /search/ page, so only Pagefind's API was timed.");
    const context = await browser.newContext();
    const pages = new Map<string, Page>();
    for (const entry of queries) {
      const lang = languageOf(entry.query);
      let page = pages.get(lang);
      if (!page) {
        page = await context.newPage();
        await page.goto(`${server.url}${BLANK_PAGE}?lang=${lang}`, { waitUntil: "load" });
        await page.evaluate(searchOnce, { bundleUrl, query: WARM_UP[lang]! });
        pages.set(lang, page);
      }
      const meter = meterPagefind(page.on.bind(page));
      const warm = await page.evaluate(searchOnce, { bundleUrl, query: entry.query });
      entry.warmMs = warm.ms;
      entry.warmBytes = (await meter.stop()).bytes;
    }
    await context.close();
    ctx.search = {
      cards: size,
      queries,
      coldMs: summarise(queries.map((q) => q.coldMs)),
      coldKb: summarise(queries.map((q) => q.coldBytes / 1024)),
      warmMs: summarise(queries.map((q) => q.warmMs)),
      warmKb: summarise(queries.map((q) => q.warmBytes / 1024)),
      ...summarisePage(queries),
      ...bundleSize(bundle),
    };
    ctx.log(`  search: page median ${ctx.search.pageMs?.median.toFixed(0) ?? "n/a"} ms, API cold median ${ctx.search.coldMs.median.toFixed(0)} ms / ${ctx.search.coldKb.median.toFixed(0)} KB, warm median ${ctx.search.warmMs.median.toFixed(0)} ms`);
    const pageShown = ctx.search.pageMs ? " (search page to first result)" : " (Pagefind API, cold, to first result)";
    ctx.rows.push({ id: `search-${size}`, section: "search", cards: size, label: `${label}${pageShown}`, status: "ok", wall: ctx.search.pageMs ?? ctx.search.coldMs, extra: { queries: queries.length } });
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The search page figures over the queries that showed a result (queries without one are left out). */
function summarisePage(queries: readonly SearchQueryResult[]): { pageMs: Figure | undefined; pageKb: Figure | undefined } {
  const shown = queries.filter((q) => q.pageMs !== undefined);
  if (shown.length === 0) return { pageMs: undefined, pageKb: undefined };
  return { pageMs: summarise(shown.map((q) => q.pageMs!)), pageKb: summarise(shown.map((q) => (q.pageBytes ?? 0) / 1024)) };
}

/** Runs in the page: loads Pagefind (once per page) and times one search to its first result's data. */
async function searchOnce({ bundleUrl, query }: { bundleUrl: string; query: string }): Promise<QueryTiming> {
  const started = performance.now();
  const pagefind = (await import(bundleUrl)) as {
    init: () => Promise<void>;
    search: (q: string) => Promise<{ results: { data: () => Promise<{ url: string }> }[] }>;
  };
  await pagefind.init();
  const search = await pagefind.search(query);
  const first = search.results[0] ? await search.results[0].data() : undefined;
  return { ms: performance.now() - started, results: search.results.length, firstUrl: first?.url };
}

/** Counts the bytes of every Pagefind response from now until `stop()`. */
function meterPagefind(on: (event: "response", listener: (response: Response) => void) => unknown): { stop: () => Promise<{ bytes: number; requests: number }> } {
  const pending: Promise<number>[] = [];
  let active = true;
  on("response", (response) => {
    if (!active || !/\/pagefind\//.test(new URL(response.url()).pathname)) return;
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
