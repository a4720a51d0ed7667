/**
 * Search page in the browser, on Pagefind's JS API. Pagefind keeps one index per language; the page
 * merges every language's index so a Korean, Chinese or Japanese query finds cards in that language
 * from any page. `?q=` runs the search on load; filters narrow the results (a convenience, never
 * access control: the public index only ever contains public cards).
 */

import { reportSearch } from "./usage.ts";

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindSearch {
  results: { id: string; data: () => Promise<PagefindResultData> }[];
  filters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, unknown> }): Promise<PagefindSearch | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

const PAGE_SIZE = 20;
const FILTER_LABELS: Record<string, string> = { collection: "Collection", audience: "Audience", status: "Verification", owner: "Owner", tag: "Tag" };

export async function startSearch(): Promise<void> {
  const config = document.querySelector<HTMLElement>("[data-search-config]")!;
  const form = document.querySelector<HTMLFormElement>("[data-search-form]")!;
  const input = form.querySelector<HTMLInputElement>("input[type=search]")!;
  const status = document.querySelector<HTMLElement>("[data-search-status]")!;
  const list = document.querySelector<HTMLOListElement>("[data-search-results]")!;
  const filterBox = document.querySelector<HTMLElement>("[data-search-filters]");
  const bundle = config.dataset.bundle!;
  const filterNames = (config.dataset.filters ?? "").split(",").filter(Boolean);
  const siteBase = bundle.replace(/pagefind\/$/, "");

  let pagefind: Pagefind;
  try {
    pagefind = await loadPagefind(bundle, siteBase);
  } catch {
    status.textContent = "Search is not available on this copy of the site (the search index is missing).";
    return;
  }
  const selected = new Map<string, Set<string>>();
  if (filterBox && filterNames.length > 0) renderFilters(filterBox, await pagefind.filters(), filterNames, selected, () => void run());

  let generation = 0;
  async function run(): Promise<void> {
    const term = input.value.trim();
    const url = new URL(location.href);
    if (term) url.searchParams.set("q", term);
    else url.searchParams.delete("q");
    history.replaceState(null, "", url);
    const current = ++generation;
    if (!term && selected.size === 0) {
      list.replaceChildren();
      status.textContent = "Type a question or a few words to search.";
      return;
    }
    status.textContent = "Searching…";
    const filters: Record<string, unknown> = {};
    for (const [name, values] of selected) if (values.size > 0) filters[name] = { any: [...values] };
    const search = await pagefind.search(term || null, { filters });
    if (current !== generation || !search) return;
    const data = await Promise.all(search.results.slice(0, PAGE_SIZE).map((r) => r.data()));
    if (current !== generation) return;
    list.replaceChildren(...data.map(renderResult));
    const total = search.results.length;
    reportSearch({ query: term, results: total, filters: selected });
    status.textContent =
      total === 0
        ? `No results for “${term}”. Try fewer or different words.`
        : `${total} ${total === 1 ? "result" : "results"}${term ? ` for “${term}”` : ""}${total > PAGE_SIZE ? ` (showing the first ${PAGE_SIZE})` : ""}`;
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 200);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") {
      const first = list.querySelector<HTMLAnchorElement>("a");
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  });
  list.addEventListener("keydown", (event) => {
    const links = [...list.querySelectorAll<HTMLAnchorElement>("a.result-link")];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    if (event.key === "ArrowDown" && links[at + 1]) links[at + 1]!.focus();
    else if (event.key === "ArrowUp") (links[at - 1] ?? input).focus();
    else return;
    event.preventDefault();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void run();
  });
  input.value = new URLSearchParams(location.search).get("q") ?? "";
  await run();
}

