/**
 * Where Vale puts an alert (core/file.go `AddAlert`, `assignLoc`, `FindLoc`; core/location.go
 * `initialPosition`, `guessLocation`). Vale does not keep the match's offset: it searches the
 * block's line for the matched text, as a word (`(?:^|\b|_)match(?:_|\b|$)`, ASCII word boundaries),
 * from where the block's text starts when the line holds it as written, skipping a hit next to a
 * backtick or a hyphen. After each alert of a check it masks the first occurrence of the match with
 * `#` in that check's copy of the text, for the check's next alert in the same block; an alert that
 * lands where one of the check's alerts already is (same line and column) is dropped. So a repeated
 * word on one line can be reported once (`This is a very important sentence. There is …`: `is` at
 * column 6 only), as Vale's scenario "Overwrite MinAlertLevel (suggestion)" expects.
 *
 * A wrapped paragraph is searched the same way over the file from the paragraph on (`FindLoc`). The
 * text searched, as Vale's walker holds it, is built in vale-context.ts.
 */
import type { ProseBlock } from "./prose.ts";
import type { RawAlert } from "./rule-types.ts";

/** Written in the source where Vale's Sanitize reads a straight apostrophe. */
export const RSQUO = "&rsquo;";

/** A check's copy of the line, `#`-masked as its alerts in the block are placed (Vale's `ChkToCtx`). */
export interface CheckLine {
  text: string;
}

/**
 * How Vale searches for a block's alert: `line`, the block's one line (`assignLoc`); `last`, the last
 * line of a list item, quote, heading or cell written over several lines (`assignLoc` goes to the
 * block's line, which Vale's walker takes from the block's last line); `file`, the file from the block
 * on (`FindLoc`: a wrapped paragraph, or any paragraph of standard input). When `line` or `last` finds
 * nothing, Vale searches the file as for `file`.
 */
export type SearchMode = { kind: "line" } | { kind: "last"; line: number } | { kind: "file" };

/**
 * Where Vale reports `match` of a block whose text is `blockText` and `sentences` its sentences,
 * searching the check's copy of the context (the file from the block's first line on, with text Vale
 * has already linted masked): lines into the context and 1-based column in code points, or `drop` when
 * Vale finds no place and drops the alert. Masks the match in the context for the check's next alert.
 */
export function placeInContext(context: CheckLine, blockText: string, sentences: readonly string[], match: string, mode: SearchMode): { lines: number; column: number } | "drop" {
  const ctx = context.text;
  if (match === "") return "drop";
  let place: { lines: number; column: number } | undefined;
  if (mode.kind !== "file") {
    const lineIndex = mode.kind === "line" ? 0 : mode.line;
    const lineStarts = [0];
    for (let i = ctx.indexOf("\n"); i >= 0 && lineStarts.length <= lineIndex + 1; i = ctx.indexOf("\n", i + 1)) lineStarts.push(i + 1);
    const from = lineStarts[lineIndex];
    if (from !== undefined) {
      const to = lineStarts[lineIndex + 1] ?? ctx.length;
      const column = initialPosition(ctx.slice(from, to), blockText, sentences, match);
      if (column !== undefined) place = { lines: lineIndex, column: column.column };
    }
  }
  if (!place) {
    const found = initialPosition(ctx, blockText, sentences, match);
    if (found) place = { lines: found.lines, column: found.column };
  }
  if (!place) return "drop";
  context.text = substituteFirst(ctx, match, "#");
  return place;
}

/**
 * core/location.go initialPosition on `ctx`: from where the block's text starts when `ctx` holds it
 * as written, the first whole-word hit not next to a backtick or hyphen, else the first hit, else the
 * first occurrence, else column 1 of the first line holding every word of the match's sentence
 * (`guessLocation`). Undefined when none.
 */
function initialPosition(ctx: string, blockText: string, sentences: readonly string[], match: string): { lines: number; column: number } | undefined {
  const offset = ctx.indexOf(blockText);
  const searched = offset > 0 ? substituteFirst(ctx, ctx.slice(0, offset), "@") : ctx;
  let index = -1;
  let first = -1;
  for (const [start, end] of wordHits(searched, match)) {
    if (first < 0) first = start;
    // Vale's workaround for #673: skip a hit with a backtick or hyphen before it, or one character after it.
    const before = start - 1;
    const after = end + 1;
    if (before > 0 && (searched[before] === "`" || searched[before] === "-")) continue;
    if (after < searched.length && (searched[after] === "`" || searched[after] === "-")) continue;
    index = start;
    break;
  }
  if (index < 0) index = first;
  if (index < 0) index = searched.indexOf(match);
  if (index < 0) {
    const line = guessLine(searched.split("\n"), sentences, match);
    return line < 0 ? undefined : { lines: line, column: 1 };
  }
  if (searched[index] === "_") index++;
  const lineStart = searched.lastIndexOf("\n", index - 1) + 1;
  let lines = 0;
  for (let i = searched.indexOf("\n"); i >= 0 && i < lineStart; i = searched.indexOf("\n", i + 1)) lines++;
  return { lines, column: codePointsBefore(searched.slice(lineStart), index - lineStart) + 1 };
}

