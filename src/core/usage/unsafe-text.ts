/**
 * Characters that text from a request must not carry into what people read later (the usage
 * report, the collector's log): control characters, line and paragraph separators, and the
 * bidirectional embeddings, overrides and isolates that reorder text on screen (U+202A-U+202E,
 * U+2066-U+2069). Decided once here for the events and the log alike.
 */
const UNSAFE_SOURCE = "\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069";
const UNSAFE = new RegExp(`[${UNSAFE_SOURCE}]`);
const UNSAFE_ALL = new RegExp(`[${UNSAFE_SOURCE}]`, "g");
/** The same, less the line feed and tab a multi-line comment keeps. */
const UNSAFE_IN_TEXT_ALL = new RegExp(`(?![\\n\\t])[${UNSAFE_SOURCE}]`, "g");

export function hasUnsafeChars(text: string): boolean {
  return UNSAFE.test(text);
}

/** Typed text as stored: unsafe characters dropped, line feeds and tabs kept. */
export function dropUnsafeChars(text: string): string {
  return text.replace(UNSAFE_IN_TEXT_ALL, "");
}

/** One line of text for a log: each unsafe character written as a `\uXXXX` escape. */
export function escapeUnsafeChars(text: string): string {
  return text.replace(UNSAFE_ALL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
