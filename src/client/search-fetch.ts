/** How the search client fetches its data files (search-engine.ts). */

/** A JSON file of the site, or `fallback` when it is missing or unreadable. */
export async function fetchJson<T>(url: string, fallback: T): Promise<T> {
  try {
    const response = await fetch(url);
    return response.ok ? ((await response.json()) as T) : fallback;
  } catch {
    return fallback;
  }
}

/** The `error` of a JSON answer (the dev server's), else undefined (a site's 404 page). */
export async function explanation(response: Response): Promise<string | undefined> {
  if (!(response.headers.get("content-type") ?? "").startsWith("application/json")) return undefined;
  try {
    const body = (await response.json()) as { error?: unknown };
    return typeof body.error === "string" ? body.error : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The site has no search index here. `reason` is the server's own explanation when it gives one
 * (the dev server before the first build: "Search needs a build ..."), else undefined.
 */
export class SearchUnavailable extends Error {
  readonly reason: string | undefined;
  constructor(reason: string | undefined) {
    super(reason ?? "no search index");
    this.reason = reason;
  }
}
