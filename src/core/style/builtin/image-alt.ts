/** `image-alt`: an image with empty alt text, in Markdown (`![](x.png)`) or HTML (`<img src>`). */
import type { Finding } from "../../lint/findings.ts";
import type { BuiltinProseRule, BuiltinRuleContext } from "../builtin-rules.ts";
import { guideLink } from "./guide-link.ts";
import { walkTree } from "../../cards/tree-walk.ts";

const MESSAGE = "Image without alt text. Describe what the image shows (for a screenshot, the screen and what to look at) in the brackets: ![Alt text](image.png).";
const HTML_IMG = /<img\b[^>]*>/giu;
const HTML_ALT = /\balt\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/iu;

function check(ctx: BuiltinRuleContext): Finding[] {
  const findings: Finding[] = [];
  if (!ctx.source.includes("![") && !/<img\b/iu.test(ctx.source)) return findings;
  walkTree(ctx.tree, (node) => {
    if (node.type === "image" || node.type === "imageReference") {
      const image = node;
      if ((image.alt ?? "").trim() !== "") return;
      const start = image.position?.start.offset ?? 0;
      findings.push(ctx.report(start, image.position?.end.offset ?? start, MESSAGE));
    } else if (node.type === "html") {
      const html = node;
      const base = html.position?.start.offset ?? 0;
      for (const match of html.value.matchAll(HTML_IMG)) {
        const alt = HTML_ALT.exec(match[0]);
        const value = alt ? (alt[2] ?? alt[3] ?? alt[4] ?? "") : undefined;
        if (value !== undefined && value.trim() !== "") continue;
        const start = base + (match.index ?? 0);
        findings.push(ctx.report(start, start + match[0].length, alt ? MESSAGE : 'Image without an alt attribute. Add alt="…" describing what the image shows.'));
      }
    }
  });
  return findings;
}

export const imageAlt: BuiltinProseRule = {
  id: "image-alt",
  description: "An image has no alt text.",
  defaultLevel: "error",
  url: guideLink("alt-text"),
  fixable: false,
  check,
};
