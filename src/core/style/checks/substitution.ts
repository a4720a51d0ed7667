/**
 * `substitution`: each `swap` key (a pattern) is replaced by its value. The message's first `%s` is
 * the expected text, the second the observed one. Keys are tried longest first; `$1` in a value
 * refers to the key's own capture groups. Also Vale's built-in `Vale.Terms`.
 */
import { captureGroupsOf } from "../go-regex.ts";
import type { ProseBlock } from "../prose.ts";
import type { RawAlert, RuleAction } from "../rule-types.ts";
import { buildExceptions, buildPhrases, isWithinPhrase, wordTemplateFor, compilePattern, said, isException, isPhrase, matchAll, readBoolean, readString, readStrings, toSentence, type CompileContext, type RuleDefinition } from "./common.ts";

interface Alternative {
  key: string;
  replacement: string;
  /** Index of the group wrapping this alternative in the joined pattern. */
  group: number;
  innerGroups: number;
  /** `^(?:expected)$`, used to tell an observed text that is already right. */
  expected: RegExp | undefined;
}

export function compileSubstitution(def: RuleDefinition, ctx: CompileContext, action: RuleAction | undefined): (block: ProseBlock) => RawAlert[] {
  const ignorecase = readBoolean(def, "ignorecase");
  const nonword = readBoolean(def, "nonword");
  const capitalize = readBoolean(def, "capitalize");
  let message = readString(def, "message") ?? "";
  const swap = def.swap;
  const entries: [string, string][] =
    swap && typeof swap === "object" && !Array.isArray(swap) ? Object.entries(swap as Record<string, unknown>).map(([k, v]) => [k, String(v ?? "")]) : [];
  entries.sort((a, b) => b[0].length - a[0].length);
  const alternatives: Alternative[] = [];
  let group = 1;
  for (const [key, replacement] of entries) {
    const innerGroups = countGroups(key, ctx);
    let expected: RegExp | undefined;
    if (!isPhrase(replacement)) {
      try {
        // Case matters here even for ignorecase rules: "mpl 2.0" is not "MPL 2.0".
        expected = compilePattern(`^(?:${replacement})$`, ctx, "");
      } catch {
        expected = undefined;
      }
    }
    alternatives.push({ key, replacement, group, innerGroups, expected });
    group += 1 + innerGroups;
  }
  const body = alternatives.map((a) => `(${a.key})`).join("|") || "(?!)";
  const template = nonword ? "(?m)(?:%s)" : wordTemplateFor(alternatives.map((a) => a.key), ctx.wordTemplate);
  const re = compilePattern((ignorecase ? "(?i)" : "") + template.replace("%s", body), ctx);
  const vocab = readBoolean(def, "vocab", true);
  const except = buildExceptions(readStrings(def, "exceptions"), vocab ? ctx.accepted : [], ctx);
  const phrases = buildPhrases(readStrings(def, "exceptions"), vocab ? ctx.accepted : [], ctx);
  const isReplace = action?.name === "replace";
  if (isReplace && action.params.length === 0) message = convertMessage(message);

  return (block) => {
    const alerts: RawAlert[] = [];
    for (const match of matchAll(re, block.text)) {
      const alt = alternatives.find((a) => match[a.group] !== undefined);
      if (!alt) continue;
      const matched = match[alt.group]!;
      const start = match.index + match[0].indexOf(matched);
      // Trimmed, as in the Vale release the conformance kit records ('vs' for a match `vs `).
      const observed = matched.trim();
      let replacement = alt.replacement.replace(/\$(\d+)/g, (_, n: string) => match[alt.group + Number(n)] ?? "");
      const capitalise = capitalize && isCapitalised(observed);
      if (capitalise) replacement = capFirst(replacement);
      // A replace action's value is literal text, one or more `|`-separated options (Vale #1038).
      const same = isReplace ? optionsOf(replacement).includes(observed) : isSame(alt, replacement, observed);
      if (same || isException(except, observed) || isWithinPhrase(phrases, block.text, start, start + matched.length)) continue;
      let expectedText = replacement;
      let params: string[] | undefined;
      // Every suggestion is capitalised, as Vale does for the replace action's options.
      if (isReplace && action.params.length === 0) {
        params = optionsOf(replacement).map((option) => (capitalise ? capFirst(option) : option));
        expectedText = toSentence(params, "or");
      }
      // Any other rule shows a value written as a pattern (`OAuth2?`) as the term it spells, when it spells one (Vale #997).
      else if (!isReplace) expectedText = recaseToTerm(replacement, observed);
      alerts.push({
        start,
        end: start + matched.length,
        ...said(message, expectedText, observed),
        replacement: optionsOf(replacement)[0] ?? "",
        ...(params ? { params } : {}),
      });
    }
    return alerts;
  };
}

function isSame(alt: Alternative, replacement: string, observed: string): boolean {
  if (replacement !== alt.replacement || !alt.expected) return replacement === observed;
  alt.expected.lastIndex = 0;
  return alt.expected.test(observed);
}

/**
 * Vale's `observed == CapFirst(observed)`, where CapFirst upper-cases the first byte: true when the
 * text starts with an ASCII character other than a lowercase letter (a digit or "-" included), false
 * for a lowercase or a non-ASCII first letter.
 */
function isCapitalised(text: string): boolean {
  const first = text.charCodeAt(0);
  return !(first >= 0x61 && first <= 0x7a) && !(first >= 0x80);
}

/** Vale's CapFirst for ASCII: a first lowercase letter upper-cased (a non-ASCII one is left alone). */
function capFirst(text: string): string {
  return /^[a-z]/.test(text) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** Vale's getOptions: the `|`-separated options of a swap value (`\|` is a literal bar), empty ones dropped. */
export function optionsOf(value: string): string[] {
  return value
    .replaceAll("\\|", "\0")
    .split("|")
    .filter((option) => option !== "")
    .map((option) => option.replaceAll("\0", "|"));
}

/**
 * Vale's recaseToTerm: a value written as a pattern that spells one fixed text (`OAuth2?`, `Node\.js`)
 * is shown as that text when the observed text is the same but for case; any other value as written.
 */
export function recaseToTerm(term: string, observed: string): string {
  const skeleton = literalSkeleton(term);
  return skeleton !== "" && skeleton.length === observed.length && skeleton.toLowerCase() === observed.toLowerCase() ? skeleton : term;
}

/** The literal characters of a pattern (`\x` is `x`, a `?` drops nothing), or "" when it has any other construct. */
function literalSkeleton(pattern: string): string {
  let skeleton = "";
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === "\\") {
      if (i + 1 >= chars.length) return "";
      skeleton += chars[++i];
    } else if (c === "?") continue;
    else if ("[](){}|.*+^$".includes(c)) return "";
    else skeleton += c;
  }
  return skeleton;
}

/** With `action: replace`, the expected text is quoted already: drop the first `'%s'` (then `"%s"`) of a pair. */
function convertMessage(message: string): string {
  for (const spec of ["'%s'", '"%s"']) {
    if (message.split(spec).length - 1 === 2) message = message.replace(spec, "%s");
  }
  return message;
}

function countGroups(key: string, ctx: CompileContext): number {
  // Most keys are plain words: nothing in them can open a group or be an invalid pattern.
  if (!/[()[\]{}\\*+?]/.test(key)) return 0;
  return captureGroupsOf(compilePattern(`(?:${key})`, ctx, "").source);
}
