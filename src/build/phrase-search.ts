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
  /** Indexes (into the phrase list) of every phrase found in `text` (lowercased, as normaliseForScan gives it). */
  findIn(text: string): Set<number>;
  /** Number of tokens of each phrase. */
  tokenCount(index: number): number;
}

const BITS = 22;
const MASK = (1 << BITS) - 1;

export function createPhraseSearch(phrases: readonly string[]): PhraseSearch {
  const tokens = phrases.map((p) => tokenHashes(p));
  const maps = [new Map<number, number[]>(), new Map<number, number[]>(), new Map<number, number[]>()];
  const bitmaps = [new Uint8Array((MASK + 1) >> 3), new Uint8Array((MASK + 1) >> 3), new Uint8Array((MASK + 1) >> 3)];
  const singles = new Map<number, string>();
  // First tokens of every phrase: most positions of a text start none, and stop here.
  const first = new Uint8Array((MASK + 1) >> 3);
  tokens.forEach((t, index) => {
    if (t.length === 0) return;
    const k = Math.min(t.length, 3);
    const key = k === 1 ? t[0]! : k === 2 ? mix2(t[0]!, t[1]!) : mix3(t[0]!, t[1]!, t[2]!);
    const list = maps[k - 1]!.get(key);
    if (list) list.push(index);
    else maps[k - 1]!.set(key, [index]);
    bitmaps[k - 1]![(key & MASK) >> 3]! |= 1 << (key & 7);
    first[(t[0]! & MASK) >> 3]! |= 1 << (t[0]! & 7);
    if (k === 1) singles.set(index, phrases[index]!.toLowerCase());
  });
  return {
    tokenCount: (index) => tokens[index]!.length,
    findIn(text) {
      const found = new Set<number>();
      const rejected = new Set<number>();
      const h = tokenHashes(text);
      const n = h.length;
      for (let i = 0; i < n; i++) {
        const k1 = h[i]!;
        if (!(first[(k1 & MASK) >> 3]! & (1 << (k1 & 7)))) continue;
        if (bitmaps[0]![(k1 & MASK) >> 3]! & (1 << (k1 & 7))) {
          for (const index of maps[0]!.get(k1) ?? []) {
            // One token: confirm the word itself (texts come lowercased), so that a hash collision cannot report it.
            if (!found.has(index) && !rejected.has(index)) (text.includes(singles.get(index)!) ? found : rejected).add(index);
          }
        }
        if (i + 1 >= n) continue;
        const k2 = mix2(k1, h[i + 1]!);
        if (bitmaps[1]![(k2 & MASK) >> 3]! & (1 << (k2 & 7))) for (const index of maps[1]!.get(k2) ?? []) found.add(index);
        if (i + 2 >= n) continue;
        const k3 = mix3(k1, h[i + 1]!, h[i + 2]!);
        if (bitmaps[2]![(k3 & MASK) >> 3]! & (1 << (k3 & 7))) {
          for (const index of maps[2]!.get(k3) ?? []) {
            const t = tokens[index]!;
            if (i + t.length > n || found.has(index)) continue;
            let j = 3;
            while (j < t.length && t[j] === h[i + j]) j++;
            if (j === t.length) found.add(index);
          }
        }
      }
      return found;
    },
  };
}

function mix2(a: number, b: number): number {
  return (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b) >>> 0;
}

function mix3(a: number, b: number, c: number): number {
  return (Math.imul(mix2(a, b) ^ 0x27d4eb2f, 0xc2b2ae35) ^ c) >>> 0;
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

/** 0 unknown, 1 word character, 2 not. Filled lazily for characters above ASCII. */
const classes = new Uint8Array(0x10000);
const WORD = /[\p{L}\p{N}\p{M}]/u;
for (let c = 0; c < 128; c++) classes[c] = (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 2;

function isWordChar(code: number): boolean {
  let cls = classes[code]!;
  if (cls === 0) {
    cls = WORD.test(String.fromCharCode(code)) ? 1 : 2;
    classes[code] = cls;
  }
  return cls === 1;
}

/** Token hashes of a text, case-insensitive. */
export function tokenHashes(text: string): Uint32Array {
  let out = new Uint32Array(Math.max(16, text.length >> 2));
  let n = 0;
  let h = 0;
  let inWord = false;
  const push = (value: number) => {
    if (n === out.length) {
      const bigger = new Uint32Array(out.length * 2);
      bigger.set(out);
      out = bigger;
    }
    out[n++] = value >>> 0;
  };
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 65 && code <= 90) code += 32;
    if (code >= 0x3040 && isCjk(code)) {
      if (inWord) push(h);
      inWord = false;
      push(Math.imul(0x811c9dc5 ^ code, 0x01000193));
    } else if (code < 128 ? classes[code] === 1 : isWordChar(code)) {
      if (!inWord) {
        h = 0x811c9dc5;
        inWord = true;
      }
      if (code > 127) code = String.fromCharCode(code).toLowerCase().charCodeAt(0);
      h = Math.imul(h ^ code, 0x01000193);
    } else if (inWord) {
      push(h);
      inWord = false;
    }
  }
  if (inWord) push(h);
  return out.subarray(0, n);
}
