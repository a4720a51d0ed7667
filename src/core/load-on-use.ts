/**
 * Packages that only some runs need (the HTML parser for cards with raw HTML, the diff printer of
 * `--dry-run`, the spell checker when a spelling rule is on) are loaded on first use, synchronously
 * (Node's `require` loads ES modules too), so that a lint run does not pay for their start-up.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** A function that loads `specifier` the first time it is called and returns the same module after. */
export function onFirstUse<T>(specifier: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(specifier) as T);
}
