/**
 * Vale's sentence splitter, for `scope: sentence`, sequence rules and the readability variables: the
 * Punkt tokenizer of neurosnap/sentences v1.0.7 with its trained English model, as jdkato/twine sets it
 * up for Vale (nlp/segment). A port of its decision procedure, pass for pass:
 *
 * 1. words: the text cut at white space and after a CJK `。；！？`;
 * 2. by type: a word ending in `?`, `!` (not `Yahoo!`) or `.` before a quote or bracket ends a
 *    sentence; one ending in `.` does too unless the model knows it as an abbreviation (`Dr.`, `Inc.`);
 * 3. by token (Punkt's heuristics): a collocation (`##number## Genentech`) joins; after an
 *    abbreviation or ellipsis, a next word the model has seen lowercase and never capitalised inside a
 *    sentence (orthographic heuristic), or a capitalised frequent sentence starter (`The`, `However`),
 *    starts a sentence; after an initial (`J.`) or a number, a next word the orthographic evidence says
 *    is no sentence start joins, as does an always-capitalised word after an initial (`J. Bach`);
 * 4. twine's own pass: a word with inner periods (`e.g.`, `17.5.`, `GitLab.com.`) is an abbreviation
 *    unless the next word starts a sentence by the same two tests.
 *
 * The model (`data/punkt-english.json`: abbreviations, collocations and sentence starters;
 * `data/punkt-english-ortho.tsv`: each word's orthographic context) is neurosnap/sentences'
 * `data/english.json`, split in two, MIT (see data/NOTICE.md).
 */
import { readFileSync } from "node:fs";

/** A sentence: `[start, end)` in the text it was split from, trimmed of white space. */
export interface SentenceSpan {
  start: number;
  end: number;
}

interface Model {
  AbbrevTypes: Record<string, number>;
  Collocations: Record<string, number>;
  SentStarters: Record<string, number>;
}

let model: { abbreviations: Set<string>; collocations: Set<string>; starters: Set<string> } | undefined;

function loadModel(): NonNullable<typeof model> {
  if (model) return model;
  const data = JSON.parse(readFileSync(new URL("./data/punkt-english.json", import.meta.url), "utf8")) as Model;
  // twine adds these abbreviations to the model.
  const abbreviations = new Set([...Object.keys(data.AbbrevTypes), "sgt", "gov", "no", "mt"]);
  model = { abbreviations, collocations: new Set(Object.keys(data.Collocations)), starters: new Set(Object.keys(data.SentStarters)) };
  return model;
}

/**
 * The orthographic context of 20,000 words (`data/punkt-english-ortho.tsv`: `word<TAB>flags` lines,
 * sorted by UTF-16 code unit), read the first time a word after an abbreviation, initial, number or
 * ellipsis needs it, and searched as written, by halves: a lint of one edited card looks up a few
 * words, and parsing them all into an object took most of that lint's sentence splitting.
 */
let orthoContext: string | undefined;
const orthoFound = new Map<string, number>();

function ortho(type: string): number {
  let flags = orthoFound.get(type);
  if (flags === undefined) {
    orthoContext ??= readFileSync(new URL("./data/punkt-english-ortho.tsv", import.meta.url), "utf8");
    flags = lookupSorted(orthoContext, type);
    if (orthoFound.size < 50_000) orthoFound.set(type, flags);
  }
  return flags;
}

/** The number after `key` and a tab in `lines` (sorted `key<TAB>number` lines), or 0. */
export function lookupSorted(lines: string, key: string): number {
  // `low` and `high` are line starts; the key, if there, is on a line in [low, high).
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const start = lines.lastIndexOf("\n", ((low + high) >>> 1) - 1) + 1;
    const tab = lines.indexOf("\t", start);
    const end = lines.indexOf("\n", tab);
    const word = lines.slice(start, tab);
    if (word === key) return Number(lines.slice(tab + 1, end));
    if (word < key) low = end + 1;
    else high = start;
  }
  return 0;
}

const ORTHO_MID_UC = 1 << 2;
const ORTHO_BEG_LC = 1 << 4;
const ORTHO_UC = (1 << 1) + (1 << 2) + (1 << 3);
const ORTHO_LC = (1 << 4) + (1 << 5) + (1 << 6);

interface Token {
  tok: string;
  /** Where the word ends in the text (a sentence it ends ends here). */
  position: number;
  sentBreak: boolean;
  abbr: boolean;
}

