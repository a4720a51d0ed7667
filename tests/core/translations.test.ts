/** Translations are linked cards: every error of the links, with file:line and a fix. */
import { afterAll, describe, expect, it } from "vitest";
import { flatMessages, lintJson, makeProject, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

const card = (fields: Record<string, string>, body = "Body text.\n") =>
  `---\n${Object.entries({ owner: '"@acme/docs"', audience: "external", verify_by: "2027-06-01", ...fields })
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n")}\n---\n\n${body}`;

async function lint(files: Record<string, string>) {
  const dir = makeProject({ "verity.config.yml": "lang: en\n", ...files });
  const { code, results } = await lintJson(dir, ["--today", "2026-12-01"]);
  return { code, messages: flatMessages(results, dir).filter((m) => m.ruleId.startsWith("translation-")) };
}

describe("translation links", () => {
  it("accepts a source with one translation per language", async () => {
    const { code, messages } = await lint({
      "content/billing/refunds.md": card({ title: "Refunds" }),
      "content/billing/refunds-ko.md": card({ title: "환불", lang: "ko", translation_of: "billing/refunds" }),
      "content/billing/refunds-ja.md": card({ title: "返金", lang: "ja", translation_of: "billing/refunds" }),
    });
    expect(messages).toEqual([]);
    expect(code).toBe(0);
  });

  it("refuses two translations in one language, on the second card's translation_of line", async () => {
    const { code, messages } = await lint({
      "content/billing/refunds.md": card({ title: "Refunds" }),
      "content/billing/refunds-ko.md": card({ title: "환불", lang: "ko", translation_of: "billing/refunds" }),
      "content/billing/refunds-ko2.md": card({ title: "환불 2", lang: "ko", translation_of: "billing/refunds" }),
    });
    expect(code).toBe(1);
    expect(messages).toEqual([
      expect.objectContaining({ ruleId: "translation-duplicate", file: "content/billing/refunds-ko2.md", line: 7, severity: 2 }),
    ]);
    expect(messages[0]!.message).toMatch(/content\/billing\/refunds-ko\.md is already the "ko" version/);
  });

  it("refuses a public translation of an internal card (it would leak), at the audience line", async () => {
    const { code, messages } = await lint({
      "content/billing/refunds.md": card({ title: "Refunds", audience: "internal" }),
      "content/billing/refunds-ko.md": card({ title: "환불", lang: "ko", translation_of: "billing/refunds" }),
    });
    expect(code).toBe(1);
    expect(messages).toEqual([expect.objectContaining({ ruleId: "translation-audience", file: "content/billing/refunds-ko.md", line: 3, severity: 2 })]);
    expect(messages[0]!.message).toMatch(/can never be public\. Set audience: internal/);
  });

  it("refuses an internal translation of an external card", async () => {
    const { messages } = await lint({
      "content/billing/refunds.md": card({ title: "Refunds" }),
      "content/billing/refunds-ko.md": card({ title: "환불", lang: "ko", audience: "internal", translation_of: "billing/refunds" }),
    });
    expect(messages.map((m) => m.ruleId)).toEqual(["translation-audience"]);
    // An internal card may hold what only agents may read: the fix that keeps it internal comes first, and
    // publishing it is offered only for a card that says nothing more than its public source.
    const message = messages[0]!.message;
    expect(message).toMatch(/remove translation_of/);
    expect(message.indexOf("remove translation_of")).toBeLessThan(message.indexOf("audience: external"));
    expect(message).toMatch(/only when .* nothing but .* public/);
  });

  it("refuses a missing source, naming the id", async () => {
    const { code, messages } = await lint({
      "content/billing/refunds-ko.md": card({ title: "환불", lang: "ko", translation_of: "billing/refund" }),
    });
    expect(code).toBe(1);
    expect(messages).toEqual([expect.objectContaining({ ruleId: "translation-source", file: "content/billing/refunds-ko.md", line: 7 })]);
    expect(messages[0]!.message).toMatch(/translation_of: billing\/refund names no card/);
  });

  it("refuses a translation of a translation, naming the real source", async () => {
    const { messages } = await lint({
      "content/billing/refunds.md": card({ title: "Refunds" }),
      "content/billing/refunds-ko.md": card({ title: "환불", lang: "ko", translation_of: "billing/refunds" }),
      "content/billing/refunds-ja.md": card({ title: "返金", lang: "ja", translation_of: "billing/refunds-ko" }),
    });
    expect(messages).toEqual([expect.objectContaining({ ruleId: "translation-source", file: "content/billing/refunds-ja.md" })]);
    expect(messages[0]!.message).toMatch(/is itself a translation .*Write translation_of: billing\/refunds/);
  });

  it("refuses a translation in the source's own language", async () => {
    const { messages } = await lint({
      "content/billing/refunds.md": card({ title: "Refunds" }),
      "content/billing/refunds-2.md": card({ title: "Refunds again", translation_of: "billing/refunds" }),
    });
    expect(messages).toEqual([expect.objectContaining({ ruleId: "translation-source", file: "content/billing/refunds-2.md" })]);
    expect(messages[0]!.message).toMatch(/both in "en"/);
  });
});
