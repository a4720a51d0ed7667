/**
 * Search under `npm run dev`: the Astro integration's dev middleware serves the last build's
 * Pagefind index and search data of the site the dev server runs (never the other site's), under
 * the site's base path, and says "Search needs a build" when there is none. Real HTTP requests
 * against the middleware the integration registers.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { devSearchMiddleware } from "../../src/build/dev-search.ts";
import { readBuildTarget, verity } from "../../src/build/integration.ts";
import { exampleCard } from "../../src/core/lint/rule-model.ts";
import { makeProject, makeTempDir, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

type Middleware = ReturnType<typeof devSearchMiddleware>;
const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((done) => server.close(done));
});

/** A dev server stand-in: the middleware first, then "Astro" answering every other request. */
async function serve(middleware: Middleware): Promise<string> {
  const server = createServer((request, response) => middleware(request, response, () => response.end("astro page")));
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
}

function writeBuild(siteDir: string, marker: string): void {
  mkdirSync(path.join(siteDir, "pagefind"), { recursive: true });
  mkdirSync(path.join(siteDir, "search-data"), { recursive: true });
  writeFileSync(path.join(siteDir, "pagefind", "pagefind-entry.json"), JSON.stringify({ version: "1", languages: { en: { page_count: 1 } }, marker }));
  writeFileSync(path.join(siteDir, "pagefind", "pagefind.js"), "export const marker = 1;\n");
  writeFileSync(path.join(siteDir, "search-data", "fold.json"), "{}");
  writeFileSync(path.join(siteDir, "secret.txt"), "not a search file");
}

describe("the dev search middleware", () => {
  it("serves the index and search data of the built site under the base path, and nothing else", async () => {
    const site = makeTempDir();
    writeBuild(site, "public");
    const url = await serve(devSearchMiddleware(site, "/help/"));
    const entry = await fetch(`${url}/help/pagefind/pagefind-entry.json`);
    expect(entry.status).toBe(200);
    expect(((await entry.json()) as { marker: string }).marker).toBe("public");
    const script = await fetch(`${url}/help/pagefind/pagefind.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toMatch(/javascript/);
    expect((await fetch(`${url}/help/search-data/fold.json`)).status).toBe(200);
    // Other paths are the dev server's own pages; a missing index file is a 404, never a page.
    expect(await (await fetch(`${url}/help/secret.txt`)).text()).toBe("astro page");
    expect(await (await fetch(`${url}/pagefind/pagefind-entry.json`)).text()).toBe("astro page");
    expect((await fetch(`${url}/help/pagefind/missing.pf_meta`)).status).toBe(404);
    expect((await fetch(`${url}/help/pagefind/..%2fsecret.txt`)).status).toBe(404);
  });

  it("answers 503 with 'Search needs a build' before the first build", async () => {
    const url = await serve(devSearchMiddleware(path.join(makeTempDir(), "public"), "/"));
    const response = await fetch(`${url}/pagefind/pagefind-entry.json`);
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(((await response.json()) as { error: string }).error).toMatch(/^Search needs a build: run `npm run build` once/);
    expect(await (await fetch(`${url}/billing/`)).text()).toBe("astro page");
  });
});

describe("the Astro integration under astro dev", () => {
  /** Runs the integration's astro:server:setup hook as astro dev does and returns what it registered. */
  async function devServer(site: "public" | "internal", root: string): Promise<string> {
    const target = await readBuildTarget({ VERITY_SITE: site, VERITY_TODAY: "2027-01-01" }, root);
    const middlewares: Middleware[] = [];
    const hook = verity(target).hooks["astro:server:setup"] as unknown as (options: unknown) => void;
    const logger = { info: () => undefined, warn: () => undefined };
    hook({ server: { middlewares: { use: (m: Middleware) => middlewares.push(m) } }, logger });
    expect(middlewares).toHaveLength(1);
    return serve(middlewares[0]!);
  }

  it("serves the last build of its own site from dist/<site>/ of the project, never the other site's", async () => {
    const root = makeProject({
      "verity.config.yml": "sites:\n  public: { base: /help/ }\n  internal: { base: /wiki/ }\n",
      "content/a/public.md": exampleCard({ audience: "external" }),
      "content/a/internal.md": exampleCard(),
    });
    writeBuild(path.join(root, "dist", "public"), "public");
    writeBuild(path.join(root, "dist", "internal"), "internal");
    const publicUrl = await devServer("public", root);
    expect(((await (await fetch(`${publicUrl}/help/pagefind/pagefind-entry.json`)).json()) as { marker: string }).marker).toBe("public");
    expect(await (await fetch(`${publicUrl}/wiki/pagefind/pagefind-entry.json`)).text()).toBe("astro page");
    const internalUrl = await devServer("internal", root);
    expect(((await (await fetch(`${internalUrl}/wiki/pagefind/pagefind-entry.json`)).json()) as { marker: string }).marker).toBe("internal");
  });

  it("registers nothing for a site build (verity build sets the data file)", async () => {
    const root = makeProject({ "content/a/public.md": exampleCard({ audience: "external" }) });
    const dev = await readBuildTarget({ VERITY_SITE: "public", VERITY_TODAY: "2027-01-01" }, root);
    const built = await readBuildTarget({ VERITY_SITE: "public", VERITY_SITE_DATA: dev.dataFile }, root);
    expect(built.devSiteDir).toBeUndefined();
    const middlewares: unknown[] = [];
    const hook = verity(built).hooks["astro:server:setup"] as unknown as (options: unknown) => void;
    hook({ server: { middlewares: { use: (m: unknown) => middlewares.push(m) } }, logger: { info: () => undefined, warn: () => undefined } });
    expect(middlewares).toEqual([]);
  });
});
