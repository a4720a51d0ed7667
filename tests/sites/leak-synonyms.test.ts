/**
 * style-guide/synonyms.yml is shared by every card: the sites publish a group's words with the public
 * cards that use it (each page's hidden search words, the search data). The leak check took every
 * such word for the public card's own text, so an internal card's title inside a longer synonym
 * ("suspected account takeover procedure": lint compares whole titles), or an internal card's
 * sentence written as a synonym, reached the help center's pages and search data with the check
 * excusing it. A synonym word now excuses only what a single word or a tag or heading can be.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exampleCard } from "../../src/core/lint/rule-model.ts";
import { loadProject } from "../../src/core/project/project.ts";
import { prepareSites } from "../../src/build/site-data.ts";
import { deriveLeakModel, scanForLeaks } from "../../src/build/leak-scan.ts";
import { makeProject, makeTempDir, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

const SENTENCE = "Call the fraud desk on the red phone before you unlock anything.";

function leaksWith(synonyms: string, more: Record<string, string> = {}) {
  const dir = makeProject({
    ...more,
    "verity.config.yml": "minTrustScore: 0\n",
    "content/security/takeover.md": exampleCard({ title: "Suspected account takeover", tags: "[identity]" }, `${SENTENCE}\n`),
    "content/help/account.md": exampleCard({ title: "Account security", audience: "external" }, "Protect your account.\n"),
    "style-guide/synonyms.yml": synonyms,
  });
  const project = loadProject({ cwd: dir, today: "2026-11-22" });
  const site = prepareSites(project, ["public"], { history: { available: false, reason: "test" } }).get("public")!;
  const card = site.cards.find((c) => c.id === "help/account")!;
  // The public card's page as the build writes it: its hidden search words beside its text.
  const out = makeTempDir();
  mkdirSync(path.join(out, "help", "account"), { recursive: true });
  writeFileSync(path.join(out, "help", "account", "index.html"), `<main>${card.html}<div hidden>${[...card.searchTerms.strong, ...card.searchTerms.weak].join(" ")}</div></main>`);
  const report = scanForLeaks(out, deriveLeakModel(project, site));
  return { terms: card.searchTerms, kinds: report.findings.map((f) => f.needle?.kind) };
}

describe("synonym words in the leak check", () => {
  it("do not excuse an internal card's title inside a longer synonym", () => {
    const { terms, kinds } = leaksWith("- en: [account security, suspected account takeover procedure]\n");
    expect(terms.strong).toContain("suspected account takeover procedure");
    expect(kinds).toContain("title");
  });

  it("do not excuse an internal card's sentence written as a synonym", () => {
    const { kinds } = leaksWith(`- en: [account security, "${SENTENCE}"]\n`);
    expect(kinds).toContain("body text");
  });

  it("still excuse a short name an internal-only collection also has", () => {
    const { kinds } = leaksWith("- en: [account security, account recovery desk]\n", { "content/desk/_collection.yml": "title: Account recovery desk\ndefaults:\n  audience: internal\n", "content/desk/notes.md": exampleCard({ title: "Desk notes" }) });
    expect(kinds).toEqual([]);
  });

  it("still excuse a single word an internal card also has (its tag), on the page of the card that uses the group", () => {
    const { kinds } = leaksWith("- en: [account security, identity]\n");
    expect(kinds).toEqual([]);
  });
});

describe("the search data's synonym aliases", () => {
  it("are no leak for a word an internal card has as its tag: a group no public card names still searches its words as the word the cards use", () => {
    const dir = makeProject({
      "verity.config.yml": "minTrustScore: 0\n",
      "content/security/takeover.md": exampleCard({ title: "Suspected account takeover", tags: "[escalation]" }, "Internal steps.\n"),
      "content/help/account.md": exampleCard({ title: "Account security", audience: "external" }, "Escalate a problem to us by email.\n"),
      "style-guide/synonyms.yml": "- en: [escalate, escalation]\n- en: [account security, suspected-account-takeover]\n",
    });
    const project = loadProject({ cwd: dir, today: "2026-11-22" });
    const site = prepareSites(project, ["public"], { history: { available: false, reason: "test" } }).get("public")!;
    expect(site.search.languages["en"]!.aliases).toMatchObject({ escalation: "escalate" });
    const out = makeTempDir();
    mkdirSync(path.join(out, "search-data"), { recursive: true });
    writeFileSync(path.join(out, "search-data", "en.json"), JSON.stringify(site.search.languages["en"]));
    const findings = scanForLeaks(out, deriveLeakModel(project, site)).findings;
    expect(findings.map((f) => f.needle?.text)).toEqual([]);
  });

  it("still find an internal card's title written as a synonym no public card names", () => {
    const dir = makeProject({
      "verity.config.yml": "minTrustScore: 0\n",
      "content/security/takeover.md": exampleCard({ title: "Suspected account takeover" }, "Internal steps.\n"),
      "content/help/account.md": exampleCard({ title: "Account security", audience: "external" }, "Protect your account.\n"),
      "style-guide/synonyms.yml": "- en: [protect, suspected-account-takeover]\n",
    });
    const project = loadProject({ cwd: dir, today: "2026-11-22" });
    const site = prepareSites(project, ["public"], { history: { available: false, reason: "test" } }).get("public")!;
    expect(site.search.languages["en"]!.aliases).toMatchObject({ "suspected-account-takeover": "protect" });
    const out = makeTempDir();
    mkdirSync(path.join(out, "search-data"), { recursive: true });
    writeFileSync(path.join(out, "search-data", "en.json"), JSON.stringify(site.search.languages["en"]));
    expect(scanForLeaks(out, deriveLeakModel(project, site)).findings.map((f) => f.needle?.kind)).toEqual(["title"]);
  });

  it("are no leak in another language's words of a group a public card names (the glossary), when an internal card has one as its tag", () => {
    const dir = makeProject({
      "verity.config.yml": "minTrustScore: 0\n",
      "content/security/ko.md": exampleCard({ title: "내부 절차", lang: "ko", tags: "[본인확인절차]" }, "내부 단계.\n"),
      "content/help/2fa.md": exampleCard({ title: "Turn on two-factor authentication", audience: "external" }, "Use an app.\n"),
      "style-guide/synonyms.yml": "- en: [two-factor authentication, 2FA]\n  ko: [2단계 인증, 본인확인절차]\n",
    });
    const project = loadProject({ cwd: dir, today: "2026-11-22" });
    const site = prepareSites(project, ["public"], { history: { available: false, reason: "test" } }).get("public")!;
    expect(JSON.stringify(site.search.glossary)).toContain("본인확인절차");
    const out = makeTempDir();
    mkdirSync(path.join(out, "search-data"), { recursive: true });
    writeFileSync(path.join(out, "search-data", "glossary.json"), JSON.stringify(site.search.glossary));
    expect(scanForLeaks(out, deriveLeakModel(project, site)).findings.map((f) => f.needle?.text)).toEqual([]);
  });
});
