/**
 * One log line from text that came in a request: control characters (a newline would start a
 * forged line) and bidirectional overrides (which reorder what an operator reads) are written as
 * escapes, and the line is capped.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const MAX_LINE = 2000;

export function logSafe(line: string): string {
  const escaped = line.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return escaped.length > MAX_LINE ? `${escaped.slice(0, MAX_LINE)}… (${escaped.length - MAX_LINE} more characters)` : escaped;
}
