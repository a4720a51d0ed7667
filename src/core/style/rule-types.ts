/** Shared shapes of compiled Vale rules and the alerts they raise. */
import type { Severity } from "../lint/findings.ts";
import type { ProseBlock } from "./prose.ts";
import type { Scope } from "./scopes.ts";

/** An alert inside one block: `[start, end)` are indices into `block.text`. */
export interface RawAlert {
  start: number;
  end: number;
  message: string;
  /** Replacement text for `--fix` (`action: replace` / substitution), or "" for `remove`. */
  replacement?: string;
  /** The values `message` was formatted with (the description is formatted with them too). */
  values?: (string | number)[];
  /** The suggestions a `replace` action without params gets (Vale fills them in per alert). */
  params?: string[];
}

/** Per-file state shared by the blocks of one file (consistency, conditional, occurrence). */
export interface FileState {
  /** Capture values and consistency groups seen so far in the file. */
  sequences: Set<string>;
  metrics: ReadonlyMap<string, number>;
}

export interface RuleAction {
  name: string;
  params: string[];
}

export interface CompiledRule {
  /** `Style.Rule`. */
  name: string;
  /** Rule file, for messages. */
  file: string;
  type: string;
  level: Severity;
  link: string | undefined;
  /** `description`, as written (`%s` filled in per alert). */
  description: string;
  scope: Scope;
  action: RuleAction | undefined;
  /** `limit`: at most this many alerts per file. */
  limit: number;
  /** True when the rule reads syllable counts (readability rules, formulas with syllables or complex words). */
  needsSyllables?: boolean;
  /** True when a pattern of the rule can backtrack without bound: it runs under a time budget. */
  isRisky?: boolean;
  /** Runs on one block; absent for file-level rules. */
  run?(block: ProseBlock, state: FileState): RawAlert[];
  /** File-level rules (metric): one alert at line 1 or none. */
  runFile?(state: FileState): string | undefined;
}

export const RULE_TYPES = ["existence", "substitution", "occurrence", "repetition", "consistency", "conditional", "capitalization", "metric", "readability", "spelling", "sequence"] as const;
/** Vale rule types Verity does not run: skipped with a warning. */
export const SKIPPED_RULE_TYPES = ["script"] as const;
