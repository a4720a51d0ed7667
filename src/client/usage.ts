/**
 * Usage measurement in the browser, only on sites with `usage` configured (the page then holds a
 * hidden `[data-usage]` element, see src/components/Usage.astro). Sends the events of
 * src/core/usage/events.ts (version 1) with `navigator.sendBeacon` to the configured collector.
 *
 * Private by design: no cookie, no localStorage, nothing about the reader's device; the visit id
 * is random and lives in this tab's sessionStorage only (gone when the tab closes).
 */
import { searchEvents, type SearchReport } from "./search-events.ts";

type Event =
  | { type: "card_view"; card: string }
  | { type: "search"; query: string; lang: string; results: number; filters: Record<string, string[]> }
  | { type: "result_open"; query: string; card: string; rank: number }
  | { type: "helpful"; card: string; helpful: boolean; comment?: string }
  | { type: "support_click"; searches: string[]; cards: string[] };

interface UsageConfig {
  endpoint: string;
  site: string;
  card: string | undefined;
}

const VISIT_KEY = "verity-usage-visit";
const TRAIL_KEY = "verity-usage-trail";
const OPEN_KEY = "verity-usage-open";
const TRAIL_LENGTH = 20;
/** A search counts once the reader stops typing for this long (or opens a result, or leaves). */
const SEARCH_SETTLE_MS = 1500;

let config: UsageConfig | null | undefined;
let memoryVisit: string | undefined;

function readConfig(): UsageConfig | null {
  if (config !== undefined) return config;
  const element = document.querySelector<HTMLElement>("[data-usage]");
  config = element?.dataset.endpoint && element.dataset.site ? { endpoint: element.dataset.endpoint, site: element.dataset.site, card: element.dataset.card || undefined } : null;
  return config;
}

function session(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

function readJson<T>(key: string): T | undefined {
  try {
    const text = session()?.getItem(key);
    return text ? (JSON.parse(text) as T) : undefined;
  } catch {
    return undefined;
  }
}

function writeJson(key: string, value: unknown): void {
  try {
    if (value === undefined) session()?.removeItem(key);
    else session()?.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: measurement is best effort.
  }
}

function visitId(): string {
  let id = readJson<string>(VISIT_KEY) ?? memoryVisit;
  if (!id || !/^[A-Za-z0-9_-]{8,64}$/.test(id)) {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    id = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
    writeJson(VISIT_KEY, id);
  }
  memoryVisit = id;
  return id;
}

/** What this visit searched and read, for a later contact-support click. */
function remember(kind: "searches" | "cards", value: string): void {
  const trail = readJson<{ searches: string[]; cards: string[] }>(TRAIL_KEY) ?? { searches: [], cards: [] };
  const list = trail[kind].filter((item) => item !== value);
  list.push(value);
  trail[kind] = list.slice(-TRAIL_LENGTH);
  writeJson(TRAIL_KEY, trail);
}

function send(events: Event[]): boolean {
  const usage = readConfig();
  if (!usage || events.length === 0 || typeof navigator.sendBeacon !== "function") return false;
  // A string body is sent as text/plain: a simple request, no preflight; the collector parses JSON.
  try {
    return navigator.sendBeacon(usage.endpoint, JSON.stringify({ v: 1, site: usage.site, visit: visitId(), events }));
  } catch {
    return false;
  }
}

let pendingSearch: Extract<Event, { type: "search" }> | undefined;
let lastQuery = "";
let timer: ReturnType<typeof setTimeout> | undefined;

function flushSearch(): void {
  clearTimeout(timer);
  if (!pendingSearch) return;
  const event = pendingSearch;
  pendingSearch = undefined;
  remember("searches", event.query);
  send([event]);
}

/** Called by the search page after each search; only the search the reader settles on is sent. */
function reportSearch(search: { query: string; results: number; filters?: ReadonlyMap<string, Iterable<string>> | Record<string, Iterable<string>>; lang?: string }): void {
  if (!readConfig()) return;
  const query = search.query.trim().slice(0, 200);
  const filters: Record<string, string[]> = {};
  const given = search.filters ?? {};
  for (const [name, values] of given instanceof Map ? given : Object.entries(given)) {
    const list = [...values].slice(0, 20);
    if (list.length > 0) filters[name] = list;
  }
  if (!query && Object.keys(filters).length === 0) return;
  lastQuery = query;
  pendingSearch = { type: "search", query, lang: search.lang ?? (document.documentElement.lang || "en").toLowerCase(), results: search.results, filters };
  clearTimeout(timer);
  timer = setTimeout(flushSearch, SEARCH_SETTLE_MS);
}

/** "Was this helpful?": returns false when the event could not be queued. */
export function reportHelpful(card: string, helpful: boolean, comment?: string): boolean {
  const text = comment?.trim().slice(0, 1000);
  return send([{ type: "helpful", card, helpful, ...(text ? { comment: text } : {}) }]);
}

/** Starts measuring this page: the card view, searches, result opens, contact-support clicks. */
export function startUsage(): void {
  const usage = readConfig();
  if (!usage) return;
  // Every finished search, on the search page or under a search box, is reported through one hook.
  searchEvents.addEventListener("search", (event) => {
    const { query, results, lang, filters } = (event as CustomEvent<SearchReport>).detail;
    reportSearch({ query, results, lang, ...(filters ? { filters } : {}) });
  });
  if (usage.card) {
    const events: Event[] = [{ type: "card_view", card: usage.card }];
    const opened = readJson<{ path: string; query: string; rank: number }>(OPEN_KEY);
    if (opened) {
      writeJson(OPEN_KEY, undefined);
      if (opened.path === location.pathname) events.push({ type: "result_open", query: opened.query, card: usage.card, rank: opened.rank });
    }
    remember("cards", usage.card);
    send(events);
  }
  // A result opened from the search page is reported by the card page it leads to (which knows the card id).
  const onResult = (event: MouseEvent) => {
    const link = (event.target as Element | null)?.closest?.("[data-search-results] a");
    if (!(link instanceof HTMLAnchorElement)) return;
    const items = [...document.querySelectorAll("[data-search-results] > li")];
    const rank = items.findIndex((item) => item.contains(link)) + 1;
    if (rank < 1) return;
    flushSearch();
    writeJson(OPEN_KEY, { path: new URL(link.href, location.href).pathname, query: lastQuery, rank });
  };
  document.addEventListener("click", onResult, true);
  document.addEventListener("auxclick", onResult, true);
  document.addEventListener(
    "click",
    (event) => {
      const link = (event.target as Element | null)?.closest?.("a.support-link, [data-usage-support]");
      if (!link) return;
      flushSearch();
      const trail = readJson<{ searches: string[]; cards: string[] }>(TRAIL_KEY) ?? { searches: [], cards: [] };
      send([{ type: "support_click", searches: trail.searches, cards: trail.cards }]);
    },
    true,
  );
  addEventListener("pagehide", flushSearch);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flushSearch();
  });
}
