/**
 * Runs the golden query set through the real `/search/` page of a built public site in Chromium
 * and scores it: right card first (hit@1), in the top 5 (hit@5), no results, results shown but
 * none right, and internal cards shown. Shared by the sites test and `npm run bench`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";

export interface GoldenQuery {
  q: string;
  kind: string;
  /** Acceptable card URLs (site paths); empty for an internal-only question. */
  expect: string[];
}

export interface GoldenOutcome {
  query: GoldenQuery;
  urls: string[];
  rank: number | undefined;
  internalShown: string[];
  /** How the page answered: all words, fewer words (a retry), or none. */
  mode: string | undefined;
}

export interface GoldenFigures {
  /** Queries with an expected card (internal-only questions are counted apart). */
  answerable: number;
  hit1: number;
  hit5: number;
  noResults: number;
  wrongOnly: number;
  /** Internal-only questions that showed a result (a public card, never an internal one). */
  internalQuestionsWithResults: number;
  internalCardsShown: number;
  outcomes: GoldenOutcome[];
}

export const GOLDEN_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "search-golden.json");

export function readGoldenSet(file = GOLDEN_FILE): GoldenQuery[] {
  return (JSON.parse(readFileSync(file, "utf8")) as { queries: GoldenQuery[] }).queries;
}

/** Opens `/search/?q=` for each query and reads the result URLs once the page says it is done. */
export async function runGoldenSet(page: Page, siteUrl: string, queries: readonly GoldenQuery[], internalUrls: ReadonlySet<string>): Promise<GoldenFigures> {
  const outcomes: GoldenOutcome[] = [];
  for (const query of queries) {
    await page.goto(`${siteUrl.replace(/\/$/, "")}/search/?q=${encodeURIComponent(query.q)}`);
    await page.waitForFunction(
      () => {
        const status = document.querySelector("[data-search-status]");
        return status?.getAttribute("data-state") === "done" || /\d+ results?\b|No results/.test(status?.textContent ?? "");
      },
      undefined,
      { timeout: 15_000 },
    );
    const urls = await page.$$eval("[data-search-results] > li", (items) => items.map((li) => new URL((li as HTMLElement).dataset.url ?? "", location.href).pathname));
    const mode = await page.$eval("[data-search-status]", (el) => el.getAttribute("data-mode") ?? undefined);
    const at = urls.findIndex((url) => query.expect.includes(url));
    outcomes.push({ query, urls, rank: at < 0 ? undefined : at + 1, internalShown: urls.filter((url) => internalUrls.has(url)), mode });
  }
  return score(outcomes);
}

export function score(outcomes: GoldenOutcome[]): GoldenFigures {
  const answerable = outcomes.filter((o) => o.query.expect.length > 0);
  return {
    answerable: answerable.length,
    hit1: share(answerable, (o) => o.rank === 1),
    hit5: share(answerable, (o) => o.rank !== undefined && o.rank <= 5),
    noResults: share(answerable, (o) => o.urls.length === 0),
    wrongOnly: share(answerable, (o) => o.urls.length > 0 && (o.rank === undefined || o.rank > 5)),
    internalQuestionsWithResults: outcomes.filter((o) => o.query.expect.length === 0 && o.urls.length > 0).length,
    internalCardsShown: outcomes.reduce((n, o) => n + o.internalShown.length, 0),
    outcomes,
  };
}

function share(list: GoldenOutcome[], test: (o: GoldenOutcome) => boolean): number {
  return list.length === 0 ? 0 : (100 * list.filter(test).length) / list.length;
}

/** One line of figures, for the test log and the benchmark. */
export function describeFigures(f: GoldenFigures): string {
  const pct = (n: number) => `${n.toFixed(1)}%`;
  return `golden set: ${f.answerable} queries, hit@1 ${pct(f.hit1)}, hit@5 ${pct(f.hit5)}, no results ${pct(f.noResults)}, wrong only ${pct(f.wrongOnly)}, internal cards shown ${f.internalCardsShown}`;
}
