/**
 * Search under `npm run dev`. Astro's dev server renders pages on request and never runs
 * Pagefind, so it has no search index of its own: this middleware serves the index of the last
 * `verity build` of the same site (`dist/<site>/pagefind/` and `dist/<site>/search-data/`, under the
 * site's base path) with serve-static. Each site's dev server serves only its own site's folder,
 * so the public dev server never serves the wiki's index. Without a build, the index files answer
 * 503 with a JSON `error` that the search boxes show ("Search needs a build ...").
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { ServerResponse } from "node:http";
import { serveFolder, type Request } from "./static-server.ts";

/** The folders of a built site that search reads. */
const SEARCH_FOLDERS = ["pagefind", "search-data"];

export const NEEDS_BUILD_MESSAGE = "Search needs a build: run `npm run build` once (the dev server searches the last build's index), then reload this page.";

/** A Connect middleware (as Vite's dev server takes) serving the search files of `siteDir` under `base`. */
export function devSearchMiddleware(siteDir: string, base: string): (request: Request, response: ServerResponse, next: () => void) => void {
  const prefixes = SEARCH_FOLDERS.map((folder) => `${base}${folder}/`);
  const serve = serveFolder(siteDir);
  return (request, response, next) => {
    const url = request.url ?? "/";
    if (!prefixes.some((prefix) => url.startsWith(prefix))) return next();
    const notFound = () => {
      response.statusCode = 404;
      response.setHeader("content-type", "text/plain; charset=utf-8");
      response.end("Not found");
    };
    // Only the search folders: an encoded `..` may not reach the rest of the built site.
    if (!prefixes.some((prefix) => decodedPath(url).startsWith(prefix))) return notFound();
    if (!existsSync(path.join(siteDir, "pagefind", "pagefind-entry.json"))) {
      response.statusCode = 503;
      response.setHeader("content-type", "application/json; charset=utf-8");
      response.setHeader("cache-control", "no-store");
      response.end(JSON.stringify({ error: NEEDS_BUILD_MESSAGE }));
      return;
    }
    const original = request.url;
    request.originalUrl = url;
    request.url = `/${url.slice(base.length)}`;
    serve(request, response, () => {
      request.url = original;
      notFound();
    });
  };
}

/** The URL's path decoded and normalised (`..` resolved), or "" when it does not decode. */
function decodedPath(url: string): string {
  try {
    return path.posix.normalize(decodeURIComponent(url.split("?")[0]!));
  } catch {
    return "";
  }
}
