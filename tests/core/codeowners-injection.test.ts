/** CODEOWNERS injection: a card path or owner must never write a rule that hands other files to someone. */
import { describe, expect, it } from "vitest";
import { afterAll } from "vitest";
import { codeownersPathProblem, renderCodeowners } from "../../src/core/cards/codeowners.ts";
import { flatMessages, lintJson, makeProject, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

const card = (owner = '"@acme/team"') => `---\ntitle: A card\nowner: ${owner}\naudience: internal\nverify_by: 2027-01-01\n---\n\nBody.\n`;
const cardOf = (relPath: string, owner = "@mallory") => ({ relPath, collection: "billing", data: { owner } }) as Parameters<typeof renderCodeowners>[0][number];

describe("card file names CODEOWNERS cannot hold", () => {
  it.each(["*.md", "a\nb.md", "a\tb.md", "#x.md", "!x.md", "[ab].md", "a\\b.md", "a?.md", "a\r.md", "a\u2028b.md"])("refuses %j with a file-name lint error", async (name) => {
    const dir = makeProject({ "content/billing/ok.md": card(), [`content/billing/${name}`]: card() });
    const { code, results } = await lintJson(dir, ["--today", "2026-11-22"]);
    expect(code).toBe(1);
    const found = flatMessages(results, dir).find((m) => m.ruleId === "file-name");
    expect(found?.message).toMatch(/Rename the file/);
  });

  it("never writes a line for such a path, nor for an owner that is not a handle or email", () => {
    const out = renderCodeowners(
      [cardOf("content/billing/*.md"), cardOf("content/billing/x.md\n/src/ @mallory"), cardOf("content/billing/ok.md", "@ok\n/.github/ @mallory"), cardOf("content/billing/fine name.md", "@good")],
      [{ name: "billing", defaults: { owner: "@x /src/" } }],
      "content",
      undefined,
    );
    const rules = out.split("\n").filter((line) => line && !line.startsWith("#"));
    expect(rules).toEqual(["/content/billing/fine\\ name.md @good"]);
  });

  it("a collection default owner with an injected rule is a collection-config error", async () => {
    const dir = makeProject({ "content/billing/_collection.yml": 'title: B\ndefaults:\n  owner: "@a\\n/src/ @mallory"\n', "content/billing/x.md": card() });
    const { results } = await lintJson(dir, ["--today", "2026-11-22"]);
    expect(flatMessages(results, dir).map((m) => m.ruleId)).toContain("collection-config");
  });

  it.each(["a\u00a0@mallory.md", "a\u3000b.md", "a\u2003b.md", "a\u205fb.md", "a\ufeffb.md", "a\u200bb.md"])("refuses the white space or invisible character in %j", (name) => {
    expect(codeownersPathProblem(`content/billing/${name}`)).toMatch(/Rename the file/);
  });

  it("plain names pass", () => {
    expect(codeownersPathProblem("content/billing/refund-a-payment_v2.md")).toBeUndefined();
    expect(codeownersPathProblem("content/billing/환불.md")).toBeUndefined();
  });
});
