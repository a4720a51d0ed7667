/**
 * A card file's bytes as text, and its text as a tree: every problem (not UTF-8, MDX that does not
 * parse) becomes a finding on the file instead of an exception.
 */
import type { Root } from "mdast";
import type { Finding } from "../lint/findings.ts";
import { MarkdownSyntaxError, parseMarkdownKept, type MarkdownFormat, type SerializedTree } from "./markdown.ts";

/** The card's text without a byte order mark, or undefined (a `file-encoding` problem) when it is not UTF-8. */
export function decodeCard(file: string, bytes: Uint8Array, problems: Finding[]): { source: string; hasBom: boolean } | undefined {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    problems.push({
      ruleId: "file-encoding",
      severity: "error",
      file,
      line: decoded.line,
      column: 1,
      message: "The file is not valid UTF-8 text. Re-save it as UTF-8 (most editors offer this under \"Save with encoding\").",
    });
    return undefined;
  }
  const hidden = CONTROL.exec(decoded.text);
  if (hidden) {
    const before = decoded.text.slice(0, hidden.index);
    const line = before.split("\n").length;
    const code = hidden[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
    problems.push({
      ruleId: "file-encoding",
      severity: "error",
      file,
      line,
      column: hidden.index - before.lastIndexOf("\n"),
      message:
        `The file holds an invisible control character (U+${code}), which no card needs: git shows a file with a NUL as binary, so its ` +
        "changes go unreviewed, and the pages, search and assistants would carry it as written. Remove it (retype the line if you cannot see it).",
    });
    return undefined;
  }
  const hasBom = decoded.text.startsWith("\uFEFF");
  return { source: hasBom ? decoded.text.slice(1) : decoded.text, hasBom };
}

/** C0 control characters and DEL, but for tab, line feed, vertical tab, form feed and carriage return. */
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/;

/** The card's tree, and the same parse serialized (for a worker thread), or undefined when it does not parse. */
export function parseCard(file: string, source: string, format: MarkdownFormat, problems: Finding[]): { tree: Root; serialized: SerializedTree } | undefined {
  try {
    return parseMarkdownKept(source, format);
  } catch (error) {
    if (!(error instanceof MarkdownSyntaxError)) throw error;
    problems.push({ ruleId: "markdown-syntax", severity: "error", file, line: error.line, column: error.column, message: `${error.message}.` });
    return undefined;
  }
}

function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; line: number } {
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const lenient = new TextDecoder("utf-8").decode(bytes);
    const bad = lenient.indexOf("\uFFFD");
    const line = bad < 0 ? 1 : lenient.slice(0, bad).split("\n").length;
    return { ok: false, line };
  }
}
