/** Questions pasted from an email, Chinese counts, hyphenated words, negated "show" verbs and a named answer language (blind set 16). */
import { describe, expect, it } from "vitest";
import { readLetter } from "../../src/client/search-letter.ts";
import { analyseQuery, Vocabulary } from "../../src/client/search-query.ts";
import { namedLanguageQuery } from "../../src/client/search-named-language.ts";
import { dropChineseCounts } from "../../src/client/search-zh-count.ts";

const EN = new Vocabulary(["accounts", "add", "button", "card", "customer", "declined", "deliverability", "email", "hear", "invoice", "login", "mail", "meaning", "records", "refund", "seats", "showing", "sync", "twice"].sort());

describe("a question pasted from an email", () => {
  it("loses its greeting, pleasantries and sign-off with the name after it", () => {
    expect(readLetter("Hi team, hope you're well. How do I refund a customer who paid twice? Thanks, Sarah")).toBe("How do I refund a customer who paid twice");
    expect(readLetter("Dear Lumen support, we need 3 more seats. Kind regards")).toBe("we need 3 more seats.");
    expect(readLetter("Hi, the card keeps getting declined. Regards, Mark. This email and any attachments are confidential.")).toBe("the card keeps getting declined");
    expect(readLetter("Good morning, I can't log in. Sent from my iPhone")).toBe("I can't log in.");
    expect(readLetter("RE: FW: invoice not received")).toBe("invoice not received");
  });

  it("keeps a question that only looks like one (`which plan is best`, `best way to refund`, a bare greeting)", () => {
    expect(readLetter("which plan is best")).toBe("which plan is best");
    expect(readLetter("best way to refund")).toBe("best way to refund");
    expect(readLetter("Hi how do I refund")).toBe("Hi how do I refund");
    expect(readLetter("thanks")).toBe("thanks");
    expect(readLetter("환불 감사합니다")).toBe("환불 감사합니다");
  });

  it("searches none of the letter's words, which were corrected to the cards' (`dear` to hear, `regards` to records)", () => {
    const terms = analyseQuery("Dear support, how do I refund a customer? Kind regards, Tom Becker, Accounts", "en", { vocabulary: EN }).terms;
    expect(terms).toEqual(["refund", "customer"]);
  });
});

describe("a Chinese count between a verb and its object", () => {
  it("is cut, so the cards' word is whole again", () => {
    expect(dropChineseCounts("我想退一笔款")).toBe("我想退款");
    expect(dropChineseCounts("邀请三个同事")).toBe("邀请同事");
    expect(dropChineseCounts("发了2张发票")).toBe("发了发票");
  });

  it("keeps an ordinal, `一次性` and a run that is only a count", () => {
    expect(dropChineseCounts("发送第一张发票")).toBe("发送第一张发票");
    expect(dropChineseCounts("一次性付款")).toBe("一次性付款");
    expect(dropChineseCounts("一个")).toBe("一个");
  });

  it("is cut before a Chinese query is searched", () => {
    expect(analyseQuery("我想退一笔款", "zh").terms).toEqual(["退款"]);
  });
});

describe("words a reader writes differently from the cards", () => {
  it("searches a hyphenated word as the one word the cards write (`e-mail`)", () => {
    expect(analyseQuery("e-mail deliverability", "en", { vocabulary: EN }).terms).toEqual(["email", "deliverability"]);
    expect(analyseQuery("log-in", "en", { vocabulary: EN }).terms).toEqual(["login"]);
  });

  it("leaves out a verb of seeing after a negation, which says the thing is missing (`refund button not showing`)", () => {
    expect(analyseQuery("refund button not showing", "en", { vocabulary: EN }).terms).toEqual(["refund"]);
    expect(analyseQuery("can't see the refund", "en", { vocabulary: EN }).terms).toEqual(["refund"]);
    expect(analyseQuery("showing refund", "en", { vocabulary: EN }).terms).toEqual(["showing", "refund"]);
  });
});

describe("an English question that names the language of its answer", () => {
  const glossary = [{ words: { en: ["accounting", "bookkeeping"], ko: ["회계", "장부"] }, langs: ["en", "ko"] }];
  const available = { en: 30, ko: 9, zh: 4, ja: 3 };

  it("is asked of that language, in the glossary's words for what it names or else in its own", () => {
    expect(namedLanguageQuery("Korean guide for accounting sync errors", "en", available, glossary)).toEqual([["ko", "회계"]]);
    expect(namedLanguageQuery("Chinese API quick start", "en", available, glossary)).toEqual([["zh", "api quick start"]]);
  });

  it("is not when it names the reader's language, a language the site lacks, nothing else, or is not in Latin script", () => {
    expect(namedLanguageQuery("English refund guide", "en", available, glossary)).toEqual([]);
    expect(namedLanguageQuery("French refund guide", "en", available, glossary)).toEqual([]);
    expect(namedLanguageQuery("korean", "en", available, glossary)).toEqual([]);
    expect(namedLanguageQuery("Korean 회계", "en", available, glossary)).toEqual([]);
    expect(namedLanguageQuery("german accounting", "en", { en: 30 }, glossary)).toEqual([]);
  });
});

describe("a phrasal verb in another form", () => {
  it("is searched as the noun the cards write (`signing up` as signup, `logged in` as login)", () => {
    const vocabulary = new Vocabulary(["code", "log", "login", "never", "sign", "signed", "signup"]);
    expect(analyseQuery("never got the code when signing up", "en", { vocabulary }).terms).toEqual(["never", "code", "signup"]);
    expect(analyseQuery("logged in", "en", { vocabulary }).terms).toEqual(["login"]);
    expect(analyseQuery("signed in", "en", { vocabulary }).terms).toEqual(["signed"]);
  });
});
