/**
 * The search page's address (`?q=` and the filters), written once a search has stood for a moment rather than for
 * every search: in Chromium each `history.replaceState` also updates the browser's history entry and fetches and
 * decodes the page's icon again (a third of a question's time on the page), and more than 200 of them in ten
 * seconds are throttled. A reader typing on writes it once; a reader who clicks, presses Enter, hides the tab or
 * leaves the page writes it at once, so Back, a reload or a copied address holds the search they saw.
 */

/** How long a search stands before the address follows it (InstantSearch's history router waits 400 ms too). */
export const SETTLE_MS = 400;

export interface SettledAddress {
  /** The address of the search now shown: written once it has stood for the delay, or at once with `now`. */
  set(url: URL, options?: { now?: boolean }): void;
  /** Writes the pending address now, if it differs from the page's. */
  flush(): void;
}

export interface AddressHost {
  delayMs?: number;
  /** The page's address as it is now. */
  current?: () => string;
  write?: (url: URL) => void;
  window?: EventTarget;
  document?: EventTarget & { visibilityState?: string };
}

export function settledAddress(host: AddressHost = {}): SettledAddress {
  const delay = host.delayMs ?? SETTLE_MS;
  const current = host.current ?? (() => location.href);
  const write = host.write ?? ((url: URL) => history.replaceState(history.state, "", url));
  const win = host.window ?? window;
  const doc = host.document ?? document;
  let pending: URL | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const url = pending;
    pending = undefined;
    if (url && url.href !== current()) write(url);
  };
  // Capture: a result link's own handler or the browser's navigation comes after the address is written.
  win.addEventListener("pointerdown", flush, { capture: true });
  win.addEventListener("keydown", (event) => (event as KeyboardEvent).key === "Enter" && flush(), { capture: true });
  win.addEventListener("pagehide", flush);
  doc.addEventListener("visibilitychange", () => doc.visibilityState === "hidden" && flush());

  return {
    set(url, options = {}) {
      pending = url;
      clearTimeout(timer);
      if (options.now) flush();
      else timer = setTimeout(flush, delay);
    },
    flush,
  };
}
