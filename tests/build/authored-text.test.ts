/**
 * What a public card's author wrote that its page may show (authored-text.ts): the leak check's excuse on that
 * page. Every spelling of a link to something the help center lacks is cut, with its text; the rest stays.
 */
import { afterAll, describe, expect, it } from "vitest";
import { exampleCard } from "../../src/core/lint/rule-model.ts";
import { loadProject } from "../../src/core/project/project.ts";
import { authoredPageText } from "../../src/build/authored-text.ts";
import { publicTruth } from "../../src/build/leak-excuses.ts";
import { makeProject, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

function authored(body: string, file = "content/help/guide.md"): string {
  const dir = makeProject({
    "verity.config.yml": "minTrustScore: 0\nsites:\n  public:\n    url: https://help.acme.test\n  internal:\n    url: https://wiki.acme.test\n",
    [file]: exampleCard({ title: "Guide", audience: "external", owner: '"@acme/secret-squad"' }, body),
    "content/help/refunds.md": exampleCard({ title: "Refunds", audience: "external" }, "Refunds.\n"),
    "content/help/escalate-zebra.md": exampleCard({ title: "Zebra" }, "Secret.\n"),
    "content/ops/_collection.yml": "title: Ops\ndefaults:\n  audience: internal\n",
    "content/ops/vault-diagram.png": "png",
    "content/help/shot.png": "png",
    "content/_snippets/contact.md": '---\nowner: "@acme/x"\naudience: external\nverify_by: 2099-01-01\n---\n\nWrite to the [billing desk](../help/refunds.md) any weekday.\n',
    "content/_snippets/escalate.md": '---\nowner: "@acme/x"\naudience: internal\nverify_by: 2099-01-01\n---\n\nCall the vault lead.\n',
  });
  const project = loadProject({ cwd: dir, today: "2026-11-22" });
  const truth = publicTruth(project);
  const card = project.cards.find((c) => c.relPath === file)!;
  return authoredPageText(card, { index: project.index, contentDir: project.contentDir, isPublic: (c) => truth.cards.has(c.id), isPublicFile: truth.isPublicFile, snippet: truth.snippet });
}

describe("a public card's authored text", () => {
  it("keeps its words, its links' words and addresses, and its headings' ids; never its other frontmatter fields", () => {
    const text = authored("## Don't refund twice\n\nSee [the refund guide](refunds.md \"Refund rules\") and <https://status.example.org/>.\n\n<details><summary>Advanced steps</summary>Body.</details>\n");
    expect(text).toContain("See the refund guide Refund rules and");
    expect(text).toContain("refunds.md");
    expect(text).toContain("https://status.example.org/");
    expect(text).toContain("dont-refund-twice");
    expect(text).toContain("<summary>Advanced steps</summary>");
    expect(text).not.toMatch(/secret-squad|verify_by|audience/);
  });

  it("cuts every link, image, reference and attribute to a card, page, file or host the help center lacks, with its text", () => {
    const body = [
      "## Notes in [escalate-zebra.md](escalate-zebra.md)",
      "Ask the [Zebra desk](escalate-zebra.md), [ref][z] or <https://wiki.acme.test/help/escalate-zebra/>.",
      '<a href="escalate&#45;zebra.md">the <b>Zebra</b> desk</a> and ![vault-diagram](../ops/vault-diagram.png) and ![shot](shot.png).',
      "<!-- escalate-zebra is the runbook -->",
      "[z]: escalate-zebra.md",
    ].join("\n\n");
    const text = authored(body);
    expect(text).not.toMatch(/zebra|vault/i);
    expect(text).toContain("notes-in");
    expect(text).toContain("shot.png");
  });

  it("cuts an MDX element's address attribute to a file the help center lacks", () => {
    const text = authored('<Figure src="../ops/vault-diagram.png" alt="Diagram of the lobby" />\n', "content/help/guide.mdx");
    expect(text).toContain("Diagram of the lobby");
    expect(text).not.toMatch(/vault/);
  });

  it("adds the external snippets it includes, never an internal one", () => {
    const text = authored('Hello.\n\n::snippet{name="contact"}\n\n::snippet{name="escalate"}\n');
    expect(text).toContain("Write to the billing desk any weekday.");
    expect(text).not.toMatch(/vault lead/);
  });
});
