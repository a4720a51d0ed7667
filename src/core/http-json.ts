/**
 * JSON for the answers of Verity's own HTTP servers (`verity collect`, `verity mcp --http`), which
 * quote request text (an unknown field's name, an Origin or Host header). `<`, `>` and `&` are
 * written as escapes, and U+2028 and U+2029 too: the same value to every JSON reader, and no markup
 * to a browser that sniffs the body as a page (the collector is served on the help center's own
 * origin). The answers say `nosniff` as well.
 */
export const NOSNIFF = { "x-content-type-options": "nosniff" } as const;

export function httpJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
