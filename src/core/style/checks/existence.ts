/** `existence`: report every match of `tokens` (and `raw`), minus exceptions and accepted words. */
import type { RawAlert } from "../rule-types.ts";
import { actionValue, buildExceptions, buildPhrases, isWithinPhrase, wordTemplateFor, compilePattern, said, isException, matchAll, readBoolean, readString, readStrings, type CompileContext, type RuleDefinition } from "./common.ts";
import type { ProseBlock } from "../prose.ts";

export function compileExistence(def: RuleDefinition, ctx: CompileContext, action?: { name: string; params: readonly string[] }): (block: ProseBlock) => RawAlert[] {
  const ignorecase = readBoolean(def, "ignorecase");
  const nonword = readBoolean(def, "nonword");
  const useVocab = readBoolean(def, "vocab", true);
  const append = readBoolean(def, "append");
  const tokens = readStrings(def, "tokens").filter((t) => t.trim() !== "");
  const raw = readStrings(def, "raw").join("");
  const message = readString(def, "message") ?? "";
  const isWord = !nonword && tokens.length > 0;
  let pattern = isWord ? wordTemplateFor(tokens, ctx.wordTemplate) : "(?m)(?:%s)";
  pattern = append ? pattern + raw : raw + pattern;
  if (ignorecase) pattern = `(?i)${pattern}`;
  pattern = pattern.replace("%s", tokens.join("|"));
  if (tokens.length === 0 && raw === "") pattern = "(?!)";
  const re = compilePattern(pattern, ctx);
  const exceptions = readStrings(def, "exceptions");
  // As Vale's NewExistence (3.15): accepted terms are exceptions unless `vocab: false` or `nonword: true`
  // (a nonword pattern matches punctuation around words, which an accepted word must not silence).
  const except = buildExceptions(exceptions, useVocab && !nonword ? ctx.accepted : [], ctx);
  const phrases = buildPhrases(exceptions, useVocab && !nonword ? ctx.accepted : [], ctx);
  return (block) => {
    const alerts: RawAlert[] = [];
    for (const match of matchAll(re, block.text)) {
      const observed = match[0].trim();
      if (isException(except, observed) || isWithinPhrase(phrases, block.text, match.index, match.index + match[0].length)) continue;
      // Vale's makeAlert: the match, then what the action makes of it (no capture groups).
      const fixed = actionValue(action, match[0]);
      alerts.push({
        start: match.index,
        end: match.index + match[0].length,
        ...(fixed === undefined ? said(message, match[0]) : said(message, match[0], fixed)),
      });
    }
    return alerts;
  };
}
