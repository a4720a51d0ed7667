/** `companion`: both directions of an external answer and its internal notes are checked by lint. */
import { afterAll, describe, expect, it } from "vitest";
import { flatMessages, lintJson, makeProject, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

const card = (audience: string, companion?: string) =>
  `---\ntitle: A card\nowner: "@acme/team"\naudience: ${audience}\nverify_by: 2027-06-01\n${companion ? `companion: ${companion}\n` : ""}---\n\nText.\n`;

async function companionMessages(files: Record<string, string>) {
  const dir = makeProject(files);
  const { code, results } = await lintJson(dir, ["--today", "2026-11-22"]);
  return { code, messages: flatMessages(results, dir).filter((m) => m.ruleId === "companion").map((m) => `${m.file}:${m.line}: ${m.message}`) };
}

describe("companion lint", () => {
  it("accepts an external card and its internal notes that name each other", async () => {
    const { code, messages } = await companionMessages({
      "content/billing/refunds.md": card("external", "billing/refunds-notes"),
      "content/billing/refunds-notes.md": card("internal", "billing/refunds"),
    });
    expect(messages).toEqual([]);
    expect(code).toBe(0);
  });

  it("reports a missing companion, the same audience, and a companion that does not point back, at the companion line", async () => {
    const { code, messages } = await companionMessages({
      "content/billing/missing.md": card("external", "billing/nope"),
      "content/billing/same-a.md": card("external", "billing/same-b"),
      "content/billing/same-b.md": card("external", "billing/same-a"),
      "content/billing/one-way.md": card("external", "billing/notes"),
      "content/billing/notes.md": card("internal"),
    });
    expect(messages).toEqual([
      'content/billing/missing.md:6: The companion "billing/nope" is not a card id. Write the id of an existing card (its id: field, else <collection>/<file name>), or remove the companion line.',
      'content/billing/one-way.md:6: The companion content/billing/notes.md does not point back: it has no companion line. Add "companion: billing/one-way" to its frontmatter.',
      "content/billing/same-a.md:6: The companion content/billing/same-b.md is external too; a companion must be internal. Pair an external answer with its internal notes.",
      "content/billing/same-b.md:6: The companion content/billing/same-a.md is external too; a companion must be internal. Pair an external answer with its internal notes.",
    ]);
    expect(code).toBe(1);
  });
});
