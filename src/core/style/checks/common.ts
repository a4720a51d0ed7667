/** Helpers shared by the Vale rule types: compiling patterns, exceptions, messages. */
import { goSprintf } from "./go-sprintf.ts";
import { countAtMost } from "../../arrays.ts";
import { ConfigError } from "../../errors.ts";
import { editedMatch, simpleCase } from "./edit-action.ts";
import { isBacktrackRisk } from "../budget.ts";
import { compileGoRegex, RegexTranslationError } from "../go-regex.ts";
import { execGuarded, guardedScanOf, nextPosition } from "../guarded-scan.ts";

export type RuleDefinition = Record<string, unknown>;

export interface CompileContext {
  name: string;
  /** Rule file path (for messages). */
  file: string;
  /** Accepted vocabulary terms (they act as exceptions). */
  accepted: readonly string[];
  wordTemplate: string | undefined;
  /** StylesPath, for files rules read (dictionaries, ignore lists). */
  stylesPath?: string | undefined;
  /** Folder of the .vale.ini, for paths relative to it. */
  configDir?: string | undefined;
  /** Set when one of the rule's patterns can backtrack without bound (the rule then runs under a time budget). */
  isRisky?: boolean;
}

export const WORD_TEMPLATE = String.raw`(?m)\b(?:%s)\b`;
export const NONWORD_TEMPLATE = "(?m)(?:%s)";

/** Compiles a Go pattern or throws a ConfigError naming the rule file. */
export function compilePattern(pattern: string, ctx: CompileContext, flags = "g"): RegExp {
  try {
    const re = compileGoRegex(pattern, flags);
    if (isBacktrackRisk(re.source)) ctx.isRisky = true;
    return re;
  } catch (error) {
    if (error instanceof RegexTranslationError) {
      throw new ConfigError(
        `${ctx.file}: rule ${ctx.name} has a regular expression that cannot be used: ${error.message}.${vocabularyCulprit(pattern, ctx)}`,
        `The pattern was: ${pattern.length > 200 ? `${pattern.slice(0, 200)}…` : pattern}`,
      );
    }
    throw error;
  }
}

/**
 * Where a broken pattern's text comes from when it is a vocabulary term: accepted terms join every
 * rule's exceptions (and rejected ones Vale.Avoid's tokens), as patterns, so `[x` in accept.txt
 * breaks a rule whose file says nothing of it.
 */
function vocabularyCulprit(pattern: string, ctx: CompileContext): string {
  const compiles = (term: string) => {
    try {
      compileGoRegex(term, "");
      return true;
    } catch {
      return false;
    }
  };
  const term = ctx.accepted.find((t) => pattern.includes(t) && !compiles(t));
  if (term !== undefined) return ` The accepted term "${term.length > 80 ? `${term.slice(0, 80)}…` : term}" of the vocabulary (accept.txt) cannot be used as a regular expression, as Vale reads each term: escape its metacharacters (\\[, \\(, \\.), shorten it or remove it`;
  return ctx.name === "Vale.Avoid" ? " Its terms are the vocabulary's rejected terms (reject.txt), which Vale reads as regular expressions: escape the metacharacters of the one that cannot be used (\\[, \\(, \\.), shorten it or remove it" : "";
}

/**
 * The word template for a list of alternatives. When every alternative starts and ends with a
 * literal letter or digit, `\b…\b` is the same as "no word character before, none after", which
 * is several times faster to run than the general Unicode word boundary.
 */
export function wordTemplateFor(alternatives: readonly string[], wordTemplate: string | undefined): string {
  if (wordTemplate) return wordTemplate;
  return alternatives.length > 0 && alternatives.every(isWordLiteralEdged) ? FAST_WORD_TEMPLATE : WORD_TEMPLATE;
}

const FAST_WORD_TEMPLATE = String.raw`(?m)(?<![\p{L}\p{Mn}\p{Nd}\p{Pc}\u200C\u200D])(?:%s)(?![\p{L}\p{Mn}\p{Nd}\p{Pc}\u200C\u200D])`;

/** True for `e-mail`, `log in to`, `don't`; false for `\bfoo`, `(?:a|b)`, `colou?r`, `a|b`, `etc\.`. */
function isWordLiteralEdged(token: string): boolean {
  if (token.includes("|") || token.includes("(") || token.includes("\\") || token.includes("[")) return false;
  return /^[\p{L}\p{Nd}\p{Pc}]/u.test(token) && /[\p{L}\p{Nd}\p{Pc}]$/u.test(token) && !/[?*+}]$/.test(token) && !/[?*+{]/.test(token);
}

