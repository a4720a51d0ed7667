/** Abbreviations the English stemmer cuts to a wide prefix, searched as exact words (pure: no DOM, no Pagefind). */
import { describe, expect, it } from "vitest";
import { exactFirst, fragileWords } from "../../src/client/search-exact.ts";
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
