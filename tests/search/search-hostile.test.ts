/**
 * Queries nobody types but anyone can paste or link to (`/search/?q=...`): 10,000 characters of one word,
 * many words, quotes, brackets, mixed scripts. The browser reads each one on every keystroke and on the
 * search page's load, so reading it must take milliseconds, whatever its length.
 */
import { describe, expect, it } from "vitest";
import { analyseQuery, relaxedTerms, Vocabulary } from "../../src/client/search-query.ts";
import { queryIntent } from "../../src/client/search-intent.ts";
import { quotedPhrase } from "../../src/client/search-exact.ts";

const WORDS = ["account", "billing", "invoice", "refund", "refunds", "seats", "webhook", "webhooks", "signature", "권한", "방법", "설정", "웹훅", "이벤트", "테스트", "환불", "결제", "청구서", "退款", "验证码", "過期", "返金"];
const VOCABULARY = new Vocabulary([...WORDS].sort());

/** A run of Hangul syllables, none repeated in a pattern (as a paste of Korean text without its spaces). */
const hangulRun = (length: number) => Array.from({ length }, (_, i) => String.fromCharCode(0xac00 + ((i * 7919) % 11172))).join("");

const QUERIES: Record<string, string> = {
  "10,000 Hangul syllables of one word": "환불".repeat(5_000),
  "10,000 Hangul syllables without a pattern": hangulRun(10_000),
  "12,000 loose Hangul letters": "ㅎㅘㄴㅂㅜㄹ".repeat(2_000),
  "a Hangul word with a known start, then 10,000 syllables": `웹훅${hangulRun(10_000)}`,
  "10,000 Latin letters": "a".repeat(10_000),
  "known words joined 800 times": "refundwebhook".repeat(800),
  "2,000 repeated words": "refund ".repeat(2_000),
  "10,000 quotes": '"'.repeat(10_000),
  "5,000 nested brackets": `${"(".repeat(5_000)}${")".repeat(5_000)}`,
  "mixed scripts": "a验b환cの".repeat(2_000),
  "10,000 Han characters": "验证码过期".repeat(2_000),
  "a letter's disclaimer 1,000 times": "this email ".repeat(1_000),
  "5,000 hyphens and underscores": "a-b_".repeat(2_500),
};

describe("a hostile query", () => {
  it.each(Object.entries(QUERIES))("%s is read in milliseconds in every language", (_name, query) => {
    for (const lang of ["en", "ko", "zh", "ja"]) {
      const started = performance.now();
      queryIntent(query);
      quotedPhrase(query);
      const read = analyseQuery(query, lang, { vocabulary: VOCABULARY });
      relaxedTerms(read.terms, lang);
      const elapsed = performance.now() - started;
      // A bound on a hang, not a speed target: generous for a loaded test machine; the quadratic reading of a long
      // Hangul run took 10 to 27 seconds.
      expect(elapsed, lang).toBeLessThan(3_000);
    }
  });

  it("still cuts a Korean run without spaces into the cards' words, and keeps the known start of a long one", () => {
    expect(analyseQuery("웹훅이벤트테스트", "ko", { vocabulary: VOCABULARY }).terms).toEqual(["웹훅", "이벤트", "테스트"]);
    expect(analyseQuery("환불설정방법", "ko", { vocabulary: VOCABULARY }).terms).toEqual(["환불", "설정"]);
    expect(analyseQuery(`웹훅설정${hangulRun(5_000)}`, "ko", { vocabulary: VOCABULARY }).terms).toEqual(["웹훅", "설정"]);
  });
});
