/**
 * Comment directives: `<!-- vale off -->`, `<!-- vale on -->`, `<!-- vale Style.Rule = NO -->`,
 * `<!-- vale Style.Rule = YES -->`, `<!-- vale Style = NO -->`, and as current Vale
 * (core/file.go UpdateComments): `<!-- vale Style.Rule["match", "other"] = NO -->` for those matches
 * only, and `<!-- vale styles = A, B -->`, which turns every base style off but the ones listed.
 * Each applies from the comment onwards. As Vale's QueryComments, a style turned off silences its
 * rules whatever a rule's own directive says, and a rule turned off stays off when its style is
 * turned on. Raw-scope and metric rules run after the whole file, once Vale has reset the rule
 * directives (lint/ast.go lintSizedScopes, core/file.go ResetComments): only a `vale off` still in
 * force at the end of the file silences them (QueryComments).
 */
import type { ProseComment } from "./prose.ts";

interface Directive {
  offset: number;
  /** undefined: every rule (`vale off`, `vale on`). */
  target: string | undefined;
  /** With a target `Style.Rule`: the matched texts it applies to. */
  matches?: readonly string[];
  isOn: boolean;
}

export interface DirectiveIndex {
  /** True when `rule` (with `match`, its matched text) is switched off at `offset`. */
  isDisabled(rule: string, offset: number, match?: string): boolean;
  /** True when `vale off` is in force at `offset` (Vale leaves such text out of its block). */
  isAllOffAt(offset: number): boolean;
  /** True when the file ends in `vale off` (no `vale on` after the last one). */
  readonly isOffAtEnd: boolean;
}

const CONTROL = /^vale (.+\..+|[^.]+) = (YES|NO|on|off)$/;
const STYLES = /^vale styles? = (.*)$/;
const MATCHES = /^vale (.+\..+)(\[.+\]) = (YES|NO)$/;

/**
 * `baseStyles`: the file's BasedOnStyles, which `vale styles = …` turns off. Comments are read exactly
 * as Vale reads them: `vale OFF`, `= Yes` or `Style.Rule=NO` are not directives, in Vale or here.
 */
export function indexDirectives(comments: readonly ProseComment[], baseStyles: Iterable<string> = []): DirectiveIndex {
  const directives: Directive[] = [];
  for (const comment of comments) {
    const text = comment.text.trim();
    if (text === "vale off" || text === "vale on") {
      directives.push({ offset: comment.offset, target: undefined, isOn: text === "vale on" });
      continue;
    }
    const matches = MATCHES.exec(text);
    if (matches) {
      const list = jsonStrings(matches[2]!);
      if (list) directives.push({ offset: comment.offset, target: matches[1]!, matches: list, isOn: matches[3] === "YES" });
      continue;
    }
    // Vale reads `vale <name> = YES` before `vale styles = …`: `vale style = NO` is about a style called "style".
    const control = CONTROL.exec(text);
    if (control) {
      directives.push({ offset: comment.offset, target: control[1]!, isOn: control[2] === "YES" || control[2] === "on" });
      continue;
    }
    const styles = STYLES.exec(text);
    if (styles) {
      for (const style of baseStyles) directives.push({ offset: comment.offset, target: style, isOn: false });
      for (const style of styles[1]!.split(", ")) directives.push({ offset: comment.offset, target: style, isOn: true });
    }
  }
  directives.sort((a, b) => a.offset - b.offset);
  const lastAll = directives.findLast((d) => d.target === undefined);
  return {
    isOffAtEnd: lastAll !== undefined && !lastAll.isOn,
    isAllOffAt(offset) {
      let isOff = false;
      for (const d of directives) {
        if (d.offset >= offset) break;
        if (d.target === undefined) isOff = !d.isOn;
      }
      return isOff;
    },
    isDisabled(rule, offset, match) {
      if (directives.length === 0) return false;
      const style = rule.split(".")[0];
      let isAllOff = false;
      let isStyleOff = false;
      let isRuleOff = false;
      let isMatchOff = false;
      for (const d of directives) {
        if (d.offset >= offset) break;
        if (d.target === undefined) isAllOff = !d.isOn;
        else if (d.matches) {
          if (d.target === rule && match !== undefined && d.matches.includes(match)) isMatchOff = !d.isOn;
        } else if (d.target === style) isStyleOff = !d.isOn;
        else if (d.target === rule) isRuleOff = !d.isOn;
      }
      return isAllOff || isStyleOff || isRuleOff || isMatchOff;
    },
  };
}

/** `["a", "b"]` as Vale reads it (json.Unmarshal into strings), or undefined. */
function jsonStrings(text: string): string[] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every((v) => typeof v === "string") ? value : undefined;
  } catch {
    return undefined;
  }
}
