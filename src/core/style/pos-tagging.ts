/**
 * Words and part-of-speech tags for `sequence` rules, as Vale computes them (internal/nlp
 * `TextToTokens`): the text is split into sentences (Punkt, {@link segmentSentences}), each
 * sentence into words with the Penn Treebank word tokenizer (jdkato/twine's port of the Treebank
 * sed script: `don't` -> `do n't`, `Let's` -> `Let 's`, `"` -> `` `` `` / `''`), and the words of
 * all sentences are tagged together with Penn Treebank tags.
 *
 * Vale tags with prose's averaged perceptron (textblob-aptagger's model); its weights are not
 * published in a form an npm package ships, so Verity tags with `en-pos` (MIT, Penn Treebank tags,
 * 96.4% on the Penn Treebank test), keeping prose's own rules around the model: `0` and `*` are
 * `-NONE-`, `-LRB-`-style tokens are their own tag. en-pos writes both quote tokens as `"`;
 * they get their Penn tags `` `` `` and `''`. The tagger is loaded on first use only, so a project
 * without sequence rules never loads it.
 */
import { createRequire } from "node:module";
import { segmentSentences } from "./sentences.ts";
import { appendAll } from "../arrays.ts";

export interface TaggedWord {
  text: string;
  tag: string;
}

type TagFn = (words: string[]) => string[];
let tagger: TagFn | undefined;

/** True once the part-of-speech tagger has been loaded in this process (it is loaded lazily). */
export function isTaggerLoaded(): boolean {
  return tagger !== undefined;
}

/** Loads the tagger now (it takes about 0.6 s), so that a time budget does not stop its loading. */
export function ensureTagger(): void {
  tagger ??= loadTagger();
}

function loadTagger(): TagFn {
  const require = createRequire(import.meta.url);
  // A load that V8 stopped (a rule past its time budget: a stop runs no `finally`, so Node keeps the
  // half-run modules in its cache) would leave en-pos without its exports ("Tag is not a
  // constructor" on every later use): such modules are dropped and loaded again.
  for (const [file, module] of Object.entries(require.cache)) if (module && !module.loaded) delete require.cache[file];
  const { Tag } = require("en-pos") as typeof import("en-pos");
  return (words) => new Tag(words).initial().smooth().tags;
}

/** prose's tagger: tokens it never asks the model about. */
const NONE = /^(?:0|\*[\w?]\*|\*-\d{1,3}|\*[A-Z]+\*-\d{1,3}|\*)$/;
const KEEP = /^-[A-Z]{3}-$/;

/** Tags `words` (one or more sentences' words, in order); empty words are dropped as prose does. */
export function tagWords(words: readonly string[]): TaggedWord[] {
  const clean = words.filter((w) => w !== "");
  if (clean.length === 0) return [];
  ensureTagger();
  const tags = tagger!([...clean]);
  // The possessive marker follows a noun. en-pos guesses JJ for a word it does not know ("endpoint" in
  // "The endpoint's are"), where prose's model, reading the context, gives NN (Vale's checks/Sequence scenario).
  for (let i = 0; i + 1 < clean.length; i++) if (tags[i] === "JJ" && tags[i + 1] === "POS") tags[i] = "NN";
  return clean.map((text, i) => {
    let tag = tags[i] ?? "";
    if (NONE.test(text)) tag = "-NONE-";
    else if (KEEP.test(text)) tag = text;
    else if (text === "``" || text === "''") tag = text;
    return { text, tag };
  });
}

/** Vale's `TextToTokens` without an NLP endpoint: sentences, Treebank words, tags. */
export function textToTaggedWords(text: string): TaggedWord[] {
  const words: string[] = [];
  for (const { start, end } of segmentSentences(text)) appendAll(words, tokenizeTreebank(text.slice(start, end)));
  return tagWords(words);
}

type Rule = [RegExp, string];

// Go's \s and \S are ASCII: [\t\n\f\r ].
const STARTING_QUOTES: Rule[] = [
  [/'([ (\[{<])"/g, "$1 `` "],
  [/^(")/, "``"],
  [/( ")/g, " ``"],
  [/(``)/g, " $1 "],
];
const PUNCTUATION: Rule[] = [
  [/([:,])([^0-9])/g, " $1 $2"],
  [/\.\.\./g, " ... "],
  [/([^.])(\.)([\])}>"']*)[\t\n\f\r ]*$/g, "$1 $2$3 "],
  [/([^'])' /g, "$1 ' "],
  [/([:,])$/g, " $1 "],
  [/([;@#$%&?!])/g, " $1 "],
  [/([\][(){}<>])/g, " $1 "],
  [/--/g, " -- "],
];
const ENDING_QUOTES: Rule[] = [
  [/"/g, " '' "],
  [/'([^\t\n\f\r ])('')'/g, "$1 $2 "],
  [/([^' ])('[sS]|'[mM]|'[dD]|') /g, "$1 $2 "],
  [/([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) /g, "$1 $2 "],
];
const CONTRACTIONS: RegExp[] = [
  /\b(can)(not)\b/gi,
  /\b(d)('ye)\b/gi,
  /\b(gim)(me)\b/gi,
  /\b(gon)(na)\b/gi,
  /\b(got)(ta)\b/gi,
  /\b(lem)(me)\b/gi,
  /\b(mor)('n)\b/gi,
  /\b(wan)(na) /gi,
  / ('t)(is)\b/gi,
  / ('t)(was)\b/gi,
];

/** Go's `$1`-style template expansion (a function, so `$'` and `` $` `` stay literal). */
function apply(text: string, [re, template]: Rule): string {
  return text.replace(re, (...args: unknown[]) => template.replace(/\$(\d)/g, (_, n: string) => (args[Number(n)] as string | undefined) ?? ""));
}

/**
 * jdkato/twine's TreebankWordTokenizer (the Penn Treebank sed script), used by Vale for the words of
 * sequence rules. Go iterates its rule maps in random order; the order here is the source order.
 */
export function tokenizeTreebank(sentence: string): string[] {
  let text = sentence;
  for (const rule of STARTING_QUOTES) text = apply(text, rule);
  for (const rule of PUNCTUATION) text = apply(text, rule);
  text = ` ${text} `;
  for (const rule of ENDING_QUOTES) text = apply(text, rule);
  for (const re of CONTRACTIONS) text = apply(text, [re, " $1 $2 "]);
  text = text.replace(/\n|\r/g, " ").replace(/ {2,}/g, " ").trim();
  return text.split(" ");
}
