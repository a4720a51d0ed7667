/**
 * The search page (`/search/?q=`): results in the reader's language first (see search-engine.ts),
 * filters with counts for the current query, 20 results at a time with "More results", keyboard
 * navigation, and a no-results state with "did you mean", popular cards and the support link.
 * Filters are a convenience, never access control: the public index only holds public cards.
 */
import { engineFor, SearchUnavailable, type Hit, type SearchEngine, type SearchOutcome } from "./search-engine.ts";
import { paceInput } from "./input-pace.ts";
import { reportSearch } from "./search-events.ts";
import { installSearchShortcuts, languageName, resultLink } from "./search-render.ts";
import { countFilters, countOf } from "./filter-counts.ts";
import { settledAddress } from "./settled-address.ts";

const PAGE_SIZE = 20;
/** Results painted before the rest of the first page is fetched: what a screen shows first. */
const FIRST_PAINT = 5;
/** A burst of input (keys typed faster than this apart) waits until it pauses this long. */
const QUIET_MS = 50;
const FILTER_LABELS: Record<string, string> = { collection: "Collection", audience: "Audience", status: "Verification", owner: "Owner", tag: "Tag", language: "Language" };

export async function startSearch(): Promise<void> {
  installSearchShortcuts();
  const config = document.querySelector<HTMLElement>("[data-search-config]")!;
  const form = document.querySelector<HTMLFormElement>("[data-search-form]")!;
  const input = form.querySelector<HTMLInputElement>("input[type=search]")!;
  const status = document.querySelector<HTMLElement>("[data-search-status]")!;
  const list = document.querySelector<HTMLOListElement>("[data-search-results]")!;
  const more = document.querySelector<HTMLButtonElement>("[data-search-more]")!;
  const empty = document.querySelector<HTMLElement>("[data-search-empty]")!;
  const didYouMean = document.querySelector<HTMLElement>("[data-search-suggest]")!;
  const filterBox = document.querySelector<HTMLElement>("[data-search-filters]");
  const filterNames = (config.dataset.filters ?? "").split(",").filter(Boolean);
  const engine = engineFor(config.dataset.bundle!);
  const params = new URLSearchParams(location.search);

  let available: Record<string, number>;
  try {
    available = await engine.languages();
  } catch (error) {
    status.textContent = (error instanceof SearchUnavailable && error.reason) || "Search is not available on this copy of the site (the search index is missing).";
    status.dataset.state = "done";
    return;
  }
  const selected = new Map<string, Set<string>>();
  for (const name of [...filterNames, "language"]) {
    const values = params.getAll(name);
    if (values.length > 0) selected.set(name, new Set(values));
  }
  const address = settledAddress();
  // A filter is a choice the reader made: the address holds it at once.
  const filters = filterBox ? new FilterPanel(filterBox, [...filterNames, ...(Object.keys(available).length > 1 ? ["language"] : [])], selected, () => void run(true)) : undefined;
  const panel = document.querySelector<HTMLDetailsElement>("[data-search-filter-panel]");
  if (panel) collapseOnNarrowScreens(panel);

  let generation = 0;
  let shown = 0;
  let outcome: SearchOutcome | undefined;

  async function run(chosen = false): Promise<void> {
    const query = input.value.trim();
    address.set(addressOf(query, selected), { now: chosen });
    const current = ++generation;
    empty.hidden = true;
    more.hidden = true;
    if (!query) {
      list.replaceChildren();
      status.textContent = "Type a question or a few words to search.";
      status.dataset.state = "done";
      filters?.update(undefined);
      return;
    }
    status.dataset.state = "searching";
    const languages = [...(selected.get("language") ?? [])];
    const pagefindFilters = Object.fromEntries([...selected].filter(([name]) => name !== "language").map(([name, values]) => [name, [...values]]));
    const result = await engine.search(query, { filters: pagefindFilters, ...(languages.length > 0 ? { languages } : {}) });
    if (current !== generation) return;
    outcome = result;
    shown = 0;
    // The first results are painted as soon as their data is in, and the rest of the page after them.
    await showMore(current, true, FIRST_PAINT);
    if (current !== generation) return;
    describe(result);
    status.dataset.mode = result.mode;
    status.dataset.state = "shown";
    await showMore(current);
    if (current !== generation) return;
    status.dataset.state = "done";
    reportSearch({
      query,
      surface: "page",
      lang: result.lang,
      results: result.hits.length,
      mode: result.mode,
      corrected: result.analysis.corrections.length > 0,
      filters: Object.fromEntries([...selected].map(([name, values]) => [name, [...values]])),
    });
    // Abandoned as soon as another search starts: a reader typing on would otherwise leave every language counted for each query.
    if (filters) void countFilters(engine, result, query, pagefindFilters, () => current === generation).then((counts) => counts && current === generation && filters.update(counts));
  }

  /**
   * Shows the next results, up to a page of them (or `count`) and no further than the page being filled; `fresh`
   * replaces the list (the old results stay until the new ones are ready).
   */
  async function showMore(current: number, fresh = false, count = PAGE_SIZE - (shown % PAGE_SIZE)): Promise<void> {
    if (!outcome) return;
    const next = outcome.hits.slice(shown, shown + count);
    const data = await Promise.all(next.map((hit) => hit.data()));
    if (current !== generation) return;
    const items = next.map((hit, i) => renderItem(hit, data[i]!));
    if (fresh) list.replaceChildren(...items);
    else list.append(...items);
    shown += next.length;
    // Hidden while the first page is still being filled, so that it cannot fetch the same results twice.
    more.hidden = shown >= outcome.hits.length || shown % PAGE_SIZE !== 0;
    more.textContent = `More results (${outcome.hits.length - shown} more)`;
  }

  function describe(result: SearchOutcome): void {
    const total = result.hits.length;
    const query = result.query;
    const parts: string[] = [];
    if (total === 0) parts.push(`No results for “${query}”.`);
    else parts.push(`${total} ${total === 1 ? "result" : "results"} for “${query}”`);
    const corrected = result.analysis.corrections;
    if (total > 0 && corrected.length > 0) parts.push(`(showing results for ${corrected.map((c) => `“${c.to}”`).join(", ")})`);
    if (total > 0 && result.mode === "some") parts.push("(not every word matched)");
    else if (result.whole !== undefined && result.whole < total) parts.push(`(${result.whole} with every word)`);
    if (total > 0 && result.lang !== result.readerLang && !selected.has("language")) parts.push(`(nothing in ${languageName(result.readerLang)}; showing ${languageName(result.lang)})`);
    status.textContent = parts.join(" ");
    if (total === 0) {
      const suggestions = [...new Set([...result.analysis.suggestions])];
      didYouMean.replaceChildren();
      if (suggestions.length > 0) {
        didYouMean.append("Did you mean ");
        suggestions.forEach((word, i) => {
          const link = document.createElement("a");
          link.href = `?q=${encodeURIComponent(replaceUnknown(query, result.analysis.unknown, word))}`;
          link.textContent = word;
          if (i > 0) didYouMean.append(", ");
          didYouMean.append(link);
        });
        didYouMean.append("?");
      }
      didYouMean.hidden = suggestions.length === 0;
      empty.hidden = false;
    }
  }

  const pace = paceInput(() => void run(), QUIET_MS);
  input.addEventListener("input", () => pace.input());
  input.addEventListener("focus", () => void engine.warm(input.value).catch(() => undefined));
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") {
      const first = list.querySelector<HTMLAnchorElement>("a.result-link");
      if (first) {
        event.preventDefault();
        first.focus();
      }
    } else if (event.key === "Escape" && input.value) {
      event.preventDefault();
      input.value = "";
      void run();
    }
  });
  list.addEventListener("keydown", (event) => {
    const links = [...list.querySelectorAll<HTMLAnchorElement>("a.result-link")];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    if (event.key === "ArrowDown" && links[at + 1]) links[at + 1]!.focus();
    else if (event.key === "ArrowDown" && !more.hidden) more.focus();
    else if (event.key === "ArrowUp") (links[at - 1] ?? input).focus();
    else if (event.key === "Escape") input.focus();
    else return;
    event.preventDefault();
  });
  more.addEventListener("click", () => {
    const firstNew = shown;
    void showMore(generation).then(() => list.querySelectorAll<HTMLAnchorElement>("a.result-link")[firstNew]?.focus());
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    pace.cancel();
    void run();
  });
  // What the reader typed while the page was loading wins over the address's query.
  if (!input.value) input.value = params.get("q") ?? "";
  // This page is for searching: the engine and the reader's index load now, while the reader types, not after the first keystroke.
  void engine.warm(input.value).catch(() => undefined);
  await run();
}

