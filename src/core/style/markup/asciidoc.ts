/**
 * AsciiDoc, read as Vale reads it (lint/adoc.go): Asciidoctor converts the file to HTML (embedded,
 * secure, the document title kept, missing attributes dropped, no section numbers or table of
 * contents, plus the `[asciidoctor]` attributes of .vale.ini), and Vale's HTML walker reads the
 * prose. Curly quotes are made straight before and after the conversion (Asciidoctor turns `'` into
 * `’`), so rules read the apostrophes as written. The conversion is Asciidoctor's own
 * (`@asciidoctor/core`), loaded only when a file is AsciiDoc.
 */

import type { MarkupPage } from "./markup-prose.ts";

/** The extensions Vale reads as AsciiDoc (core/format.go). */
export const ASCIIDOC_EXTENSIONS: ReadonlySet<string> = new Set(["adoc", "asciidoc", "asc"]);

/** Vale's adocSanitizer (lint/adoc.go #206). */
const SANITIZE: [RegExp, string][] = [
  [/[\u2018\u2019]/g, "&apos;"],
  [/\u201C/g, "&#8220;"],
  [/\u201D/g, "&#8221;"],
  [/&#8217;|&rsquo;/g, "&apos;"],
];

export function sanitizeAsciidoc(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SANITIZE) out = out.replace(pattern, replacement);
  return out;
}

/** Attributes Vale passes to Asciidoctor (adocArgs), then the configuration's (`name = YES` sets, `NO` unsets). */
export function asciidoctorAttributes(configured: ReadonlyMap<string, string>): Record<string, string> {
  const attributes: Record<string, string> = { "notitle!": "", "attribute-missing": "drop", "sectnums!": "", "toc!": "" };
  for (const [name, value] of configured) {
    if (value === "YES") attributes[name] = "";
    else if (value === "NO") attributes[`${name}!`] = "";
    else attributes[name] = value;
  }
  return attributes;
}

/** Blocks whose text is code, never prose. A passthrough block is not one: its HTML is what Vale lints, written where the file has it. */
const VERBATIM = new Set(["listing", "literal", "stem"]);
/** The line that opens a delimited block (listing, literal, passthrough, example, sidebar, quote, open, fenced). */
const DELIMITER = /^(?:-{4,}|\.{4,}|\+{4,}|={4,}|\*{4,}|_{4,}|--|```.*)$/;

/** Converts an AsciiDoc file's text to the HTML Vale lints, with Asciidoctor in its secure mode (no include, no file read). */
export async function convertAsciidoc(source: string, configured: ReadonlyMap<string, string>): Promise<MarkupPage> {
  const { load, LoggerManager, NullLogger } = await import("@asciidoctor/core");
  // Asciidoctor's own warnings (an unterminated block, a duplicate id) are not style findings.
  LoggerManager.setLogger(new NullLogger());
  const doc = await load(sanitizeAsciidoc(source), { safe: "secure", standalone: false, sourcemap: true, attributes: asciidoctorAttributes(configured) });
  const verbatim: [number, number][] = [];
  const sourceLines = source.split("\n");
  for (const block of await doc.findBy((b) => VERBATIM.has(b.getContext()))) {
    const line = block.getLineNumber();
    if (line === undefined) continue;
    const lines = "getSourceLines" in block && typeof block.getSourceLines === "function" ? (block.getSourceLines() as string[]).length : 0;
    // A delimited block's line is its opening delimiter's (its closing one follows its lines); an indented literal paragraph's is its first line.
    const isDelimited = DELIMITER.test(sourceLines[line - 1]?.trimEnd() ?? "");
    verbatim.push([line, isDelimited ? line + lines + 1 : line + lines - 1]);
  }
  const html = await doc.convert();
  return { html: sanitizeAsciidoc(typeof html === "string" ? html : String(html)), format: "adoc", verbatim };
}

/**
 * The file's text where prose is looked for: verbatim blocks, comments (`// …` lines and `////` blocks)
 * and block attribute lines (`[source,java]`) are blanked, character for character, so the HTML's text is not
 * found in them (Vale masks line comments and `[source,…]` lists for the same reason, #296, #414).
 */
export function searchableAsciidoc(source: string, verbatim: readonly (readonly [number, number])[] = []): string {
  const lines = source.split("\n");
  for (const [first, last] of verbatim) for (let i = Math.max(first, 1) - 1; i < Math.min(last, lines.length); i++) lines[i] = " ".repeat(lines[i]!.length);
  /** The delimiter of the comment block the line is in (`////`, or longer). */
  let comment: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trimEnd();
    const isDelimiter = /^\/{4,}$/.test(trimmed);
    if (comment !== undefined || isDelimiter || /^\/\/(?!\/)/.test(line) || /^\[[^\]]*\]$/.test(trimmed)) lines[i] = " ".repeat(line.length);
    if (isDelimiter) comment = comment === undefined ? trimmed : comment === trimmed ? undefined : comment;
  }
  return lines.join("\n");
}
