/** Result markup shared by the search page and the instant results under every search box. */
import type { Hit, ResultData } from "./search-engine.ts";
import { excerptNodes } from "./search-excerpt.ts";

const names = new Map<string, string>();
/** "Korean", "Japanese": the name of a language in the page's language. */
export function languageName(lang: string): string {
  let name = names.get(lang);
  if (!name) {
    try {
      name = new Intl.DisplayNames([document.documentElement.lang || "en", "en"], { type: "language" }).of(lang) ?? lang;
    } catch {
      name = lang;
    }
    names.set(lang, name);
  }
  return name;
}

/** A result's title, badges and excerpt inside a link; `excerpt: false` for the compact instant list. */
export function resultLink(hit: Hit, data: ResultData, options: { excerpt: boolean }): HTMLAnchorElement {
  const link = document.createElement("a");
  link.className = "result-link";
  link.href = data.url;
  const title = document.createElement("span");
  title.className = "result-title";
  title.textContent = data.meta.title ?? data.url;
  title.lang = hit.lang;
  link.append(title);
  const meta = document.createElement("span");
  meta.className = "result-meta";
  if (data.meta.audience) meta.append(badge(data.meta.audience === "internal" ? "Internal only" : "Public", data.meta.audience === "internal" ? "badge-internal" : "badge-public"));
  if (data.meta.status) meta.append(badge(data.meta.statusLabel ?? data.meta.status, `badge-${data.meta.status}`));
  if (hit.foreign) meta.append(badge(`In ${languageName(hit.lang)}`, "badge-lang"));
  if (data.meta.collection) meta.append(badge(data.meta.collection, "tag"));
  link.append(meta);
  if (options.excerpt) {
    const excerpt = document.createElement("p");
    excerpt.className = "result-excerpt";
    excerpt.lang = hit.lang;
    // Never parsed as HTML: Pagefind's excerpt leaves `&` as it is, so a page's `&lt;b&gt;` would come back as `<b>`.
    excerpt.replaceChildren(...excerptNodes(data.excerpt, data.content));
    link.append(excerpt);
  }
  return link;
}

function badge(text: string, className: string): HTMLSpanElement {
  const span = document.createElement("span");
  span.className = className === "tag" ? "tag" : `badge small ${className}`;
  span.textContent = text;
  return span;
}

/** True when a key press happens in a field that takes text, where `/` must type a slash. */
export function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element) return false;
  return element.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName);
}

/** `/` and Ctrl+K (Cmd+K) focus the page's main search box from anywhere. Installed once. */
export function installSearchShortcuts(): void {
  const root = document.documentElement;
  if (root.dataset.searchShortcuts) return;
  root.dataset.searchShortcuts = "on";
  document.addEventListener("keydown", (event) => {
    const isSlash = event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
    const isCtrlK = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "k";
    if (!isSlash && !isCtrlK) return;
    const input = [...document.querySelectorAll<HTMLInputElement>("input[data-search-input]")].find((i) => i.offsetParent !== null);
    if (!input) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}
