/**
 * `link-audience`: an external card links to a card or page the public site does not have
 * (internal or draft cards, wiki-only pages, the wiki's host). Not mandatory: the build itself never
 * publishes such a link (the public page shows its text without the link), so the rule is a
 * writing aid, not the guard.
 */
import type { Root } from "mdast";
import { lintRule } from "unified-lint-rule";
import { cardAudience, isOnSite } from "../../site/audience.ts";
import { describeLink } from "../../site/link-extract.ts";
import { isOnWikiOnlyHost, isPageOnSite } from "../../site/links.ts";
import { linkTargetOf } from "../link-targets.ts";
import { ruleContext } from "../context.ts";
import { exampleCard, ruleMeta, type CardRule } from "../rule-model.ts";

const id = "link-audience";

export const linkAudience: CardRule = {
  meta: ruleMeta(id, "An external card links to an internal or draft card, a wiki-only page, or the internal wiki's host, which the public site does not have.", { kind: "card" }),
  plugin: lintRule<Root>(`verity:${id}`, (_tree, file) => {
    const { card, index } = ruleContext(file.data);
    if (!isOnSite(card, "public")) return;
    for (const link of card.links) {
      const target = linkTargetOf(card, link.url, index);
      const place = { line: link.line, column: link.column };
      if ((target.kind === "card" || target.kind === "page") && target.via === "internal") {
        file.message(
          `This external card links to ${describeLink(link)} on the internal wiki, which customers cannot open and should not learn about. ` +
            `Link to the public card with a relative link (e.g. ../collection/card.md) instead, or make this card internal.`,
          place,
        );
        continue;
      }
      if (target.kind !== "card" && target.kind !== "page" && isOnWikiOnlyHost(link.url, index)) {
        file.message(`This external card links to ${describeLink(link)} on the internal wiki's host, which customers cannot open and should not learn about. Remove the link, or link to a public card instead.`, place);
        continue;
      }
      if (target.kind === "page") {
        if (isPageOnSite(target, "public")) continue;
        file.message(
          `This external card links to ${describeLink(link)}, a page only the internal wiki has (${target.path}): on the public help center the link would be dead ` +
            `and would reveal what the wiki holds. Link to a public card or collection instead, or make this card internal.`,
          place,
        );
        continue;
      }
      if (target.kind !== "card" || isOnSite(target.card, "public")) continue;
      const why = cardAudience(target.card) === "internal" ? "internal" : "a draft";
      file.message(
        `This external card links to ${target.card.relPath}, which is ${why}: on the public help center the link would be dead ` +
          `and would reveal that the card exists. Link to a public card instead, or make this card internal.`,
        place,
      );
    }
  }) as CardRule["plugin"],
  examples: {
    valid: [
      {
        name: "internal card links to internal card",
        files: { "content/a/one.md": exampleCard({}, "See [two](two.md).\n"), "content/a/two.md": exampleCard() },
      },
    ],
    invalid: [
      {
        name: "external card links to internal card",
        files: { "content/a/one.md": exampleCard({ audience: "external" }, "See [two](two.md).\n"), "content/a/two.md": exampleCard() },
      },
    ],
  },
};
