/** Korean typed with the input method off and Japanese typed in romaji, read as the Hangul or kana meant (src/client/search-keys.ts). */
import { describe, expect, it } from "vitest";
import type { GlossaryEntry } from "../../src/core/site/glossary.ts";
import { hangulFromKeys, kanaFromRomaji, retypedQuery, type Lexicon } from "../../src/client/search-keys.ts";
import { Vocabulary } from "../../src/client/search-query.ts";

describe("hangulFromKeys", () => {
  it("reads the keys of a two-set keyboard as the syllables they make", () => {
    expect(hangulFromKeys("ghksqnf")).toBe("환불");
    expect(hangulFromKeys("dlsqhdltm")).toBe("인보이스");
    expect(hangulFromKeys("durgkf")).toBe("역할");
    expect(hangulFromKeys("dnpqgnr")).toBe("웹훅");
    expect(hangulFromKeys("Tmsms")).toBe("쓰는");
  });

  it("reads nothing into English words, whose letters leave a consonant without its vowel", () => {
    expect(hangulFromKeys("refund")).toBeUndefined();
    expect(hangulFromKeys("webhook")).toBeUndefined();
    expect(hangulFromKeys("k")).toBeUndefined();
  });

  it("reads nothing into a word of one syllable's keys: abbreviations are typed so (db, vm, dms)", () => {
    expect(hangulFromKeys("db")).toBeUndefined();
    expect(hangulFromKeys("vm")).toBeUndefined();
    expect(hangulFromKeys("dms")).toBeUndefined();
  });
});

describe("kanaFromRomaji", () => {
  it("reads Hepburn and keyboard romaji as hiragana, with small tsu and n", () => {
    expect(kanaFromRomaji("henkin")).toBe("へんきん");
    expect(kanaFromRomaji("zeiritsu")).toBe("ぜいりつ");
    expect(kanaFromRomaji("seikyuusho")).toBe("せいきゅうしょ");
    expect(kanaFromRomaji("kessai")).toBe("けっさい");
    expect(kanaFromRomaji("kyohi")).toBe("きょひ");
    expect(kanaFromRomaji("shin'you")).toBe("しんよう");
  });

  it("reads nothing into words with letters romaji does not use", () => {
    expect(kanaFromRomaji("invoice")).toBeUndefined();
    expect(kanaFromRomaji("stripe")).toBeUndefined();
  });
});

const glossary: GlossaryEntry[] = [{ words: { en: ["refund"], ja: ["返金", "へんきん"], ko: ["환불"] }, langs: ["en"] }, { words: { en: ["2fa"], ja: ["にだんかいにんしょう"] }, langs: ["en"] }];
const lexicon = (en: string[], ko: string[]): Lexicon => ({
  vocabulary: async (lang) => new Vocabulary(lang === "ko" ? ko : en),
  glossary: async () => glossary,
});

describe("retypedQuery", () => {
  const site = lexicon(["api", "invoice", "refund", "webhook"], ["웹훅", "인보이스"]);

  it("retypes a question typed with the Korean input method off when the Hangul is a word the site knows", async () => {
    expect(await retypedQuery("ghksqnf", "en", site)).toBe("환불");
    expect(await retypedQuery("dnpqgnr tjfwjd", "en", site)).toBe("웹훅 설정");
  });

  it("retypes romaji when the kana is a reading in the glossary, joined when the words are one", async () => {
    expect(await retypedQuery("henkin", "en", site)).toBe("へんきん");
    expect(await retypedQuery("nidankai ninshou", "en", site)).toBe("にだんかいにんしょう");
  });

  it("keeps the words the page's cards use, and English questions as they are", async () => {
    expect(await retypedQuery("api ghksqnf", "en", site)).toBe("api 환불");
    expect(await retypedQuery("refund", "en", site)).toBeUndefined();
    expect(await retypedQuery("hello", "en", site)).toBeUndefined();
    expect(await retypedQuery("sushi", "en", site)).toBeUndefined();
    expect(await retypedQuery("환불", "en", site)).toBeUndefined();
  });
});
