/** Abbreviations the English stemmer cuts to a wide prefix, searched as exact words (pure: no DOM, no Pagefind). */
import { describe, expect, it } from "vitest";
import { exactFirst, fragileWords, phraseWords, quotedPhrase } from "../../src/client/search-exact.ts";
import { Vocabulary } from "../../src/client/search-query.ts";

describe("abbreviations the stemmer cuts", () => {
  it("finds the short words ending in s whose form without it no card uses", () => {
    const vocabulary = new Vocabulary(["acs", "app", "apps", "dns", "plans", "sms", "url"].sort());
    expect(fragileWords(["acs", "url"], vocabulary)).toEqual(["acs"]);
    // A plural the cards also write without its s, a longer word and a word no card uses are left to the stemmer.
    expect(fragileWords(["apps", "plans", "pos"], vocabulary)).toEqual([]);
    expect(fragileWords(["dns", "sms"], vocabulary)).toEqual(["dns", "sms"]);
  });

  it("puts the pages with the exact word first, each side in its order", () => {
    const hits = [{ id: "webhooks" }, { id: "keys" }, { id: "sso" }, { id: "sso-errors" }];
    expect(exactFirst(hits, new Set(["sso-errors", "sso"])).map((h) => h.id)).toEqual(["sso", "sso-errors", "webhooks", "keys"]);
    expect(exactFirst(hits, new Set()).map((h) => h.id)).toEqual(["webhooks", "keys", "sso", "sso-errors"]);
    expect(exactFirst(hits, new Set(["webhooks", "keys", "sso", "sso-errors"])).map((h) => h.id)).toEqual(["webhooks", "keys", "sso", "sso-errors"]);
  });
});

describe("messages and labels quoted from a card", () => {
  it("reads a short Latin query as a phrase, stop words and all", () => {
    expect(quotedPhrase("No free seats in this workspace")).toBe("no free seats in this workspace");
    expect(quotedPhrase("Allow this customer")).toBe("allow this customer");
    expect(quotedPhrase("“Account not found”?")).toBe("account not found");
    expect(quotedPhrase("We couldn't verify the SAML response")).toBe("we couldn't verify the saml response");
  });

  it("reads a card's text word by word, so a phrase matches whole words only", () => {
    expect(phraseWords("Rotate API keys regularly.").join(" ")).toBe("rotate api keys regularly");
    expect(` ${phraseWords("Rotate API keys regularly.").join(" ")} `.includes(" rotate api key ")).toBe(false);
    expect(phraseWords("`Currency mismatch` | 회계 프로그램의")).toEqual(["currency", "mismatch", "회계", "프로그램의"]);
  });

  it("is no phrase for one word, a long text or another script", () => {
    expect(quotedPhrase("refund")).toBeUndefined();
    expect(quotedPhrase("card declined", 3)).toBeUndefined();
    expect(quotedPhrase("Currency mismatch")).toBe("currency mismatch");
    // What a screen shows is quoted after the verb.
    expect(quotedPhrase("sign in page shows No free seats in this workspace")).toBe("no free seats in this workspace");
    expect(quotedPhrase("my customer says they never got the invoice I sent yesterday")).toBeUndefined();
    expect(quotedPhrase("카드 결제 환불")).toBeUndefined();
    expect(quotedPhrase("API キー")).toBeUndefined();
  });
});
