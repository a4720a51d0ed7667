/**
 * A translation is its source in another language: the public site never has a translation of a card
 * it does not have (an internal card or a draft), whatever the translation's own audience line says
 * and whatever level `rules:` gives translation-audience. Lint reports it; the sites, the leak check
 * and the public MCP server decide it themselves.
 */
import { afterAll, describe, expect, it } from "vitest";
import { cardsHiddenFromPublic, isOnSite, siteSelectionOf } from "../../src/core/site/audience.ts";
import { loadProject } from "../../src/core/project/project.ts";
import { prepareSites } from "../../src/build/site-data.ts";
import { KnowledgeBase } from "../../src/app/knowledge/knowledge-base.ts";
import { flatMessages, lintJson, makeProject, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

const TODAY = "2026-12-01";
const card = (fields: Record<string, string>, body = "Body text.\n") =>
  `---\n${Object.entries({ owner: '"@acme/docs"', audience: "external", verify_by: "2027-06-01", ...fields })
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n")}\n---\n\n${body}`;

const FILES = {
  "content/billing/refunds.md": card({ title: "Refunds" }, "See [the designer](designer-ko.md) and [the plan](plan-ko.md).\n"),
  // A draft: on neither site. Its translation says external and is not a draft.
  "content/billing/designer.md": card({ title: "Invoice designer", status: "draft" }, "The designer ships next quarter.\n"),
  "content/billing/designer-ko.md": card({ title: "인보이스 디자이너", lang: "ko", translation_of: "billing/designer" }, "디자이너는 다음 분기에 출시됩니다.\n"),
  // An internal card, and a translation of it that says external.
  "content/billing/plan.md": card({ title: "Retention plan", audience: "internal" }, "Offer three months free before a cancellation.\n"),
  "content/billing/plan-ko.md": card({ title: "유지 계획", lang: "ko", translation_of: "billing/plan" }, "해지 전에 3개월 무료를 제안합니다.\n"),
};

/** Loads the project and holds each of `ids` off the public site: not on it, and among the cards hidden from it. */
function expectWithheld(dir: string, ids: readonly string[]) {
  const project = loadProject({ cwd: dir, today: TODAY });
  const selection = siteSelectionOf(project);
  const byId = new Map(project.cards.map((c) => [c.id, c]));
  for (const id of ids) {
    expect({ id, public: isOnSite(byId.get(id)!, "public", selection) }).toEqual({ id, public: false });
    expect(cardsHiddenFromPublic(project.cards, selection)).toContain(byId.get(id));
  }
  return { project, selection, byId };
}

describe("a translation of a card the public site does not have", () => {
  it("is a translation-audience error, a draft source too, at the translation_of line", async () => {
    const dir = makeProject({ "verity.config.yml": "lang: en\n", ...FILES });
    const { code, results } = await lintJson(dir, ["--today", TODAY]);
    expect(code).toBe(1);
    const messages = flatMessages(results, dir).filter((m) => m.ruleId === "translation-audience");
    expect(messages.map((m) => m.file).sort()).toEqual(["content/billing/designer-ko.md", "content/billing/plan-ko.md"]);
    const draft = messages.find((m) => m.file === "content/billing/designer-ko.md")!;
    expect(draft).toMatchObject({ line: 7, severity: 2 });
    expect(draft.message).toMatch(/content\/billing\/designer\.md is a draft/);
  });

  it("is not a translation-audience error when the source is published, or both are drafts", async () => {
    const dir = makeProject({
      "verity.config.yml": "lang: en\n",
      "content/billing/refunds.md": card({ title: "Refunds" }),
      "content/billing/refunds-ko.md": card({ title: "환불", lang: "ko", translation_of: "billing/refunds" }),
      "content/billing/designer.md": card({ title: "Invoice designer", status: "draft" }),
      "content/billing/designer-ko.md": card({ title: "인보이스 디자이너", lang: "ko", status: "draft", translation_of: "billing/designer" }),
    });
    const { results } = await lintJson(dir, ["--today", TODAY]);
    expect(flatMessages(results, dir).filter((m) => m.ruleId.startsWith("translation-"))).toEqual([]);
  });

  it("never reaches the public site, its leak check or public assistants, even with the rule turned off", async () => {
    const dir = makeProject({ "verity.config.yml": "lang: en\nrules:\n  translation-audience: off\n", ...FILES });
    const { project, selection, byId } = expectWithheld(dir, ["billing/designer-ko", "billing/plan-ko"]);
    // The wiki still has the internal card's translation; a published translation of an external card stays public.
    expect(isOnSite(byId.get("billing/plan-ko")!, "internal", selection)).toBe(true);
    expect(isOnSite(byId.get("billing/refunds")!, "public", selection)).toBe(true);

    const sites = prepareSites(project, ["public"], { history: { available: false, reason: "test" }, contentHistory: undefined });
    const site = sites.get("public")!;
    expect(site.cards.map((c) => c.id)).toEqual(["billing/refunds"]);
    expect(site.languages).toEqual(["en"]);
    const refunds = site.cards[0]!;
    expect(refunds.html).not.toMatch(/designer-ko|plan-ko/);
    expect(refunds.markdown).not.toMatch(/designer-ko|plan-ko/);

    const kb = KnowledgeBase.load({ cwd: dir, today: TODAY, site: "public" });
    expect(kb.list().map((c) => c.id)).toEqual(["billing/refunds"]);
    expect(await kb.get("billing/plan-ko")).toBeUndefined();
    expect(await kb.get("인보이스 디자이너")).toBeUndefined();
    expect(kb.search("해지 무료", { lang: "ko" }).results).toEqual([]);
    expect((await kb.get("billing/refunds"))!.markdown).not.toMatch(/designer-ko|plan-ko/);
  });

  it("nor does a translation of such a translation: the chain leads to the hidden card", async () => {
    // plan-ja translates plan-ko, which translates the internal plan: the internal text in a third language.
    const dir = makeProject({
      "verity.config.yml": "lang: en\n",
      ...FILES,
      "content/billing/plan-ja.md": card({ title: "継続プラン", lang: "ja", translation_of: "billing/plan-ko" }, "解約の前に三か月無料を提案します。\n"),
      "content/billing/designer-ja.md": card({ title: "請求書デザイナー", lang: "ja", translation_of: "billing/designer-ko" }, "デザイナーは来四半期に出ます。\n"),
    });
    const { project } = expectWithheld(dir, ["billing/plan-ja", "billing/designer-ja"]);
    const site = prepareSites(project, ["public"], { history: { available: false, reason: "test" }, contentHistory: undefined }).get("public")!;
    expect(site.cards.map((c) => c.id)).toEqual(["billing/refunds"]);
    // verity mcp --site public does not lint: it must leave the chain out itself.
    const kb = KnowledgeBase.load({ cwd: dir, today: TODAY, site: "public" });
    expect(kb.list().map((c) => c.id)).toEqual(["billing/refunds"]);
    expect(await kb.get("billing/plan-ja")).toBeUndefined();
    expect(kb.search("三か月無料", { lang: "ja" }).results).toEqual([]);
  });

  it("nor when an external card claims the hidden card's id: a translation of an id any hidden card holds is withheld", async () => {
    // duplicate-id stops lint and the build, but verity mcp --site public does not lint: the wall must hold without it.
    const dir = makeProject({
      "verity.config.yml": "lang: en\n",
      ...FILES,
      "content/billing/a-decoy.md": card({ title: "Decoy", id: "billing/plan" }, "Nothing here.\n"),
    });
    const project = loadProject({ cwd: dir, today: TODAY });
    const plan = project.cards.find((c) => c.relPath.endsWith("plan-ko.md"))!;
    expect(isOnSite(plan, "public", siteSelectionOf(project))).toBe(false);
    const kb = KnowledgeBase.load({ cwd: dir, today: TODAY, site: "public" });
    expect(kb.list().map((c) => c.id)).not.toContain("billing/plan-ko");
    expect(await kb.get("billing/plan-ko")).toBeUndefined();
    expect(kb.search("해지 무료", { lang: "ko" }).results).toEqual([]);
  });
  it("nor does a translation of an expired card the help center withholds (expiredPublicCards: withhold), on the day it is withheld", async () => {
    const dir = makeProject({
      "verity.config.yml": "lang: en\nexpiredPublicCards: withhold\n",
      "content/billing/refunds.md": card({ title: "Refunds" }),
      "content/billing/legacy.md": card({ title: "Legacy plan", verify_by: "2026-11-01" }, "Legacy refunds go through the manual ledger override.\n"),
      "content/billing/legacy-ko.md": card({ title: "레거시 요금제", lang: "ko", translation_of: "billing/legacy" }, "레거시 환불은 수동 원장 재정의를 거칩니다.\n"),
    });
    expectWithheld(dir, ["billing/legacy", "billing/legacy-ko"]);
    const { project } = expectWithheld(dir, ["billing/legacy-ko"]);
    const site = prepareSites(project, ["public"], { history: { available: false, reason: "test" }, contentHistory: undefined }).get("public")!;
    expect(site.cards.map((c) => c.id)).toEqual(["billing/refunds"]);
    const kb = KnowledgeBase.load({ cwd: dir, today: TODAY, site: "public" });
    expect(kb.list().map((c) => c.id)).toEqual(["billing/refunds"]);
    expect(kb.search("레거시", { lang: "ko" }).results).toEqual([]);
    // Before the source expired both were public; a server running past that day withholds both.
    const before = KnowledgeBase.load({ cwd: dir, today: "2026-10-01", site: "public" });
    expect(before.list().map((c) => c.id).sort()).toEqual(["billing/legacy", "billing/legacy-ko", "billing/refunds"]);
    expect(before.onDay(TODAY as never).list().map((c) => c.id)).toEqual(["billing/refunds"]);
    expect(kb.onDay("2026-10-01" as never).list().map((c) => c.id).sort()).toEqual(["billing/legacy", "billing/legacy-ko", "billing/refunds"]);
  });
  it("lint warns, at translation_of, that a withheld expired source takes its translation off the help center (a warning: 1)", async () => {
    const files = {
      "content/billing/refunds.md": card({ title: "Refunds" }),
      "content/billing/legacy.md": card({ title: "Legacy plan", verify_by: "2026-11-01" }, "Legacy refunds.\n"),
      "content/billing/legacy-ko.md": card({ title: "레거시 요금제", lang: "ko", translation_of: "billing/legacy" }, "레거시 환불.\n"),
    };
    const warned = async (config: string) => {
      const dir = makeProject({ "verity.config.yml": `lang: en\nminTrustScore: 0\n${config}`, ...files });
      const { results } = await lintJson(dir, ["--today", TODAY]);
      return flatMessages(results, dir).filter((m) => m.ruleId === "translation-audience");
    };
    const found = await warned("expiredPublicCards: withhold\n");
    expect(found).toEqual([expect.objectContaining({ file: "content/billing/legacy-ko.md", line: 7, severity: 1 })]);
    expect(found[0]!.message).toMatch(/content\/billing\/legacy\.md.*expired.*withhold/);
    // keep and notice show the expired source, so its translation stays.
    expect(await warned("expiredPublicCards: notice\n")).toEqual([]);
  });
});
