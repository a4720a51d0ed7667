/**
 * A card that includes a large snippet thousands of times (a 230 KB snippet 3,000 times: a 70 KB card) made a page of
 * some 700 MB: lint passed it and the build ran out of memory after two minutes (V8 aborted). The snippets a card
 * shows add up to at most MAX_INCLUDED_CHARS of snippet text; lint reports the include that goes over, and the
 * page and the Markdown copy show nothing from there on.
 */
import { afterAll, describe, expect, it } from "vitest";
import { exampleCard } from "../../src/core/lint/rule-model.ts";
import { loadProject } from "../../src/core/project/project.ts";
import { MAX_INCLUDED_CHARS, shownSnippets } from "../../src/core/cards/snippets.ts";
import { flatMessages, lintJson, makeProject, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

const big = `---\nowner: "@acme/team"\naudience: external\nverify_by: 2099-01-01\n---\n\n${"Lorem ipsum dolor sit amet. ".repeat(4000)}\n`;
const includes = (n: number) => 'Hello.\n\n' + '::snippet{name="big"}\n\n'.repeat(n);

describe("the snippet text a card includes", () => {
  const fits = Math.floor(MAX_INCLUDED_CHARS / big.length);

  it("is shown up to the budget, and nothing after", () => {
    const dir = makeProject({ "content/_snippets/big.md": big, "content/a/card.md": exampleCard({ audience: "external" }, includes(fits + 2)) });
    const project = loadProject({ cwd: dir, today: "2027-01-01" });
    const shown = shownSnippets(project.contentDir, project.index, true);
    const results = Array.from({ length: fits + 2 }, () => shown("big"));
    expect(results.filter(Boolean)).toHaveLength(fits);
    expect(results.at(-1)).toBeUndefined();
  });

  it("is a snippet-missing error at the first include over the budget, and the card is fine below it", async () => {
    const dir = makeProject({
      "verity.config.yml": "minTrustScore: 0\n",
      "content/_snippets/big.md": big,
      "content/a/card.md": exampleCard({ audience: "external" }, includes(fits + 3)),
      "content/a/ok.md": exampleCard({ audience: "external" }, includes(fits)),
    });
    const { code, results } = await lintJson(dir, ["--today", "2027-01-01", "--no-cache"]);
    expect(code).toBe(1);
    const found = flatMessages(results, dir).filter((m) => m.ruleId === "snippet-missing");
    const head = exampleCard({ audience: "external" }, "").split("\n").length;
    expect(found.map((m) => [m.file, m.line])).toEqual([["content/a/card.md", head + 2 + 2 * fits]]);
    expect(found[0]!.message).toMatch(/more than the 2,000,000 characters of snippet text a card may include/);
  });
});
