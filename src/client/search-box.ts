/**
 * Instant results under a search box (header, home, 404): a combobox whose listbox shows the best
 * cards as the reader types; arrows move, Enter opens the highlighted card (or the search page),
 * Escape closes. Without JavaScript the box is a plain GET form to the search page.
 */
import { engineFor, SearchUnavailable, type Hit } from "./search-engine.ts";
import { paceInput } from "./input-pace.ts";
import { reportSearch } from "./search-events.ts";
import { installSearchShortcuts, resultLink } from "./search-render.ts";

const INSTANT_RESULTS = 6;
/** A burst of input (keys typed faster than this apart) waits until it pauses this long. */
const QUIET_MS = 50;

export function startSearchBoxes(): void {
  installSearchShortcuts();
  for (const form of document.querySelectorAll<HTMLFormElement>("form[data-search-box]")) setUpBox(form);
}

function setUpBox(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>("input[data-search-input]")!;
  fitPlaceholder(input);
  const listbox = form.querySelector<HTMLUListElement>("[role=listbox]")!;
  const live = form.querySelector<HTMLElement>("[data-search-live]")!;
  const engine = engineFor(form.dataset.bundle!);
  let generation = 0;
  let active = -1;

  const options = () => [...listbox.querySelectorAll<HTMLLIElement>("[role=option]")];
  const close = () => {
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const open = () => {
    if (listbox.children.length === 0) return;
    listbox.hidden = false;
    input.setAttribute("aria-expanded", "true");
  };
  const highlight = (index: number) => {
    const all = options();
    if (all.length === 0) return;
    active = (index + all.length) % all.length;
    all.forEach((option, i) => option.setAttribute("aria-selected", String(i === active)));
    input.setAttribute("aria-activedescendant", all[active]!.id);
    all[active]!.scrollIntoView({ block: "nearest" });
  };

  async function run(): Promise<void> {
    const query = input.value.trim();
    const current = ++generation;
    if (!query) {
      listbox.replaceChildren();
      live.textContent = "";
      close();
      return;
    }
    let outcome;
    try {
      outcome = await engine.search(query);
    } catch (error) {
      // No index on this copy of the site: the form still goes to the search page, which says so.
      // When the server explains why (the dev server before the first build), the box says it too.
      const reason = error instanceof SearchUnavailable ? error.reason : undefined;
      if (reason && current === generation) {
        const note = document.createElement("li");
        note.id = `${listbox.id}-note`;
        note.className = "instant-note";
        note.setAttribute("role", "option");
        note.setAttribute("aria-disabled", "true");
        note.setAttribute("aria-selected", "false");
        note.textContent = reason;
        listbox.replaceChildren(note);
        live.textContent = reason;
        if (document.activeElement === input) open();
      }
      return;
    }
    const top: Hit[] = outcome.hits.slice(0, INSTANT_RESULTS);
    const data = await Promise.all(top.map((hit) => hit.data()));
    if (current !== generation) return;
    const items = top.map((hit, i) => {
      const item = document.createElement("li");
      item.id = `${listbox.id}-${i}`;
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      item.dataset.url = data[i]!.url;
      const link = resultLink(hit, data[i]!, { excerpt: false });
      link.tabIndex = -1;
      item.append(link);
      return item;
    });
    const all = document.createElement("li");
    all.id = `${listbox.id}-all`;
    all.setAttribute("role", "option");
    all.setAttribute("aria-selected", "false");
    all.className = "instant-all";
    const allLink = document.createElement("a");
    allLink.href = `${form.action}?${new URLSearchParams(new FormData(form) as unknown as Record<string, string>).toString()}`;
    allLink.tabIndex = -1;
    allLink.textContent = outcome.hits.length > 0 ? `See all ${outcome.hits.length} results` : `No quick match for “${query}”: open the search page`;
    all.append(allLink);
    listbox.replaceChildren(...items, all);
    active = -1;
    live.textContent = outcome.hits.length === 0 ? "No results" : `${outcome.hits.length} ${outcome.hits.length === 1 ? "result" : "results"}`;
    if (document.activeElement === input) open();
    reportSearch({ query, surface: "instant", lang: outcome.lang, results: outcome.hits.length, mode: outcome.mode, corrected: outcome.analysis.corrections.length > 0 });
  }

  input.addEventListener("focus", () => {
    void engine.warm(input.value).catch(() => undefined);
    open();
  });
  const pace = paceInput(() => void run(), QUIET_MS);
  input.addEventListener("input", () => pace.input());
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (listbox.hidden) open();
      if (options().length === 0) return;
      event.preventDefault();
      highlight(active + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter" && active >= 0) {
      const link = options()[active]?.querySelector<HTMLAnchorElement>("a");
      if (link) {
        event.preventDefault();
        location.href = link.href;
      }
    } else if (event.key === "Escape") {
      if (!listbox.hidden) {
        event.preventDefault();
        close();
      } else input.value = "";
    }
  });
  listbox.addEventListener("mousedown", (event) => event.preventDefault()); // keep focus in the box while clicking a result
  form.addEventListener("focusout", (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) close();
  });
  // A reader who typed into the box before this script ran (a slow connection) gets the results now, not on the next key.
  if (input.value && document.activeElement === input) void run();
}

/**
 * Shows the box's short placeholder (`data-short-placeholder`) where the full one would be cut
 * (a phone), measured in the box's own font, and the full one again where it fits.
 */
function fitPlaceholder(input: HTMLInputElement): void {
  const full = input.placeholder;
  const short = input.dataset.shortPlaceholder;
  const context = short ? document.createElement("canvas").getContext("2d") : null;
  if (!short || !context) return;
  const fit = () => {
    const style = getComputedStyle(input);
    context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    input.placeholder = context.measureText(full).width <= room ? full : short;
  };
  fit();
  addEventListener("resize", fit);
}
