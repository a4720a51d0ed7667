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

/** How each query reaches the search page: a fresh load of `/search/?q=`, or typed into a page already open. */
export type QueryMode = "load" | "in-page";

export interface RunOptions {
  /** With `in-page`: the pages are on the search page already, left there by `openSearchPage` or an earlier run. */
  open?: boolean;
}

/**
 * How many of the queries left a page takes at once, per page: a call into the page costs a round trip and the
 * runner's work, a share that is too large leaves the other pages idle at the end; taking a share of what is left
 * (fewer and fewer) does neither.
 */
const SHARES_PER_PAGE = 4;

/**
 * Runs each query through the search page and reads the result URLs once the page says it is done:
 * `load` opens `/search/?q=` for each (a reader's first visit), `in-page` opens the page once (unless
 * `options.open`) and submits each query in its box (a reader asking one thing after another, with what the
 * page loaded for the last kept). With several pages (tabs of one browser), each takes the next queries as
 * it finishes its last; the outcomes keep the queries' order.
 */
export async function runGoldenSet(
  pages: Page | readonly Page[],
  siteUrl: string,
  queries: readonly GoldenQuery[],
  internalUrls: ReadonlySet<string>,
  mode: QueryMode = "load",
  options: RunOptions = {},
): Promise<GoldenFigures> {
  const tabs = Array.isArray(pages) ? pages : [pages as Page];
  const outcomes: GoldenOutcome[] = new Array(queries.length);
  let next = 0;
  const work = async (page: Page) => {
    if (mode === "in-page" && !options.open) await openSearchPage(page, siteUrl);
    while (next < queries.length) {
      const at = next;
      const batch = queries.slice(at, at + (mode === "load" ? 1 : Math.ceil((queries.length - at) / (tabs.length * SHARES_PER_PAGE))));
      next += batch.length;
      if (mode === "load") await page.goto(`${searchUrlOf(siteUrl)}?q=${encodeURIComponent(batch[0]!.q)}`);
      const answers = await answersWhenDone(page, mode === "load" ? [null] : batch.map((query) => query.q));
      batch.forEach((query, i) => (outcomes[at + i] = outcomeOf(query, answers[i]!, internalUrls)));
    }
  };
  await Promise.all(tabs.map(work));
  return score(outcomes);
}

function searchUrlOf(siteUrl: string): string {
  return `${siteUrl.replace(/\/$/, "")}/search/`;
}

/**
 * Opens the search page and waits until it can take a query: the page takes over its form once its script has
 * started (it then marks the empty search done); a query submitted before that would be the browser's own submit,
 * a new page load.
 */
export async function openSearchPage(page: Page, siteUrl: string): Promise<void> {
  await page.goto(searchUrlOf(siteUrl));
  await answersWhenDone(page, [null]);
}

/** What the page shows once its search is done: the result URLs (site paths) and how it answered. */
interface Answer {
  urls: string[];
  mode: string | undefined;
}

/**
 * In one call into the page, for each query in turn: submits it in the search box (null: none, for a page just
 * loaded with `?q=`) and reads the answer once the page's status says the search is done. The page's own submit
 * handler runs the search and marks the status "searching" before it returns, so a page already used waits for this
 * query's "done", not the last one's; a page just loaded is done by its state or its text.
 */
async function answersWhenDone(page: Page, queries: readonly (string | null)[]): Promise<Answer[]> {
  return page.evaluate(
    async ([asked, timeoutMs]) => {
      const status = document.querySelector("[data-search-status]")!;
      const answerOne = (q: string | null) =>
        new Promise<Answer>((resolve, reject) => {
          if (q !== null) {
            const form = document.querySelector<HTMLFormElement>("[data-search-form]")!;
            form.querySelector<HTMLInputElement>("input[type=search]")!.value = q;
            form.requestSubmit();
          }
          const done = () => status.getAttribute("data-state") === "done" || (q === null && /\d+ results?\b|No results/.test(status.textContent ?? ""));
          const answer = (): Answer => ({
            urls: [...document.querySelectorAll<HTMLElement>("[data-search-results] > li")].map((li) => new URL(li.dataset.url ?? "", location.href).pathname),
            mode: status.getAttribute("data-mode") ?? undefined,
          });
          if (done()) return resolve(answer());
          const observer = new MutationObserver(() => {
            if (!done()) return;
            observer.disconnect();
            clearTimeout(timer);
            resolve(answer());
          });
          const timer = setTimeout(() => {
            observer.disconnect();
            reject(new Error(`the search page did not finish ${JSON.stringify(q)} within ${timeoutMs} ms`));
          }, timeoutMs);
          observer.observe(status, { attributes: true, childList: true, characterData: true, subtree: true });
        });
      const answers: Answer[] = [];
      for (const q of asked) answers.push(await answerOne(q));
      return answers;
    },
    [queries, DONE_TIMEOUT_MS] as const,
  );
}

const DONE_TIMEOUT_MS = 15_000;

function outcomeOf(query: GoldenQuery, { urls, mode }: Answer, internalUrls: ReadonlySet<string>): GoldenOutcome {
  const at = urls.findIndex((url) => query.expect.includes(url));
  return { query, urls, rank: at < 0 ? undefined : at + 1, internalShown: urls.filter((url) => internalUrls.has(url)), mode };
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
