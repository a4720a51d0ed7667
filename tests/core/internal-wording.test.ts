/**
 * `internal-wording`: the terms of `internalTerms` in verity.config.yml are reported, with
 * file:line and what to do, in the text customers read on the help center (an external card's
 * title, description, tags, keywords and the text its page shows; an external snippet it includes;
 * a collection's public title and description), and nowhere else.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/core/project/config.ts";
import { compileTerm } from "../../src/core/lint/rules/internal-wording.ts";
import { exampleCard } from "../../src/core/lint/rule-model.ts";
import { placeIn } from "../../src/core/site/shown-text.ts";
import { flatMessages, lintJson, makeProject, removeTemps, REPO_ROOT, runCli } from "../helpers.ts";

afterAll(removeTemps);

const CONFIG = 'minTrustScore: 0\ninternalTerms: ["#*", "Zendesk macro", "tier 2", "escalation queue", "Admin > *", "macro*"]\n';

async function wording(files: Record<string, string>) {
  const dir = makeProject({ "verity.config.yml": CONFIG, ...files });
  const { results, code } = await lintJson(dir, ["--today", "2027-01-01", "--no-cache"]);
  return { code, hits: flatMessages(results, dir).filter((m) => m.ruleId === "internal-wording") };
}

describe("matching a term", () => {
  const matches = (term: string, text: string) => [...text.matchAll(compileTerm(term).pattern)].map((m) => m[0]);

  it("finds whole words and phrases, ignoring case and line breaks", () => {
    expect(matches("tier 2", "Ask Tier 2, or tier\n2 again")).toEqual(["Tier 2", "tier\n2"]);
    expect(matches("tier 2", "frontier 2 and tier 20")).toEqual([]);
    expect(matches("Zendesk macro", "the zendesk macros")).toEqual([]);
  });

  it("reads a trailing * as the rest of a word, or a whole word after a sign or a space", () => {
    expect(matches("#*", "post in #billing-escalations, not # or C#sharp or #1")).toEqual(["#billing-escalations"]);
    expect(matches("macro*", "the macro and the macros")).toEqual(["macro", "macros"]);
    expect(matches("Admin > *", "open Admin > Workspaces, not Admin alone")).toEqual(["Admin > Workspaces"]);
  });

  it("treats signs in a term as text, not as a pattern", () => {
    expect(matches("a.b (c)", "a.b (c) and axb (c)")).toEqual(["a.b (c)"]);
  });

  it("stays fast on long runs of near matches", () => {
    const text = `${"#".repeat(50_000)} ${"tier ".repeat(20_000)}${"Admin >> ".repeat(10_000)}${"macr".repeat(10_000)}`;
    // A pattern that backtracked would not finish within the test's timeout.
    for (const term of ["#*", "tier 2", "Admin > *", "macro*"]) expect(matches(term, text).length).toBe(0);
  });
});

describe("placing a use", () => {
  // Each use was placed by reading its text from the start up to it (counting line breaks): a card saying
  // "#a" 300,000 times took `verity lint` 54 s. Each use now costs the same wherever it is.
  it("places 200,000 uses of one long text at their lines and columns in moments", () => {
    const shown = { text: "#a x\n".repeat(200_000), line: 8, column: 3, atStart: false };
    const started = performance.now();
    const places = Array.from({ length: 200_000 }, (_, i) => placeIn(shown, i * 5 + 2));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(places[0]).toEqual({ line: 8, column: 5 });
    expect(places[1]).toEqual({ line: 9, column: 3 });
    expect(places.at(-1)).toEqual({ line: 8 + 199_999, column: 3 });
    expect(placeIn(shown, 5)).toEqual({ line: 9, column: 1 });
    expect(placeIn(shown, 4)).toEqual({ line: 8, column: 7 });
  }, 120_000);
});

describe("the rule on a project", () => {
  it("reports an external card's title, description, body text, inline code and image alt, at their lines", async () => {
    const card = [
      "---",
      "title: Refunds from the escalation queue",
      'description: "What tier 2 does"',
      'owner: "@acme/team"',
      "audience: external",
      "verify_by: 2099-01-01",
      "---",
      "",
      "Ask in `#billing-escalations`.",
      "",
      "Use the **Zendesk macro** then.",
      "",
      "![Admin > Workspaces](shot.png)",
      "",
      "```sh",
      "# comment, and #not-a-channel in code",
      "```",
      "",
    ].join("\n");
    const { code, hits } = await wording({ "content/billing/refunds.md": card, "content/billing/shot.png": "" });
    expect(code).toBe(1);
    expect(hits.map((h) => [h.file, h.line, h.severity])).toEqual([
      ["content/billing/refunds.md", 2, 2],
      ["content/billing/refunds.md", 3, 2],
      ["content/billing/refunds.md", 9, 2],
      ["content/billing/refunds.md", 11, 2],
      ["content/billing/refunds.md", 11, 2],
      ["content/billing/refunds.md", 13, 2],
    ]);
    const body = hits.find((h) => h.line === 9)!;
    expect(body.column).toBe(9);
    expect(body.message).toMatch(/says "#billing-escalations", internal wording \(internalTerms: "#\*"\)/);
    expect(body.message).toMatch(/Move the detail to an internal card/);
  });

  it("reports every other text the page shows: tags, keywords, link and image titles, raw HTML, component props, an included external snippet", async () => {
    const card = [
      "---",
      "title: Refunds",
      'owner: "@acme/team"',
      "audience: external",
      "verify_by: 2099-01-01",
      "tags: [billing, tier 2]",
      "keywords: [escalation queue]",
      "---",
      "",
      'See [the steps](/billing/steps/ "Ask tier 2").',
      "",
      "<p>Escalate to the escalation queue.</p>",
      "",
      '::snippet{name="handoff"}',
      "",
    ].join("\n");
    const snippet = '---\nowner: "@acme/team"\nverify_by: 2099-01-01\naudience: external\n---\n\nAgents use #billing-escalations.\n';
    const { hits } = await wording({
      "content/billing/refunds.md": card,
      "content/billing/steps.md": exampleCard({ audience: "external" }),
      "content/billing/tabs.mdx": exampleCard({ audience: "external" }, '<Callout title="Ask tier 2">Text.</Callout>\n'),
      "content/_snippets/handoff.md": snippet,
    });
    expect(hits.map((h) => [h.file, h.line])).toEqual([
      ["content/billing/refunds.md", 6],
      ["content/billing/refunds.md", 7],
      ["content/billing/refunds.md", 10],
      ["content/billing/refunds.md", 12],
      ["content/billing/refunds.md", 14],
      ["content/billing/tabs.mdx", 8],
    ]);
    expect(hits[0]!.message).toMatch(/card's tag says "tier 2"/);
    expect(hits[1]!.message).toMatch(/card's keyword says "escalation queue"/);
    expect(hits[4]!.message).toMatch(/The snippet content\/_snippets\/handoff\.md:7 included here says "#billing-escalations"/);
  });

  it("reports the title a collection shows customers", async () => {
    const { hits } = await wording({
      "content/releases/_collection.yml": "title: Tier 2 releases\npublicTitle: What is new\n",
      "content/billing/_collection.yml": "title: Billing for tier 2\n",
      "content/releases/new.md": exampleCard({ audience: "external" }),
      "content/billing/new.md": exampleCard({ audience: "external" }),
    });
    expect(hits.map((h) => [h.file, h.line])).toEqual([["content/billing/_collection.yml", 1]]);
    expect(hits[0]!.message).toMatch(/collection's title.*add a publicTitle/);
  });

  it("leaves internal cards and drafts of internal cards alone", async () => {
    const { hits } = await wording({ "content/billing/policy.md": exampleCard({}, "Post in `#billing-escalations` and use the Zendesk macro.\n") });
    expect(hits).toEqual([]);
  });

  it("reports the description a collection shows customers, and asks for a publicDescription", async () => {
    const { hits } = await wording({
      "content/releases/_collection.yml": "title: Releases\ndescription: Feature cards; questions go to the escalation queue.\n",
      "content/releases/new.md": exampleCard({ audience: "external" }),
    });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ file: "content/releases/_collection.yml", line: 2 });
    expect(hits[0]!.message).toMatch(/collection's description.*add a publicDescription/);
  });

  it("accepts a collection whose publicDescription is for customers, and reports one that is not", async () => {
    const clean = await wording({
      "content/releases/_collection.yml": "title: Releases\ndescription: Ask the escalation queue.\npublicDescription: What is new.\n",
      "content/releases/new.md": exampleCard({ audience: "external" }),
    });
    expect(clean.hits).toEqual([]);
    const leaky = await wording({
      "content/releases/_collection.yml": "title: Releases\ndescription: For agents.\npublicDescription: \"Ask in #product-launches.\"\n",
      "content/releases/new.md": exampleCard({ audience: "external" }),
    });
    expect(leaky.hits.map((h) => [h.file, h.line])).toEqual([["content/releases/_collection.yml", 3]]);
    expect(leaky.hits[0]!.message).toMatch(/Reword the publicDescription/);
  });

  it("leaves the description of a collection without external cards alone (the help center does not show it)", async () => {
    const { hits } = await wording({
      "content/escalations/_collection.yml": "title: Escalations\ndescription: \"The escalation queue and #incidents.\"\n",
      "content/escalations/matrix.md": exampleCard(),
    });
    expect(hits).toEqual([]);
  });


  it("reports a word of the synonyms file, which the sites publish with the public cards that use its group", async () => {
    const { code, hits } = await wording({
      "style-guide/synonyms.yml": "- en: [refund, money back]\n- en: [handoff, escalation queue, Zendesk macro]\n  ko: [이관, 티어 2]\n",
      "content/billing/refunds.md": exampleCard({ audience: "external", title: "Refunds and handoff" }),
    });
    expect(code).toBe(1);
    expect(hits.map((h) => [h.file, h.line, h.severity])).toEqual([
      ["style-guide/synonyms.yml", 2, 2],
      ["style-guide/synonyms.yml", 2, 2],
      ["style-guide/synonyms.yml", 2, 2],
    ]);
    expect(hits[0]!.message).toMatch(/en group says "escalation queue", internal wording \(internalTerms: "escalation queue"\).*keywords:/);
    expect(hits.slice(1).map((h) => h.message.match(/internalTerms: "([^"]+)"/)?.[1]).sort()).toEqual(["Zendesk macro", "macro*"]);
  });
  it("reports a changed _collection.yml under lint --changed", async () => {
    const dir = makeProject({
      "verity.config.yml": CONFIG,
      "content/releases/_collection.yml": "title: Releases\ndescription: What is new.\n",
      "content/releases/new.md": exampleCard({ audience: "external" }),
    });
    const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "pipe", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@t" } });
    git("init", "-q", "-b", "main");
    git("add", "-A");
    git("commit", "-qm", "before");
    git("checkout", "-qb", "work");
    writeFileSync(path.join(dir, "content/releases/_collection.yml"), "title: Releases\ndescription: Questions go to the escalation queue.\n");
    git("commit", "-qam", "after");
    const { results } = await lintJson(dir, ["--today", "2027-01-01", "--no-cache", "--changed", "main"]);
    expect(flatMessages(results, dir).filter((m) => m.ruleId === "internal-wording").map((m) => [m.file, m.line])).toEqual([["content/releases/_collection.yml", 2]]);
  });

  it("reports nothing without internalTerms", async () => {
    const dir = makeProject({ "verity.config.yml": "minTrustScore: 0\n", "content/a/card.md": exampleCard({ audience: "external" }, "Post in #billing-escalations.\n") });
    const { results } = await lintJson(dir, ["--today", "2027-01-01", "--no-cache"]);
    expect(flatMessages(results, dir).filter((m) => m.ruleId === "internal-wording")).toEqual([]);
  });

  it("rejects a term with * inside it, with the config line", async () => {
    const dir = makeProject({ "verity.config.yml": 'internalTerms:\n  - "tier *2"\n', "content/a/card.md": exampleCard() });
    const result = await runCli(["lint", "--today", "2027-01-01"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/verity\.config\.yml:2: .*with \* only at its end/);
  });
});

describe("the demo project", () => {
  it("lists internal terms and its public text passes", async () => {
    expect(loadConfig(REPO_ROOT).config.internalTerms).toEqual(expect.arrayContaining(["#*", "macro*", "tier 2", "escalation queue"]));
    const { results } = await lintJson(REPO_ROOT, ["--today", "2026-12-01", "--no-cache"]);
    expect(flatMessages(results, REPO_ROOT).filter((m) => m.ruleId === "internal-wording")).toEqual([]);
  });
});

describe("the rule as a card rule", () => {
  const card = (body: string) => exampleCard({ title: "Refunds", audience: "external" }, body);

  it("gives the same findings from the lint caches after an edit as without them", async () => {
    const dir = makeProject({ "verity.config.yml": CONFIG, "content/a/one.md": card("Ask tier 2.\n"), "content/a/two.md": card("Ask the team.\n") });
    const run = async (extra: string[] = []) => {
      const { results } = await lintJson(dir, ["--today", "2027-01-01", ...extra]);
      return flatMessages(results, dir).filter((m) => m.ruleId === "internal-wording").map((m) => `${m.file}:${m.line}:${m.column}`);
    };
    expect(await run()).toEqual(["content/a/one.md:8:5"]);
    writeFileSync(path.join(dir, "content/a/two.md"), card("Post in #billing.\n"));
    expect(await run()).toEqual(await run(["--no-cache"]));
    expect(await run()).toEqual(["content/a/one.md:8:5", "content/a/two.md:8:9"]);
  });
});
