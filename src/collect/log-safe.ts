/**
 * One log line from text that came in a request: unsafe characters (a newline would start a
 * forged line, a bidi override reorders what an operator reads) are written as escapes, and the
 * line is capped.
 */
import { escapeUnsafeChars } from "../core/usage/unsafe-text.ts";

const MAX_LINE = 2000;

export function logSafe(line: string): string {
  const escaped = escapeUnsafeChars(line);
  return escaped.length > MAX_LINE ? `${escaped.slice(0, MAX_LINE)}… (${escaped.length - MAX_LINE} more characters)` : escaped;
}
