/**
 * The leak check excused a text on a public card's page when the page, as the build renders it, has that text: so
 * an internal snippet that a rendering bug put into a public card (its page, its .md copy, its search entry) was
 * excused by the same rendering, and the net behind shownSnippets (src/core/cards/snippets.ts) caught nothing. An
 * internal snippet's text is now excused only by what the public card itself, or an external snippet it includes, says.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exampleCard } from "../../src/core/lint/rule-model.ts";
import { loadProject } from "../../src/core/project/project.ts";
import { prepareSites } from "../../src/build/site-data.ts";
import { deriveLeakModel, scanForLeaks } from "../../src/build/leak-scan.ts";
import { makeProject, makeTempDir, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

const SECRET = "Page the on-call fraud lead and quote the bridge PIN 4711.";
const snippet = (audience: string, text: string) => `---\nowner: "@acme/x"\naudience: ${audience}\nverify_by: 2099-01-01\n---\n\n${text}\n`;

function scan(files: Record<string, string>, plant: boolean) {
  const dir = makeProject({
    "verity.config.yml": "minTrustScore: 0\n",
    "content/_snippets/escalate.md": snippet("internal", SECRET),
    "content/security/runbook.md": exampleCard({ title: "Runbook" }, 'Steps.\n\n::snippet{name="escalate"}\n'),
    ...files,
  });
  const project = loadProject({ cwd: dir, today: "2026-11-22" });
  const site = prepareSites(project, ["public"], { history: { available: false, reason: "test" } }).get("public")!;
  const card = site.cards.find((c) => c.id === "help/guide")!;
  // A rendering that wrongly shows the internal snippet: the page, its Markdown copy and what the check derives from them.
  if (plant) {
    card.html += `<p>${SECRET}</p>`;
    card.markdown += `\n${SECRET}\n`;
  }
  const out = makeTempDir();
  mkdirSync(path.join(out, "help", "guide"), { recursive: true });
  writeFileSync(path.join(out, "help", "guide", "index.html"), `<main>${card.html}</main>`);
  writeFileSync(path.join(out, "help", "guide.md"), card.markdown);
  return scanForLeaks(out, deriveLeakModel(project, site)).findings;
}

describe("an internal snippet's text on a public page", () => {
  it("is a leak even when the site's own rendering of the card put it there", () => {
    const findings = scan({ "content/help/guide.md": exampleCard({ title: "Guide", audience: "external" }, "Hello.\n") }, true);
    expect(findings.map((f) => [f.file, f.needle?.kind, f.leaked])).toEqual([
      ["help/guide.md", "body text", "content/_snippets/escalate.md"],
      ["help/guide/index.html", "body text", "content/_snippets/escalate.md"],
    ]);
  });

  it("is no leak when the public card says it itself, or an external snippet it includes does", () => {
    const own = exampleCard({ title: "Guide", audience: "external" }, `Hello. ${SECRET}\n`);
    expect(scan({ "content/help/guide.md": own }, false)).toEqual([]);
    const viaSnippet = {
      "content/_snippets/contact.md": snippet("external", `Still stuck? ${SECRET}`),
      "content/help/guide.md": exampleCard({ title: "Guide", audience: "external" }, 'Hello.\n\n::snippet{name="contact"}\n'),
    };
    expect(scan(viaSnippet, false)).toEqual([]);
  });
});

describe("an internal card's alert", () => {
  it("gives its first sentence as a needle as the page shows it, without the [!IMPORTANT] marker the page never prints", async () => {
    const { cardNeedles } = await import("../../src/build/leak-needles.ts");
    const dir = makeProject({
      "verity.config.yml": "minTrustScore: 0\n",
      "content/security/runbook.md": exampleCard({ title: "Runbook" }, `> [!IMPORTANT]\n> ${SECRET}\n`),
    });
    const project = loadProject({ cwd: dir, today: "2026-11-22" });
    const card = project.cards.find((c) => c.id === "security/runbook")!;
    const texts = cardNeedles(card, project.index, new Set(), () => false).filter((n) => n.kind === "body text").map((n) => n.text);
    expect(texts).toEqual([SECRET]);
  });
});
