/**
 * No script from card content runs on either site (tests/fixtures/sites/attack: scripts, handlers,
 * script URLs, srcdoc, object, MDX, ids and names aimed at what the page's scripts look up, an SVG attachment, remote resources, text files that are programs), and the
 * Content-Security-Policy alone blocks injected script in a build with the sanitizer switched off.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareBuild, runBuild } from "../../src/build/build-sites.ts";
import { serveStatic, type StaticServer } from "../../src/build/static-server.ts";
import { loadProject } from "../../src/core/project/project.ts";
import { runsAsScript } from "../../src/core/site/script-text.ts";
import { buildFixture, eachAtOnce, FIXTURES, listFiles, tempDir, TODAY } from "./helpers.ts";

const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const PUBLIC_PAGES = ["help/scripts/", "help/handlers/", "help/urls/", "help/remote/", "help/frame-breakout/", "help/attachment/", "help/mdx-attack/", "help/component-attack/", "help/script-gadget/", "help/mxss/", "help/mdx-rawtext/", "help/clobber/"];
const WIKI_PAGES = [...PUBLIC_PAGES, "wiki/steal/"];

let out: string;
let unsafeOut: string;
let browser: Browser;
const servers: StaticServer[] = [];
let sites: { public: StaticServer; internal: StaticServer; unsafePublic: StaticServer };

beforeAll(async () => {
  out = tempDir("xss");
  const result = await buildFixture("attack", out);
  expect(result.code, result.stderr).toBe(0);
  // The same cards built with the sanitizer switched off (a test-only option of the build API).
  unsafeOut = tempDir("xss-unsanitized");
  const project = loadProject({ cwd: FIXTURES, root: path.join(FIXTURES, "attack"), today: TODAY });
  const prepared = await prepareBuild(project, { sites: ["public"], outDir: unsafeOut, progress: () => {}, unsafeSkipSanitizer: true });
  await runBuild(prepared, { sites: ["public"], outDir: unsafeOut, progress: () => {} });
  sites = {
    public: await serveStatic(path.join(out, "public")),
    internal: await serveStatic(path.join(out, "internal"), { base: "/wiki/" }),
    unsafePublic: await serveStatic(path.join(unsafeOut, "public")),
  };
  servers.push(...Object.values(sites));
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  for (const server of servers) await server.close();
  rmSync(out, { recursive: true, force: true });
  rmSync(unsafeOut, { recursive: true, force: true });
});

interface Visit {
  /** Characters of card text on the page (proves the card was there to attack). */
  bodyText: number;
  xss: unknown;
  dialogs: string[];
  violations: string[];
  requests: string[];
}

