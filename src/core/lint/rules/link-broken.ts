/** `link-broken`: a link to a missing card, heading anchor, site page or file. */
import type { Root } from "mdast";
import { lintRule } from "unified-lint-rule";
import { hasAnchor } from "../../site/links.ts";
import { linkTargetOf } from "../link-targets.ts";
import { describeLink } from "../../site/link-extract.ts";
import { ruleContext } from "../context.ts";
import { exampleCard, ruleMeta, type CardRule } from "../rule-model.ts";

const id = "link-broken";

export const linkBroken: CardRule = {
  meta: ruleMeta(id, "A link points to a card, heading anchor, site page or file that does not exist.", { kind: "card" }),
  checksBody: true,
  plugin: lintRule<Root>(`verity:${id}`, (_tree, file) => {
    const { card, index } = ruleContext(file.data);
    for (const link of card.links) {
      const target = linkTargetOf(card, link.url, index);
      const place = { line: link.line, column: link.column };
      if (target.kind === "broken") {
        file.message(`Broken link to ${describeLink(link)}: ${target.reason}. Fix the path or remove the link.`, place);
      } else if (target.kind === "card" && target.anchor !== undefined && target.anchor !== "" && !hasAnchor(target.card, target.anchor)) {
        const ids = target.card.headings.map((h) => `#${h.id}`);
        const where = target.card === card ? "this card" : target.card.relPath;
        file.message(
          `Broken link to ${describeLink(link)}: ${where} has no heading with the id "${target.anchor}".` +
            (ids.length > 0 ? ` Its heading ids are: ${ids.slice(0, 8).join(", ")}${ids.length > 8 ? ", …" : ""}.` : " It has no headings."),
          place,
        );
      }
    }
  }) as CardRule["plugin"],
  examples: {
    valid: [
      {
        name: "link to a card and its heading",
        files: {
          "content/a/one.md": exampleCard({}, "See [two](two.md#steps).\n"),
          "content/a/two.md": exampleCard({}, "## Steps\n\nDo it.\n"),
        },
      },
    ],
    invalid: [
      { name: "missing card", files: { "content/a/one.md": exampleCard({}, "See [two](two.md).\n") } },
      {
        name: "missing anchor",
        files: { "content/a/one.md": exampleCard({}, "See [two](two.md#nope).\n"), "content/a/two.md": exampleCard({}, "## Steps\n") },
      },
    ],
  },
};
