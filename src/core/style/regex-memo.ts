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