async function loadPagefind(bundle: string, siteBase: string): Promise<Pagefind> {
  const entryResponse = await fetch(`${bundle}pagefind-entry.json`);
  if (!entryResponse.ok) throw new Error("no search index");
  const entry = (await entryResponse.json()) as { languages: Record<string, { page_count: number }> };
  const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
  await pagefind.options({ baseUrl: siteBase, excerptLength: 28 });
  await pagefind.init();
  const languages = Object.keys(entry.languages);
  const primary = primaryLanguage(document.documentElement.lang.toLowerCase(), entry.languages);
  const absolute = new URL(bundle, location.href).href;
  for (const language of languages) {
    if (language === primary) continue;
    // A different spelling of the same bundle path, so Pagefind loads it as a second index.
    await pagefind.mergeIndex(`${absolute}./`, { language, baseUrl: siteBase });
  }
  return pagefind;
}

/** The language Pagefind picks for the page: exact, then the base language, then the largest index. */
function primaryLanguage(lang: string, languages: Record<string, { page_count: number }>): string | undefined {
  if (languages[lang]) return lang;
  const base = lang.split("-")[0]!;
  if (languages[base]) return base;
  return Object.entries(languages).sort((a, b) => b[1].page_count - a[1].page_count)[0]?.[0];
}

function renderResult(data: PagefindResultData): HTMLLIElement {
  const item = document.createElement("li");
  item.className = "result";
  item.dataset.url = data.url;
  if (data.meta.audience) item.dataset.audience = data.meta.audience;
  if (data.meta.status) item.dataset.status = data.meta.status;
  const link = document.createElement("a");
  link.className = "result-link";
  link.href = data.url;
  const title = document.createElement("span");
  title.className = "result-title";
  title.textContent = data.meta.title ?? data.url;
  link.append(title);
  const meta = document.createElement("span");
  meta.className = "result-meta";
  if (data.meta.audience) meta.append(badge(data.meta.audience === "internal" ? "Internal only" : "Public", data.meta.audience === "internal" ? "badge-internal" : "badge-public"));
  if (data.meta.status) meta.append(badge(data.meta.statusLabel ?? data.meta.status, `badge-${data.meta.status}`));
  if (data.meta.collection) meta.append(badge(data.meta.collection, "tag"));
  link.append(meta);
  const excerpt = document.createElement("p");
  excerpt.className = "result-excerpt";
  excerpt.innerHTML = data.excerpt; // Pagefind escapes the text; only <mark> is markup.
  link.append(excerpt);
  item.append(link);
  return item;
}

function badge(text: string, className: string): HTMLSpanElement {
  const span = document.createElement("span");
  span.className = className === "tag" ? "tag" : `badge small ${className}`;
  span.textContent = text;
  return span;
}

function renderFilters(
  box: HTMLElement,
  available: Record<string, Record<string, number>>,
  names: string[],
  selected: Map<string, Set<string>>,
  onChange: () => void,
): void {
  for (const name of names) {
    const values = available[name];
    if (!values || Object.keys(values).length === 0) continue;
    // Short groups start open; long ones (owners, tags on a big wiki) start folded.
    const details = document.createElement("details");
    details.open = Object.keys(values).length <= 12;
    const summary = document.createElement("summary");
    summary.textContent = FILTER_LABELS[name] ?? name;
    const fieldset = document.createElement("fieldset");
    fieldset.dataset.filter = name;
    const legend = document.createElement("legend");
    legend.className = "visually-hidden";
    legend.textContent = FILTER_LABELS[name] ?? name;
    fieldset.append(legend);
    details.append(summary, fieldset);
    for (const [value, count] of Object.entries(values).sort((a, b) => a[0].localeCompare(b[0]))) {
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.value = value;
      box.name = `filter-${name}`;
      box.addEventListener("change", () => {
        const set = selected.get(name) ?? new Set<string>();
        if (box.checked) set.add(value);
        else set.delete(value);
        if (set.size > 0) selected.set(name, set);
        else selected.delete(name);
        onChange();
      });
      const text = document.createElement("span");
      text.textContent = value;
      const n = document.createElement("span");
      n.className = "n";
      n.textContent = String(count);
      label.append(box, text, n);
      fieldset.append(label);
    }
    box.append(details);
  }
}
