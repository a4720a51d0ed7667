/**
 * Characters that text from a request must not carry into what people (and assistants) read later,
 * the usage report, the weekly issue, the collector's log: control characters (Unicode Cc), format
 * characters (Cf: the bidirectional marks, embeddings, overrides and isolates that reorder text on
 * screen, zero-width characters, the invisible tag characters U+E0000-U+E007F that can carry a
 * hidden message), and the line and paragraph separators. Decided once here for the events and
 * the log alike.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
const UNSAFE_ALL = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
/**
 * The same, less what typed text needs: the line feed and tab of a multi-line comment, and the
 * zero-width joiner and non-joiner that emoji sequences and Persian or Indic words are written with.
 */
const UNSAFE_IN_TEXT_ALL = /(?![\n\t\u200c\u200d])[\p{Cc}\p{Cf}\u2028\u2029]/gu;

export function hasUnsafeChars(text: string): boolean {
  return UNSAFE.test(text);
}

/** Typed text as stored: unsafe characters dropped, line feeds, tabs and joiners kept. */
export function dropUnsafeChars(text: string): string {
  return text.replace(UNSAFE_IN_TEXT_ALL, "");
}

/** One line of text for a log: each unsafe character written as an escape (`\u000a`, `\u{e0041}`). */
export function escapeUnsafeChars(text: string): string {
  return text.replace(UNSAFE_ALL, (char) => {
    const code = char.codePointAt(0)!;
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
