/**
 * `verity mcp --verified-only` withholds expired cards, and with them their translations: a
 * translation is its source's text in another language, as stale as the source, whatever its own
 * verify_by says (the help center's `expiredPublicCards: withhold` does the same).
 */
import { afterAll, describe, expect, it } from "vitest";
import { KnowledgeBase } from "../../src/app/knowledge/knowledge-base.ts";
import type { SiteName } from "../../src/core/site/audience.ts";
import { makeProject, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

const card = (title: string, verifyBy: string, body: string, extra = "") =>
  `---\ntitle: ${title}\nowner: "@acme/x"\naudience: external\nverify_by: ${verifyBy}\n${extra}---\n\n${body}\n`;

const root = makeProject({
  "content/billing/refunds.md": card("Refunds", "2026-10-01", "The quincewindow refund rule."),
  "content/billing/refunds-ko.md": card("Refunds ko", "2027-10-01", "The quincewindow refund rule in Korean.", "lang: ko\ntranslation_of: billing/refunds\n"),
  "content/billing/refunds-ja.md": card("Refunds ja", "2027-10-01", "The quincewindow refund rule in Japanese.", "lang: ja\ntranslation_of: billing/refunds-ko\n"),
  "content/billing/fresh.md": card("Fresh", "2027-10-01", "A fresh quincewindow answer."),
});

describe("--verified-only", () => {
  it.each<SiteName>(["internal", "public"])("on the %s site withholds an expired card's translations, down the chain", async (site) => {
    const kb = KnowledgeBase.load({ cwd: root, root, today: "2026-11-22", site, verifiedOnly: true });
    expect(kb.list().map((c) => c.id)).toEqual(["billing/fresh"]);
    expect(kb.search("quincewindow").results.map((r) => r.id)).toEqual(["billing/fresh"]);
    await expect(kb.get("billing/refunds-ko")).resolves.toBeUndefined();
    await expect(kb.get("Refunds ja")).resolves.toBeUndefined();
    // Without the flag, every card is served with its status.
    const all = KnowledgeBase.load({ cwd: root, root, today: "2026-11-22", site });
    expect(all.list().map((c) => c.id).sort()).toEqual(["billing/fresh", "billing/refunds", "billing/refunds-ja", "billing/refunds-ko"]);
  });
});
