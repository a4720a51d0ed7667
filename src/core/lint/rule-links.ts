/**
 * `link-broken`: a link to a missing card, anchor, page or file. `link-audience`: a public card
 * linking to a card or page the public site does not have (it would be a dead link there, or a
 * leak), or to the internal wiki's host. `file-audience`: a card linking to a file that may not be
 * published on its site (decided by site/file-audience.ts, which the build uses too).
 * Every link counts: Markdown links, images, definitions, and URL attributes of raw HTML and MDX.
 */
import type { Root } from "mdast";
import { lintRule } from "unified-lint-rule";
import { cardAudience, isOnSite } from "../audience.ts";
import { contentDirOfCard, hasAnchor, resolveLink, type CardIndex } from "../links.ts";
import type { CardLink } from "../link-extract.ts";
import { createFileAudience, type FileAudience } from "../site/file-audience.ts";
import { ruleContext } from "./context.ts";

const describe = (link: CardLink) => (link.kind === "html" && link.attribute ? `${link.url} (${link.attribute} in HTML)` : link.url);

export const linkBroken = lintRule<Root>("verity:link-broken", (_tree, file) => {
  const { card, index } = ruleContext(file.data);
  for (const link of card.links) {
    const target = resolveLink(card, link.url, index);
    const place = { line: link.line, column: link.column };
    if (target.kind === "broken") {
      file.message(`Broken link to ${describe(link)}: ${target.reason}. Fix the path or remove the link.`, place);
    } else if (target.kind === "card" && target.anchor !== undefined && target.anchor !== "" && !hasAnchor(target.card, target.anchor)) {
      const ids = target.card.headings.map((h) => `#${h.id}`);
      const where = target.card === card ? "this card" : target.card.relPath;
      file.message(
        `Broken link to ${describe(link)}: ${where} has no heading with the id "${target.anchor}".` +
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
    const place = { line: link.line, column: link.column };
    if ((target.kind === "card" || target.kind === "page") && target.via === "internal") {
      file.message(
        `This external card links to ${describe(link)} on the internal wiki, which customers cannot open and should not learn about. ` +
          `Link to the public card with a relative link (e.g. ../collection/card.md) instead, or make this card internal.`,
        place,
      );
      continue;
    }
    if (target.kind === "page") {
      if (target.sites.includes("public")) continue;
      file.message(
        `This external card links to ${describe(link)}, a page only the internal wiki has (${target.path}): on the public help center the link would be dead ` +
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
});

const fileAudiences = new WeakMap<CardIndex, Map<string, FileAudience>>();

export const fileAudience = lintRule<Root>("verity:file-audience", (_tree, file) => {
  const { card, index } = ruleContext(file.data);
  const contentDir = contentDirOfCard(card);
  if (!contentDir) return;
  let byDir = fileAudiences.get(index);
  if (!byDir) fileAudiences.set(index, (byDir = new Map()));
  let decider = byDir.get(contentDir);
  if (!decider) byDir.set(contentDir, (decider = createFileAudience(contentDir)));
  const site = isOnSite(card, "public") ? "public" : "internal";
  for (const link of card.links) {
    const target = resolveLink(card, link.url, index);
    if (target.kind !== "asset") continue;
    const verdict = decider.verdict(target.file, site);
    if (verdict.ok) continue;
    file.message(
      site === "public"
        ? `This external card links to the file ${describe(link)}, which the public help center must not publish: ${verdict.reason}. ${verdict.fix}.`
        : `This card links to the file ${describe(link)}, which no site publishes: ${verdict.reason}. ${verdict.fix}.`,
      { line: link.line, column: link.column },
    );
  }
});
