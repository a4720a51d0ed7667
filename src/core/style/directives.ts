/**
 * Comment directives: `<!-- vale off -->`, `<!-- vale on -->`, `<!-- vale Style.Rule = NO -->`,
 * `<!-- vale Style.Rule = YES -->` and `<!-- vale Style = NO -->`. Each applies from the comment
 * onwards. Raw-scope and metric rules run after the whole file, once Vale has reset the rule
 * directives (lint/ast.go lintSizedScopes, core/file.go ResetComments): only a `vale off` still in
 * force at the end of the file silences them (QueryComments).
 */
import type { ProseComment } from "./prose.ts";

interface Directive {
  offset: number;
  /** undefined: every rule. */
  target: string | undefined;
  isOn: boolean;
}

export interface DirectiveIndex {
  /** True when `rule` is switched off at `offset`. */
  isDisabled(rule: string, offset: number): boolean;
  /** True when `vale off` is in force at `offset` (Vale leaves such text out of its block). */
  isAllOffAt(offset: number): boolean;
  /** True when the file ends in `vale off` (no `vale on` after the last one). */
  readonly isOffAtEnd: boolean;
}

const ALL = /^vale\s+(off|on)$/i;
const ONE = /^([\w-]+(?:\.[\w-]+)?)\s*=\s*(YES|NO|ON|OFF)$/i;

export function indexDirectives(comments: readonly ProseComment[]): DirectiveIndex {
  const directives: Directive[] = [];
  for (const comment of comments) {
    const text = comment.text.trim();
    const all = ALL.exec(text);
    if (all) {
      directives.push({ offset: comment.offset, target: undefined, isOn: all[1]!.toLowerCase() === "on" });
      continue;
    }
    if (!/^vale\s/i.test(text)) continue;
    for (const part of text.replace(/^vale\s+/i, "").split(",")) {
      const one = ONE.exec(part.trim());
      if (one) directives.push({ offset: comment.offset, target: one[1]!, isOn: /^(yes|on)$/i.test(one[2]!) });
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
    isDisabled(rule, offset) {
      if (directives.length === 0) return false;
      const style = rule.split(".")[0];
      let isAllOff = false;
      let ruleState: boolean | undefined;
      for (const d of directives) {
        if (d.offset >= offset) break;
        if (d.target === undefined) isAllOff = !d.isOn;
        else if (d.target === rule || d.target === style) ruleState = d.isOn;
      }
      return isAllOff || ruleState === false;
    },
  };
}
