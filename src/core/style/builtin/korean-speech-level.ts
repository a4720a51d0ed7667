/**
 * `korean-speech-level`: one card mixes 합니다체 (formal: -습니다, -십시오) and 해요체 (polite: -어요,
 * -세요) sentence endings, or an external card speaks 해요체 to customers. Only the final predicate
 * of each sentence counts; headings, blockquotes, code, quoted text and bold UI labels are ignored.
 */
import type { Finding } from "../../lint/findings.ts";
import type { BuiltinProseRule, BuiltinRuleContext } from "../builtin-rules.ts";
import { guideLink, quoteStart } from "./guide-link.ts";
import { readSentences, type Sentence } from "./prose-sentences.ts";

export type SpeechLevel = "formal" | "polite";

const LEVEL_NAMES: Record<SpeechLevel, string> = { formal: "합니다체", polite: "해요체" };

/** Endings of the formal style: 합니다, 합니까, 하십시오, 하시오 (합시다 is checked by its final ㅂ). */
const FORMAL_ENDING = /(?:니다|니까|시오)$/u;
/** Endings of the polite style: -요 (해요, 세요, 에요, 나요, 죠 …) and the contracted -죠. */
const POLITE_ENDING = /(?:[\p{Script=Hangul}]요|죠)$/u;
/** Nouns that end in 요 and are not polite endings (필요, 중요, 개요 …). */
const NOUNS_IN_YO = /(?:필요|중요|주요|개요|수요|소요|강요|요요|총요)$/u;
/** Quoted text: what someone says is not the card's own voice. */
const QUOTED = /"[^"]*"|“[^”]*”|‘[^’]*’|「[^」]*」|『[^』]*』|'[^']*'/gu;

/** The speech level of a Korean sentence, judged by its final predicate; undefined when it has none. */
export function classifySentence(text: string): SpeechLevel | undefined {
  const unquoted = text.replace(QUOTED, " ").trim();
  const core = unquoted.replace(/[\s.!?。！？…~)\]"'”’」』）:;,]+$/u, "");
  const lastWord = /[\p{Script=Hangul}]+$/u.exec(core)?.[0];
  if (!lastWord) return undefined;
  if (FORMAL_ENDING.test(lastWord) || isSidaWithFinalB(lastWord)) return "formal";
  if (POLITE_ENDING.test(lastWord) && !NOUNS_IN_YO.test(lastWord)) return "polite";
  return undefined;
}

const HANGUL = /\p{Script=Hangul}/u;

/** -ㅂ시다 / -읍시다 (합시다, 만듭시다, 읽읍시다): 시다 after a syllable that ends in ㅂ, or after 읍. */
function isSidaWithFinalB(word: string): boolean {
  if (!word.endsWith("시다") || word.length < 3) return false;
  const code = word.charCodeAt(word.length - 3) - 0xac00;
  return code >= 0 && code < 11172 && code % 28 === 17;
}

interface Judged {
  sentence: Sentence;
  level: SpeechLevel;
}

function check(ctx: BuiltinRuleContext): Finding[] {
  if (!HANGUL.test(ctx.source)) return [];
  const judged: Judged[] = [];
  for (const sentence of readSentences(ctx, { isMaskingLabels: true })) {
    if (sentence.isHeading || sentence.isQuoted || !HANGUL.test(sentence.text)) continue;
    const level = classifySentence(sentence.text);
    if (level) judged.push({ sentence, level });
  }
  const formal = judged.filter((j) => j.level === "formal");
  const polite = judged.filter((j) => j.level === "polite");
  const isExternal = ctx.frontmatter?.audience === "external";
  const describe = (j: Judged): string => `line ${ctx.locate(j.sentence.start).line} "${quoteStart(j.sentence.text)}" (${LEVEL_NAMES[j.level]})`;

  if (formal.length > 0 && polite.length > 0) {
    // The minority style is the one to change; on a tie, or in an external card, 해요체 is.
    const isPoliteMinority = isExternal || polite.length <= formal.length;
    const [keep, change] = isPoliteMinority ? [formal, polite] : [polite, formal];
    const first = change[0]!;
    const more = change.length > 1 ? ` ${change.length - 1} more ${LEVEL_NAMES[first.level]} ${change.length > 2 ? "sentences follow" : "sentence follows"}.` : "";
    return [
      ctx.report(
        first.sentence.start,
        first.sentence.end,
        `Mixed Korean speech levels: ${describe(first)} and ${describe(keep[0]!)}. ` +
          `Write the whole card in ${LEVEL_NAMES[keep[0]!.level]}${isExternal ? " (external cards use 합니다체)" : ""}.${more}`,
      ),
    ];
  }
  if (isExternal && polite.length > 0) {
    const first = polite[0]!;
    return [
      ctx.report(
        first.sentence.start,
        first.sentence.end,
        `External cards speak to customers in 합니다체, but this card uses 해요체, starting at ${describe(first)}. ` +
          `Rewrite the endings as -습니다/-ㅂ니다 and -십시오.`,
      ),
    ];
  }
  return [];
}

export const koreanSpeechLevel: BuiltinProseRule = {
  id: "korean-speech-level",
  description: "A card mixes 합니다체 and 해요체 sentence endings, or an external card uses 해요체.",
  defaultLevel: "error",
  url: guideLink("speech-level"),
  fixable: false,
  check,
};
