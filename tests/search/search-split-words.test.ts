/** Words a phone's autocorrect split and API paths, read as the words the cards use (src/client/search-joined.ts, search-query.ts). */
import { describe, expect, it } from "vitest";
import { joinSplitWords } from "../../src/client/search-joined.ts";
import { analyseQuery, Vocabulary } from "../../src/client/search-query.ts";

const vocabulary = new Vocabulary(["1password", "2", "2fa", "3d", "books", "created_after", "events", "hmac", "invoice", "payouts", "quickbooks", "received", "schedule", "set", "up", "v1", "way", "web", "webhook", "webhooks"].sort());

describe("joinSplitWords", () => {
  it("joins two words the cards write as one when one of them is no word of the cards", () => {
    expect(joinSplitWords(["web", "hook"], vocabulary)).toEqual(["webhook"]);
    expect(joinSplitWords(["pay", "outs", "schedule"], vocabulary)).toEqual(["payouts", "schedule"]);
    expect(joinSplitWords(["quick", "books"], vocabulary)).toEqual(["quickbooks"]);
    expect(joinSplitWords(["h", "mac"], vocabulary)).toEqual(["hmac"]);
  });

  it("joins a number and letters the cards write as one code (`2 fa` as a phone leaves 2FA)", () => {
    expect(joinSplitWords(["lost", "phone", "2", "fa"], vocabulary)).toEqual(["lost", "phone", "2fa"]);
    expect(joinSplitWords(["3", "d", "secure"], vocabulary)).toEqual(["3d", "secure"]);
    // Both the cards' words on their own: apart, as `set up` is.
    expect(joinSplitWords(["1", "password"], new Vocabulary(["1", "1password", "password"]))).toEqual(["1", "password"]);
  });

  it("leaves two words the cards use apart, stop words among them, as they are", () => {
    expect(joinSplitWords(["set", "up"], vocabulary)).toEqual(["set", "up"]);
    expect(joinSplitWords(["a", "way"], vocabulary)).toEqual(["a", "way"]);
  });

  it("lets a split word with a stop word in front search the card's word", () => {
    expect(analyseQuery("in voice not received", "en", { vocabulary }).terms).toEqual(["invoice", "received"]);
    expect(analyseQuery("my web hooks", "en", { vocabulary }).terms).toEqual(["webhooks"]);
  });
});

describe("API paths in a question", () => {
  it("reads an endpoint path and its query string as their words", () => {
    expect(analyseQuery("GET /v1/events?created_after=", "en", { vocabulary }).terms).toEqual(["v1", "events", "created_after"]);
  });
});
