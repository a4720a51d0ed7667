/**
 * INI text as Vale reads it (go-ini, errata-ai/ini v1.63): sections, keys with every value they are
 * given ("shadows"), the `file:line` of each, continued lines, quoted and multi-line values, inline
 * comments. What the keys mean is vale-ini.ts's concern.
 */
import { ConfigError } from "../errors.ts";

/** One value of a key, with the `file:line` it was read from. */
export interface IniValue {
  value: string;
  where: string;
}

/** A section as go-ini keeps it: keys in first-seen order, each with its first value and then its other values ("shadows"). */
export interface IniSection {
  /** Where the section was first opened. */
  where: string;
  keys: Map<string, IniValue[]>;
}

/** Sections by name in first-seen order; the keys above any `[section]` are in `DEFAULT`. */
export type IniDocument = Map<string, IniSection>;

export const DEFAULT_SECTION = "DEFAULT";

/**
 * Reads INI text into `doc` as Vale's reader does (go-ini, errata-ai/ini v1.63, loaded with
 * AllowShadows and SpaceBeforeInlineComment): a line ending in `\` goes on on the next lines; an
 * inline comment starts at ` #` (else ` ;`); a value in quotes loses them; a value in backquotes or
 * `"""` may span lines and is taken as written; `:` separates a key from its value as `=` does. A
 * key given again adds a value (a repeated value is dropped); a section given again is the same
 * section, also across files.
 */
export function readIni(text: string, file: string, doc: IniDocument): void {
  const lines = text.split(/(?<=\n)/);
  let index = 0;
  let section = sectionOf(doc, DEFAULT_SECTION, `${file}:1`);
  while (index < lines.length) {
    const lineNo = index + 1;
    const where = `${file}:${lineNo}`;
    const line = lines[index++]!.replace(/^\s+/, "");
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    if (line.startsWith("[")) {
      const close = line.lastIndexOf("]");
      if (close < 0) throw new ConfigError(`${where}: the section header "${line.trim()}" has no closing ].`, "A section header is a glob in brackets, such as [*.md].");
      const name = line.slice(1, close);
      if (name === "") throw new ConfigError(`${where}: the section header has no name.`, "A section header is a glob in brackets, such as [*.md].");
      section = sectionOf(doc, name, where);
      continue;
    }
    const [key, offset] = readKeyName(line, where);
    const value = readValue(line.slice(offset), () => (index < lines.length ? lines[index++]! : undefined), where);
    const values = section.keys.get(key);
    if (!values) section.keys.set(key, [{ value, where }]);
    else if (!values.some((v) => v.value === value)) values.push({ value, where });
  }
}

function sectionOf(doc: IniDocument, name: string, where: string): IniSection {
  let section = doc.get(name);
  if (!section) doc.set(name, (section = { where, keys: new Map() }));
  return section;
}

/** The key of a `key = value` line (the key may be in quotes) and where its value starts. */
function readKeyName(line: string, where: string): [string, number] {
  const quote = line.startsWith('"') ? (line.length > 6 && line.startsWith('"""') ? '"""' : '"') : line.startsWith("`") ? "`" : "";
  const close = quote ? line.indexOf(quote, quote.length) : 0;
  const delimiter = close < 0 ? -1 : line.slice(close + quote.length).search(/[=:]/);
  const key = delimiter < 0 ? "" : quote ? line.slice(quote.length, close).trim() : line.slice(0, delimiter).trim();
  if (key === "") throw new ConfigError(`${where}: expected "key = value", got "${line.trim()}".`, "Each line of a Vale config is a key = value pair or a [section] header.");
  return [key, close + quote.length + delimiter + 1];
}

/** go-ini's readValue: `rest` is the line after the delimiter, with its line break; `next` gives the following lines. */
function readValue(rest: string, next: () => string | undefined, where: string): string {
  let line = rest.replace(/^\s+/, "");
  if (line === "") return "";
  const quote = line.length > 3 && line.startsWith('"""') ? '"""' : line.startsWith("`") ? "`" : "";
  if (quote) {
    const close = line.lastIndexOf(quote);
    if (close >= quote.length) return line.slice(quote.length, close);
    let value = line.slice(quote.length);
    for (;;) {
      const more = next();
      if (more === undefined) throw new ConfigError(`${where}: the value opened with ${quote} is not closed.`, `Close it with ${quote}.`);
      const end = more.lastIndexOf(quote);
      if (end >= 0) return value + more.slice(0, end);
      value += more;
    }
  }
  line = line.trim();
  if (line.endsWith("\\")) {
    let value = line.slice(0, -1);
    for (;;) {
      const more = next()?.trim() ?? "";
      if (more === "") return value;
      value += more;
      if (!value.endsWith("\\")) return value;
      value = value.slice(0, -1);
    }
  }
  let comment = line.indexOf(" #");
  if (comment < 0) comment = line.indexOf(" ;");
  if (comment >= 0) line = line.slice(0, comment).trim();
  for (const q of ["'", '"']) {
    if (line.length >= 2 && line.startsWith(q) && line.endsWith(q) && line.indexOf(q, 1) === line.length - 1) return line.slice(1, -1);
  }
  return line;
}
