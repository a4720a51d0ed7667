/** Rambling questions: the word cap after the stop words, -ing verbs, corrections that would be stop words, clause joiners. */
import { describe, expect, it } from "vitest";
import { analyseQuery, MAX_QUERY_WORDS, Vocabulary } from "../../src/client/search-query.ts";

const EN = new Vocabulary(["and", "likely", "data", "stored", "change", "subscription", "amount", "but", "charge", "customer", "hand", "invoice", "making", "monthly", "old", "pay", "plan", "quickbooks", "remove", "seats", "switch", "yearly"].sort());

describe("a rambling question", () => {
  it("reads MAX_QUERY_WORDS words after its stop words, so a topic named late is not cut off", () => {
    const terms = analyseQuery("my customer wants to switch from the monthly plan to the yearly one in the middle of the month and I have no idea how the charge will work out", "en", { vocabulary: EN }).terms;
    expect(terms).toContain("charge");
    const many = Array.from({ length: 40 }, (_, i) => `zq${i}x`).join(" the ");
    expect(analyseQuery(many, "en", { vocabulary: EN }).unknown).toHaveLength(MAX_QUERY_WORDS);
  });

  it("searches an -ing verb as the verb the cards use, not the nearest spelling (`paying` was `making`)", () => {
    expect(analyseQuery("paying for seats", "en", { vocabulary: EN }).terms).toEqual(["pay", "seats"]);
  });

  it("never corrects a word to a stop word (`land` was `and`)", () => {
    const read = analyseQuery("land", "en", { vocabulary: EN });
    expect(read.terms).not.toContain("and");
  });

  it("leaves out the words that join its clauses", () => {
    expect(analyseQuery("I fixed the invoice in quickbooks but it still shows the old amount because", "en", { vocabulary: EN }).terms).not.toContain("but");
  });

  it("leaves out the filler words of a dictated question (`um so how do i like change...`): `like` matched the cards' \"likely\"", () => {
    expect(analyseQuery("um so how do i like change the plan for my customers subscription", "en", { vocabulary: EN }).terms).toEqual(["change", "plan", "customers", "subscription"]);
    expect(analyseQuery("uh basically where is my data stored you know", "en", { vocabulary: EN }).terms).toEqual(["data", "stored"]);
    // `one of` only counts, as `number of` does: the smart dunning card's "one-off invoices" led.
    expect(analyseQuery("change the plan for one of my customers subscription", "en", { vocabulary: new Vocabulary(["change", "customers", "each", "one", "plan", "subscription"]) }).terms).toEqual(["change", "plan", "customers", "subscription"]);
    expect(analyseQuery("each of the plans", "en", { vocabulary: new Vocabulary(["each", "plans"]) }).terms).toEqual(["plans"]);
    expect(analyseQuery("one-off invoice", "en", { vocabulary: new Vocabulary(["invoice", "one-off"]) }).terms).toEqual(["one-off", "invoice"]);
    expect(analyseQuery("okay so erm kinda like whatever the subscription", "en", { vocabulary: EN }).terms).toEqual(["subscription"]);
  });
});