/**
 * The hits of Go's `(?:^|\b|_)match(?:_|\b|$)` in `text`, leftmost-first and not overlapping, as
 * [start, end) with the underscores the pattern takes; ASCII word characters, as Go's `\b`.
 */
function* wordHits(text: string, match: string): Generator<[number, number]> {
  const isWord = (i: number) => i >= 0 && i < text.length && /[0-9A-Za-z_]/.test(text[i]!);
  let from = 0;
  let lastEnd = 0;
  for (let at = text.indexOf(match, from); at >= 0; at = text.indexOf(match, from)) {
    const end = at + match.length;
    // An underscore the previous hit took is not there to start this one (Go's FindAll resumes after it).
    const startsUnderscore = at - 1 >= lastEnd && text[at - 1] === "_";
    const opens = at === 0 || isWord(at - 1) !== isWord(at) || startsUnderscore;
    const closes = text[end] === "_" || end === text.length || isWord(end - 1) !== isWord(end);
    if (opens && closes) {
      // Leftmost first: an underscore before the match starts the hit one character earlier.
      const hitStart = startsUnderscore ? at - 1 : at;
      const hitEnd = text[end] === "_" ? end + 1 : end;
      yield [hitStart, hitEnd];
      from = hitEnd;
      lastEnd = hitEnd;
    } else from = at + 1;
  }
}

/** Vale's core.Substitute: the first occurrence of `sub` in `text`, each character (not a newline) replaced by `char`. */
export function substituteFirst(text: string, sub: string, char: string): string {
  const at = text.indexOf(sub);
  if (at < 0 || sub === "") return text;
  let masked = "";
  for (const c of sub) masked += c === "\n" ? c : char;
  return text.slice(0, at) + masked + text.slice(at + sub.length);
}

/** The line as Vale's Markdown context holds it: a numbered list's marker and a reference label are stars (lint/md.go). */
export function valeContextLine(line: string): string {
  return line.replace(/^\d+\./, (m) => "*".repeat(m.length)).replace(/\]\[([^\]\n]+)\]/g, (m) => `][${"*".repeat([...m].length - 3)}]`);
}

/** Number of code points in `text` before `index` (Vale counts columns in runes). */
function codePointsBefore(text: string, index: number): number {
  let n = 0;
  for (let i = 0; i < index; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xdc00 || code > 0xdfff) n++;
  }
  return n;
}

const SPECIAL = /^(?:[A-Za-z]\.){2,}$|^[A-Z][a-z]{1,2}\.$/;
const PREFIXES = new Set(["$", "(", '"', "[", "'"]);
const SUFFIXES = new Set([",", ")", '"', "]", "!", ";", ".", "?", ":", "'"]);

/**
 * The words of `text` as Vale's IterTokenizer gives them (internal/nlp/tokenize.go), for the test
 * of `guessLocation`: curly quotes made straight, each run of non-space cut free of leading `$ ( " [ '`
 * and trailing `, ) " ] ! ; . ? : '` (an abbreviation such as `e.g.` or `Mr.` kept whole), runs
 * without a letter dropped (Vale keeps its emoticons, `(o:`, whole; they hold no letter to find).
 */
export function valeWordTokens(text: string): string[] {
  const clean = text.replace(/[\u201C\u201D]/g, '"').replace(/[\u2018\u2019]/g, "'").replaceAll("&rsquo;", "'");
  const tokens: string[] = [];
  for (let token of clean.split(/\s+/u)) {
    while (token !== "" && !SPECIAL.test(token)) {
      if (PREFIXES.has(token[0]!)) token = token.slice(1);
      else if (SUFFIXES.has(token.at(-1)!)) token = token.slice(0, -1);
      else break;
    }
    if (/\p{L}/u.test(token)) tokens.push(token);
  }
  return tokens;
}

/**
 * Vale's last resort for a match it cannot find as written (core/location.go `guessLocation`): the
 * index of the first of `lines` holding every word of the last sentence of the block that has the
 * match (past its start), where Vale then puts the alert at column 1; -1 when no line holds them all (a
 * sentence wrapped over lines), and Vale drops the alert.
 */
export function guessLine(lines: readonly string[], sentences: readonly string[], match: string): number {
  let target: string | undefined;
  for (const sentence of sentences) if (sentence === match || sentence.indexOf(match) > 0) target = sentence;
  if (target === undefined) return -1;
  const words = valeWordTokens(target);
  return lines.findIndex((line) => words.every((word) => line.includes(word)));
}

/** True when the matched text is not in the source as written, there or anywhere in its block. */
export function spansMarkup(block: ProseBlock, alert: RawAlert, source: string, start: number, end: number): boolean {
  const matched = block.text.slice(alert.start, alert.end);
  if (source.slice(start, end).replaceAll(RSQUO, "'") === matched || !/\S\s*\S/.test(matched)) return false;
  return !source.slice(block.start, block.end).replaceAll(RSQUO, "'").includes(matched);
}

/** Where the alert's text is in the first verbatim copy of its block's text in the source, if any. */
export function plainCopyAt(block: ProseBlock, alert: RawAlert, source: string): number | undefined {
  const from = source.indexOf(block.text);
  if (from < 0) return undefined;
  const at = source.indexOf(block.text.slice(alert.start, alert.end), from);
  return at < 0 ? undefined : at;
}
