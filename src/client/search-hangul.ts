/**
 * Hangul typed as loose letters put back into syllables. An input method that loses track of a word (a
 * phone keyboard, a paste from a chat, a key pressed while the composition was cut) leaves compatibility
 * jamo in the text: `ㅎㅘㄴㅂㅜㄹ` for 환불, `궈ㄴ한` for 권한, `설ㅈㅓㅇ` for 설정. Each letter run is composed as a
 * two-set (두벌식) keyboard composes it, and a syllable the reader typed whole takes a consonant after it as its
 * final only when a syllable follows (`궈ㄴ한`): a laugh or a cry after a word (`안돼요ㅋㅋ`, `오류ㅠㅠ`) stays
 * loose letters, which name nothing and are left out as unknown words are.
 */
const CHO = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
const JUNG = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ";
const JONG = ["", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ", "ㄿ", "ㅀ", "ㅁ", "ㅂ", "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"];
/** Two vowels or two finals typed one after the other that make one. */
const VOWEL_PAIRS: Record<string, string> = { ㅗㅏ: "ㅘ", ㅗㅐ: "ㅙ", ㅗㅣ: "ㅚ", ㅜㅓ: "ㅝ", ㅜㅔ: "ㅞ", ㅜㅣ: "ㅟ", ㅡㅣ: "ㅢ" };
const FINAL_PAIRS: Record<string, string> = { ㄱㅅ: "ㄳ", ㄴㅈ: "ㄵ", ㄴㅎ: "ㄶ", ㄹㄱ: "ㄺ", ㄹㅁ: "ㄻ", ㄹㅂ: "ㄼ", ㄹㅅ: "ㄽ", ㄹㅌ: "ㄾ", ㄹㅍ: "ㄿ", ㄹㅎ: "ㅀ", ㅂㅅ: "ㅄ" };
const LOOSE = /[\u3131-\u3163]/u;
const SYLLABLE_START = 0xac00;
const SYLLABLE_END = 0xd7a3;

interface Syllable {
  cho: number;
  jung: number;
  jong: number;
  /** Put together here from loose letters (the reader's input method did not finish it). */
  built: boolean;
}

type Piece = string | Syllable;

function syllableOf(ch: string): Syllable | undefined {
  const code = ch.codePointAt(0)!;
  if (code < SYLLABLE_START || code > SYLLABLE_END) return undefined;
  const at = code - SYLLABLE_START;
  return { cho: Math.floor(at / 588), jung: Math.floor((at % 588) / 28), jong: at % 28, built: false };
}

function text(piece: Piece): string {
  return typeof piece === "string" ? piece : String.fromCodePoint(SYLLABLE_START + piece.cho * 588 + piece.jung * 28 + piece.jong);
}

/** The query with its loose Hangul letters composed into syllables; a query without loose letters comes back as it is. */
export function composeHangul(query: string): string {
  if (!LOOSE.test(query)) return query;
  const chars = [...query];
  const out: Piece[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const last = out[out.length - 1];
    const vowel = JUNG.indexOf(ch);
    const isLetter = LOOSE.test(ch);
    if (isLetter && vowel >= 0) {
      if (typeof last === "string" && CHO.includes(last) && last.length === 1) {
        out[out.length - 1] = { cho: CHO.indexOf(last), jung: vowel, jong: 0, built: true };
        continue;
      }
      if (last && typeof last !== "string" && last.built) {
        const pair = last.jong === 0 ? VOWEL_PAIRS[JUNG[last.jung]! + ch] : undefined;
        if (pair) {
          last.jung = JUNG.indexOf(pair);
          continue;
        }
      }
      out.push(ch);
      continue;
    }
    if (isLetter && last && typeof last !== "string") {
      const next = chars[i + 1] ?? "";
      const takes = last.built || syllableOf(next) !== undefined;
      const final = last.jong === 0 ? ch : FINAL_PAIRS[JONG[last.jong]! + ch];
      // A consonant followed by a vowel starts the next syllable instead.
      if (takes && final && JONG.includes(final) && (next === "" || !JUNG.includes(next))) {
        last.jong = JONG.indexOf(final);
        continue;
      }
    }
    out.push(syllableOf(ch) ?? ch);
  }
  return out.map(text).join("");
}
