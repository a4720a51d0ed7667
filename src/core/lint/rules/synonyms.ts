/** `synonyms`: read from style-guide/synonyms.yml (src/core/site/synonyms.ts). */
import type { Card } from "../../cards/load.ts";
import { siteDescription, type Collection } from "../../cards/collections.ts";
import type { Finding } from "../findings.ts";
import { SYNONYMS_FILE, type SynonymsFile } from "../../site/synonyms.ts";
import { normaliseWord } from "../../site/word-case.ts";
import { exampleCard, ruleMeta, type Rule } from "../rule-model.ts";

const id = "synonyms";

export const synonyms: Rule = {
  meta: ruleMeta(
    id,
    "style-guide/synonyms.yml is not valid YAML, has an empty group, puts a word in two groups of one language, or has a word that is or holds the title or description of a card the help center does not have, or a collection description it does not show (the sites publish the words of a group with the public cards that use it).",
    { kind: "project", reads: ["style-guide/synonyms.yml"] },
  ),
  examples: {
    valid: [{ name: "one group", files: { "content/a/card.md": exampleCard(), "style-guide/synonyms.yml": "- en: [SSO, single sign-on]\n" } }],
    invalid: [
      { name: "an empty group", files: { "content/a/card.md": exampleCard(), "style-guide/synonyms.yml": "- en: []\n" } },
      {
        name: "an internal card's title in a group",
        files: {
          "content/a/card.md": exampleCard({ title: "Suspected account takeover" }),
          "content/a/public.md": exampleCard({ title: "Account security", audience: "external" }, "Protect your account.\n"),
          "style-guide/synonyms.yml": "- en: [account security, suspected account takeover]\n",
        },
      },
    ],
  },
};

/**
 * Words of the synonyms file that are, or hold, the title or the description of a card the help center
 * does not have, or a collection's description it does not show. The sites publish a group's words with the public cards that use it (the search data,
 * each page's search terms), so the title of an internal card written there ("suspected account
 * takeover", or inside a longer word: "suspected account takeover procedure") would reach the help
 * center, and so would its description, which the leak check refuses on a public page as it refuses
 * the title (leak-needles.ts: a synonym may share a tag or a heading, never a title or description).
 * One-word titles and descriptions are left alone: a single word ("Refunds") is no evidence of a
 * card, and the public cards use such words too; a Chinese or Japanese one (written without spaces)
 * counts from four characters.
 */
export function internalTitlesInSynonyms(
  file: Pick<SynonymsFile, "file" | "groups">,
  cards: readonly Card[],
  isPublic: (card: Card) => boolean,
  collections: readonly Pick<Collection, "name" | "description" | "publicDescription" | "defaults">[] = [],
): Finding[] {
  /** What a hidden title or description belongs to, as the message names it. */
  const hiddenTitles = new Map<string, { field: "title" | "description"; whose: string }>();
  const publicCards = cards.filter(isPublic);
  const shownOf = (card: Card) => [card.data.title, card.data.description ?? ""].map(titleKey);
  const publicTitles = new Set(publicCards.flatMap(shownOf));
  const publicCollections = new Set(publicCards.map((card) => card.collection));
  const shownDescription = (c: (typeof collections)[number]) => (publicCollections.has(c.name) ? siteDescription(c, "public") : undefined);
  for (const c of collections) if (shownDescription(c)) publicTitles.add(titleKey(shownDescription(c)!));
  const hide = (text: string | undefined, field: "title" | "description", whose: string) => {
    const key = titleKey(text ?? "");
    if (isDistinctive(key) && !publicTitles.has(key) && !hiddenTitles.has(key)) hiddenTitles.set(key, { field, whose });
  };
  const whoseCard = (card: Card) => `${card.data.audience === "internal" ? "the internal card" : "the card"} ${card.id}, which the help center does not have`;
  for (const field of ["title", "description"] as const) for (const card of cards) if (!isPublic(card)) hide(card.data[field], field, whoseCard(card));
  // A collection's title is a short name the help center may show (its folder name); a description it does not show is wording for agents.
  for (const c of collections) if (c.description !== shownDescription(c)) hide(c.description, "description", `the collection ${c.name}, which the help center does not show`);
  const spaceless = [...hiddenTitles.keys()].filter((title) => !title.includes(" "));
  // Runs of a word as long as the longest title, at most 32 words (a longer title inside a longer word is left to the leak check).
  let longest = 0;
  for (const title of hiddenTitles.keys()) longest = Math.min(32, Math.max(longest, title.split(" ").length));
  const findings: Finding[] = [];
  for (const group of file.groups) {
    for (const word of group.words) {
      const key = titleKey(word);
      const found = hiddenTitles.get(key) ?? heldTitle(key, hiddenTitles, longest, spaceless);
      if (!found) continue;
      const what = hiddenTitles.get(key) ? `the ${found.field}` : `which has the ${found.field}`;
      findings.push({
        ruleId: id,
        severity: "error",
        file: file.file,
        line: group.line,
        column: 1,
        message:
          `${SYNONYMS_FILE}'s ${group.lang} group has "${word}", ${what} of ${found.whose}: ` +
          "the sites publish a group's words with the public cards that use it. Remove the word, or put it in that card's keywords: instead.",
      });
    }
  }
  return findings;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** A title or word as its words: lower case, letters and digits, one space between words. */
function titleKey(text: string): string {
  return (normaliseWord(text).match(/[\p{L}\p{N}_]+/gu) ?? []).join(" ");
}

/** Two words or more, or four characters of a script written without spaces. */
function isDistinctive(key: string): boolean {
  return key.includes(" ") || (CJK.test(key) && [...key].length >= 4);
}

/** The hidden card whose title a synonym word holds as a run of its words (of at most `longest`) (or, for Chinese and Japanese, of its characters). */
function heldTitle<T>(key: string, titles: ReadonlyMap<string, T>, longest: number, spaceless: readonly string[]): T | undefined {
  const words = key.split(" ");
  for (let from = 0; from < words.length; from++) {
    for (let to = from + 1; to <= Math.min(words.length, from + longest); to++) {
      const held = titles.get(words.slice(from, to).join(" "));
      if (held) return held;
    }
  }
  if (!CJK.test(key)) return undefined;
  const compact = key.replace(/ /g, "");
  const title = spaceless.find((t) => compact.includes(t));
  return title === undefined ? undefined : titles.get(title);
}
