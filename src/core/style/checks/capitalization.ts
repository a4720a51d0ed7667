/**
 * `capitalization`: the whole block must be in `$sentence`, `$title`, `$lower` or `$upper` case, or
 * match a pattern. `exceptions` and accepted words always pass; `indicators` are suffixes after
 * which a capital is fine (`Step 1: Open`); `prefix` is kept out of the conversion for `$sentence` and
 * `$title` (as twine's converters do); `threshold` is the share of
 * words that must comply (default 0.8).
 */
import { ConfigError } from "../../errors.ts";
import type { ProseBlock } from "../prose.ts";
import type { RawAlert } from "../rule-types.ts";
import { tagWords, tokenizeTreebank } from "../pos-tagging.ts";
import { caseSensitiveTerm, checkEachPattern, compilePattern, exceptionSource, keepsExceptionsAsWritten, said, isException, readBoolean, readNumber, readString, readStrings, type CompileContext, type RuleDefinition } from "./common.ts";

const WORD_TOKEN = String.raw`[\p{N}\p{L}*]+[^\s]*`;
// jdkato/twine strcase/title.go: small words (AP and Chicago) and the prepositions Chicago adds.
const SMALL_WORDS = new Set(["a", "an", "and", "as", "at", "but", "by", "en", "for", "if", "in", "nor", "of", "on", "or", "per", "the", "to", "vs", "vs.", "via", "v", "v."]);
const PREPOSITIONS = new Set(
  "with from into during including until against among throughout despite towards upon concerning about over through before between after since without under within along following across beyond around down near above".split(" "),
);

export function compileCapitalization(def: RuleDefinition, ctx: CompileContext): (block: ProseBlock) => RawAlert[] {
  const match = readString(def, "match") ?? "";
  const threshold = readNumber(def, "threshold") || 0.8;
  const indicators = readStrings(def, "indicators");
  const exceptions = readStrings(def, "exceptions");
  checkEachPattern(exceptions, "exceptions", ctx);
  const exceptSource = exceptionSource(exceptions, readBoolean(def, "vocab", true) ? ctx.accepted : []);
  const except = exceptSource ? compilePattern(exceptSource, ctx, "") : undefined;
  const tokenizer = compilePattern(exceptSource ? `${exceptSource}|${WORD_TOKEN}` : WORD_TOKEN, ctx);
  const prefixSource = readString(def, "prefix");
  const prefix = prefixSource ? compilePattern(prefixSource, ctx, "") : undefined;
  const message = readString(def, "message") ?? "";
  // The converters' vocabulary (capitalization.go), longest first ("Axon Server" before "Axon").
  // A token equal to a term but for case gets the term's case, except when the rule adds no
  // accepted words: Vale has then rewritten its own terms to `(?-i)term`, which no token equals,
  // so a term keeps only text already written in its case and `system` stays lower case for `System`.
  const accepted = readBoolean(def, "vocab", true) ? ctx.accepted : [];
  const vocabTerms = [...exceptions, ...accepted].filter((t) => t.trim() !== "").sort((a, b) => b.length - a.length);
  const foldsCase = keepsExceptionsAsWritten(accepted);
  const vocab = vocabLookup(vocabTerms.map((term) => compilePattern(term, ctx, "")), foldsCase ? vocabTerms : []);
  /** Returns Vale's expected text (the second `%s` of the message) and whether `text` passes. */
  let check: (text: string) => { expected: string; ok: boolean };
  /**
   * twine's converters take the prefix off: its first match anywhere in the text is put in front of
   * the converted text, and taken off the text first only when the text starts with it.
   */
  const withPrefix = (text: string, convert: (rest: string) => string): string => {
    if (!prefix) return convert(text);
    const found = prefix.exec(text);
    if (!found) return convert(text);
    return found[0] + convert(text.startsWith(found[0]) ? text.slice(found[0].length) : text);
  };
  if (match === "$sentence") {
    // twine's converter reads its vocabulary terms in any case ((?i)): "vale server" is the term
    // "Vale Server". Without accepted words Vale has rewritten the rule's terms to `(?-i)term` first
    // (see `foldsCase`), and then a term is found only as written.
    const convertTerms = foldsCase ? vocabTerms : vocabTerms.map(caseSensitiveTerm);
    const convert = compilePattern(`(?i)${convertTerms.length > 0 ? `\\b(?:${convertTerms.join("|")})\\b|` : ""}${WORD_TOKEN}`, ctx);
    check = (text) => {
      const expected = withPrefix(text, (rest) => toSentenceCase(rest, convert, vocab, indicators));
      return { expected, ok: isSentenceCase(text, expected, tokenizer, except, threshold) };
    };
  }
  else if (match === "$title") {
    const isChicago = readString(def, "style") === "Chicago";
    check = (text) => {
      const expected = withPrefix(text, (rest) => toTitleCase(rest, isChicago, vocab));
      return { expected, ok: isTitleCase(text, expected, tokenizer, except, threshold) };
    };
  }
  else if (match === "$lower") check = (text) => ({ expected: text.toLowerCase(), ok: text === text.toLowerCase() || isException(except, text) });
  else if (match === "$upper") check = (text) => ({ expected: text.toUpperCase(), ok: text === text.toUpperCase() || isException(except, text) });
  else if (match === "") throw new ConfigError(`${ctx.file}: rule ${ctx.name} (capitalization) needs a "match" key: $sentence, $title, $lower, $upper or a pattern.`);
  else {
    const re = compilePattern(match, ctx, "");
    // Vale's expected value for a pattern is the pattern itself.
    check = (text) => ({ expected: match, ok: re.test(text) || isException(except, text) });
  }
  return (block) => {
    const text = block.text;
    if (text.trim() === "") return [];
    const { expected, ok } = check(text);
    if (ok) return [];
    // Vale gives a replace action without params the expected text, for $title and $sentence only.
    return [{ start: 0, end: text.length, ...said(message, text, expected), ...(match === "$title" || match === "$sentence" ? { params: [expected] } : {}) }];
  };
}

