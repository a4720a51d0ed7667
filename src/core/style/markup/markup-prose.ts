/**
 * The prose of a file Vale reads as HTML (an HTML file, or the HTML Asciidoctor makes of an AsciiDoc
 * file): the blocks Vale's HTML walker reads (html-prose.ts: a paragraph, a list item, a cell, a
 * heading, image alt text), each character mapped to where the file writes it, so an alert is
 * reported on its own line and column.
 *
 * An HTML file's text is where the walker read it. A converted file's HTML keeps the file's text in
 * order, so each run of text is looked for from where the last one was found: as written when it is
 * (most prose), else word by word (Asciidoctor replaced an attribute or a `--`, or made quotes
 * curly), a word the file lacks standing where the search stands.
 */
import type { Nodes } from "mdast";
import { decodeHTML } from "entities";
import { extractHtmlBlocks, walkerSettings, type HtmlRun } from "../html-prose.ts";
import { appendAligned, appendMaskedLines, appendMaskedText, appendSeparator, makeBlock, newBuilder, pushRun, type Builder } from "../prose-block.ts";
import type { FileProse } from "../prose.ts";
import type { RewrittenSource } from "../comment-delimiters.ts";
import { collectComments } from "../prose-comments.ts";
import { summaryMetrics } from "../summary.ts";
import type { NlpTasks } from "../sub-blocks.ts";
import { searchableAsciidoc } from "./asciidoc.ts";
import { plainTextProse } from "./plain-text.ts";

/** A file read as HTML. */
export interface MarkupPage {
  /** The HTML Vale lints: the file itself, or what Asciidoctor made of it. */
  html: string;
  /** `html`, `adoc`, `rst`, `txt` (or a plain file's extension): the last section of each block's scope, which `text.html` or `heading.adoc` match. */
  format: string;
  /** The HTML is the file's own text (an HTML file): its offsets are the file's. */
  isSource?: boolean;
  /** Converted files: the lines (1-based, first and last) of verbatim blocks, never prose. */
  verbatim: [number, number][];
  /** A file with no markup (plain-text.ts): its text is the prose, `html` is empty. */
  plain?: boolean;
  /** The text converted, when `CommentDelimiters` rewrote the file: its HTML comments are looked for there. */
  converted?: RewrittenSource;
}

/** The extensions Vale reads as HTML (core/format.go). */
export const HTML_EXTENSIONS: ReadonlySet<string> = new Set(["html", "htm", "shtml", "xhtml"]);

/**
 * Whether `TokenIgnores` and `BlockIgnores` apply to a page: Vale rewrites their matches as code only
 * in Markdown, AsciiDoc, reStructuredText and Org (the readers that call its Transform: lint/md.go,
 * adoc.go, rst.go, org.go); plain text (lintTxt, lintLines) and HTML (lintHTML) are read as written.
 */
export function readsIgnorePatterns(page: MarkupPage | undefined): boolean {
  return page === undefined || (page.isSource !== true && page.plain !== true);
}

/** An HTML file, read as it is. */
export function htmlPage(source: string): MarkupPage {
  return { html: source, format: "html", isSource: true, verbatim: [] };
}

export interface MarkupProseOptions {
  ignoredScopes?: readonly string[] | undefined;
  ignoredClasses?: readonly string[] | undefined;
  skippedScopes?: readonly string[] | undefined;
  withTextMetrics?: boolean;
  withSyllables?: boolean;
  /** What Vale's NLP does to a plain text file: cut it into paragraphs, into sentences. */
  nlp?: NlpTasks | undefined;
}

/** A short run (`a`, `the`) is looked for this far ahead only, so that text the HTML has and the file does not cannot send the search to a later copy. */
const NEAR = 4_000;
const LONG_RUN = 12;
/** A word of a run the file does not have as is: looked for this far from the last word found. */
const WORD_GAP = 200;
/** How far after a word found alone the run's next word may start (a `{attribute}` or markup between). */
const NEXT_GAP = 80;
/** A blank line (or one blanked, as comments and code are): AsciiDoc's paragraphs end there. */
const BLANK_LINE = /\n[ \t]*\r?\n/;
const LEADING = /^[^\p{L}\p{N}]+/u;
const TRAILING = /[^\p{L}\p{N}]+$/u;

