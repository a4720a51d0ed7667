/** Loose Hangul letters composed into syllables before a query is read (src/client/search-hangul.ts). */
import { describe, expect, it } from "vitest";
import { composeHangul } from "../../src/client/search-hangul.ts";
import { analyseQuery, Vocabulary } from "../../src/client/search-query.ts";

describe("composeHangul", () => {
  it("composes a word typed as loose letters, as a two-set keyboard does", () => {
    expect(composeHangul("ㅎㅘㄴㅂㅜㄹ")).toBe("환불");
    expect(composeHangul("ㅇㅣㄴㅂㅗㅇㅣㅅㅡ")).toBe("인보이스");
    expect(composeHangul("ㄱㅏㄱㅏ")).toBe("가가");
    expect(composeHangul("ㄷㅏㄹㄱ")).toBe("닭");
  });

  it("finishes a syllable the reader's input method left open", () => {
    expect(composeHangul("궈ㄴ한")).toBe("권한");
    expect(composeHangul("설ㅈㅓㅇ")).toBe("설정");
    expect(composeHangul("웹훅 설ㅈㅓㅇ 방법")).toBe("웹훅 설정 방법");
  });

  it("leaves laughs, cries and stray letters after a whole word as they are, and text without loose letters untouched", () => {
    expect(composeHangul("안돼요ㅋㅋ")).toBe("안돼요ㅋㅋ");
    expect(composeHangul("오류ㅠㅠ")).toBe("오류ㅠㅠ");
    expect(composeHangul("환불ㄹ")).toBe("환불ㄹ");
    expect(composeHangul("refund 환불")).toBe("refund 환불");
  });

  it("lets a query typed in loose letters search the word the cards use", () => {
    const ko = new Vocabulary(["방법", "환불"]);
    expect(analyseQuery("ㅎㅘㄴㅂㅜㄹ 방법", "ko", { vocabulary: ko }).terms).toEqual(["환불"]);
  });
});
