/**
 * `conditional`: a match of `first` needs a match of `second` (e.g. an acronym needs its
 * definition). As in Vale (internal/check/conditional.go), the values captured by `second`'s groups
 * anywhere in the file so far define which `first` matches are allowed, and both patterns are
 * compiled as written: `ignorecase` does not apply. A `second` without a capture group is a presence
 * check (Vale #1048): a block with a match of `second` has no alert, and in any other block every
 * match of `first` is one. A rule without `second` (GOV.UK's DottedAcronyms) is Vale 3.7's: the empty
 * pattern captures nothing, so every match of `first` that is not an exception or a value captured
 * by another conditional rule in the file is reported. (Current Vale reads it as a presence check whose
 * empty pattern matches every block, and reports nothing; docs/style-guide.md.)
 */
import type { ProseBlock } from "../prose.ts";
import type { FileState, RawAlert } from "../rule-types.ts";
import { actionValue, buildExceptions, buildPhrases, compilePattern, said, isException, isWithinPhrase, matchAll, readBoolean, readString, readStrings, type CompileContext, type RuleDefinition } from "./common.ts";

export function compileConditional(def: RuleDefinition, ctx: CompileContext, action?: { name: string; params: readonly string[] }): (block: ProseBlock, state: FileState) => RawAlert[] {
  const second = readString(def, "second") ?? "";
  const firstRe = compilePattern(readString(def, "first") ?? "", ctx);
  const secondRe = compilePattern(second, ctx);
  const isPresenceCheck = second !== "" && !hasCaptureGroup(second);
  const vocab = readBoolean(def, "vocab", true);
  const except = buildExceptions(readStrings(def, "exceptions"), vocab ? ctx.accepted : [], ctx);
  const phrases = buildPhrases(readStrings(def, "exceptions"), vocab ? ctx.accepted : [], ctx);
  const message = readString(def, "message") ?? "";
  return (block, state) => {
    const alerts: RawAlert[] = [];
    if (isPresenceCheck) {
      secondRe.lastIndex = 0;
      if (secondRe.test(block.text)) return alerts;
    } else if (second !== "") {
      for (const match of matchAll(secondRe, block.text)) {
        for (const value of match.slice(1)) if (value) state.sequences.add(value);
      }
    }
    for (const match of matchAll(firstRe, block.text)) {
      const text = match[0];
      if ((!isPresenceCheck && state.sequences.has(text)) || isException(except, text) || isWithinPhrase(phrases, block.text, match.index, match.index + text.length)) continue;
      const fixed = actionValue(action, text);
      alerts.push({ start: match.index, end: match.index + text.length, ...(fixed === undefined ? said(message, text) : said(message, text, fixed)) });
    }
    return alerts;
  };
}

/** Vale's hasCaptureGroup: more `(` in the pattern as written than `(?` and `\(` together. */
function hasCaptureGroup(pattern: string): boolean {
  const count = (s: string) => pattern.split(s).length - 1;
  return count("(") > count("(?") + count("\\(");
}
