/**
 * Vale's sentence splitter, for `scope: sentence` and the readability variables. Vale segments
 * with a Punkt tokenizer trained on English (neurosnap/sentences, through jdkato/twine); this is
 * the same decision procedure on whitespace-separated tokens, with the model's abbreviation list
 * and frequent sentence starters:
 *
 * - `?` and `!` end a sentence (also followed by a closing quote or bracket);
 * - `.` ends one unless the token is a known abbreviation (`Dr.`, `Inc.`, `Jan.`), a dotted
 *   abbreviation (`e.g.`, `U.S.`), an initial (`J.`), or an ellipsis followed by a lowercase word;
 *   after those, a capitalised frequent sentence starter (`The`, `However`) does start a sentence;
 * - punctuation inside a token (`3.14`, `example.com`, `end.Next`) never splits;
 * - CJK full stops (`。！？`) are not sentence ends for Vale's English model, so they do not split.
 */

/** The English Punkt model's abbreviation types (lowercase, without the final period). */
const ABBREVIATIONS = new Set(["a.a", "a.c", "a.d", "a.g", "a.h", "a.m", "a.m.e", "a.s", "a.t", "adm", "ala", "ariz", "aug", "ave", "b.f", "b.v", "bros", "c", "c.i.t", "c.o.m.b", "c.v", "calif", "chg", "cie", "co", "col", "colo", "conn", "corp", "cos", "ct", "d", "d.c", "d.h", "d.w", "dec", "dr", "e", "e.f", "e.h", "e.l", "e.m", "f", "f.g", "f.j", "feb", "fla", "fri", "ft", "g", "g.d", "g.f", "g.k", "ga", "gen", "h", "h.c", "h.f", "h.m", "i.m.s", "ill", "inc", "j.b", "j.c", "j.j", "j.k", "j.p", "j.r", "jan", "jr", "k", "kan", "ky", "l", "l.a", "l.f", "l.p", "lt", "ltd", "m", "m.b.a", "m.d.c", "m.j", "maj", "messrs", "mg", "mich", "minn", "mr", "mrs", "ms", "n", "n.c", "n.d", "n.h", "n.j", "n.m", "n.v", "n.y", "nev", "nov", "oct", "ok", "okla", "ore", "p", "p.a.m", "p.m", "pa", "ph.d", "prof", "r", "r.a", "r.h", "r.i", "r.j", "r.k", "r.t", "rep", "reps", "s", "s.a", "s.a.y", "s.c", "s.g", "s.p.a", "s.s", "sen", "sep", "sept", "sr", "st", "sw", "t", "t.j", "tenn", "tues", "u.k", "u.n", "u.s", "u.s.a", "u.s.s.r", "v", "va", "vs", "vt", "w", "w.c", "w.r", "w.va", "w.w", "wash", "wed", "wis", "yr", "sgt", "gov", "no", "mt"]);
/** Words the model knows as frequent sentence starters. */
const SENTENCE_STARTERS = new Set(["according", "although", "among", "both", "but", "despite", "even", "he", "however", "i", "if", "in", "indeed", "instead", "it", "many", "meanwhile", "moreover", "most", "nevertheless", "nonetheless", "nor", "sales", "separately", "she", "similarly", "since", "so", "some", "the", "there", "these", "they", "this", "though", "thus", "under", "when", "while", "yet"]);

/** A sentence: `[start, end)` in the text it was split from, trimmed of white space. */
export interface SentenceSpan {
  start: number;
  end: number;
}

const CLOSERS = /["')\]’”]+$/u;
const DOTTED = /^(?:\w\.)+\w*\.$/u;

/** Splits `text` into sentences as Vale's Punkt tokenizer does (see the module comment). */
export function segmentSentences(text: string): SentenceSpan[] {
  const tokens: { start: number; end: number; text: string }[] = [];
  for (const match of text.matchAll(/\S+/gu)) tokens.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
  const spans: SentenceSpan[] = [];
  let start = -1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (start < 0) start = token.start;
    const next = tokens[i + 1];
    if (next === undefined || isBreak(token.text, next.text)) {
      spans.push({ start, end: token.end });
      start = -1;
    }
  }
  return spans;
}

/** Splits and returns the sentences' text. */
export function sentenceTexts(text: string): string[] {
  return segmentSentences(text).map((s) => text.slice(s.start, s.end));
}

/** Characters a sentence-ending token ends with. */
const END_CHARS = new Set([".", "?", "!", '"', "'", ")", "]", "’", "”"]);

function isBreak(token: string, next: string): boolean {
  if (!END_CHARS.has(token[token.length - 1]!)) return false;
  const bare = token.replace(CLOSERS, "");
  const closed = bare.length < token.length;
  const nextWord = next.replace(/^["'(\[‘“]+/u, "");
  const isUpper = /^\p{Lu}/u.test(nextWord);
  const isLower = /^\p{Ll}/u.test(nextWord);
  const nextType = nextWord.toLowerCase().replace(/[.,;:!?"')\]’”]+$/u, "");
  const isStarter = SENTENCE_STARTERS.has(nextType);
  if (/[?!]$/u.test(bare)) {
    if (/Yahoo!$/u.test(bare)) return false;
    // A closing quote or bracket can sit inside a sentence: then the next word must look like a start.
    return !(closed && isLower && !isStarter);
  }
  if (!bare.endsWith(".")) return false;
  if (/\.\s?\.\s?\.$/u.test(bare) || bare.endsWith("..")) return isUpper || isStarter;
  const type = bare.slice(0, -1).replace(/^["'(\[‘“]+/u, "").toLowerCase();
  const isAbbreviation = ABBREVIATIONS.has(type) || (DOTTED.test(bare.replace(/^["'(\[‘“]+/u, "")) && !/^\p{L}\.$/u.test(bare));
  if (isAbbreviation || /^\p{L}\.$/u.test(bare.replace(/^["'(\[‘“]+/u, ""))) return isUpper && isStarter;
  if (closed && isLower && !isStarter) return false;
  return true;
}
