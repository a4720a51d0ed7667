/**
 * The one place a finished search is reported, so usage measurement (zero-result searches, clicks)
 * can listen without touching the search code: `searchEvents.addEventListener("search", ...)`.
 */
export interface SearchReport {
  /** What the reader typed. */
  query: string;
  /** Where: the search page or the instant results under a search box. */
  surface: "page" | "instant";
  /** Language index that answered (or was searched first when nothing did). */
  lang: string;
  results: number;
  /** all: every word matched; some: fewer words; none: no result. */
  mode: "all" | "some" | "none";
  corrected: boolean;
  /** Filters the reader chose on the search page. */
  filters?: Record<string, string[]>;
}

export const searchEvents = new EventTarget();

export function reportSearch(report: SearchReport): void {
  searchEvents.dispatchEvent(new CustomEvent<SearchReport>("search", { detail: report }));
}