/** Opens a page, pokes every element of the card (hover, focus, toggles) and reports what ran. */
async function visit(url: string): Promise<Visit> {
  const page: Page = await browser.newPage();
  const dialogs: string[] = [];
  const requests: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("request", (request) => void requests.push(request.url()));
  await page.addInitScript(() => {
    (window as unknown as { __violations: string[] }).__violations = [];
    document.addEventListener("securitypolicyviolation", (event) => (window as unknown as { __violations: string[] }).__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => {
    for (const element of document.querySelectorAll<HTMLElement>(".card-body *")) {
      for (const type of ["mouseover", "mouseenter", "focus", "click", "toggle", "load", "error"]) {
        if (type === "click" && element.closest("a[href^='http'], a[href^='../'], a[href^='./']")) continue;
        element.dispatchEvent(new Event(type, { bubbles: true }));
      }
    }
    for (const details of document.querySelectorAll("details")) details.open = !details.open;
  });
  await page.waitForTimeout(150);
  const result = {
    bodyText: (await page.textContent(".card-body").catch(() => ""))?.trim().length ?? 0,
    xss: await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss),
    dialogs,
    violations: await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
    requests,
  };
  await page.close();
  return result;
}

/** Visits pages a few at a time (each waits for the network to be quiet, time spent idle), results in the pages' order. */
async function visitAll(urls: readonly string[]): Promise<Visit[]> {
  return eachAtOnce(urls, 4, visit);
}

describe("attack cards on the built sites", () => {
  it("run no script on the public help center, and break no policy (nothing left to block)", async () => {
    const visits = await visitAll(PUBLIC_PAGES.map((p) => `${sites.public.url}${p}`));
    for (const [i, p] of PUBLIC_PAGES.entries()) {
      const result = visits[i]!;
      expect(result.bodyText, p).toBeGreaterThan(0);
      expect(result.xss, p).toBeUndefined();
      expect(result.dialogs, p).toEqual([]);
      expect(result.violations, p).toEqual([]);
      expect(result.requests.every((r) => r.startsWith(sites.public.url)), `${p}: ${result.requests.join(", ")}`).toBe(true);
    }
  });

  it("run no script on the internal wiki", async () => {
    const visits = await visitAll(WIKI_PAGES.map((p) => `${sites.internal.url}${p}`));
    for (const [i, p] of WIKI_PAGES.entries()) {
      const result = visits[i]!;
      expect(result.bodyText, p).toBeGreaterThan(0);
      expect(result.xss, p).toBeUndefined();
      expect(result.dialogs, p).toEqual([]);
    }
  });

  it("keep the clicked script links inert", async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on("dialog", (d) => void (dialogs.push(d.message()), d.dismiss()));
    await page.goto(`${sites.public.url}help/urls/`);
    for (const link of await page.$$(".card-body a:not(.heading-anchor)")) await link.click({ noWaitAfter: true }).catch(() => {});
    await page.waitForTimeout(150);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss).catch(() => undefined)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it("show markup in search excerpts as text, on both sites", async () => {
    await eachAtOnce([sites.public, sites.internal], 2, async (server) => {
      const page = await browser.newPage();
      await page.goto(`${server.url}search/?q=zebracorn`);
      await page.waitForFunction(() => /result/.test(document.querySelector("[data-search-status]")?.textContent ?? ""), undefined, { timeout: 50_000 }).catch(async (error: Error) => {
        throw new Error(`${server.url}: ${await page.textContent("[data-search-status]")} ${error.message}`);
      });
      expect(await page.textContent("[data-search-results]")).toContain("onerror");
      expect(await page.$$("[data-search-results] img")).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
      await page.close();
    });
  }, 120_000);

  it("let no id or name of a card redirect what the page's scripts look up: the header search still works on its page", async () => {
    const page = await browser.newPage();
    await page.goto(`${sites.public.url}help/clobber/`);
    const lookups = await page.evaluate(() => ({
      body: document.body.tagName,
      head: document.head.tagName,
      main: document.getElementById("main")?.tagName,
      list: document.getElementById("header-search-results")?.getAttribute("role"),
      // Every id and name a card's HTML carries is the author's prefixed one or a heading's own, never a page's.
      ids: [...document.querySelectorAll(".card-body [id], .card-body [name]")].map((e) => e.id || e.getAttribute("name")),
    }));
    expect(lookups).toMatchObject({ body: "BODY", head: "HEAD", main: "MAIN", list: "listbox" });
    expect(lookups.ids.filter((id) => !/^user-content-/.test(id!) && ["body", "head", "main", "search", "header-search", "header-search-results", "currentScript", "activeElement"].includes(id!))).toEqual([]);
    const input = page.locator("#header-search");
    await input.fill("zebracorn");
    await page.waitForSelector("#header-search-results:not([hidden]) [role=option] a.result-link", { timeout: 50_000 });
    await input.press("ArrowDown");
    const active = await input.getAttribute("aria-activedescendant");
    // The option the box points at is the listbox's, the first element of that id (the header comes before the card).
    expect(await page.evaluate((id) => document.getElementById(id!)?.closest("[role=listbox]")?.id, active)).toBe("header-search-results");
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    await page.close();
  }, 120_000);

  it("reflect the search address's query, language and filters as text only, in the status, the box and the instant results", async () => {
    const payload = `<img src=x onerror="top.__xss='reflected'">`;
    const page = await browser.newPage();
    const query = new URLSearchParams({ q: `zebracorn ${payload}`, lang: `en"><img src=x onerror="top.__xss='lang'">`, tag: payload, collection: payload });
    await page.goto(`${sites.public.url}search/?${query}`);
    await page.waitForFunction(() => document.querySelector("[data-search-status]")?.getAttribute("data-state") === "done", undefined, { timeout: 50_000 });
    expect(await page.inputValue("#search-input")).toBe(`zebracorn ${payload}`);
    expect(await page.textContent("[data-search-status]")).toContain(payload);
    expect(await page.$$("main img")).toEqual([]);
    // The header box of a card page, typed into: its line to the search page carries the query in its address, encoded.
    await page.goto(`${sites.public.url}help/clobber/`);
    await page.locator("#header-search").fill(payload);
    await page.waitForSelector("#header-search-results:not([hidden]) .instant-all", { timeout: 50_000 });
    expect(await page.getAttribute("#header-search-results .instant-all a", "href")).toContain(`?q=${new URLSearchParams({ q: payload }).toString().slice(2)}`);
    expect(await page.$$("#header-search-results img")).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    await page.close();
  }, 120_000);

  it("show a card's entities in search excerpts as the page shows them, never decoded into markup", async () => {
    const page = await browser.newPage();
    await page.goto(`${sites.public.url}search/?q=quaggaline`);
    await page.waitForFunction(() => document.querySelector("[data-search-status]")?.getAttribute("data-state") === "done", undefined, { timeout: 50_000 });
    // The page says `&lt;img …&gt;` and `&lt;b&gt;` (entities written as text): so must the excerpt, with the word it matched marked.
    const excerpt = (await page.textContent("[data-search-results] .result-excerpt"))!;
    expect(excerpt).toContain(`&lt;img src=x onerror="top.__xss='entity'"&gt;`);
    expect(excerpt).toContain("&lt;b&gt;");
    expect(excerpt).not.toContain("<");
    expect(await page.$$eval("[data-search-results] .result-excerpt mark", (marks) => marks.map((m) => m.textContent))).toEqual(["Quaggaline", "quaggaline."]);
    expect(await page.$$("[data-search-results] .result-excerpt :not(mark)")).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    await page.close();
    const card = readFileSync(path.join(out, "public", "help", "search-entities", "index.html"), "utf8");
    expect(card).toContain("&#x26;lt;img src=x");
  }, 120_000);

  it("keep card titles and descriptions text in the Atom feed, served even without the policy header", async () => {
    await eachAtOnce([sites.public, sites.internal], 2, async (server) => {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on("dialog", (d) => void (dialogs.push(d.message()), d.dismiss()));
      // A host that ignores _headers (GitHub Pages, S3) serves the feed with no policy at all.
      await page.route("**/feed.xml", async (route) => {
        const response = await route.fetch();
        const headers = Object.fromEntries(Object.entries(response.headers()).filter(([name]) => name.toLowerCase() !== "content-security-policy"));
        await route.fulfill({ response, headers });
      });
      await page.goto(`${server.url}feed.xml`);
      await page.waitForTimeout(150);
      expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), server.url).toBeUndefined();
      expect(dialogs, server.url).toEqual([]);
      await page.close();
    });
    const feed = readFileSync(path.join(out, "public", "feed.xml"), "utf8");
    expect(feed).toContain("Billing ]]&gt;]]&gt;&lt;x:script");
    expect(feed).not.toMatch(/<x:(script|img)/);
  });

  it("never publish the SVG with script, and keep the allow-listed embed on the wiki only", () => {
    for (const site of ["public", "internal"]) expect(listFiles(path.join(out, site)).some((f) => f.endsWith("diagram.svg")), site).toBe(false);
    expect(readFileSync(path.join(out, "internal", "help", "remote", "index.html"), "utf8")).toContain('src="https://player.embeds.test/video/1"');
    const pub = readFileSync(path.join(out, "public", "help", "remote", "index.html"), "utf8");
    expect(pub).not.toContain("embeds.test");
    expect(pub).not.toContain("evil.test");
    expect(readFileSync(path.join(out, "public", "help", "urls", "index.html"), "utf8")).not.toContain("4242");
    // Text inside an allowed frame is written unescaped by the serializer: the frame keeps none, so it cannot close it.
    const frames = readFileSync(path.join(out, "internal", "help", "frame-breakout", "index.html"), "utf8");
    expect(frames.match(/<iframe [^>]*src="https:\/\/player\.embeds\.test\/video\/[23]"[^>]*><\/iframe>/g)).toHaveLength(2);
    expect(frames).not.toMatch(/framebreakout|onerror|http-equiv="?refresh/i);
    // An internal snippet in an external card (lint turned off here) never reaches either rendering of it.
    for (const site of ["public", "internal"]) expect(readFileSync(path.join(out, site, "help", "component-attack", "index.html"), "utf8")).not.toContain("4242-SNIPPET");
  });

  it("never publish a document with script under a name a server has no type for (it sniffs it as HTML)", async () => {
    const names = ["notes.txt.draft", "settings.ini", "server.log", "proxy.conf"];
    for (const site of ["public", "internal"]) expect(listFiles(path.join(out, site)).filter((f) => names.some((n) => f.endsWith(n))), site).toEqual([]);
    await eachAtOnce(names.flatMap((name) => [sites.public, sites.internal].map((site) => ({ url: site.url, name }))), 2, async (server) => {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on("dialog", (d) => void (dialogs.push(d.message()), d.dismiss()));
      // As Go's file server (Caddy, Hugo) or Apache serve a name their MIME table lacks: sniffed as text/html, no policy header.
      await page.route("**/_files/**", async (route) => {
        const response = await route.fetch();
        if (response.status() !== 200) return route.fulfill({ response });
        await route.fulfill({ response, headers: { "content-type": "text/html; charset=utf-8" } });
      });
      await page.goto(`${server.url}_files/help/${server.name}`);
      await page.waitForTimeout(150);
      expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), `${server.url} ${server.name}`).toBeUndefined();
      expect(dialogs, `${server.url} ${server.name}`).toEqual([]);
      await page.close();
    });
  });

  it("publish no file a page could run as a script but the sites' own scripts (Markdown copies, llms.txt, search data, attachments)", () => {
    for (const site of ["public", "internal"]) {
      const files = listFiles(path.join(out, site)).filter((f) => !/\.m?js$/.test(f));
      expect(files.length).toBeGreaterThan(20);
      expect(files.filter((f) => runsAsScript(readFileSync(f))).map((f) => path.relative(out, f))).toEqual([]);
    }
  });

  it("carry the policy on every page of both sites, and in _headers", () => {
    for (const site of ["public", "internal"]) {
      for (const file of listFiles(path.join(out, site)).filter((f) => f.endsWith(".html"))) {
        const html = readFileSync(file, "utf8");
        const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1];
        expect(meta, file).toBeDefined();
        expect(meta).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
        expect(meta).not.toMatch(/unsafe-inline/);
        expect(meta).toMatch(/object-src 'none'/);
        expect(meta).toMatch(/base-uri 'self'/);
        // No inline script anywhere: every script is a file of the site. JSON-LD structured data is
        // a data block browsers never run (its text has every "<" escaped).
        expect(html.match(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/ld\+json")[^>]*>/g) ?? [], file).toEqual([]);
      }
      expect(existsSync(path.join(out, site, "_headers"))).toBe(true);
    }
    expect(readFileSync(path.join(out, "internal", "_headers"), "utf8")).toMatch(/frame-src 'self' https:\/\/player\.embeds\.test/);
    expect(readFileSync(path.join(out, "public", "_headers"), "utf8")).toMatch(/frame-src 'self';/);
  });
});

