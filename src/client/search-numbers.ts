/**
 * Numbers written as words (`one hundred eighty days`, `error four oh one`, `three d secure`), read as the digits the
 * cards write (`180`, `401`, `3d`): the cards give every limit, code and time in digits, and the words matched nothing
 * or another card's "one" and "two".
 */
import type { Vocabulary } from "./search-query.ts";

const ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

type Kind = "one" | "teen" | "ten" | "hundred" | "thousand";

function numberWord(word: string, inRun: boolean): { kind: Kind; value: number } | undefined {
  if (ONES.includes(word)) return { kind: "one", value: ONES.indexOf(word) };
  // `oh` is zero only inside a number read out digit by digit ("four oh one").
  if (word === "oh" && inRun) return { kind: "one", value: 0 };
  if (TEENS.includes(word)) return { kind: "teen", value: 10 + TEENS.indexOf(word) };
  if (TENS.includes(word) && word !== "") return { kind: "ten", value: 10 * TENS.indexOf(word) };
  if (word === "hundred") return { kind: "hundred", value: 100 };
  if (word === "thousand") return { kind: "thousand", value: 1000 };
  return undefined;
}

/**
 * The digits a run of number words says. Words that go on one number (`twenty five`, `four hundred twenty nine`) add
 * up; a word that cannot go on it (a digit after a digit, `oh`) starts the next digits, as a code read out does
 * (`four oh one` is 401, `four twenty nine` 429).
 */
function digitsOf(run: readonly { kind: Kind; value: number }[]): string {
  let digits = "";
  let current: number | undefined;
  let last: Kind | undefined;
  for (const { kind, value } of run) {
    const goesOn =
      current !== undefined &&
      ((kind === "one" && value > 0 && (last === "ten" || last === "hundred" || last === "thousand")) ||
        ((kind === "teen" || kind === "ten") && (last === "hundred" || last === "thousand")) ||
        ((kind === "hundred" || kind === "thousand") && (last === "one" || last === "teen")));
    if (kind === "hundred" || kind === "thousand") current = goesOn ? current! * value : value;
    else if (goesOn) current = current! + value;
    else {
      if (current !== undefined) digits += String(current);
      current = value;
    }
    last = kind;
  }
  return digits + (current !== undefined ? String(current) : "");
}

/**
 * Query words with each run of number words read as its digits: a run of two words or more, or one word the cards do
 * not use (`seven`; `one` and `two` are the cards' words: "in one place", "two-factor"), but for `zero`. A letter after the number that
 * the cards write with it as one word joins it (`three d` is `3d`). A hyphenated number (`twenty-five`) is its words.
 */
export function readNumberWords(tokens: readonly string[], vocabulary: Vocabulary): string[] {
  const words = tokens.flatMap((t) => (/^[a-z]+(?:-[a-z]+)+$/.test(t) && t.split("-").every((p) => numberWord(p, true)) ? t.split("-") : [t]));
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    // `two times` is `twice` as a non-native writer counts (`deux fois`, `dos veces`): "the same webhook two times".
    if ((words[i] === "two" || words[i] === "2") && words[i + 1] === "times" && vocabulary.has("twice")) {
      out.push("twice");
      i++;
      continue;
    }
    const run: { kind: Kind; value: number }[] = [];
    let j = i;
    for (let found = numberWord(words[j]!, false); found; found = j < words.length ? numberWord(words[j]!, true) : undefined) {
      run.push(found);
      j++;
    }
    // A trailing `oh` is the exclamation, not a zero.
    while (run.length > 0 && words[i + run.length - 1] === "oh") run.pop();
    // A lone `zero` is Xero misheard (`connect zero accounting`) more often than a count, and the correction finds it.
    if (run.length === 0 || (run.length === 1 && (vocabulary.has(words[i]!) || words[i] === "zero"))) {
      out.push(words[i]!);
      continue;
    }
    const digits = digitsOf(run);
    const next = words[i + run.length];
    if (next !== undefined && /^[a-z]$/.test(next) && vocabulary.has(digits + next)) {
      out.push(digits + next);
      i += run.length;
    } else {
      out.push(digits);
      i += run.length - 1;
    }
  }
  return out;
}
