/** Indexes a built site with Pagefind's Node API; every response's errors are checked. */
import path from "node:path";
import * as pagefind from "pagefind";
import { CheckFailed } from "../core/errors.ts";

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
        await index.deleteIndex();
        return { pageCount: added.page_count };
      }),
    );
  } finally {
    await pagefind.close();
  }
}

function fail(errors: readonly string[], what: string): void {
  if (errors.length > 0) throw new CheckFailed(`Pagefind could not ${what}:\n  ${errors.join("\n  ")}`);
}