/** Finds the runs of the HTML's text in the file, in order. */
class SourceFinder {
  cursor = 0;
  /** A run of the block being built was found: its later words stay in its paragraph. */
  anchored = false;
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }

  /** Where `value` is written as is, from the cursor on (the cursor moves past it); -1 when it is not, near enough. */
  find(value: string, near = NEAR): number {
    const found = this.text.indexOf(value, this.cursor);
    if (found < 0 || (value.length < LONG_RUN && found - this.cursor > near)) return -1;
    this.cursor = found + value.length;
    this.anchored = true;
    return found;
  }

  /**
   * Where a word of a run the file does not have as is is written: near the cursor, in the same
   * paragraph (no blank line between, once a word of the block was found), and, unless only markup
   * comes before it, followed closely by the run's next word when it has one.
   * An attribute's value (`{contact}` for `e-mail`) is otherwise found in a later sentence, or in its
   * inline code, and `--fix` would edit that.
   */
  findWord(word: string, next: string | undefined): number {
    const found = this.text.indexOf(word, this.cursor);
    if (found < 0 || found - this.cursor > WORD_GAP || (this.anchored && BLANK_LINE.test(this.text.slice(this.cursor, found)))) return -1;
    const end = found + word.length;
    // Attribute entries and references only, and not inside code marks: the word is the next one written.
    const gap = this.text.slice(this.cursor, found).replace(/^:[^:\n]+:.*$/gm, "").replace(/\{[^}\n]*\}/g, "");
    const isNext = !/[\p{L}\p{N}]/u.test(gap) && !/[`+]/.test(this.text[found - 1] ?? "");
    if (!isNext) {
      // A last word found apart from the words before it is as likely someone else's (a quote's attribution, in code).
      if (next === undefined) {
        if (!this.anchored) return -1;
      } else {
        const after = this.text.indexOf(next, end);
        if (after < 0 || after - end > NEXT_GAP || BLANK_LINE.test(this.text.slice(end, after))) return -1;
      }
    }
    this.cursor = end;
    this.anchored = true;
    return found;
  }

  /**
   * Appends `value` to `builder`, each character mapped to where the file writes it: the whole run
   * when the file has it as is, else word by word (a word the file lacks, such as an attribute's
   * value, is mapped to where the search stands).
   */
  append(builder: Builder, value: string): void {
    const whole = this.find(value);
    if (whole >= 0) {
      pushRun(builder, value, whole);
      return;
    }
    // Text the HTML moves to its end (a footnote, after its number) is written earlier in the file.
    const [lead, core] = [value.length - value.replace(LEADING, "").length, value.replace(LEADING, "")];
    const earlier = core.length >= LONG_RUN ? this.text.indexOf(core) : -1;
    if (earlier >= 0 && earlier < this.cursor) {
      pushRun(builder, value.slice(0, lead), Math.max(earlier - lead, 0));
      pushRun(builder, core, earlier);
      return;
    }
    const pieces = value.split(/(\s+)/u).filter((piece) => piece !== "");
    pieces.forEach((piece, i) => {
      if (/\s/u.test(piece[0]!)) return pushRun(builder, piece, this.stand());
      // Pieces alternate words and spaces: the next word is one or two on.
      const following = [pieces[i + 1], pieces[i + 2]].find((p) => p !== undefined && !/\s/u.test(p[0]!));
      // The next word as the file may write it (without the quotes Asciidoctor made curly).
      const next = following === undefined ? undefined : following.replace(LEADING, "").replace(TRAILING, "") || following;
      const at = this.findWord(piece, next);
      if (at >= 0) return pushRun(builder, piece, at);
      // Quotes Asciidoctor made curly (`"\`Word\`"`), a dash it made of `--`: the word inside them.
      const inner = piece.replace(LEADING, "").replace(TRAILING, "");
      const innerAt = inner !== "" && inner !== piece ? this.findWord(inner, next) : -1;
      if (innerAt < 0) return pushRun(builder, piece, this.stand());
      const before = piece.indexOf(inner);
      pushRun(builder, piece.slice(0, before), Math.max(innerAt - before, 0));
      pushRun(builder, inner, innerAt);
      pushRun(builder, piece.slice(before + inner.length), innerAt + inner.length);
    });
  }

  /** Where a word the file lacks is placed: where the search stands. */
  stand(): number {
    return Math.min(this.cursor, Math.max(0, this.text.length - 1));
  }
}

/** Splits a file's HTML (`htmlPage`, or `convertAsciidoc`) into prose blocks placed in `source`. */
export function markupProse(source: string, { html, format, isSource, verbatim, plain, converted }: MarkupPage, options: MarkupProseOptions = {}): FileProse {
  if (plain) return plainTextProse(source, format, options.nlp ?? { segmentation: false, splitting: false });
  const result: FileProse = { blocks: [], inlineBlocks: [], comments: [], metrics: new Map(), quoted: new WeakSet() };
  const text = isSource || format !== "adoc" ? source : searchableAsciidoc(source, verbatim);
  const { blocks, alts } = extractHtmlBlocks(html, { ...walkerSettings(options), rst: format === "rst" });
  const count = (name: string) => result.metrics.set(name, (result.metrics.get(name) ?? 0) + 1);
  const finder = new SourceFinder(text);
  const original = (run: HtmlRun) => decodeHTML(html.slice(run.start, run.start + run.length)).trim();
  const appendRun = (builder: Builder, run: HtmlRun) => {
    if (run.start < 0) appendSeparator(builder, run.text, -1);
    else if (isSource) {
      if (run.masked) appendMaskedLines(builder, run.text, run.start, run.start + run.length);
      else appendAligned(builder, run.text, source, run.start, run.start + run.length);
      finder.cursor = run.start + run.length;
    } else if (run.masked) {
      // Code: its stars stand where the code is written.
      const code = original(run);
      const at = finder.find(code);
      if (at >= 0) appendMaskedLines(builder, run.text, at, at + code.length);
      else appendMaskedText(builder, run.text.length, finder.cursor);
    } else finder.append(builder, run.text);
  };
  // Alt text and the blocks are found in the order the HTML has them.
  const pieces: { at: number; scope: string[]; runs: HtmlRun[] }[] = [
    ...blocks.map((block) => ({ at: block.runs.find((r) => r.start >= 0)?.start ?? 0, scope: block.scope, runs: block.runs })),
    ...alts.map((alt) => ({ at: alt.start, scope: ["text", "attr", "alt"], runs: [alt] })),
  ].sort((a, b) => a.at - b.at);
  for (const piece of pieces) {
    const builder = newBuilder();
    const from = finder.cursor;
    finder.anchored = false;
    for (const run of piece.runs) appendRun(builder, run);
    // Alt text may be written far from where the image is shown (a reStructuredText substitution is defined
    // at the end): the search goes on from where it stood.
    const isAlt = piece.scope[1] === "attr";
    if (isAlt) finder.cursor = from;
    const value = builder.chars.join("");
    if (value.trim() === "") continue;
    const start = builder.segs.find((_, i) => i % 3 === 1 && builder.segs[i]! >= 0) ?? from;
    const block = makeBlock(nodeAt(start, Math.max(start, isAlt ? start + value.length : finder.cursor)), [...piece.scope, format], value, builder);
    const [, kind, level] = piece.scope;
    if (kind === "heading") {
      count(`heading.${level}`);
      count("heading");
    } else if (kind === "list" || kind === "blockquote") count(kind);
    else if (kind === "paragraph") count("paragraph");
    result.blocks.push(block);
  }
  // A converted file writes its comments its own way (AsciiDoc's `pass:[<!-- … -->]`, reStructuredText's `.. …`): rst's are looked for by their text,
  // in the text converted (a `CommentDelimiters` comment is written `<!-- … -->` there only), placed in the file as written.
  const comments = new SourceFinder(!converted ? text : format === "adoc" ? searchableAsciidoc(converted.text, verbatim) : converted.text);
  const commentAt = (index: number) => {
    const end = html.indexOf("-->", index);
    const at = Math.max(comments.find(format === "rst" ? html.slice(index + 4, end).trim() : html.slice(index, end + 3), Infinity), 0);
    return converted ? converted.toSource(at) : at;
  };
  collectComments(html, isSource ? (index) => index : commentAt, result.comments);
  if (options.withTextMetrics !== false) for (const [name, value] of summaryMetrics(result.blocks, options.withSyllables !== false)) result.metrics.set(name, value);
  return result;
}

/** The node a block is made from: only its type and source range are read. */
function nodeAt(start: number, end: number): Nodes {
  return { type: "html", value: "", position: { start: { line: 0, column: 0, offset: start }, end: { line: 0, column: 0, offset: end } } };
}

