/** Numbers written as words, read as the digits the cards write (src/client/search-numbers.ts). */
import { describe, expect, it } from "vitest";
import { readNumberWords } from "../../src/client/search-numbers.ts";
import { analyseQuery, Vocabulary } from "../../src/client/search-query.ts";

const vocabulary = new Vocabulary(["180", "25", "3d", "401", "429", "72", "7", "api", "days", "error", "factor", "hours", "keys", "one", "place", "refund", "secure", "two", "years"].sort());

describe("readNumberWords", () => {
  it("reads a run of number words as the number it says", () => {
    expect(readNumberWords(["refund", "after", "one", "hundred", "eighty", "days"], vocabulary)).toEqual(["refund", "after", "180", "days"]);
    expect(readNumberWords(["twenty", "five", "api", "keys"], vocabulary)).toEqual(["25", "api", "keys"]);
    expect(readNumberWords(["twenty-five"], vocabulary)).toEqual(["25"]);
    expect(readNumberWords(["four", "hundred", "twenty", "nine"], vocabulary)).toEqual(["429"]);
    expect(readNumberWords(["seventy", "two", "hours"], vocabulary)).toEqual(["72", "hours"]);
  });

  it("reads `two times` as `twice`, the cards' word, as a non-native writer counts (`deux fois`, `dos veces`)", () => {
    const withTwice = new Vocabulary([...["twice", "webhook", "two", "times"]].sort());
    expect(readNumberWords(["received", "two", "times", "the", "webhook"], withTwice)).toEqual(["received", "twice", "the", "webhook"]);
    expect(readNumberWords(["2", "times"], withTwice)).toEqual(["twice"]);
    // `three times` is a count the cards write in digits; without `twice` in the cards, `two times` stays.
    expect(readNumberWords(["two", "times"], vocabulary)).toEqual(["two", "times"]);
  });

  it("reads digits said one by one, `oh` for zero, as a code is read out", () => {
    expect(readNumberWords(["error", "four", "oh", "one"], vocabulary)).toEqual(["error", "401"]);
    expect(readNumberWords(["four", "twenty", "nine"], vocabulary)).toEqual(["429"]);
  });

  it("keeps a lone number word the cards use as a word, and reads one they do not as digits", () => {
    expect(readNumberWords(["two", "factor"], vocabulary)).toEqual(["two", "factor"]);
    expect(readNumberWords(["one", "place"], vocabulary)).toEqual(["one", "place"]);
    expect(readNumberWords(["seven", "years"], vocabulary)).toEqual(["7", "years"]);
  });

  it("joins the number to a letter after it when the cards write them as one word", () => {
    expect(readNumberWords(["three", "d", "secure"], vocabulary)).toEqual(["3d", "secure"]);
  });

  it("leaves `oh` alone outside a number, and `zero` alone: it is Xero misheard more often than a count", () => {
    expect(readNumberWords(["oh", "no", "refund"], vocabulary)).toEqual(["oh", "no", "refund"]);
    expect(readNumberWords(["connect", "zero", "accounting"], vocabulary)).toEqual(["connect", "zero", "accounting"]);
    expect(readNumberWords(["four", "zero", "one"], vocabulary)).toEqual(["401"]);
  });
});

describe("a question with numbers in words", () => {
  it("searches the digits the cards write", () => {
    expect(analyseQuery("refund after one hundred eighty days", "en", { vocabulary }).terms).toEqual(["refund", "180", "days"]);
    expect(analyseQuery("three d secure", "en", { vocabulary }).terms).toEqual(["3d", "secure"]);
  });
});