function tokens(text: string, tokenizer: RegExp): string[] {
  tokenizer.lastIndex = 0;
  return text.match(tokenizer) ?? [];
}

/**
 * twine's SentenceConverter, as Vale's `$sentence` sets it up: the first word and every word after
 * an indicator (or after a leading `1.`) capitalised, vocabulary terms as written, the rest lower case.
 */
function toSentenceCase(text: string, convert: RegExp, vocab: VocabLookup, indicators: readonly string[]): string {
  convert.lastIndex = 0;
  return (text.match(convert) ?? [])
    .map((token, i, all) => {
      const entry = vocab(token);
      if (entry !== undefined) return entry;
      const prev = i > 0 ? all[i - 1]! : "";
      if (i === 0 || indicators.some((s) => prev.endsWith(s)) || (i === 1 && /\d+\./.test(prev))) return toTitleStrict(token);
      return token.toLowerCase();
    })
    .join(" ");
}

/**
 * Vale's `sentence` (internal/check/variables.go): the share of the text's words equal to the
 * expected text's words must reach the threshold. A first word that is not capitalised fails at
 * once. All-caps words get no allowance.
 */
function isSentenceCase(text: string, converted: string, tokenizer: RegExp, except: RegExp | undefined, threshold: number): boolean {
  const expected = tokens(converted, tokenizer);
  const words = tokens(text, tokenizer);
  let count = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (i >= expected.length || word === expected[i] || isException(except, word)) count++;
    else if (i === 0 && word !== goTitle(word.toLowerCase())) return false;
  }
  // As in `isTitleCase`: text without a word fails (NaN in Vale).
  return words.length > 0 && count / words.length >= threshold;
}

/** A vocabulary term as written when the token is that term; the token itself when a term's pattern is in it. */
type VocabLookup = (token: string) => string | undefined;

/** Tokens a rule's lookup remembers at once (headings repeat their words from card to card). */
const MAX_REMEMBERED_TOKENS = 50_000;

/**
 * twine's inVocab: a term equal to the token but for case gives the term as written (only for terms
 * in `terms`: a rewritten `(?-i)term` never equals a token); else a term whose pattern is found in
 * the token gives the token.
 */
function vocabLookup(vocab: readonly RegExp[], terms: readonly string[]): VocabLookup {
  const known = new Map<string, string | null>();
  return (token) => {
    let entry = known.get(token);
    if (entry === undefined) {
      entry = null;
      const lower = token.toLowerCase();
      for (let i = 0; i < vocab.length; i++) {
        if (terms[i]?.toLowerCase() === lower) {
          entry = terms[i]!;
          break;
        }
        if (vocab[i]!.test(token)) {
          entry = token;
          break;
        }
      }
      if (known.size >= MAX_REMEMBERED_TOKENS) known.clear();
      known.set(token, entry);
    }
    return entry ?? undefined;
  };
}

