/** `attachment-unsafe`: decided by src/core/site/attachment-safety.ts, which the build uses too. */
import { exampleCard, ruleMeta, type Rule } from "../rule-model.ts";

const id = "attachment-unsafe";

export const attachmentUnsafe: Rule = {
  meta: ruleMeta(id, "A card links an SVG, HTML or XML file (any name a web server serves as one) with script, event handlers, javascript: URLs, foreign objects, an encoding other than UTF-8, a form or anything loaded from another host, a script file such as .js or any file whose text is a JavaScript program (.txt, .json, .css...: a page could run it as the site's own script), or a file a web server acts on (web.config, a server-side include, a .php, .asp or .jsp name); it is never published.", { kind: "project" }),
  examples: {
    valid: [{ name: "a plain SVG", files: { "content/a/card.md": exampleCard({}, "![Logo](logo.svg)\n"), "content/a/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>\n' } }],
    invalid: [{ name: "an SVG with script", files: { "content/a/card.md": exampleCard({}, "![Logo](logo.svg)\n"), "content/a/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>\n' } }],
  },
};
