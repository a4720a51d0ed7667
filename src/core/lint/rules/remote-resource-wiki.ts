/** `remote-resource-wiki`: reported from src/core/site/card-html.ts, the decision the build renders with. */
import { exampleCard, ruleMeta, type Rule } from "../rule-model.ts";

const id = "remote-resource-wiki";

export const remoteResourceWiki: Rule = {
  meta: ruleMeta(id, "A wiki card loads an image, video, audio or iframe from a host not in sites.internal.embeds; the wiki removes it.", { kind: "project", defaultLevel: "warning" }),
  examples: {
    valid: [{ name: "an allow-listed host", files: { "verity.config.yml": "sites:\n  internal:\n    embeds: [cdn.example.com]\n", "content/a/card.md": exampleCard({}, "![Chart](https://cdn.example.com/chart.png)\n") } }],
    invalid: [{ name: "a host not in the allow-list", files: { "content/a/card.md": exampleCard({}, "![Chart](https://cdn.example.com/chart.png)\n") } }],
  },
};
