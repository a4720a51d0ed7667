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
