/** `image-alt`: an image with empty alt text, in Markdown (`![](x.png)`), HTML (`<img src>`) or MDX (`<img src />`). */
import type { Finding } from "../../lint/findings.ts";
import type { BuiltinProseRule, BuiltinRuleContext } from "../builtin-rules.ts";
import { guideLink } from "./guide-link.ts";
import { walkTree } from "../../cards/tree-walk.ts";
import { htmlElements } from "../../cards/html-elements.ts";
import { literalProps, type MdxAttribute } from "../../site/mdx-components.ts";

const MESSAGE = "Image without alt text. Describe what the image shows (for a screenshot, the screen and what to look at) in the brackets: ![Alt text](image.png).";
const NO_ALT_ATTRIBUTE = 'Image without an alt attribute. Add alt="…" describing what the image shows.';

/** The finding's message for an HTML or MDX image's alt value (`undefined`: no attribute), or none when it has text. */
function altProblem(alt: unknown): string | undefined {
  if (alt === undefined || alt === null) return NO_ALT_ATTRIBUTE;
  return String(alt).trim() === "" ? MESSAGE : undefined;
}

function check(ctx: BuiltinRuleContext): Finding[] {
  const findings: Finding[] = [];
  if (!ctx.source.includes("![") && !/<img\b/iu.test(ctx.source)) return findings;
  walkTree(ctx.tree, (node) => {
    if (node.type === "image" || node.type === "imageReference") {
      if ((node.alt ?? "").trim() !== "") return;
      const start = node.position?.start.offset ?? 0;
      findings.push(ctx.report(start, node.position?.end.offset ?? start, MESSAGE));
    } else if (node.type === "html") {
      // Parsed as a browser parses it: an `<img` inside an attribute value or a comment is no image.
      for (const { element, start, end } of htmlElements(node)) {
        if (element.tagName !== "img") continue;
        const problem = altProblem(element.properties.alt);
        if (problem) findings.push(ctx.report(start, end, problem));
      }
    } else if ((node.type as string) === "mdxJsxFlowElement" || (node.type as string) === "mdxJsxTextElement") {
      const jsx = node as unknown as { name: string | null; attributes: MdxAttribute[]; position?: typeof node.position };
      if (jsx.name !== "img") return;
      // An expression (`alt={caption}`) counts as alt text: its value is not known before the page renders.
      const problem = altProblem(literalProps(jsx.attributes ?? [], true).alt);
      const start = jsx.position?.start.offset ?? 0;
      if (problem) findings.push(ctx.report(start, jsx.position?.end.offset ?? start, problem));
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