/** Builds Vale's token pattern: `(?i)` + word or non-word template around `tokens`. */
export function wrapTokens(tokens: string, options: { ignorecase: boolean; nonword: boolean; wordTemplate?: string | undefined }): string {
  const template = options.nonword ? NONWORD_TEMPLATE : wordTemplateFor(tokens.split("|"), options.wordTemplate);
  return (options.ignorecase ? "(?i)" : "") + template.replace("%s", tokens);
}

/**
 * Checks each entry of a list of patterns (`exceptions`) on its own, so that one that does not
 * compile is named as written, not inside the pattern all the entries are joined into.
 */
export function checkEachPattern(entries: readonly string[], key: string, ctx: CompileContext): void {
  for (const entry of entries) {
    try {
      compileGoRegex(entry, "");
    } catch (error) {
      if (!(error instanceof RegexTranslationError)) throw error;
      // The reason without the translated JavaScript pattern, which is not what the file says.
      const reason = error.message.replace(/^(?:Invalid regular expression: )?\/[\s\S]*\/[dgimsuvy]*: /, "");
      throw new ConfigError(`${ctx.file}: rule ${ctx.name}: the ${key} entry ${JSON.stringify(entry)} cannot be used as a pattern: ${reason}.`, `Fix the entry in ${key} (a literal parenthesis or bracket is written \\( or \\[).`);
    }
  }
}

/** Vale's exception pattern: rule exceptions plus accepted vocabulary, longest first. */
export function buildExceptions(exceptions: readonly string[], accepted: readonly string[], ctx: CompileContext): RegExp | undefined {
  checkEachPattern(exceptions, "exceptions", ctx);
  const source = exceptionSource(exceptions, accepted);
  return source === undefined ? undefined : compilePattern(source, ctx, "");
}

/** The exception pattern's source, for tokenizers that put exceptions first. */
export function exceptionSource(exceptions: readonly string[], accepted: readonly string[]): string | undefined {
  const all = [...exceptions, ...accepted].filter((e) => e.trim() !== "");
  if (all.length === 0) return undefined;
  all.sort((a, b) => b.length - a.length);
  // As Vale's updateExceptions: every term without its own (?i) gets (?-i), since a (?i) holds past `|`.
  // Without any (?i) term nothing is case-insensitive, and the pattern is left as it is.
  const terms = all.some((t) => t.startsWith("(?i)")) ? all.map((t) => (t.startsWith("(?i)") ? t : `(?-i)${t}`)) : all;
  return wrapTokens(terms.join("|"), { ignorecase: false, nonword: false });
}

export function isException(re: RegExp | undefined, text: string): boolean {
  if (!re) return false;
  re.lastIndex = 0;
  return re.test(text);
}

/**
 * Vale's FormatMessage (core.CondSprintf): Go's Sprintf over `values` plus one extra empty value
 * (go-sprintf.ts), so a `%s` past the values is empty once, then `%!s(MISSING)`; `%[n]s` is the n-th
 * value (`%[4]s` in a sequence rule is its fourth word) and a `%s` after it the next one.
 */
export function formatMessage(message: string, ...values: (string | number)[]): string {
  const args = [...values, ""];
  return goSprintf(`${message}%[${args.length}]s`, args);
}

/** An alert's message and the values it was formatted with (Vale's JSON output formats the rule's description with them too). */
export function said(message: string, ...values: (string | number)[]): { message: string; values: (string | number)[] } {
  return { message: formatMessage(message, ...values), values };
}

/**
 * The second value of a message for a rule with an `action`, as Vale's makeAlert computes it from the
 * fix: `replace` gives its one parameter or `'a' or 'b'`, `remove` gives "", `edit` the edited match
 * and `convert` with `simple` the match in twine's simple case (edit-action.ts); the others (whose
 * fixes need Tengo or spelling suggestions) the match itself.
 */
export function actionValue(action: { name: string; params: readonly string[] } | undefined, match: string): string | undefined {
  if (!action || action.name === "") return undefined;
  if (action.name === "remove") return "";
  if (action.name === "replace") return action.params.length === 1 ? action.params[0]! : action.params.length > 1 ? toSentence(action.params, "or") : match;
  if (action.name === "edit") return editedMatch(action.params, match) ?? match;
  if (action.name === "convert" && action.params[0] === "simple") return simpleCase(match);
  return match;
}

const NO_MATCHES: readonly RegExpExecArray[] = Object.freeze([]) as readonly RegExpExecArray[];