describe("with the sanitizer switched off", () => {
  it("the injected script is in the page, and the Content-Security-Policy alone blocks it", async () => {
    const html = readFileSync(path.join(unsafeOut, "public", "help", "scripts", "index.html"), "utf8");
    expect(html).toContain('<script>top.__xss = "script"');
    expect(readFileSync(path.join(unsafeOut, "public", "help", "handlers", "index.html"), "utf8")).toContain("onerror=");
    let blocked = 0;
    const pages = ["help/scripts/", "help/handlers/", "help/urls/", "help/mdx-attack/", "help/component-attack/", "help/mxss/", "help/mdx-rawtext/"];
    const visits = await visitAll(pages.map((p) => `${sites.unsafePublic.url}${p}`));
    for (const [i, p] of pages.entries()) {
      const result = visits[i]!;
      expect(result.xss, p).toBeUndefined();
      expect(result.dialogs, p).toEqual([]);
      blocked += result.violations.length;
    }
    expect(blocked).toBeGreaterThan(3);
  });

  it("the policy's 'self' finds no file of the site to run, even served without nosniff (text and HTML that are programs are never published)", async () => {
    const gadgets = ["gadget-notes.txt", "gadget-page.shtml"];
    for (const dir of [unsafeOut, out]) for (const site of ["public", "internal"].filter((s) => existsSync(path.join(dir, s)))) {
      expect(listFiles(path.join(dir, site)).filter((f) => gadgets.some((g) => f.endsWith(g))), `${dir} ${site}`).toEqual([]);
    }
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on("dialog", (d) => void (dialogs.push(d.message()), d.dismiss()));
    // As a host that ignores _headers (GitHub Pages, S3) serves a card's files: typed by name, with no X-Content-Type-Options.
    await page.route("**/_files/**", async (route) => {
      const response = await route.fetch();
      const headers = Object.fromEntries(Object.entries(response.headers()).filter(([name]) => name.toLowerCase() !== "x-content-type-options"));
      await route.fulfill({ response, headers });
    });
    await page.goto(`${sites.unsafePublic.url}help/script-gadget/`);
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it("(the probe is real: the same unsanitized pages with their policy stripped do run the script)", async () => {
    const cards = ["handlers", "mxss", "mdx-rawtext"];
    const ran = await Promise.all(cards.map((card) => runsWithoutPolicy(`help/${card}/`)));
    for (const [i, card] of cards.entries()) expect(ran[i], card).toBeDefined();
  });
});

/** What an unsanitized page sets `__xss` to once its policy (meta and header) is stripped. */
async function runsWithoutPolicy(pagePath: string): Promise<unknown> {
  const page = await browser.newPage();
  await page.route(`**/${pagePath}`, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/<meta http-equiv="content-security-policy"[^>]*>/, "");
    // The policy comes twice: in the page and, as hosts send _headers, in the response.
    const headers = Object.fromEntries(Object.entries(response.headers()).filter(([name]) => name.toLowerCase() !== "content-security-policy"));
    await route.fulfill({ response, body, headers });
  });
  page.on("dialog", (d) => void d.dismiss());
  await page.goto(`${sites.unsafePublic.url}${pagePath}`);
  // An SVG animation begins after the page loads: wait for the script (the caller fails the page if it never runs).
  await page.waitForFunction(() => (window as unknown as { __xss?: unknown }).__xss !== undefined, undefined, { timeout: 10_000 }).catch(() => {});
  const xss = await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
  await page.close();
  return xss;
}
