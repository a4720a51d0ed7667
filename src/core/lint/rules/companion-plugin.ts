/**
 * `companion`: a card's `companion:` names an existing card of the other audience that names it
 * back (an external answer and its internal notes for agents move together).
 */
import type { Root } from "mdast";
import { lintRule } from "unified-lint-rule";
import { cardAudience } from "../../site/audience.ts";
import { ruleContext } from "../context.ts";

export const companion = lintRule<Root>("verity:companion", (_tree, file) => {
  const { card, index } = ruleContext(file.data);
  const id = card.data.companion;
  if (id === undefined) return;
  const place = { line: card.fieldLines.companion ?? 1, column: 1 };
  const other = index.byId.get(id);
  if (!other) {
    file.message(`The companion "${id}" is not a card id. Write the id of an existing card (its id: field, else <collection>/<file name>), or remove the companion line.`, place);
    return;
  }
  if (other === card) {
    file.message(`The card names itself as its companion. Name the card of the other audience that goes with it.`, place);
    return;
  }
  const mine = cardAudience(card);
  if (cardAudience(other) === mine) {
    const wanted = mine === "external" ? "internal" : "external";
    file.message(`The companion ${other.relPath} is ${mine} too; a companion must be ${wanted}. Pair an external answer with its internal notes.`, place);
    return;
  }
  if (other.data.companion !== card.id) {
    const now = other.data.companion === undefined ? "has no companion line" : `names "${other.data.companion}"`;
    file.message(`The companion ${other.relPath} does not point back: it ${now}. Add "companion: ${card.id}" to its frontmatter.`, place);
  }
});
