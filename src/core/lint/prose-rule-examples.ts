/**
 * Examples of the style guide's built-in prose rules, for the RuleTester. They live here rather
 * than in the rules' own modules, which belong to the style engine.
 */
import { exampleCard, type RuleExamples } from "./rule-model.ts";

const TEMPLATES = "templates:\n  how-to:\n    title: How-to\n    description: Steps.\n    sections:\n      - title: Steps\n      - title: Result\n";
const long = Array.from({ length: 40 }, (_, i) => `word${i}`).join(" ");

export const PROSE_RULE_EXAMPLES: Record<string, RuleExamples> = {
  "korean-speech-level": {
    valid: [{ name: "합니다체 throughout", files: { "content/a/card.md": exampleCard({ lang: "ko", audience: "external" }, "환불은 5영업일 안에 처리됩니다. 결제 상태를 확인합니다.\n") } }],
    invalid: [{ name: "external card in 해요체", files: { "content/a/card.md": exampleCard({ lang: "ko", audience: "external" }, "환불은 5영업일 안에 처리돼요. 결제 상태를 확인하세요.\n") } }],
  },
  "sentence-length": {
    valid: [{ name: "a short sentence", files: { "content/a/card.md": exampleCard({}, "Open the billing page.\n") } }],
    invalid: [{ name: "a 40-word sentence", files: { "content/a/card.md": exampleCard({}, `${long}.\n`) } }],
  },
  "template-structure": {
    valid: [
      {
        name: "every section, in order",
        files: { "style-guide/templates/templates.yml": TEMPLATES, "content/a/card.md": exampleCard({ template: "how-to" }, "## Steps\n\nDo it.\n\n## Result\n\nDone.\n") },
      },
    ],
    invalid: [
      {
        name: "a missing section",
        files: { "style-guide/templates/templates.yml": TEMPLATES, "content/a/card.md": exampleCard({ template: "how-to" }, "## Steps\n\nDo it.\n") },
      },
    ],
  },
  "heading-increment": {
    valid: [{ name: "H2 then H3", files: { "content/a/card.md": exampleCard({}, "## One\n\n### Two\n") } }],
    invalid: [{ name: "H2 then H4", files: { "content/a/card.md": exampleCard({}, "## One\n\n#### Two\n") } }],
  },
  "image-alt": {
    valid: [{ name: "image with alt text", files: { "content/a/card.md": exampleCard({}, "![The billing page](https://example.com/a.png)\n") } }],
    invalid: [{ name: "image without alt text", files: { "content/a/card.md": exampleCard({}, "![](https://example.com/a.png)\n") } }],
  },
  "link-text": {
    valid: [{ name: "link text names the target", files: { "content/a/card.md": exampleCard({}, "Read the [refund policy](https://example.com/refunds).\n") } }],
    invalid: [{ name: "click here", files: { "content/a/card.md": exampleCard({}, "To read the policy, [click here](https://example.com/refunds).\n") } }],
  },
  "foreign-markup": {
    valid: [{ name: "a callout and a Markdown link", files: { "content/a/card.md": exampleCard({}, "> [!TIP]\n> Read the [refund policy](https://example.com/refunds).\n") } }],
    invalid: [{ name: "a wiki link", files: { "content/a/card.md": exampleCard({}, "Read the [[Refund policy]].\n") } }],
  },
};
