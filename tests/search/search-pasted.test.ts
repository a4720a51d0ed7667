/** A customer's whole message pasted into search: what it says around the question (pure: no DOM, no Pagefind). */
import { describe, expect, it } from "vitest";
import { quotedPhrase } from "../../src/client/search-exact.ts";
import { analyseQuery, Vocabulary } from "../../src/client/search-query.ts";

describe("dates a message names", () => {
  it("leaves out a month or weekday no card names instead of correcting it to a card's word", () => {
    // `march` was corrected to "match" and found the QuickBooks card ("Lumen cannot sync ... match") first.
    const vocabulary = new Vocabulary(["back", "button", "match", "monday", "paid", "refund", "sunday"].sort());
    const read = analyseQuery("refund paid back in March", "en", { vocabulary });
    expect(read.terms).toEqual(["refund", "paid", "back"]);
    expect(read.corrections).toEqual([]);
    expect(analyseQuery("refund sent last tuesday", "en", { vocabulary }).terms).toEqual(["refund"]);
    expect(analyseQuery("refund due Thurs", "en", { vocabulary }).corrections).toEqual([]);
  });

  it("keeps a month the cards name: `19 January 2027` is when smart dunning starts", () => {
    const vocabulary = new Vocabulary(["19", "2027", "dunning", "january"].sort());
    expect(analyseQuery("19 January 2027 dunning", "en", { vocabulary }).terms).toEqual(["19", "january", "2027", "dunning"]);
  });
});

describe("a typo of a word that names nothing", () => {
  it("leaves out a word whose closest indexed word is a stop word, instead of correcting it to a farther word", () => {
    // `somone` is one letter from "someone", a stop word, and was corrected to "soon" (two letters), found in the smart dunning card.
    const vocabulary = new Vocabulary(["refund", "someone", "soon"].sort());
    const read = analyseQuery("how do i refund somone", "en", { vocabulary });
    expect(read.terms).toEqual(["refund"]);
    expect(read.corrections).toEqual([]);
  });

  it("still corrects a typo whose closest word names something, also when a stop word is as close", () => {
    const vocabulary = new Vocabulary(["refund", "refunds", "seat", "sent"].sort());
    expect(analyseQuery("refnud", "en", { vocabulary }).terms).toEqual(["refund"]);
    expect(analyseQuery("seet", "en", { vocabulary }).corrections.map((c) => c.to)).toEqual(["seat"]);
  });
});

describe("a message quoted inside a longer one", () => {
  it("reads what a pasted message quotes as the phrase: the card with the error's words leads", () => {
    const message = "hi, my customer keeps getting 'your card was declined' when she pays our invoice, what can I tell her?";
    expect(quotedPhrase(message, 3)).toBe("your card was declined");
    expect(quotedPhrase('the page says "No free seats in this workspace" for new users', 3)).toBe("no free seats in this workspace");
    expect(quotedPhrase("several people get the error “Your account is not assigned to Lumen” when they sign in", 3)).toBe("your account is not assigned to lumen");
  });

  it("finds no quote in an apostrophe or a quote too short or too long", () => {
    expect(quotedPhrase("the customer's card isn't working and she can't pay today", 3)).toBeUndefined();
    expect(quotedPhrase("I clicked 'Refund' and nothing happened at all today", 3)).toBeUndefined();
    expect(quotedPhrase("she said 'one two three four five six seven eight nine ten' and left", 3)).toBeUndefined();
  });
});

describe("an English message pasted into a Korean, Chinese or Japanese question", () => {
  it("reads a run of three Latin words or more as the message it quotes", () => {
    // `제로 연동 오류 Tax rate not mapped`: the Korean cards list the message; the English tax card led, naming taxes.
    expect(quotedPhrase("제로 연동 오류 Tax rate not mapped", 3)).toBe("tax rate not mapped");
    expect(quotedPhrase("同步报错 Duplicate document number", 3)).toBe("duplicate document number");
  });

  it("finds none in two Latin words, or Latin words apart", () => {
    expect(quotedPhrase("Xero 연동 끊겼어요 Organisation disconnected", 3)).toBeUndefined();
    expect(quotedPhrase("Settings 에서 API key 어디서 만들어요", 3)).toBeUndefined();
    expect(quotedPhrase("API キー", 3)).toBeUndefined();
  });
});
