/** English words typed without the spaces between them, read as the words the cards use (split out of search-query.ts). */
import type { SplitWord, Vocabulary } from "./search-query.ts";
import { EN_STOP } from "./search-words.ts";

/**
 * An English word no card uses, written as words the cards use without the spaces between them
 * (`webhooksignature`, `singlesignon`, `transferownership`): those words, two if two will do, else three,
 * each of three letters or more and an indexed word itself, the longest first word first.
 */
export function splitJoined(token: string, vocabulary: Vocabulary): SplitWord | undefined {
  if (!/^[a-z]+$/.test(token) || token.length < 6) return undefined;
  for (let parts = 2; parts <= 3; parts++) {
    const words = joinedWords(token, vocabulary, parts);
    if (words) return { words };
  }
  return undefined;
}

function joinedWords(token: string, vocabulary: Vocabulary, parts: number): string[] | undefined {
  if (parts === 1) return token.length >= 3 && vocabulary.has(token) ? [token] : undefined;
  for (let at = token.length - 3 * (parts - 1); at >= 3; at--) {
    const head = token.slice(0, at);
    if (!vocabulary.has(head)) continue;
    const rest = joinedWords(token.slice(at), vocabulary, parts - 1);
    if (rest) return [head, ...rest];
  }
  return undefined;
}

/**
 * A word written with a hyphen that the cards write as one word (`e-mail`, `log-in`, `re-send`): that word. Its parts
 * alone search something else (`e` is any word, `mail` the sending domain), and Pagefind would match them one by one.
 */
export function joinHyphenated(token: string, vocabulary: Vocabulary): string | undefined {
  if (!/^[a-z]+(?:-[a-z]+)+$/.test(token) || vocabulary.has(token)) return undefined;
  const joined = token.replace(/-/g, "");
  return vocabulary.has(joined) ? joined : undefined;
}

/**
 * Two words the cards write as one, typed apart as a phone's autocorrect leaves them (`web hook`, `pay outs`,
 * `in voice`, `sub scription`): that one word, when one of the two is no word the cards use on its own. Two words
 * the cards use apart, stop words among them, stay apart (`set up`, `a way`): they are the cards' own phrase as often as the joined word.
 */
export function joinSplitWords(tokens: readonly string[], vocabulary: Vocabulary): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const [a, b] = [tokens[i]!, tokens[i + 1]];
    const joined = b !== undefined && /^[a-z]+$/.test(a) && /^[a-z]+$/.test(b) ? a + b : "";
    const alone = (word: string) => vocabulary.has(word) || EN_STOP.has(word);
    if (joined.length >= 4 && vocabulary.has(joined) && !(alone(a) && alone(b!))) {
      out.push(joined);
      i++;
    } else out.push(a);
  }
  return out;
}
