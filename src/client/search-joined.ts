/** Words typed otherwise than the cards write them (joined without spaces, apart, hyphenated, a code's words, a phrasal verb), read as the cards' words (split out of search-query.ts). */
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
 * `in voice`, `sub scription`, `2 fa`): that one word, when one of the two is no word the cards use on its own. Two words
 * the cards use apart, stop words among them, stay apart (`set up`, `a way`): they are the cards' own phrase as often as the joined word.
 */
export function joinSplitWords(tokens: readonly string[], vocabulary: Vocabulary): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const [a, b] = [tokens[i]!, tokens[i + 1]];
    // Letters, or a number before letters (`2 fa`: the cards' 2FA).
    const joined = b !== undefined && /^(?:[a-z]+|\d+)$/.test(a) && /^[a-z]+$/.test(b) ? a + b : "";
    const alone = (word: string) => vocabulary.has(word) || EN_STOP.has(word);
    if (joined.length >= (/^\d/.test(joined) ? 2 : 4) && vocabulary.has(joined) && !(alone(a) && alone(b!))) {
      out.push(joined);
      i++;
    } else out.push(a);
  }
  return out;
}

/** Runs of two to four words the vocabulary has joined by `_` become that word, longest first. */
export function joinCodes(tokens: string[], vocabulary: Vocabulary): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let joined = 0;
    for (let n = Math.min(4, tokens.length - i); n >= 2 && joined === 0; n--) if (vocabulary.has(tokens.slice(i, i + n).join("_"))) joined = n;
    out.push(joined > 0 ? tokens.slice(i, i + joined).join("_") : tokens[i]!);
    i += Math.max(joined, 1) - 1;
  }
  return out;
}

/**
 * A verb and its particle the cards write as one word: `log in` is `login`, `sign up` is `signup`. The particle alone is a
 * stop word or matches any "up to", and the verb alone names something else (`log` is the API request log, `sign` signing
 * in and signatures). `sign in` stays apart: `sign` also finds "sign-on" and "signs in", which cards on signing in write.
 */
const PHRASAL_VERBS = new Set(["log in", "log on", "log out", "sign up"]);

export function joinParticles(tokens: string[], vocabulary: Vocabulary): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const next = tokens[i + 1];
    // Its other forms too (`signing up`, `logged in`): the cards write the noun, `signup` and `login`.
    const verb = tokens[i]!.replace(/^(log|sign)(?:s|ed|ged|ing|ging)$/, "$1");
    if (next !== undefined && PHRASAL_VERBS.has(`${verb} ${next}`) && vocabulary.has(verb + next)) {
      out.push(verb + next);
      i++;
    } else out.push(tokens[i]!);
  }
  return out;
}
