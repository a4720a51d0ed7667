/**
 * Finds many phrases in a text at once, word by word: text and phrases are split into tokens
 * (runs of letters and digits; each Han, Kana or Hangul character is a token of its own), tokens
 * are hashed, and each phrase is looked up by the hash of its first one to three tokens, through a
 * bitmap that rejects almost every position at once. Punctuation between words does not matter, so
 * `billing/refund-a-payment` is found in a URL, a path or a sentence alike (a tag between two words
 * does: its name is a word). Memory grows
 * with the number of phrases, not their length, so tens of thousands of sentences cost little.
 */

export interface PhraseSearch {
  /** Indexes (into the phrase list) of every phrase found in `text` (in any case; escapes decoded, as decodeForScan gives it). */
  findIn(text: string): Set<number>;
  /** Number of tokens of each phrase. */
  tokenCount(index: number): number;
}

const BITS = 22;
const MASK = (1 << BITS) - 1;
/** Phrases are keyed by the hash of their first tokens, up to this many. */
const KEY_TOKENS = 8;

const bitmap = () => new Uint8Array((MASK + 1) >> 3);
const has = (bits: Uint8Array, key: number) => (bits[(key & MASK) >> 3]! & (1 << (key & 7))) !== 0;
const set = (bits: Uint8Array, key: number) => {
  bits[(key & MASK) >> 3]! |= 1 << (key & 7);
};

/** Characters that show nothing (zero-width space and joiners, soft hyphen, word joiner, byte-order mark, variation selectors). */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/u;
const INVISIBLES = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * Text as the tokens see it: compatibility forms folded (full-width letters, ligatures,
 * mathematical letters: NFKC) and invisible characters dropped, so that neither splits or
 * disguises a word a reader sees whole.
 */
export function foldForTokens(text: string): string {
  const folded = text.normalize("NFKC");
  return INVISIBLE.test(folded) ? folded.replace(INVISIBLES, "") : folded;
}

export function createPhraseSearch(phrases: readonly string[]): PhraseSearch {
  const tokens = phrases.map((p) => tokenHashes(p));
  // Level k (1 to KEY_TOKENS) holds the phrases keyed by their first k tokens: `ends[k]` marks
  // those keys, `goesOn[k]` marks k-token prefixes of longer phrases, so a text position is
  // followed only as far as some phrase goes (thousands of sentences start alike).
  const maps = Array.from({ length: KEY_TOKENS + 1 }, () => new Map<number, number[]>());
  const ends = Array.from({ length: KEY_TOKENS + 1 }, bitmap);
  const goesOn = Array.from({ length: KEY_TOKENS + 1 }, bitmap);
  const singles = new Map<number, string>();
  tokens.forEach((t, index) => {
    if (t.length === 0) return;
    const levels = Math.min(t.length, KEY_TOKENS);
    let key = t[0]!;
    for (let k = 1; k < levels; k++) {
      set(goesOn[k]!, key);
      key = mix(key, t[k]!);
    }
    set(ends[levels]!, key);
    const list = maps[levels]!.get(key);
    if (list) list.push(index);
    else maps[levels]!.set(key, [index]);
    if (levels === 1) singles.set(index, foldForTokens(phrases[index]!).toLowerCase());
  });
  return {
    tokenCount: (index) => tokens[index]!.length,
    findIn(original) {
      const text = foldForTokens(original);
      const found = new Set<number>();
      const rejected = new Set<number>();
      let lower: string | undefined;
      const h = tokenize(text);
      const n = h.length;
      for (let i = 0; i < n; i++) {
        let key = h[i]!;
        for (let k = 1; ; k++) {
          if (has(ends[k]!, key)) {
            for (const index of maps[k]!.get(key) ?? []) {
              if (found.has(index)) continue;
              const t = tokens[index]!;
              if (k === 1) {
                // One token: confirm the word itself, so that a hash collision cannot report it.
                if (!rejected.has(index)) ((lower ??= text.toLowerCase()).includes(singles.get(index)!) ? found : rejected).add(index);
                continue;
              }
              if (i + t.length > n) continue;
              let j = k;
              while (j < t.length && t[j] === h[i + j]) j++;
              if (j === t.length) found.add(index);
            }
          }
          if (k === KEY_TOKENS || i + k >= n || !has(goesOn[k]!, key)) break;
          key = mix(key, h[i + k]!);
        }
      }
      return found;
    },
  };
}

function mix(a: number, b: number): number {
  return (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b) >>> 0;
}

function isCjk(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0x1100 && code <= 0x11ff) ||
    (code >= 0x3130 && code <= 0x318f)
  );
}

const WORD_CHAR = 1;
const SEPARATOR = 2;
const CJK_CHAR = 3;
/**
 * The class of every UTF-16 code unit and the first code unit of its lower case, computed once
 * (about 20 ms): the tokenizer's loop only looks them up.
 */
const classes = new Uint8Array(0x10000);
const lowerCase = new Uint16Array(0x10000);
{
  const word = /[\p{L}\p{N}\p{M}]/u;
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    classes[c] = isCjk(c) ? CJK_CHAR : word.test(ch) ? WORD_CHAR : SEPARATOR;
    lowerCase[c] = ch.toLowerCase().charCodeAt(0);
  }
}

/** The tokenizer's output buffer, reused from text to text (a token is at least one character). */
let buffer = new Uint32Array(1 << 16);

/** Token hashes of a text, case-insensitive, in a buffer the next call overwrites. */
function tokenize(text: string): Uint32Array {
  if (buffer.length <= text.length) buffer = new Uint32Array(text.length + 1);
  const out = buffer;
  let n = 0;
  let h = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const cls = classes[code]!;
    if (cls === WORD_CHAR) {
      if (!inWord) {
        h = 0x811c9dc5;
        inWord = true;
      }
      h = Math.imul(h ^ lowerCase[code]!, 0x01000193);
    } else if (cls === CJK_CHAR) {
      if (inWord) out[n++] = h >>> 0;
      inWord = false;
      out[n++] = Math.imul(0x811c9dc5 ^ code, 0x01000193) >>> 0;
    } else if (inWord) {
      out[n++] = h >>> 0;
      inWord = false;
    }
  }
  if (inWord) out[n++] = h >>> 0;
  return out.subarray(0, n);
}

/** Token hashes of a text, case-insensitive: runs of letters and digits, each CJK character on its own. */
export function tokenHashes(text: string): Uint32Array {
  return tokenize(foldForTokens(text)).slice();
}
