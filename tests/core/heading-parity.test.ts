/** Issue 10, defect 1: the ids lint checks anchors against are exactly the ids the built page has. */
import { afterAll, describe, expect, it } from "vitest";
import { prepareSites } from "../../src/build/site-data.ts";
import { loadProject } from "../../src/core/project/project.ts";
import { makeProject, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

const BODY = [
  "## Click ![the gear icon](gear.png) settings",
  "## Use `verity lint` *first*",
  "## Steps <kbd>Ctrl</kbd> + <b>S</b>",
  "## **Bold** and _emphasis_ and [a link](https://acme.test)",
  "## Script <script>x()</script> gone",
  "## Steps",
  "## Steps",
  "> ### Quoted heading",
  "- ### Listed heading",
  "<h2>Raw HTML heading</h2>",
  "Setext heading with `code`\n---",
  "## 환불 절차 ![아이콘](a.png)",
].join("\n\n");

describe("heading ids", () => {
  it("are the same in lint and on the site, for headings with images, code, HTML and emphasis, in .md and .mdx", () => {
    const card = (format: string) => `---\ntitle: T\nowner: "@acme/team"\naudience: external\nverify_by: 2099-01-01\n---\n\n${format === "mdx" ? BODY.replace("<script>x()</script>", "{expression}") : BODY}\n`;
    const root = makeProject({ "content/help/a.md": card("md"), "content/help/b.mdx": card("mdx"), "content/help/gear.png": "png", "content/help/a.png": "png" });
    const project = loadProject({ cwd: root, root, today: "2030-01-01" });
    const site = prepareSites(project, ["public"], { history: { available: false, reason: "test" } }).get("public")!;
    for (const loaded of project.cards) {
      const html = site.cards.find((c) => c.id === loaded.id)!.html;
      const rendered = [...html.matchAll(/<h[1-6] id="([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!));
      expect(rendered, loaded.relPath).toEqual(loaded.headings.map((h) => h.id));
      expect(rendered.slice(0, 4)).toEqual(["click--settings", "use-verity-lint-first", "steps-ctrl--s", "bold-and-emphasis-and-a-link"]);
      expect(rendered).toContain("steps-1");
      expect(rendered).toContain("quoted-heading");
      expect(rendered).toContain("setext-heading-with-code");
      // Script text the sanitizer removes is not in the heading's id, anchor label or contents list either.
      expect(html).not.toContain("x()");
      // Every in-page anchor link the page offers leads to an id on the page.
      for (const [, target] of html.matchAll(/href="#([^"]+)"/g)) expect(rendered).toContain(decodeURIComponent(target!));
    }
  });
});
