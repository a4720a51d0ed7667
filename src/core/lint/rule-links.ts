/**
 * `link-broken`: a link to a missing card, anchor or file. `link-audience`: a public card linking
 * to a card the public site does not have (it would be a dead link there, or a leak).
 */
import type { Root } from "mdast";
import { lintRule } from "unified-lint-rule";
import { cardAudience, isOnSite } from "../audience.ts";
import { hasAnchor, resolveLink } from "../links.ts";
import { ruleContext } from "./context.ts";

export const linkBroken = lintRule<Root>("verity:link-broken", (_tree, file) => {
  const { card, index } = ruleContext(file.data);
  for (const link of card.links) {
    const target = resolveLink(card, link.url, index);
    const place = { line: link.line, column: link.column };
    if (target.kind === "broken") {
      file.message(`Broken link to ${link.url}: ${target.reason}. Fix the path or remove the link.`, place);
    } else if (target.kind === "card" && target.anchor !== undefined && target.anchor !== "" && !hasAnchor(target.card, target.anchor)) {
      const ids = target.card.headings.map((h) => `#${h.id}`);
      const where = target.card === card ? "this card" : target.card.relPath;
      file.message(
        `Broken link to ${link.url}: ${where} has no heading with the id "${target.anchor}".` +
          (ids.length > 0 ? ` Its heading ids are: ${ids.slice(0, 8).join(", ")}${ids.length > 8 ? ", …" : ""}.` : " It has no headings."),
        place,
      );
    }
  }
});

export const linkAudience = lintRule<Root>("verity:link-audience", (_tree, file) => {
  const { card, index } = ruleContext(file.data);
  if (!isOnSite(card, "public")) return;
  for (const link of card.links) {
    const target = resolveLink(card, link.url, index);
    if (target.kind !== "card" || isOnSite(target.card, "public")) continue;
    const why = cardAudience(target.card) === "internal" ? "internal" : "a draft";
    file.message(
      `This external card links to ${target.card.relPath}, which is ${why}: on the public help center the link would be dead ` +
        `and would reveal that the card exists. Link to a public card instead, or make this card internal.`,
      { line: link.line, column: link.column },
    );
  }
});
