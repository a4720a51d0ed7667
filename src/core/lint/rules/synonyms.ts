/** `synonyms`: read from style-guide/synonyms.yml (src/core/site/synonyms.ts). */
import type { Card } from "../../cards/load.ts";
import type { Finding } from "../findings.ts";
import { SYNONYMS_FILE, type SynonymsFile } from "../../site/synonyms.ts";
import { normaliseWord } from "../../site/word-case.ts";
import { exampleCard, ruleMeta, type Rule } from "../rule-model.ts";

const id = "synonyms";

export const synonyms: Rule = {
  meta: ruleMeta(
    id,
    "style-guide/synonyms.yml is not valid YAML, has an empty group, puts a word in two groups of one language, or has a word that is the title of a card the help center does not have (the sites publish the words of a group with the public cards that use it).",
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
 * Words of the synonyms file that are the title of a card the help center does not have. The sites
 * publish a group's words with the public cards that use it (the search data, each page's search
 * terms), and the leak check takes them for the public card's own words, so the title of an
 * internal card written there would reach the help center unseen. One-word titles are left alone:
 * a single word ("Refunds") is no evidence of a card, and the public cards use such words too.
 */
export function internalTitlesInSynonyms(file: Pick<SynonymsFile, "file" | "groups">, cards: readonly Card[], isPublic: (card: Card) => boolean): Finding[] {
  const hiddenTitles = new Map<string, Card>();
  const publicTitles = new Set(cards.filter(isPublic).map((card) => normaliseWord(card.data.title)));
  for (const card of cards) {
    const title = normaliseWord(card.data.title);
    if (!isPublic(card) && /\s/.test(title) && !publicTitles.has(title) && !hiddenTitles.has(title)) hiddenTitles.set(title, card);
  }
  const findings: Finding[] = [];
  for (const group of file.groups) {
    for (const word of group.words) {
      const card = hiddenTitles.get(normaliseWord(word));
      if (!card) continue;
      findings.push({
        ruleId: id,
        severity: "error",
        file: file.file,
        line: group.line,
        column: 1,
        message:
          `${SYNONYMS_FILE}'s ${group.lang} group has "${word}", the title of ${card.data.audience === "internal" ? "the internal card" : "the card"} ${card.id}, which the help center does not have: ` +
          "the sites publish a group's words with the public cards that use it. Remove the word, or put it in that card's keywords: instead.",
      });
    }
  }
  return findings;
}