function renderItem(hit: Hit, data: Parameters<typeof resultLink>[1]): HTMLLIElement {
  const item = document.createElement("li");
  item.className = "result";
  item.dataset.url = data.url;
  item.dataset.lang = hit.lang;
  if (data.meta.audience) item.dataset.audience = data.meta.audience;
  if (data.meta.status) item.dataset.status = data.meta.status;
  item.append(resultLink(hit, data, { excerpt: true }));
  return item;
}

function replaceUnknown(query: string, unknown: readonly string[], word: string): string {
  const [first] = unknown;
  if (!first) return word;
  const at = query.toLowerCase().indexOf(first);
  return at < 0 ? word : `${query.slice(0, at)}${word}${query.slice(at + first.length)}`;
}

/** The page's address for a search: its query and chosen filters (what a reload or a shared link searches again). */
function addressOf(query: string, selected: Map<string, Set<string>>): URL {
  const url = new URL(location.href);
  if (query) url.searchParams.set("q", query);
  else url.searchParams.delete("q");
  for (const name of [...url.searchParams.keys()]) if (name !== "q" && name !== "lang") url.searchParams.delete(name);
  for (const [name, values] of selected) for (const value of values) url.searchParams.append(name, value);
  return url;
}

/**
 * Opens the filter panel where the stylesheet shows it beside the results (its summary is not
 * displayed there) and closes it where the summary shows (narrow screens), again whenever a
 * resize crosses the stylesheet's breakpoint; in between, the reader's choice stays.
 */
