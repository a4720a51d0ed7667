/**
 * Every pattern translated in this process (go-regex.ts), and those recalled from a previous run
 * (translation-cache.ts): a translation depends on the pattern alone, and running the translator
 * over a style guide's patterns costs a re-lint of one card more than checking the card.
 */

export interface TranslatedRegex {
  source: string;
  flags: string;
}

const translations = new Map<string, TranslatedRegex>();
/** The translations `recordTranslations` is collecting. */
let recording: Map<string, TranslatedRegex> | undefined;

/** The translation of `pattern`: remembered, or made by `translate` and remembered. */
export function rememberedTranslation(pattern: string, translate: () => TranslatedRegex): TranslatedRegex {
  let translated = translations.get(pattern);
  if (translated === undefined) {
    translated = translate();
    translations.set(pattern, translated);
  }
  recording?.set(pattern, translated);
  return translated;
}

/** Runs `work` and gives, with its result, every translation it used. */
export function recordTranslations<T>(work: () => T): { value: T; used: ReadonlyMap<string, TranslatedRegex> } {
  const outer = recording;
  const used = new Map<string, TranslatedRegex>();
  recording = used;
  try {
    return { value: work(), used };
  } finally {
    recording = outer;
    if (outer) for (const [pattern, translated] of used) outer.set(pattern, translated);
  }
}

/** Recalls translations saved by an earlier run of this same code. */
export function recallTranslations(entries: Iterable<readonly [string, TranslatedRegex]>): void {
  for (const [pattern, translated] of entries) if (!translations.has(pattern)) translations.set(pattern, translated);
}

/**
 * Expressions without `g` or `y`, by source and flags: they keep no state between uses, so rules may
 * share one. Every existence and substitution rule of a style builds the same exception pattern from
 * the vocabulary (2,000 terms in Elastic's: 40 rules took 2.5 s building it again and again).
 */
const stateless = new Map<string, RegExp>();
/** Bound of `stateless`, for a long-running process that loads many configurations. */
const MAX_SHARED = 20_000;

/** `new RegExp(source, flags)`, shared when the expression keeps no state (throws as the constructor does). */
export function sharedRegex(source: string, flags: string): RegExp {
  if (flags.includes("g") || flags.includes("y")) return new RegExp(source, flags);
  const key = `${flags}/${source}`;
  let compiled = stateless.get(key);
  if (!compiled) {
    compiled = new RegExp(source, flags);
    if (stateless.size >= MAX_SHARED) stateless.clear();
    stateless.set(key, compiled);
  }
  return compiled;
}
