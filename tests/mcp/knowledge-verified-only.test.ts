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

  // What a withheld card matches must not stand in the way: the search widens as it would without it, and fills its limit.
  it("widens to other languages when the reader's language has only withheld cards, and fills its limit with served ones", () => {
    const many = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`content/billing/old-${i}.md`, card(`Old ${i}`, "2026-10-01", "The plumvault payout rule, plumvault again and plumvault.")]));
    const dir = makeProject({
      ...many,
      "content/billing/payouts-ko.md": card("Payouts ko", "2027-10-01", "The plumvault payout rule for Korea.", "lang: ko\n"),
      "content/billing/new-0.md": card("New 0", "2027-10-01", "One plumvault payout."),
      "content/billing/new-1.md": card("New 1", "2027-10-01", "One plumvault payout."),
      "content/billing/new-2.md": card("New 2", "2027-10-01", "One plumvault payout."),
      "content/billing/new-3.md": card("New 3", "2027-10-01", "One plumvault payout."),
      "content/account/seats.md": card("Seats", "2026-10-01", "The lemonsky seat rule."),
      "content/account/seats-ko.md": card("Seats ko", "2027-10-01", "The lemonsky seat rule for Korea.", "lang: ko\n"),
    });
    const kb = KnowledgeBase.load({ cwd: dir, root: dir, today: "2026-11-22", site: "internal", verifiedOnly: true });
    const widened = kb.search("lemonsky", { lang: "en" });
    expect(widened.results.map((r) => r.id)).toEqual(["account/seats-ko"]);
    expect(widened.widened).toBe(true);
    // Six withheld cards score above the four served ones: a limit of 4 still gets the four.
    expect(kb.search("plumvault payout", { lang: "en", limit: 4 }).results.map((r) => r.id).sort()).toEqual(["billing/new-0", "billing/new-1", "billing/new-2", "billing/new-3"]);
  });
});