/** twine's looksInternal: a break after a closing bracket or quote may sit inside a sentence. */
const INTERNAL_ENDS = new Set([")", "’", "”", '"', "'"]);
const CJK_PUNCT = new Set(["。", "；", "！", "？"]);
const PUNCTUATION = new Set([..."；：，。！？;:,.!?"]);
const ASCII = /^[\x00-\x7f]*$/;
const NUMERIC = /-?[.,]?\d[\d,.-]*\.?$/;
const INITIAL = /^[A-Za-z]\.$/;
const ELLIPSIS = /\.\.+$/;
const LOOKS_LIKE_ELLIPSIS = /(?:\.\s?){2,}\./;
const MULTI_PUNCT = /(?:[0-9A-Za-z_]\.)+[0-9A-Za-z_]*\./;
/** twine's enders `."` `.)` `.’` `.”` `?` `?"` `?'` `?)` `?’` `?”` `!` `!"` `!'` `!)` `!’` `!”`, at the end of a word. */
const ENDS_WITH_ENDER = /(?:\.[")’”]|[?!]["')’”]?)$/;
/** twine's parens `.[` `.(` `."` `?[` `?(` `![` `!(`, anywhere in a word. */
const HAS_PAREN = /[.?!][[(]|\."/;

/**
 * neurosnap/sentences' DefaultWordTokenizer.Tokenize (positions in UTF-16 units here, bytes in Go), in
 * its period-context mode: only the words with sentence punctuation and the word after each, the only
 * ones the annotations read (a pair's first word needs a stop), so the sentences are the same.
 */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const length = text.length;
  let lastSpace = 0;
  let getNextWord = false;
  const take = (cursor: number) => {
    let from = lastSpace;
    let to = cursor;
    while (from < to && isSpace(text.charCodeAt(from), text, from)) from++;
    while (to > from && isSpace(text.charCodeAt(to - 1), text, to - 1)) to--;
    if (from === to) return;
    let hasPunct = false;
    for (let k = from; k < to && !hasPunct; k++) {
      const c = text.charCodeAt(k);
      hasPunct = c === 46 || c === 33 || c === 63 || c === 0x3002 || c === 0xff01 || c === 0xff1f;
    }
    if (hasPunct || getNextWord) tokens.push({ tok: text.slice(from, to), position: cursor, sentBreak: false, abbr: false });
    lastSpace = cursor;
    getNextWord = hasPunct;
  };
  // Module-level, reset here: tokenize runs to its end without calling out, so no other call shares them.
  const boundary = BOUNDARY_G;
  const stop = STOP_G;
  boundary.lastIndex = 0;
  let lastDone = -1;
  for (;;) {
    if (!getNextWord) {
      // No word is kept until the next one holding a stop: every boundary before that word's own only
      // moves `lastSpace` on, so the scan jumps to the last boundary before the stop (none of the
      // skipped boundaries is at the text's end, where the special cases are).
      stop.lastIndex = boundary.lastIndex;
      const next = stop.exec(text);
      if (!next) break;
      let before = next.index - 1;
      for (; before >= boundary.lastIndex; before--) {
        const code = text.charCodeAt(before);
        if (code < 0x80 ? code === 32 || (code >= 9 && code <= 13) : isBoundary(code, text, before)) break;
      }
      if (before >= boundary.lastIndex) {
        boundary.lastIndex = before;
        lastSpace = before;
      }
    }
    const m = boundary.exec(text);
    if (!m) break;
    const i = m.index;
    if (CJK_PUNCT.has(m[0])) {
      // After a CJK stop Go's index moves past it, and the last-byte test is made there: one ASCII
      // character left after the stop is part of the word.
      const after = i + 1;
      take(after === length - 1 && text.charCodeAt(after) < 0x80 ? length : after);
      if (after === length - 1 && text.charCodeAt(after) < 0x80) lastDone = length - 1;
    } else take(i === length - 1 && text.charCodeAt(i) < 0x80 ? length : i); // a last space of two or more bytes (U+00A0) is not Go's last byte
    if (i === length - 1) lastDone = i;
  }
  // Go tests `i != len-1` on the byte index: a one-byte last character closes the last word.
  if (lastDone !== length - 1 && length > 0 && text.charCodeAt(length - 1) < 0x80) take(length);
  if (tokens.length === 0) tokens.push({ tok: text, position: length, sentBreak: false, abbr: false });
  return tokens;
}

/** Go's unicode.IsSpace characters, and the CJK stops the word tokenizer also cuts after. */
const BOUNDARY = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000。；！？]/;
const BOUNDARY_G = new RegExp(BOUNDARY.source, "g");
/** The characters that make a word one the annotations read (`take`'s `hasPunct`). */
const STOP_G = /[.!?。！？]/g;

/** Whether text[at] matches {@link BOUNDARY}. */
function isBoundary(code: number, text: string, at: number): boolean {
  return code === 0x3002 || code === 0xff1b || code === 0xff01 || code === 0xff1f || isSpace(code, text, at);
}

/** Go's unicode.IsSpace (no byte order mark, unlike JavaScript's `\s`; U+0085 too). */
function isSpace(code: number, text: string, at: number): boolean {
  if (code < 0x80) return code === 32 || (code >= 9 && code <= 13);
  return code === 0x85 || code === 0xa0 || (code >= 0x1680 && code !== 0xfeff && /\s/u.test(text[at]!));
}

function type(t: Token): string {
  const typ = t.tok.toLowerCase().replace(NUMERIC, "##number##");
  return typ.length === 1 ? typ : typ.replaceAll(",", "");
}

function typeNoPeriod(t: Token): string {
  const typ = type(t);
  return typ.length > 1 && typ.endsWith(".") ? typ.slice(0, -1) : typ;
}

function typeNoSentPeriod(t: Token): string {
  return t.sentBreak ? typeNoPeriod(t) : type(t);
}

const firstUpper = (t: Token) => /^\p{Lu}/u.test(t.tok);
const firstLower = (t: Token) => /^\p{Ll}/u.test(t.tok);
const hasPeriodFinal = (t: Token) => t.tok.endsWith(".") || t.tok.endsWith("。");

/** twine's HasSentEndChars: the word ends with one of its enders (not `Yahoo!`) or holds one of its brackets. */
function hasSentEndChars(t: Token): boolean {
  if (ENDS_WITH_ENDER.test(t.tok) && !t.tok.includes("Yahoo!")) return true;
  return HAS_PAREN.test(t.tok);
}

/** Punkt's orthographic heuristic: 1 a sentence start, 0 not one, -1 unknown. */
function orthoHeuristic(t: Token): number {
  if (PUNCTUATION.has(t.tok)) return 0;
  const ctx = ortho(typeNoSentPeriod(t));
  if (firstUpper(t) && ctx & ORTHO_LC && !(ctx & ORTHO_MID_UC)) return 1;
  if (firstLower(t) && (ctx & ORTHO_UC || !(ctx & ORTHO_BEG_LC))) return 0;
  return -1;
}

/** Whether a word can end a sentence at all (it holds `.`, `?`, `!` or `。`): most words cannot. */
function hasStop(tok: string): boolean {
  return tok.includes(".") || tok.includes("?") || tok.includes("!") || tok.includes("。");
}

function typeAnnotation(t: Token): void {
  if (!hasStop(t.tok)) return;
  const m = loadModel();
  if (hasSentEndChars(t)) t.sentBreak = true;
  else if (hasPeriodFinal(t) && !t.tok.endsWith("..")) {
    // Go cuts `Tok[:len(runes)-1]`: as many bytes as the word has characters less one.
    const noPeriod = (ASCII.test(t.tok) ? t.tok.slice(0, -1) : Buffer.from(t.tok).subarray(0, [...t.tok].length - 1).toString("utf8")).toLowerCase();
    const lastHyphen = noPeriod.slice(noPeriod.lastIndexOf("-") + 1);
    if (m.abbreviations.has(noPeriod) || m.abbreviations.has(lastHyphen)) t.abbr = true;
    else t.sentBreak = true;
  }
}

function tokenAnnotation(one: Token, two: Token): void {
  if (!hasPeriodFinal(one)) return;
  // A plain word ending a sentence (`done.`): no collocation (those start with a number or one letter),
  // no abbreviation, ellipsis, initial or number, so nothing below applies.
  const t = one.tok;
  if (!one.abbr && t.length > 2 && !t.endsWith("..") && !/[-.,0-9]/.test(t[0]!)) return;
  const m = loadModel();
  const typ = typeNoPeriod(one);
  const nextTyp = typeNoSentPeriod(two);
  const isInitial = INITIAL.test(one.tok);
  if (m.collocations.has(`${typ},${nextTyp}`)) {
    one.sentBreak = false;
    one.abbr = true;
    return;
  }
  if ((one.abbr || ELLIPSIS.test(one.tok)) && !isInitial) {
    if (orthoHeuristic(two) === 1) {
      one.sentBreak = true;
      return;
    }
    if (firstUpper(two) && m.starters.has(nextTyp)) {
      one.sentBreak = true;
      return;
    }
  }
  if (one.tok === "." && two.tok === ".") {
    one.sentBreak = false;
    two.sentBreak = false;
    return;
  }
  if (isInitial || typ === "##number##") {
    const starts = orthoHeuristic(two);
    if (starts === 0) {
      one.sentBreak = false;
      one.abbr = true;
      return;
    }
    if (starts === -1 && isInitial && firstUpper(two) && !(ortho(nextTyp) & ORTHO_LC)) {
      one.sentBreak = false;
      one.abbr = true;
    }
  }
}

/** twine's multiPunctWordAnnotation. */
function multiPunctAnnotation(one: Token, two: Token): void {
  // Every case below needs a period in the word, or a break already marked; a break after a word with
  // one period and no closing quote or bracket is left as it is.
  const first = one.tok.indexOf(".");
  if (!one.sentBreak && first < 0) return;
  if (one.sentBreak && one.tok.lastIndexOf(".") === first && !INTERNAL_ENDS.has(one.tok.at(-1)!) && two.tok !== ".") return;
  const m = loadModel();
  if (one.tok.endsWith(".") && two.tok === ".") {
    one.sentBreak = false;
    two.sentBreak = false;
    return;
  }
  let nextTyp = "";
  const isNonBreak = one.tok.endsWith(".") && !one.sentBreak;
  const isEllipsis = LOOKS_LIKE_ELLIPSIS.test(one.tok);
  const isInternal = one.sentBreak && INTERNAL_ENDS.has(one.tok.at(-1)!);
  if (isNonBreak || isEllipsis || isInternal) {
    nextTyp = typeNoSentPeriod(two);
    const isStarter = m.starters.has(nextTyp);
    if (isEllipsis && (firstUpper(two) || isStarter)) {
      one.sentBreak = true;
      return;
    }
    if (isInternal && firstLower(two) && !isStarter) {
      one.sentBreak = false;
      return;
    }
    if (isNonBreak && firstUpper(two) && ortho(nextTyp) & 112) one.sentBreak = true;
  }
  if (!MULTI_PUNCT.test(one.tok) || INITIAL.test(one.tok)) return;
  one.abbr = true;
  one.sentBreak = false;
  if (orthoHeuristic(two) === 1) {
    one.sentBreak = true;
    return;
  }
  if (nextTyp === "") nextTyp = typeNoSentPeriod(two);
  if (firstUpper(two) && m.starters.has(nextTyp)) one.sentBreak = true;
}

/** Splits `text` into sentences as Vale's Punkt tokenizer does (see the module comment). */
export function segmentSentences(text: string): SentenceSpan[] {
  if (text === "") return [];
  const tokens = tokenize(text);
  for (const t of tokens) typeAnnotation(t);
  for (let i = 0; i + 1 < tokens.length; i++) tokenAnnotation(tokens[i]!, tokens[i + 1]!);
  for (let i = 0; i < tokens.length; i++) {
    const next = tokens[i + 1];
    if (next) multiPunctAnnotation(tokens[i]!, next);
    else if (tokens[i]!.tok.includes("\n") && tokens[i]!.tok.includes(" ")) tokens[i]!.sentBreak = false;
  }
  const spans: SentenceSpan[] = [];
  // Every sentence is kept, as Go's Tokenize keeps it: white space after the last sentence's end
  // ("Done.  ", "Done. \n") or white space alone is an empty sentence, which Vale counts in its
  // readability variables and lints as a `sentence` block.
  const push = (from: number, to: number) => {
    while (from < to && isSpace(text.charCodeAt(from), text, from)) from++;
    while (to > from && isSpace(text.charCodeAt(to - 1), text, to - 1)) to--;
    spans.push({ start: from, end: to });
  };
  let lastBreak = 0;
  for (const t of tokens) {
    if (!t.sentBreak) continue;
    push(lastBreak, t.position);
    lastBreak = t.position;
  }
  if (lastBreak !== text.length) push(lastBreak, text.length);
  return spans;
}

/** Splits and returns the sentences' text. */
export function sentenceTexts(text: string): string[] {
  return segmentSentences(text).map((s) => text.slice(s.start, s.end));
}
