/** Indexes a built site with Pagefind's Node API; every response's errors are checked. */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import { CheckFailed } from "../core/errors.ts";
import type { SearchData } from "./search-terms.ts";

export interface IndexResult {
  pageCount: number;
}

/** Indexes each site folder into `<site>/pagefind/`, one index per site. */
export async function indexSites(siteDirs: readonly string[]): Promise<IndexResult[]> {
  try {
    // Both indexes are built side by side in the one Pagefind service.
    return await Promise.all(
      siteDirs.map(async (dir) => {
        const { index, errors } = await pagefind.createIndex({});
        fail(errors, "create the search index");
        if (!index) throw new CheckFailed("Pagefind did not create an index.");
        const added = await index.addDirectory({ path: dir });
        fail(added.errors, `index ${dir}`);
        const written = await index.writeFiles({ outputPath: path.join(dir, "pagefind") });
        fail(written.errors, "write the search index");
        removeUnusedInterfaces(path.join(dir, "pagefind"));
        await index.deleteIndex();
        return { pageCount: added.page_count };
      }),
    );
  } finally {
    await pagefind.close();
  }
}

/**
 * Pagefind writes its own search interfaces (Default, Modular and Component UI, the highlighter) beside
 * the index; the sites search with their own client on pagefind.js. Unused, those bundles would only
 * publish more script and their interface text in thirty languages, which the leak check would read
 * as an internal card's heading that happens to say "Search failed".
 */
function removeUnusedInterfaces(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (/^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/.test(name)) rmSync(path.join(dir, name));
  }
}

function fail(errors: readonly string[], what: string): void {
  if (errors.length > 0) throw new CheckFailed(`Pagefind could not ${what}:\n  ${errors.join("\n  ")}`);
}

/** Folder of a built site holding the search client's data: `vocabulary-<lang>.json`, `aliases-<lang>.json`, `fold.json`, `glossary.json`. */
export const SEARCH_DATA_DIR = "search-data";

/** Writes the vocabulary of each language, the Chinese folding table and the glossary the search client loads. */
export function writeSearchFiles(siteDir: string, search: SearchData): void {
  const dir = path.join(siteDir, SEARCH_DATA_DIR);
  mkdirSync(dir, { recursive: true });
  for (const [lang, data] of Object.entries(search.languages)) {
    writeFileSync(path.join(dir, `vocabulary-${lang}.json`), JSON.stringify(data.words));
    writeFileSync(path.join(dir, `aliases-${lang}.json`), JSON.stringify(data.aliases));
  }
  writeFileSync(path.join(dir, "fold.json"), JSON.stringify(search.fold));
  writeFileSync(path.join(dir, "glossary.json"), JSON.stringify(search.glossary));
}
