/**
 * `sentence-length`: a sentence too long to read in one pass. Korean is counted in characters
 * (over 100), Chinese and Japanese in characters (over 80), Latin-script text in words (over 35).
 * Spaces do not count as characters; inline code counts as one word or character.
 */
import type { Finding } from "../../lint/findings.ts";
import type { BuiltinProseRule, BuiltinRuleContext } from "../builtin-rules.ts";
import { guideLink, quoteStart } from "./guide-link.ts";
import { countScripts, readSentences } from "./prose-sentences.ts";

export const SENTENCE_LIMITS = { koreanChars: 100, chineseJapaneseChars: 80, latinWords: 35 } as const;

export interface SentenceMeasure {
  unit: "characters" | "words";
  count: number;
  limit: number;
  script: "Korean" | "Chinese/Japanese" | "Latin";
}

/** How long a sentence is, in the unit of its main script, and the limit for that script. */
export function measureSentence(text: string): SentenceMeasure {
  const scripts = countScripts(text);
  if (scripts.hangul > 0 && scripts.hangul >= scripts.hanKana) {
    return { unit: "characters", count: scripts.characters, limit: SENTENCE_LIMITS.koreanChars, script: "Korean" };
  }
  if (scripts.hanKana > 0 && scripts.hanKana >= scripts.latin / 2) {
    return { unit: "characters", count: scripts.characters, limit: SENTENCE_LIMITS.chineseJapaneseChars, script: "Chinese/Japanese" };
  }
  return { unit: "words", count: scripts.words, limit: SENTENCE_LIMITS.latinWords, script: "Latin" };
}

/**
 * A sentence this short is within every limit, so it is not measured: words are separated by
 * white space, so n characters hold at most ceil(n / 2) words, and never more than n characters.
 */
const WITHIN_EVERY_LIMIT = Math.min(2 * SENTENCE_LIMITS.latinWords, SENTENCE_LIMITS.chineseJapaneseChars, SENTENCE_LIMITS.koreanChars);

function check(ctx: BuiltinRuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const sentence of readSentences(ctx, { longerThan: WITHIN_EVERY_LIMIT })) {
    if (sentence.isHeading || sentence.text.length <= WITHIN_EVERY_LIMIT) continue;
    const measure = measureSentence(sentence.text);
    if (measure.count <= measure.limit) continue;
    findings.push(
      ctx.report(
        sentence.start,
        sentence.end,
        `Sentence "${quoteStart(sentence.text, 30)}" has ${measure.count} ${measure.unit}; keep ${measure.script} sentences ` +
          `to ${measure.limit} ${measure.unit} or fewer. Split it in two or move details into a list.`,
      ),
    );
  }
  return findings;
}

export const sentenceLength: BuiltinProseRule = {
  id: "sentence-length",
  description: "A sentence is longer than 35 words (Latin script), 100 characters (Korean) or 80 characters (Chinese, Japanese).",
  defaultLevel: "warning",
  url: guideLink("sentences"),
  fixable: false,
  check,
};
