/**
 * A cold lint lets each card's tree go as soon as the card is loaded, unless a card rule reads it
 * later (`readsTree`, a lint control comment, the project's own remark plugins). These tests load
 * projects with every kind of card a tree-reading rule looks at, make a let-go tree throw when it
 * is read, and check that the card rules report exactly what they report with every tree kept.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { Card } from "../../src/core/cards/load.ts";
import { lintProject, treeFactsTaker } from "../../src/core/lint/lint-project.ts";
import { exampleCard } from "../../src/core/lint/rule-model.ts";
import { stubFactsOf } from "../../src/core/lint/run-delta.ts";
import { loadProject, openProject } from "../../src/core/project/project.ts";
import { makeProject, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

const TODAY = "2027-01-01";
const external = { audience: "external" };

function project(extra: Record<string, string> = {}): string {
  return makeProject({
    "verity.config.yml": 'minTrustScore: 0\ninternalTerms: ["Zendesk macro", "tier 2"]\n',
    "content/help/plain.md": exampleCard(external, "## Steps\n\nSee [the other card](other.md#nope) and [a file](form.txt).\n"),
    "content/help/other.md": exampleCard(external, "Ask tier 2 about the Zendesk macro.\n"),
    "content/help/form.txt": "A form.\n",
    "content/help/html.md": exampleCard(external, 'Text.\n\n<div onclick="alert(1)">Click</div>\n\n<script>alert(1)</script>\n\n![remote](https://cdn.example.net/x.png)\n'),
    "content/help/disabled.md": exampleCard(external, "<!-- lint disable link-broken -->\n\nSee [gone](gone.md).\n"),
    "content/help/snippets.md": exampleCard(external, 'Intro.\n\n::snippet{name="steps"}\n\n::snippet{name="secret"}\n\n::snippet{name="missing"}\n'),
    "content/help/component.mdx": exampleCard({}, 'import X from "./x.js"\n\nText {1 + 1}.\n'),
    "content/_snippets/steps.md": '---\nowner: "@acme/team"\naudience: external\nverify_by: 2027-06-01\n---\n\nSee [gone](../help/gone.md) and [notes](notes.txt).\n',
    "content/_snippets/secret.md": '---\nowner: "@acme/team"\naudience: internal\nverify_by: 2027-06-01\n---\n\nInternal steps.\n',
    "content/_snippets/notes.txt": "secret\n",
    "content/ops/internal.md": exampleCard({}, "Ask tier 2.\n"),
    ...extra,
  });
}

/** A let-go tree that throws when read: proof that nothing reads it after loading. */
function forbidTree(card: Card): void {
  Object.defineProperty(card, "tree", {
    configurable: true,
    get: () => {
      throw new Error(`the tree of ${card.relPath} was read after it was let go`);
    },
  });
}

function lintBoth(dir: string) {
  const options = { cwd: dir, today: TODAY };
  const kept = lintProject(loadProject(options));
  const takeTreeFacts = treeFactsTaker(openProject(options).config, undefined);
  const released: string[] = [];
  const loaded = loadProject(options, {
    onCard: (card) => {
      if (takeTreeFacts(card)) return;
      released.push(card.relPath);
      forbidTree(card);
    },
  });
  return { kept: kept.findings, released: lintProject(loaded).findings, releasedCards: released.sort() };
}

describe("letting card trees go while loading", () => {
  it("reports what the rules report with every tree kept, and keeps the trees the rules read", () => {
    const { kept, released, releasedCards } = lintBoth(project());
    expect(released).toEqual(kept);
    const rules = new Set(kept.map((f) => f.ruleId));
    // The project does exercise the rules that read trees or facts taken from them.
    for (const id of ["link-broken", "file-audience", "html-removed", "remote-resource", "internal-wording", "snippet-missing", "snippet-audience", "mdx-import", "mdx-expression"]) {
      expect(rules, id).toContain(id);
    }
    // Kept: the lint comment, the snippet includes, the MDX card. Let go: the rest; internal-wording
    // took its hits in the external cards' text, and the HTML checks their report, at load.
    expect(releasedCards).toEqual(["content/help/html.md", "content/help/other.md", "content/help/plain.md", "content/ops/internal.md"]);
  });

  it("lets an external card's tree go when the configuration lists no internal terms", () => {
    const dir = project({ "verity.config.yml": "minTrustScore: 0\n" });
    const { kept, released, releasedCards } = lintBoth(dir);
    expect(released).toEqual(kept);
    // The HTML checks read the report taken at load, not the tree.
    expect(releasedCards).toEqual(["content/help/html.md", "content/help/other.md", "content/help/plain.md", "content/ops/internal.md"]);
  });

  it("keeps every tree when the project runs its own remark plugins", () => {
    const dir = project();
    const config = openProject({ cwd: dir, today: TODAY }).config;
    const take = treeFactsTaker(config, [() => () => undefined]);
    const loaded = loadProject({ cwd: dir, today: TODAY });
    expect(loaded.cards.filter((card) => !take(card))).toEqual([]);
  });

  it("the facts kept for a re-lint are taken without reading the card's text or tree", () => {
    const dir = project();
    const card = loadProject({ cwd: dir, today: TODAY }).cards.find((c) => c.relPath === "content/help/plain.md")!;
    forbidTree(card);
    Object.defineProperty(card, "source", {
      get: () => {
        throw new Error("text read");
      },
    });
    expect(stubFactsOf(card)).toMatchObject({ relPath: "content/help/plain.md", url: "/help/plain/", headingIds: ["steps"] });
  });
});
