/** `remote-resource`: reported from src/core/site/card-html.ts, the decision the build renders with. */
import { exampleCard, ruleMeta, type Rule } from "../rule-model.ts";

const id = "remote-resource";

export const remoteResource: Rule = {
  meta: ruleMeta(id, "A card on the public help center loads an image, video, audio or iframe from a host not in sites.public.embeds; the site removes it.", { kind: "project" }),
  examples: {
    valid: [{ name: "an external card with a local image", files: { "content/a/card.md": exampleCard({ audience: "external" }, "Text only.\n") } }],
    invalid: [{ name: "an external card with a remote image", files: { "content/a/card.md": exampleCard({ audience: "external" }, "![Chart](https://cdn.example.com/chart.png)\n") } }],
  },
};
