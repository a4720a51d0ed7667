/**
 * `audience-collection`: an external card in an internal-only collection (its `_collection.yml`
 * sets `defaults.audience: internal`). The card's own `audience:` line decides,
 * so it is on the public help center; but a card moved into such a collection to make it internal
 * is still public, and the files next to it cannot be published with it (`file-audience`). Reported
 * at the card's `audience:` line, so the author and the reviewer see which of the two was meant.
 */
import type { Root } from "mdast";
import { lintRule } from "unified-lint-rule";
import { isOnSite } from "../../site/audience.ts";
import { fileAudienceOf } from "./file-audience.ts";
import { contentDirOfCard } from "../../site/links.ts";
import { ruleContext } from "../context.ts";
import { exampleCard, ruleMeta, type CardRule } from "../rule-model.ts";

const id = "audience-collection";

export const audienceCollection: CardRule = {
  meta: ruleMeta(id, "An external card sits in an internal-only collection (`defaults.audience: internal`): it is public all the same, which a card moved there to become internal is not meant to be.", { kind: "card", defaultLevel: "warning" }),
  plugin: lintRule<Root>(`verity:${id}`, (_tree, file) => {
    const { card, index } = ruleContext(file.data);
    if (card.declaredAudience !== "external" || !isOnSite(card, "public")) return;
    const contentDir = contentDirOfCard(card);
    if (!contentDir) return;
    // A _collection.yml that does not load is a collection-config error already.
    if (fileAudienceOf(index, contentDir).collectionDefault(card.collection) !== "internal") return;
    file.message(
      `This card says audience: external, so it is published on the public help center, but it sits in the internal-only collection ${card.collection} (its _collection.yml sets defaults.audience: internal). ` +
        `If it was moved here to become internal, set audience: internal; if customers should read it, move it to a public collection.`,
      { line: card.fieldLines.audience ?? 1, column: 1 },
    );
  }) as CardRule["plugin"],
  examples: {
    valid: [
      { name: "an internal card in an internal-only collection", files: { "content/ops/_collection.yml": "defaults:\n  audience: internal\n", "content/ops/runbook.md": exampleCard() } },
      { name: "an external card in a public collection", files: { "content/help/answer.md": exampleCard({ audience: "external" }) } },
    ],
    invalid: [
      {
        name: "an external card moved into an internal-only collection",
        files: { "content/ops/_collection.yml": "defaults:\n  audience: internal\n", "content/ops/answer.md": exampleCard({ audience: "external" }) },
      },
    ],
  },
};