/** The first character upper case, the rest lower case (twine's ToTitle, strict). */
function toTitleStrict(word: string): string {
  const first = String.fromCodePoint(word.codePointAt(0)!);
  return first.toUpperCase() + word.slice(first.length).toLowerCase();
}

/** Go's strings.Title: a capital after every ASCII separator (space, punctuation) and at the start. */
function goTitle(word: string): string {
  return word.replace(/(^|[\x00-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f\s])(\p{Ll})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** Vale's `title` (internal/check/variables.go): the share of words equal to the converted text, excepted or all caps. */
function isTitleCase(text: string, converted: string, tokenizer: RegExp, except: RegExp | undefined, threshold: number): boolean {
  const expected = tokens(converted, tokenizer);
  const words = tokens(text, tokenizer);
  let count = 0;
  words.forEach((word, i) => {
    if (i >= expected.length || word === expected[i] || isException(except, word) || word === word.toUpperCase()) count++;
  });
  // Vale divides 0 by 0 for text without a word ("---", "🎉"): NaN, which reaches no threshold.
  return words.length > 0 && count / words.length >= threshold;
}

const TITLE_SPLIT = /[\p{N}\p{L}]+[^\s\-/]*/gu;
const TITLE_SANITIZE: [RegExp, string][] = [[/[\u201c\u201d]/g, '"'], [/[\u2018\u2019]/g, "'"], [/[\u2013\u2014]/g, "-"]];

/**
 * jdkato/twine's TitleConverter (strcase/title.go), as Vale's `$title` uses it: every word is
 * capitalised (first letter only, the rest kept) except a vocabulary term (written as the term) and
 * a small word (Chicago: also a preposition) that is neither first nor last, follows a space, `-` or
 * `/` but not `: ` or `--`, and is not the first part of a hyphenated word. In AP style `to` is not a
 * small word: it is lower case only before a noun (a Penn Treebank `NN*` tag), as twine tags it.
 */
function toTitleCase(s: string, isChicago: boolean, vocab: VocabLookup): string {
  let t = s;
  for (const [re, to] of TITLE_SANITIZE) t = t.replace(re, to);
  const end = t.length;
  // Go's CharAt: out of range gives the first character.
  const charAt = (i: number) => (i >= 0 && i < t.length ? t.charAt(i) : t.charAt(0));
  let tags: string[] | undefined;
  const tagAt = (i: number) => {
    tags ??= tagWords(tokenizeTreebank(/[.!?]$/.test(s) ? s : `${s}.`)).map((w) => w.tag);
    return tags[i];
  };
  let idx = 0;
  let widx = -1;
  return s.replace(TITLE_SPLIT, (m) => {
    widx++;
    const sm = m.toLowerCase();
    const found = t.indexOf(m, idx);
    // Go: strings.Index(t[idx:], m) + idx, so -1 + idx when the sanitised text differs (curly quotes).
    const pos = found < 0 ? idx - 1 : found;
    const prev = charAt(pos - 1);
    idx = pos + m.length;
    // twine v0.10.1 (the version Vale v3 builds with) looks the lower-cased word up: a term whose
    // pattern is found in it gives the word in lower case (`[Rr]epo` makes "Repository" "repository").
    const entry = vocab(sm);
    if (entry !== undefined) return entry;
    const isBounding = pos === 0 || idx === end;
    let isSmall: boolean;
    if (!isChicago && sm === "to") {
      const next = tagAt(widx + 1);
      isSmall = next !== undefined && next.startsWith("NN");
    } else isSmall = !isBounding && (SMALL_WORDS.has(sm) || (isChicago && PREPOSITIONS.has(sm)));
    if (isSmall && (prev === " " || prev === "-" || prev === "/") && charAt(pos - 2) !== ":" && charAt(pos - 2) !== "-" && (charAt(pos + m.length) !== "-" || charAt(pos - 1) === "-")) return sm;
    const first = String.fromCodePoint(m.codePointAt(0)!);
    return first.toUpperCase() + m.slice(first.length);
  });
}
