/** How search compares words, the same in the build and in the browser (no Node module here). */

/** How words are compared: Unicode-normalised, lower case, single spaces. */
export function normaliseWord(word: string): string {
  return foldCase(word).replace(/\s+/g, " ").trim();
}

/** The letters of `normaliseWord` (Unicode-normalised, lower case), spaces left as they are. */
export function foldCase(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}
