/**
 * Line-level edits of top-level scalar fields in a card's frontmatter. Only the value of the
 * edited line changes: comments, key order, the quoting of every other key, line endings (CRLF
 * stays CRLF, a lone CR stays a lone CR), a byte order mark and the body stay byte for byte. The quoting of an edited value
 * is kept (a quoted date stays quoted).
 */

export type QuoteStyle = "plain" | "double" | "single";

export interface FieldLine {
  key: string;
  /** Index of the line in the file's line list. */
  index: number;
  /** Text up to the value: the key, the colon and the spaces after it. */
  head: string;
  /** The value as written, quotes included ("" when empty). */
  raw: string;
  /** The value with its quotes removed. */
  value: string;
  quote: QuoteStyle;
  /** Spaces and comment after the value, without the line ending. */
  tail: string;
  /** `\n`, `\r\n`, `\r` or "" on a last line without one. */
  eol: string;
}

export interface FrontmatterLines {
  /** Every line of the file, each with its own line ending; joined they give the file back. */
  lines: string[];
  /** Index of the opening `---` line and of the closing one. */
  open: number;
  close: number;
  /** Top-level keys of the frontmatter, by key. */
  fields: Map<string, FieldLine>;
}

const KEY = /^([A-Za-z_][\w-]*)([ \t]*:)(?=[ \t]|$)/;

/**
 * Splits `text` (BOM included, if any) into lines and finds the frontmatter's top-level keys. A line
 * ends as YAML and the card loader end one: CRLF, LF, or a lone CR (classic Mac OS files).
 */
export function readFrontmatterLines(text: string): FrontmatterLines | undefined {
  const lines = text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
  const first = (lines[0] ?? "").replace(/^\uFEFF/, "");
  if (!/^---[ \t]*(?:\r\n|\r|\n)$/.test(first)) return undefined;
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    if (/^(---|\.\.\.)[ \t]*(\r\n|\r|\n)?$/.test(lines[i]!)) {
      close = i;
      break;
    }
  }
  if (close < 0) return undefined;
  const fields = new Map<string, FieldLine>();
  for (let i = 1; i < close; i++) {
    const field = parseFieldLine(lines[i]!, i);
    if (field && !fields.has(field.key)) fields.set(field.key, field);
  }
  return { lines, open: 0, close, fields };
}

function parseFieldLine(line: string, index: number): FieldLine | undefined {
  const eol = /\r\n$|[\r\n]$/.exec(line)?.[0] ?? "";
  const content = line.slice(0, line.length - eol.length);
  const match = KEY.exec(content);
  if (!match) return undefined;
  const afterColon = content.slice(match[0].length);
  const spaces = /^[ \t]*/.exec(afterColon)![0];
  const head = match[0] + spaces;
  const rest = afterColon.slice(spaces.length);
  let raw: string;
  let value: string;
  let quote: QuoteStyle;
  if (rest.startsWith('"')) {
    const end = findClosingDoubleQuote(rest);
    if (end < 0) return undefined;
    raw = rest.slice(0, end + 1);
    value = JSON.parse(raw) as string;
    quote = "double";
  } else if (rest.startsWith("'")) {
    const end = findClosingSingleQuote(rest);
    if (end < 0) return undefined;
    raw = rest.slice(0, end + 1);
    value = raw.slice(1, -1).replace(/''/g, "'");
    quote = "single";
  } else {
    const comment = /(^|[ \t])#/.exec(rest);
    raw = (comment ? rest.slice(0, comment.index) : rest).replace(/[ \t]+$/, "");
    value = raw;
    quote = "plain";
  }
  return { key: match[1]!, index, head, raw, value, quote, tail: rest.slice(raw.length), eol };
}

function findClosingDoubleQuote(text: string): number {
  for (let i = 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}

function findClosingSingleQuote(text: string): number {
  for (let i = 1; i < text.length; i++) {
    if (text[i] === "'") {
      if (text[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/** Writes `value` in a quoting style; plain text that YAML would misread is double-quoted. */
export function formatScalar(value: string, quote: QuoteStyle): string {
  if (quote === "double") return JSON.stringify(value);
  if (quote === "single") return `'${value.replace(/'/g, "''")}'`;
  return isSafePlainScalar(value) ? value : JSON.stringify(value);
}

/** True when `value` reads back as the same string when written without quotes. */
export function isSafePlainScalar(value: string): boolean {
  if (value === "" || value !== value.trim()) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value)) return false;
  if (/: |\s#|[\r\n]/.test(value) || value.endsWith(":")) return false;
  return !/^(true|false|yes|no|on|off|null|~|[-+]?[\d.]+(e[-+]?\d+)?)$/i.test(value);
}

/** Replaces the value of an existing field, keeping its quoting, comment and line ending. */
export function setFieldValue(fm: FrontmatterLines, key: string, value: string): void {
  const field = fm.fields.get(key);
  if (!field) throw new Error(`field ${key} is not in the frontmatter`);
  const raw = formatScalar(value, field.quote);
  const tail = field.raw === "" && field.tail !== "" && !field.tail.startsWith(" ") ? ` ${field.tail}` : field.tail;
  fm.lines[field.index] = `${field.head}${field.head.endsWith(":") ? " " : ""}${raw}${tail}${field.eol}`;
}

/** Inserts `key: value` lines right after the line of `afterKey`, with that line's ending. */
export function insertFieldsAfter(fm: FrontmatterLines, afterKey: string, entries: { key: string; raw: string }[]): void {
  const anchor = fm.fields.get(afterKey);
  if (!anchor) throw new Error(`field ${afterKey} is not in the frontmatter`);
  const eol = anchor.eol === "" ? "\n" : anchor.eol;
  if (anchor.eol === "") fm.lines[anchor.index] += eol;
  const inserted = entries.map((e) => `${e.key}: ${e.raw}${eol}`);
  fm.lines.splice(anchor.index + 1, 0, ...inserted);
  for (const field of fm.fields.values()) if (field.index > anchor.index) field.index += inserted.length;
  if (fm.close > anchor.index) fm.close += inserted.length;
}

export function joinLines(fm: FrontmatterLines): string {
  return fm.lines.join("");
}
