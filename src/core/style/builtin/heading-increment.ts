/**
 * `heading-increment`: a heading more than one level below the one before it (H2 -> H4), or an H1
 * in the body of a card. A card's title is its page H1, so body headings start at H2.
 */
import type { Finding } from "../../lint/findings.ts";
import type { BuiltinProseRule, BuiltinRuleContext } from "../builtin-rules.ts";
import { guideLink } from "./guide-link.ts";
import { walkTree } from "../../cards/tree-walk.ts";

function check(ctx: BuiltinRuleContext): Finding[] {
  const findings: Finding[] = [];
  const hasTitle = typeof ctx.frontmatter?.title === "string";
  let previous = hasTitle ? 1 : 0;
  walkTree(ctx.tree, (node) => {
    if (node.type !== "heading") return;
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    if (hasTitle && node.depth === 1) {
      findings.push(
        ctx.report(start, end, "Unexpected H1 in the body: the card title (front matter `title`) is the page's H1. Use ## for top-level sections."),
      );
    } else if (previous > 0 && node.depth > previous + 1) {
      findings.push(
        ctx.report(
          start,
          end,
          `Unexpected heading level ${node.depth} after level ${previous}, expected level ${previous + 1} or less. Do not skip heading levels.`,
        ),
      );
    }
    previous = node.depth;
  });
  return findings;
}

export const headingIncrement: BuiltinProseRule = {
  id: "heading-increment",
  description: "A heading skips a level (H2 -> H4), or a card has an H1 in its body (the title is the H1).",
  defaultLevel: "error",
  url: guideLink("headings"),
  fixable: false,
  check,
};