/** All non-empty matches of a global regex in `text` (an array: cheaper than an iterator here). */
export function matchAll(re: RegExp, text: string): readonly RegExpExecArray[] {
  const scan = guardedScanOf(re);
  const pattern = scan ? scan.rest : re;
  const next = scan ? () => execGuarded(scan, text) : () => re.exec(text);
  pattern.lastIndex = 0;
  let match = next();
  if (!match) return NO_MATCHES;
  const matches: RegExpExecArray[] = [];
  while (match) {
    if (match[0] === "") {
      pattern.lastIndex = nextPosition(text, match.index);
      if (pattern.lastIndex > text.length) break;
    } else matches.push(match);
    match = next();
  }
  return matches;
}

export function readString(def: RuleDefinition, key: string): string | undefined {
  const value = def[key];
  if (value === undefined || value === null) return undefined;
  return String(value);
}

export function readStrings(def: RuleDefinition, key: string): string[] {
  const value = def[key];
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.map((v) => String(v));
  return [String(value)];
}

/** A boolean key (decoded as Vale reads it when the rule was loaded: rule-keys.ts), else `fallback`. */
export function readBoolean(def: RuleDefinition, key: string, fallback = false): boolean {
  const value = def[key];
  return typeof value === "boolean" ? value : fallback;
}

export function readNumber(def: RuleDefinition, key: string, fallback = 0): number {
  const value = def[key];
  return typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value)) ? Number(value) : fallback;
}

/** `'a'`, `'a' or 'b'`, `'a', 'b', or 'c'`. */
export function toSentence(words: readonly string[], conjunction: string): string {
  const quoted = words.map((w) => `'${w}'`);
  if (quoted.length <= 1) return quoted.join("");
  if (quoted.length === 2) return `${quoted[0]} ${conjunction} ${quoted[1]}`;
  return `${quoted.slice(0, -1).join(", ")}, ${conjunction} ${quoted.at(-1)}`;
}

/** True when `text` is made of letters and spaces only (Vale compares such terms literally). */
export function isPhrase(text: string): boolean {
  return /^[\p{L} ]+$/u.test(text);
}

/**
 * Vale's buildPhraseRe (#1035): the multi-word terms among a rule's exceptions and (with `vocab`)
 * accepted vocabulary, those written with a space, a tab or `\s`, in that order, as one
 * case-insensitive pattern between word boundaries. A match inside such a phrase in the text
 * (`mea` in `Mea culpa`) is not reported, though the match alone is no exception.
 */
export function buildPhrases(exceptions: readonly string[], accepted: readonly string[], ctx: CompileContext): RegExp | undefined {
  // With no accepted words to add, Vale has already made the rule's own terms case-sensitive (see
  // `keepsExceptionsAsWritten`): a phrase then holds only in its own case.
  const own = keepsExceptionsAsWritten(accepted) ? exceptions : exceptions.map(caseSensitiveTerm);
  const phrases = [...own, ...accepted].filter((term) => /[ \t]/.test(term) || term.includes("\\s"));
  if (phrases.length === 0) return undefined;
  return compilePattern(wrapTokens(phrases.join("|"), { ignorecase: true, nonword: false }), ctx);
}

/**
 * Whether a rule's own `exceptions` reach its phrase and case checks as written. Vale's
 * updateExceptions appends the accepted words to the rule's list; with none to append, the append
 * returns the rule's own list, which it then sorts longest first and rewrites term by term to
 * `(?-i)term` in place (definition.go). So with accepted words (the vocabulary, when the rule reads
 * it) the terms are read as written and in any case; without, each is case-sensitive.
 */
export function keepsExceptionsAsWritten(accepted: readonly string[]): boolean {
  return accepted.length > 0;
}

/** A term as Vale's rewrite leaves it: case-sensitive unless it asks for `(?i)` itself. */
export function caseSensitiveTerm(term: string): string {
  return term.startsWith("(?i)") ? term : `(?-i:${term})`;
}

/** The last text each phrase pattern was matched on, and where its matches end: rules ask once per alert. */
const phraseEnds = new WeakMap<RegExp, { text: string; starts: number[]; ends: number[] }>();

/**
 * True when `[start, end)` of `text` lies inside a match of `phrases`. The block is searched once,
 * not once per alert (a line of 20,000 alerts would be read 20,000 times): matches do not overlap,
 * so the one that starts last at or before `start` is the only one that can hold the span.
 */
export function isWithinPhrase(phrases: RegExp | undefined, text: string, start: number, end: number): boolean {
  if (!phrases) return false;
  let found = phraseEnds.get(phrases);
  if (found?.text !== text) {
    const matches = matchAll(phrases, text);
    found = { text, starts: matches.map((m) => m.index), ends: matches.map((m) => m.index + m[0].length) };
    phraseEnds.set(phrases, found);
  }
  const lo = countAtMost(found.starts, start);
  return lo > 0 && found.ends[lo - 1]! >= end;
}
