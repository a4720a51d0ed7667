/** The blind query sets that tests/sites/search.test.ts holds to their targets, each with its floor and where it stands. */

export interface BlindSet {
  name: string;
  it: string;
  file: string;
  floor?: number;
  why?: string;
}

/**
 * The blind sets, each written from the cards before it was run (see docs/sites.md), held at the same targets as the
 * golden set; `floor` is the right-card-first share a set is held at where its first run left it lower or its fixes higher,
 * and `why` says where it stands. They ask their questions one after another in the same page, as a reader refining a
 * search does: what the page loaded for one question (each language's index, the glossary) must not change the next one's
 * answer. They gave the same figures on fresh pages, query for query, when this was written.
 */
export const BLIND_SETS: readonly BlindSet[] = [
  {
    name: "second query set on the public demo",
    it: "written before its author read the golden set or the search code: at the same targets, never an internal card",
    file: "search-blind.json",
  },
  {
    name: "third query set on the public demo",
    it: "written before its author read the search code or the other sets: at the same targets, never an internal card",
    file: "search-blind2.json",
  },
  {
    name: "fifth query set on the public demo",
    it: "written from the cards before its author read the search code or the other sets: at the same targets, never an internal card",
    file: "search-blind3.json",
  },
  {
    name: "sixth query set on the public demo",
    it: "written from the cards before it was run against the search: at the same targets, never an internal card",
    file: "search-blind4.json",
  },
  {
    name: "seventh query set on the public demo",
    it: "written from the public cards as customers type (short, misspelt, mixed-script, padded, full- and half-width) before it was run: at the same targets, never an internal card",
    file: "search-blind5.json",
    floor: 80,
    why: "Below the others' 85% first: its misses left are questions no card or synonym group answers in the reader's words (docs/sites.md); held where it stands so that it can only go up.",
  },
  {
    name: "eighth query set on the public demo",
    it: "written from the public cards before it was run (full sentences, symptoms in the reader's words, paraphrases, abbreviations, Korean honorifics, kana, Traditional Chinese, romanized words): at the same targets, never an internal card",
    file: "search-blind6.json",
    floor: 84,
    why: "85.6% first when it was added: held a little under, so that it can only go up. Its misses left are questions in romanized Chinese, Korean or Japanese and symptoms no card's words name (docs/sites.md).",
  },
  {
    name: "ninth query set on the public demo",
    it: "written from the public cards before it was run (keywords, questions, symptoms, typos, synonyms, error codes, Korean, Chinese, Japanese): at the same targets, never an internal card",
    file: "search-blind7.json",
    floor: 94.5,
    why: "90.8% first when it was run, 93.8% (122 of 130) after the stop words, `sign up` and exact abbreviations, 94.6% (123) after the tenth set's read-only synonym: held there, one more miss fails it. Its misses left are words no card uses for the thing and cards with every word in passing (docs/sites.md).",
  },
  {
    name: "tenth query set on the public demo",
    it: "written from the public cards before it was run (keywords, questions, symptoms, typos, synonyms, pasted errors, British spellings, Korean, Chinese, Japanese, questions about cards only in English): at the same targets, never an internal card",
    file: "search-blind8.json",
    floor: 91.5,
    why: "First run, before any change it led to: 86.7% first (117 of 135), 95.6% in the top 5, 0.7% no results, 3.7% none right, no internal card shown. 91.9% (124 of 135), 97.0%, 0%, 3.0% after the stop words, the state words read as a problem, the synonym groups and the two shared tags another language's fix needs: held there, one more miss fails it. Its misses left are in docs/sites.md.",
  },
  {
    name: "eleventh query set on the public demo",
    it: "written from the public cards before it was run (about half Korean, Chinese and Japanese: problem reports, polite and casual forms, mixed scripts, katakana loanwords, cards only in English; English keywords, symptoms, typos, synonyms, pasted errors): at the same targets, never an internal card",
    file: "search-blind9.json",
    floor: 90.5,
    why: "First run, before any change it led to: 85.0% first (113 of 133), 91.7% in the top 5, 0% no results, 8.3% none right, no internal card shown. 91.0% (121 of 133), 97.7%, 0%, 2.3% after the glossary names a problem question's tag, a language with more cards is asked when few of the reader's have every word, the compare words are left out and six synonym changes: held just under that. Its misses left are in docs/sites.md.",
  },
  {
    name: "twelfth query set on the public demo",
    it: "written from the public cards before it was run (very short queries, symptoms in the reader's words, English product words in Korean, Chinese and Japanese sentences, hiragana and katakana, casual Korean without spaces, Traditional Chinese, typos, error codes): at the same targets, never an internal card",
    file: "search-blind10.json",
    floor: 92,
    why: "First run, before any change it led to: 90.5% first (134 of 148), 95.3% in the top 5, 0% no results, 4.7% none right, no internal card shown. 92.6% (137 of 148), 96.6%, 0%, 3.4% after Korean runs without spaces keep every word they start with, casual Korean negations, Japanese glossary phrases with any particle and `税率`: held just under that. Its misses left are in docs/sites.md.",
  },
  {
    name: "thirteenth query set on the public demo",
    it: "written from the public cards before it was run (pasted customer sentences, exact error messages and UI labels, limits, prices, time frames, can-I questions, comparisons, British spellings and verb forms, formal Korean, Chinese questions with 吗/呢/怎么办, polite Japanese): at the same targets, never an internal card",
    file: "search-blind11.json",
    floor: 93,
    why: "First run, before any change it led to: 89.2% first (140 of 157), 98.1% in the top 5, 0% no results, 1.9% none right, no internal card shown. 93.6% (147 of 157), 99.4%, 0%, 0.6% after formal Korean questions and what they ask are left out, `how late` asks when, and a quoted message or label leads with the card that has it word for word, in another language when only that one's card quotes it: held just under that. Its misses left are in docs/sites.md.",
  },
  {
    name: "fourteenth query set on the public demo",
    it: "written from the public cards before it was run (non-native English, phone typing with abbreviations, the screen described instead of the feature, the goal instead of the feature, English mixed with Korean, Chinese or Japanese, Korean with Hangul loanwords, Traditional Chinese, Japanese katakana loanwords): at the same targets, never an internal card",
    file: "search-blind12.json",
    floor: 92.5,
    why: "First run, before any change it led to: 84.4% first (130 of 154), 97.4% in the top 5, 0% no results, 2.6% none right, no internal card shown. 92.9% (143 of 154), 99.4%, 0%, 0.6% after the phone and non-native English stop words, -ing verbs that drop their e, durations after a duration verb, casual Korean endings and verbs, Traditional Chinese question words, joiners cut from a Latin word, English before Japanese for a question in Chinese words, screen text quoted after `shows`, the retry with two of four words or more, and five synonym changes: held just under that. Its misses left are in docs/sites.md.",
  },
  {
    name: "fifteenth query set on the public demo",
    it: "written from the public cards before it was run (hurried keywords in another language than the card, hiragana-only and katakana-only Japanese, Korean typos and spacing, Simplified and Traditional Chinese, UI elements named instead of the feature, undo and why-can't questions, X after Y, comparisons, limits, dates): at the same targets, never an internal card",
    file: "search-blind13.json",
    floor: 87.5,
    why: "First run, before any change it led to: 79.4% first (112 of 141), 90.8% in the top 5, 2.1% no results, 7.1% none right, no internal card shown. 86.5% (122 of 141), 96.5%, 0%, 3.5% after the Hangul and katakana names of QuickBooks and Xero, the button word and where it is left out of Chinese, Japanese and Korean questions, `max` and `maximum` as stop words, a Korean failure stated as a fact and `greyed out` read as a problem, and the Korean not-delivered phrases without their particle. 87.9% (124 of 141), 98.6%, 0%, 1.4% after the sixteenth set's hiragana readings in the synonym groups: held there, one more miss fails it. Its misses left are in docs/sites.md.",
  },
  {
    name: "sixteenth query set on the public demo",
    it: "written from the cards before it was run (1-2 word queries, complaints, long rambling questions, hiragana for words the cards write in kanji, input-method typos in Japanese, Chinese and Korean, loose Hangul letters, full- and half-width forms, two languages in one query, comparisons, undo): at the same targets, never an internal card",
    file: "search-blind14.json",
    floor: 92.5,
    why: "First run, before any change it led to: 88.1% first (155 of 176), 96.6% in the top 5, 0.6% no results, 2.8% none right, no internal card shown. 92.6% (163 of 176), 98.9%, 0%, 1.1% after loose Hangul letters are composed, a three-digit code is asked of the languages whose cards use it, hiragana readings of the synonym groups' Japanese words, Korean, Chinese and Japanese words for removing seats, the word cap applied after the stop words, -ing verbs searched as the cards' verb, no correction to a stop word and clause joiners as stop words: held there, one more miss fails it. Its misses left are in docs/sites.md.",
  },
  {
    name: "seventeenth query set on the public demo",
    it: "written from the cards before it was run (comparisons with vs, 차이, 違い and 区别, symptoms in words the right card does not use, long Japanese questions, Japanese in kanji only, undo and revert in all four languages, plain how-to questions): at the same targets, never an internal card",
    file: "search-blind15.json",
    floor: 85.5,
    why: "First run, before any change it led to: 83.6% first (133 of 159), 94.3% in the top 5, 0% no results, 5.7% none right, no internal card shown. 85.5% (136 of 159), 96.9%, 0%, 3.1% after the synonyms for a double charge, a card that will not go through, an export, a subscription and test and live keys in Korean, Chinese and Japanese: held there, one more miss fails it. Its misses left are in docs/sites.md.",
  },
  {
    name: "eighteenth query set on the public demo",
    it: "written from the cards before it was run (questions pasted from customer emails with greeting and signature, negation and double negation, numbers, amounts and dates, quoted UI strings slightly misworded, product-name spellings, plurals and tenses, very long questions, bare error codes and HTTP statuses, casual Korean with spacing errors, Chinese with measure words and 了/过, Japanese with mixed politeness and katakana English, a language named in an English question): at the same targets, never an internal card",
    file: "search-blind16.json",
    floor: 96,
    why: "First run, before any change it led to: 90.5% first (181 of 200), 96.0% in the top 5, 0% no results, 4.0% none right, no internal card shown. 96.0% (192 of 200), 99.0%, 0%, 1.0% after the letter around a pasted email is cut, Chinese counts are cut from a run, hyphenated words are joined, `button` and a seeing verb after a negation are left out, katakana English joins the glossary, a language named in an English question is asked too and phrasal verbs in other forms are read as the cards' noun: held there, one more miss fails it. Its misses left are in docs/sites.md.",
  },
  {
    name: "nineteenth query set on the public demo",
    it: "written from the cards before it was run (support-agent shorthand, voice-typed questions with homophones, two intents in one question, how to stop or turn off something, what happens if, is it safe to, costs and limits, accessibility words, Stripe, Xero and QuickBooks vocabulary, UK, Australian and Indian English, Korean, Simplified and Traditional Chinese and Japanese about cards only in English): at the same targets, never an internal card",
    file: "search-blind17.json",
    floor: 95,
    why: "First run, before any change it led to: 91.6% first (175 of 191), 97.9% in the top 5, 0% no results, 2.1% none right, no internal card shown. 95.3% (182 of 191), 99.5%, 0%, 0.5% after `during` and `number of` are left out, and synonyms for a tax ID (`ABN`, `GSTIN`), Stripe's `Radar`, a payout in Traditional Chinese (`撥款`) and a seat in Japanese (`席`): held there, one more miss fails it. Its misses left are in docs/sites.md.",
  },
  {
    name: "twentieth query set on the public demo",
    it: "written from the cards before it was run (developers in the API's own words: paths, methods, JSON fields, status codes with reason phrases, idempotency, pagination, sandbox vs live; yes/no questions, Title Case and ALL CAPS, emoji and ???, reworded titles, mobile autocorrect, Korean typed with the IME off, Japanese in romaji, administrators' policy questions, Korean, Simplified and Traditional Chinese and Japanese): at the same targets, never an internal card",
    file: "search-blind18.json",
    floor: 92,
    why: "First run, before any change it led to: 83.5% first (157 of 188), 90.4% in the top 5, 6.9% no results, 2.7% none right, no internal card shown. 92.0% (173 of 188), 98.4%, 0%, 1.6% after Latin questions typed with the Korean input method off or in romaji are retyped, words split by autocorrect are joined, endpoint paths are read as their words, and synonyms for pagination and recovery codes: held there, one more miss fails it. Its misses left are in docs/sites.md.",
  },
  {
    name: "twenty-first query set on the public demo",
    it: "written from the cards before it was run (readers who know Lumen only from an invoice or an email it sent, a new employee's first week, the wrong feature named, plurals and tenses, numbers as words, Spanish- and German-influenced English, emoji and symbols, Korean honorific and plain, Simplified Chinese, Traditional Chinese from Taiwan and Hong Kong, Japanese with katakana product words, two scripts in one query): at the same targets, never an internal card",
    file: "search-blind19.json",
    floor: 86.5,
    why: "First run, before any change it led to: 82.0% first (155 of 189), 95.8% in the top 5, 0% no results, 4.2% none right, no internal card shown. 86.8% (164 of 189), 97.4%, 0%, 2.6% after numbers written as words are read as digits, Taiwan's words folded to the mainland words of the Chinese cards, `mean` left out of `what does X mean`, and synonyms for `营业税`, `double authentication` and `passkey`: held there, one more miss fails it. Its misses left are in docs/sites.md.",
  },
  {
    name: "twenty-second query set on the public demo",
    it: "written from the cards before it was run (a support agent pasting a customer's whole message, phone typing without punctuation or spaces, accountants' and lawyers' words, pasted error messages and UI labels, dates, amounts, percentages and currencies, British spelling, casual Korean with Hangul loan words, Simplified Chinese, Traditional Chinese from Taiwan and Hong Kong, Japanese with katakana product words, two scripts in one query): at the same targets, never an internal card",
    file: "search-blind20.json",
    floor: 96.5,
    why: "First run, before any change it led to: 87.7% first (135 of 154), 95.5% in the top 5, 1.3% no results, 3.2% none right, no internal card shown. 96.8% (149 of 154), 100%, 0%, 0% after a month or weekday no card names and a typo of a stop word are left out, what a pasted message quotes leads (also an English message in a Korean question), a Korean or Chinese glossary phrase names its thing with the reader's word inside it, Hong Kong's Cantonese is folded, and Hangul loan words, 双重认证 and a privacy-request group join the synonyms: held there, one more miss fails it. Its misses left are in docs/sites.md.",
  },
  {
    name: "twenty-third query set on the public demo",
    it: "written from the cards before it was run (developers integrating, administrators managing a team, non-native English, two or three keywords, symptoms instead of features, comparisons, Korean, Simplified and Traditional Chinese and Japanese at about 40%): at the same targets, never an internal card",
    file: "search-blind21.json",
    floor: 92,
    why: "First run, before any change it led to: 88.2% first (135 of 153), 99.3% in the top 5, 0% no results, 0.7% none right, no internal card shown. 92.2% (141 of 153), 100%, 0%, 0% after `click`, `tap` and `become` are left out, a Chinese 没有 is read as the glossary's 没, `two times` as `twice`, and synonyms for 手机 as a phone, `devolution`, `proprietary` and the hiragana メールがとどかない: held there, one more miss fails it. Its misses left are in docs/sites.md.",
  },
  {
    name: "twenty-fourth query set on the public demo",
    it: "written from the cards before it was run (phone typing with autocorrect, voice dictation with filler words, pasted error messages and UI strings, Stripe, Slack, Zendesk, Google Workspace and Microsoft 365 words, British spellings and words, Korean, Simplified and Traditional Chinese and Japanese at about 40%): at the same targets, never an internal card",
    file: "search-blind22.json",
    floor: 98,
    why: "First run, before any change it led to: 93.7% first (118 of 126), 100% in the top 5, 0% no results, 0% none right, no internal card shown. 98.4% (124 of 126), 100%, 0%, 0% after a dictated question's fillers and `one of` are left out, `2 fa` is read as 2FA, and synonyms for `2-step verification` and a licence as a paid seat: held there, one more miss fails it. Its misses left are in docs/sites.md.",
  },
];
