/**
 * The page `verity style` reads for a file that is not Markdown, by how Vale reads its format
 * (style-files.ts markupFormatOf): an HTML file as it is, AsciiDoc and reStructuredText through the
 * HTML their converters make, plain text and unknown formats without markup. A file that cannot be
 * read gives a MarkupError, which names the finding to report and what to do.
 */
import path from "node:path";
import { notCheckedNotice, type FileReader } from "../style-files.ts";
import type { ValeConfig } from "../vale-ini.ts";
import { rewriteCommentDelimiters } from "../comment-delimiters.ts";
import { convertAsciidoc } from "./asciidoc.ts";
import { htmlPage, type MarkupPage } from "./markup-prose.ts";
import { hasTooManyParagraphs, MAX_TEXT_PARAGRAPHS, plainPage } from "./plain-text.ts";
import { convertRst, RstError } from "./rst.ts";

export class MarkupError extends Error {
  readonly ruleId: string;
  constructor(ruleId: string, message: string) {
    super(message);
    this.ruleId = ruleId;
  }
}

/**
 * The page of `file` (`source`, its text) as `reader` reads it; undefined for Markdown. `delimiters`:
 * the file's `CommentDelimiters`, which Vale writes as `<!--` and `-->` into the text it gives
 * Asciidoctor and docutils (lint/adoc.go and lint/rst.go call Transform); alerts are still placed in
 * the file as written. HTML and plain text are read as they are (Vale transforms neither).
 */
export async function markupPageOf(reader: FileReader, file: string, source: string, config: ValeConfig | undefined, delimiters: readonly (readonly [string, string])[] = []): Promise<MarkupPage | undefined> {
  const rewritten = delimiters.length > 0 ? rewriteCommentDelimiters(source, delimiters) : undefined;
  const converted = (page: MarkupPage): MarkupPage => (rewritten ? { ...page, converted: rewritten } : page);
  switch (reader) {
    case undefined:
      return undefined;
    case "html":
      return htmlPage(source);
    case "txt":
      if (hasTooManyParagraphs(source)) {
        throw new MarkupError("file-too-large", `The file has more than ${MAX_TEXT_PARAGRAPHS.toLocaleString("en-US")} paragraphs (text between blank lines), more than verity style checks in one file, so its prose was not checked. Split it, or leave it out with --glob.`);
      }
      return plainPage("txt");
    case "asciidoc":
      try {
        return converted(await convertAsciidoc(rewritten?.text ?? source, config?.asciidoctor ?? new Map()));
      } catch (error) {
        throw new MarkupError("asciidoc-syntax", `Asciidoctor could not convert the file (${(error as Error).message}), so its prose was not checked. Fix the AsciiDoc, or leave the file out with --glob.`);
      }
    case "rst":
      try {
        return converted(convertRst(rewritten?.text ?? source));
      } catch (error) {
        if (!(error instanceof RstError)) throw error;
        throw new MarkupError("rst-conversion", `The reStructuredText was not converted, so its prose was not checked: ${error.message}. Fix that, or leave the file out with --glob.`);
      }
    case "code":
    case "unread":
      throw new MarkupError("format-not-read", `${notCheckedNotice(reader)}. Leave the file out, or name a file of one of those formats.`);
    case "lines":
      // A binary file (an image, an archive) has no text to read; Vale would read its bytes as words.
      if (source.includes("\u0000")) throw new MarkupError("not-text", "The file is binary (it holds NUL bytes), so it has no prose to check. Leave it out with --glob.");
      return plainPage(path.extname(file).slice(1).toLowerCase());
  }
}