function collapseOnNarrowScreens(panel: HTMLDetailsElement): void {
  const summary = panel.querySelector("summary");
  if (!summary) return;
  const isWide = () => getComputedStyle(summary).display === "none";
  let wide = isWide();
  panel.open = wide;
  addEventListener("resize", () => {
    if (isWide() === wide) return;
    wide = !wide;
    panel.open = wide;
  });
}

/** The filter groups: every value of the site, with its count for the current query. */
class FilterPanel {
  private readonly box: HTMLElement;
  private readonly names: string[];
  private readonly selected: Map<string, Set<string>>;
  private readonly onChange: () => void;
  private readonly counters = new Map<string, HTMLSpanElement>();

  constructor(box: HTMLElement, names: string[], selected: Map<string, Set<string>>, onChange: () => void) {
    this.box = box;
    this.names = names;
    this.selected = selected;
    this.onChange = onChange;
  }

  update(counts: Record<string, Record<string, number>> | undefined): void {
    this.describe();
    if (!counts) {
      for (const counter of this.counters.values()) counter.textContent = "";
      return;
    }
    this.build(counts);
    this.describe();
    for (const [key, counter] of this.counters) {
      const [name, value] = key.split("\u0000") as [string, string];
      counter.textContent = String(countOf(counts, name, value));
    }
  }

  /** Shows the panel once it has groups, and says on its summary how many values are selected. */
  private describe(): void {
    const panel = this.box.closest<HTMLDetailsElement>("[data-search-filter-panel]");
    if (!panel) return;
    panel.hidden = this.box.childElementCount === 0;
    const active = [...this.selected.values()].reduce((n, values) => n + values.size, 0);
    const summary = panel.querySelector<HTMLElement>("[data-search-filter-summary]");
    if (summary) summary.textContent = active > 0 ? `Filters (${active} active)` : "Filters";
  }

  /** Adds the groups and values not shown yet (values appear as queries find them). */
  private build(counts: Record<string, Record<string, number>>): void {
    for (const name of this.names) {
      const values = Object.keys(counts[name] ?? {});
      for (const value of this.selected.get(name) ?? []) if (!values.includes(value)) values.push(value);
      const fresh = values.filter((value) => !this.counters.has(`${name}\u0000${value}`));
      if (fresh.length === 0) continue;
      let fieldset = this.box.querySelector<HTMLFieldSetElement>(`fieldset[data-filter="${name}"]`);
      if (!fieldset) {
        const details = document.createElement("details");
        details.open = values.length <= 12 || this.selected.has(name);
        const summary = document.createElement("summary");
        summary.textContent = FILTER_LABELS[name] ?? name;
        fieldset = document.createElement("fieldset");
        fieldset.dataset.filter = name;
        const legend = document.createElement("legend");
        legend.className = "visually-hidden";
        legend.textContent = FILTER_LABELS[name] ?? name;
        fieldset.append(legend);
        details.append(summary, fieldset);
        this.box.append(details);
      }
      for (const value of fresh.sort((a, b) => a.localeCompare(b))) fieldset.append(this.checkbox(name, value));
    }
  }

  private checkbox(name: string, value: string): HTMLLabelElement {
    const label = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.value = value;
    box.name = `filter-${name}`;
    box.checked = this.selected.get(name)?.has(value) ?? false;
    box.addEventListener("change", () => {
      const set = this.selected.get(name) ?? new Set<string>();
      if (box.checked) set.add(value);
      else set.delete(value);
      if (set.size > 0) this.selected.set(name, set);
      else this.selected.delete(name);
      this.describe();
      this.onChange();
    });
    const text = document.createElement("span");
    text.textContent = name === "language" ? languageName(value) : value;
    const n = document.createElement("span");
    n.className = "n";
    this.counters.set(`${name}\u0000${value}`, n);
    label.append(box, text, n);
    return label;
  }
}
