/** A glossary phrase a Korean or Chinese question splits with a word of its own (pure: no DOM, no Pagefind). */
import { describe, expect, it } from "vitest";
import { crossLanguageQueries, type GlossaryEntry } from "../../src/core/site/glossary.ts";

const DELIVERY: GlossaryEntry[] = [
  { words: { en: ["not delivered"], ko: ["메일이 안 가", "메일 발송 실패"], zh: ["邮件收不到", "发票没收到"] }, langs: ["en"] },
];

describe("a glossary phrase with the reader's word inside it", () => {
  it("names the thing when a Korean question puts one word between the phrase's words", () => {
    // `인보이스 메일이 고객한테 안 가요`: the customer is named between "the email" and "doesn't go"; the English card was fifth.
    expect(crossLanguageQueries("인보이스 메일이 고객한테 안 가요", "ko", DELIVERY)).toEqual(new Map([["en", "not delivered"]]));
    expect(crossLanguageQueries("메일이 안 가요", "ko", DELIVERY)).toEqual(new Map([["en", "not delivered"]]));
  });

  it("names the thing when a Chinese question puts a word of one or two characters inside the phrase", () => {
    expect(crossLanguageQueries("发票邮件客户收不到", "zh", DELIVERY)).toEqual(new Map([["en", "not delivered"]]));
    expect(crossLanguageQueries("发了一张发票客户没收到", "zh", DELIVERY)).toEqual(new Map([["en", "not delivered"]]));
  });

  it("names nothing when the words are farther apart, out of order or only one of them is there", () => {
    expect(crossLanguageQueries("메일이 고객 계정에서 안 가요", "ko", DELIVERY).size).toBe(0);
    expect(crossLanguageQueries("안 가 메일이", "ko", DELIVERY).size).toBe(0);
    expect(crossLanguageQueries("邮件发送给我们的客户收不到", "zh", DELIVERY).size).toBe(0);
    expect(crossLanguageQueries("邮件设置", "zh", DELIVERY).size).toBe(0);
    // English words are whole words and phrases as they are: no gap.
    expect(crossLanguageQueries("not yet delivered", "ko", DELIVERY).size).toBe(0);
  });
});

describe("a Chinese negation written in full", () => {
  const RECEIVED: GlossaryEntry[] = [{ words: { en: ["not delivered"], zh: ["没收到发票", "没收到邮件"] }, langs: ["en"] }];

  it("reads 没有 before a verb as the glossary's 没 (`客户没有收到发票邮件`, Traditional `沒有收到`)", () => {
    expect(crossLanguageQueries("客户没有收到发票邮件", "zh", RECEIVED)).toEqual(new Map([["en", "not delivered"]]));
    expect(crossLanguageQueries("客戶沒有收到發票", "zh", RECEIVED, { 戶: "户", 沒: "没", 發: "发" })).toEqual(new Map([["en", "not delivered"]]));
  });

  it("leaves 没有 that says something is missing, not before the phrase's verb, as it is", () => {
    expect(crossLanguageQueries("没有发票", "zh", RECEIVED).size).toBe(0);
  });
});
