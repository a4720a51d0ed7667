/** The style guide's synonyms file: parsing, the lint check with file:line, and how cards use it. */
import { afterAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parseSynonyms, readEntriesFast } from "../../src/core/site/synonyms.ts";
import { parsePlainYaml } from "../../src/core/cards/yaml-source.ts";
import { crossLanguageQueries, glossaryOf } from "../../src/core/site/glossary.ts";
import { analyseQuery, Vocabulary } from "../../src/client/search-query.ts";
import { buildSearchData, cardSearchTerms, foldingTable, usesWord } from "../../src/build/search-terms.ts";
import { flatMessages, lintJson, makeProject, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

const CARD = "---\ntitle: Turn on two-factor authentication\nowner: \"@a\"\naudience: external\nverify_by: 2027-06-01\n---\n\nUse an app.\n";

describe("synonyms file", () => {
  it("reads a plain file without the yaml package, as the yaml package reads it, positions and problems included", async () => {
    const { createRandom } = await import("../../bench/lib/random.ts");
    const random = createRandom(7);
    const langs = ["en", "ko", "ja", "zh", "EN", "en-GB", "k0r", "1", "en us", "'en'"];
    const words = ["refund", "money back", "2FA", "환불", "'quoted, word'", '"dq"', "~", "null", "12", "''", "a: b", "[x]", "{k: v}", "Refund", "#c", "x # note"];
    const list = () => (random.int(0, 3) === 0 ? `\n${"    - " + random.sample(words, random.int(1, 3)).join("\n    - ")}` : ` [${random.sample(words, random.int(0, 3)).join(", ")}]`);
    let fast = 0;
    for (let i = 0; i < 1500; i++) {
      const lines: string[] = random.int(0, 4) === 0 ? ["# synonyms"] : [];
      for (let entry = random.int(0, 5); entry > 0; entry--) {
        const shape = random.int(0, 9);
        if (shape === 0) lines.push(`- ${random.pick(words)}`);
        else if (shape === 1) lines.push(`- {${random.pick(langs)}: [a, b]}`);
        else random.sample(langs, random.int(1, 3)).forEach((lang, at) => lines.push(`${at === 0 ? "- " : "  "}${lang}:${list()}`));
      }
      const text = `${lines.join("\n")}\n`;
      // Text js-yaml does not take plainly goes to the yaml package either way.
      if (!parsePlainYaml(text)) continue;
      fast++;
      // A comment the fast path's guard declines (a key-like `]:`) and the yaml package skips: the same file, read the slow way.
      const slow = parseSynonyms(`${text}# ]: slow path\n`, "s.yml");
      expect(parseSynonyms(text, "s.yml"), text).toEqual(slow);
    }
    expect(fast).toBeGreaterThan(300);
    // The project's own file is read on the fast path: a lint run does not load the yaml package for it.
    expect(readEntriesFast(readFileSync(new URL("../../style-guide/synonyms.yml", import.meta.url), "utf8"))?.length).toBeGreaterThan(20);
  });

  it("reads one group a line per language", () => {
    const { groups, findings } = parseSynonyms("# groups\n- en: [2FA, MFA]\n- ko: [SSO, 싱글 사인온]\n", "s.yml");
    expect(findings).toEqual([]);
    expect(groups).toEqual([
      { lang: "en", concept: 0, words: ["2FA", "MFA"], line: 2 },
      { lang: "ko", concept: 1, words: ["SSO", "싱글 사인온"], line: 3 },
    ]);
  });

  it("reads a group that goes on in other languages as one entry, each language at its line", () => {
    const { groups, findings } = parseSynonyms("- en: [refund, money back]\n  ko: [환불]\n  ja: [返金]\n- en: [invoice]\n", "s.yml");
    expect(findings).toEqual([]);
    expect(groups).toEqual([
      { lang: "en", concept: 0, words: ["refund", "money back"], line: 1 },
      { lang: "ko", concept: 0, words: ["환불"], line: 2 },
      { lang: "ja", concept: 0, words: ["返金"], line: 3 },
      { lang: "en", concept: 1, words: ["invoice"], line: 4 },
    ]);
    const bad = parseSynonyms("- en: [refund]\n  k0r: [환불]\n  ja: []\n", "s.yml");
    expect(bad.findings.map((f) => [f.line, f.message.slice(0, 30)])).toEqual([
      [2, '"k0r" is not a language tag; s'],
      [3, "The ja group is empty; list at"],
    ]);
    expect(bad.groups.map((g) => g.lang)).toEqual(["en"]);
  });

  it("reports empty groups, a word in two groups of one language and bad lines at their line", () => {
    const { groups, findings } = parseSynonyms("- en: [a, b]\n- en: []\n- en: [c, A]\n- [x]\n- ko: [a]\n- 12x: [d]\n", "s.yml");
    expect(findings.map((f) => [f.line, f.ruleId])).toEqual([[2, "synonyms"], [3, "synonyms"], [4, "synonyms"], [6, "synonyms"]]);
    expect(findings[1]!.message).toMatch(/"A" is already in the en group on line 1/);
    // The same word may be in a group of another language; groups with a problem are left out.
    expect(groups.map((g) => g.line)).toEqual([1, 5]);
  });

  it("reports invalid YAML with its line", () => {
    const { findings } = parseSynonyms("- en: [a, b]\n- en: [c\n", "s.yml");
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]!.message).toMatch(/not valid YAML/);
  });

  it("fails verity lint with file:line when the file is wrong, and passes when it is right", async () => {
    const bad = makeProject({ "content/security/2fa.md": CARD, "style-guide/synonyms.yml": "- en: [2FA, MFA]\n- en: [mfa, multi-factor]\n" });
    const run = await lintJson(bad, ["--today", "2026-11-22"]);
    const hits = flatMessages(run.results, bad).filter((m) => m.ruleId === "synonyms");
    expect(run.code).toBe(1);
    expect(hits).toMatchObject([{ file: "style-guide/synonyms.yml", line: 2, severity: 2 }]);
    const good = makeProject({ "content/security/2fa.md": CARD, "style-guide/synonyms.yml": "- en: [2FA, MFA]\n" });
    const ok = await lintJson(good, ["--today", "2026-11-22"]);
    expect(flatMessages(ok.results, good).filter((m) => m.ruleId === "synonyms")).toEqual([]);
  });
});

describe("search terms of a card", () => {
  const groups = parseSynonyms("- en: [2FA, MFA, two-factor authentication]\n- en: [refund, money back]\n- ko: [웹훅, 웹 훅]\n", "s.yml").groups;

  it("adds the groups its title, tags or keywords use as strong terms, description words as weak ones", () => {
    const terms = cardSearchTerms({ lang: "en", title: "Turn on two-factor authentication", description: "Refunds are not affected.", tags: ["account-security"], keywords: ["login code"], headings: [] }, groups);
    expect(terms.strong).toEqual(expect.arrayContaining(["account-security", "account security", "login code", "2FA", "MFA"]));
    expect(terms.weak).toEqual(["refund", "money back"]);
  });

  it("matches whole words (plural allowed), and Korean regardless of spacing", () => {
    expect(usesWord("Refunds and fees", "refund")).toBe(true);
    expect(usesWord("Refundable deposit", "refund")).toBe(false);
    expect(cardSearchTerms({ lang: "ko", title: "웹훅 설정하기", tags: [], keywords: [], headings: [] }, groups).strong).toEqual(["웹훅", "웹 훅"]);
    expect(cardSearchTerms({ lang: "ja", title: "Refund", tags: [], keywords: [], headings: [] }, groups).strong).toEqual([]);
  });

  it("publishes in the glossary only entries in several languages that a card of the site uses, with the languages of those cards", () => {
    const file = parseSynonyms("- en: [two-factor authentication, 2FA]\n  ko: [2단계 인증]\n- en: [refund]\n  ko: [환불]\n- en: [invoice, bill]\n", "s.yml").groups;
    const card = (lang: string, title: string) => {
      const terms = cardSearchTerms({ lang, title, tags: [], keywords: [], headings: [] }, file);
      return { lang, words: [], han: [], concepts: terms.concepts };
    };
    const { glossary } = buildSearchData([card("en", "Turn on 2FA"), card("en", "Send an invoice"), card("ko", "영수증")], file);
    expect(glossary).toEqual([{ words: { en: ["two-factor authentication", "2fa"], ko: ["2단계 인증"] }, langs: ["en"] }]);
  });

  it("maps a word of a group no card uses to the first word of it the cards' text has, when the vocabulary lacks it", () => {
    const file = parseSynonyms("- en: [3-D Secure, 3DS]\n- en: [American Express, Amex]\n- en: [refund, reimburse]\n- en: [yubikey, FIDO2]\n", "s.yml").groups;
    const cardOf = (title: string, words: string[]) => ({ lang: "en", words, han: [], concepts: cardSearchTerms({ lang: "en", title, tags: [], keywords: [], headings: [] }, file).concepts });
    const data = buildSearchData([cardOf("Card payment declined", ["3d", "secure", "american", "express"]), cardOf("Refund a payment", ["refund"])], file);
    // Refund is a card's title: its group's words are that card's words already. No card has a word of the last group.
    expect(data.languages["en"]!.aliases).toEqual({ "3ds": "3d secure", amex: "american express" });
    expect(new Vocabulary(data.languages["en"]!.words, data.languages["en"]!.aliases).alias("amex")).toEqual(["american", "express"]);
    expect(analyseQuery("amex card", "en", { vocabulary: new Vocabulary(["american", "card", "express"], { amex: "american express" }) }).terms).toEqual(["american", "express", "card"]);
  });

  it("folds only traditional characters whose simplified form the Chinese cards use", () => {
    const fold = foldingTable(new Set("邀请团队"));
    expect(fold).toMatchObject({ 請: "请", 團: "团", 隊: "队" });
    expect(Object.values(fold).every((ch) => "邀请团队".includes(ch))).toBe(true);
    expect(buildSearchData([]).fold).toEqual({});
  });
});

describe("synonyms and the leak check", () => {
  it("counts a public card's synonym words as that card's own text: an internal tag that is also a synonym is excused on its page only", async () => {
    const { loadProject } = await import("../../src/core/project/project.ts");
    const { prepareSites } = await import("../../src/build/site-data.ts");
    const { deriveLeakModel } = await import("../../src/build/leak-scan.ts");
    const internal = "---\ntitle: Verify a caller\nowner: \"@a\"\naudience: internal\nverify_by: 2027-06-01\ntags: [identity]\n---\n\nAsk for the code.\n";
    const files = { "content/security/2fa.md": CARD, "content/policies/verify.md": internal, "style-guide/synonyms.yml": "- en: [two-factor authentication, identity check]\n" };
    const project = loadProject({ cwd: makeProject(files), today: "2026-11-22" });
    const site = prepareSites(project, ["public"], { history: { available: false, reason: "test" } }).get("public")!;
    const card = site.cards.findIndex((c) => c.id === "security/2fa");
    expect(site.cards[card]!.searchTerms.strong.join(" ")).toContain("identity check");
    const model = deriveLeakModel(project, site);
    const key = model.keys.indexOf("identity");
    expect(key).toBeGreaterThanOrEqual(0);
    expect(model.inFull.get(key)?.has(card)).toBe(true);
  });
});

describe("the glossary of each site", () => {
  it("publishes a group in several languages only on the sites that have a card using it: an internal card's group stays off the public site", async () => {
    const { loadProject } = await import("../../src/core/project/project.ts");
    const { prepareSites } = await import("../../src/build/site-data.ts");
    const internal = "---\ntitle: Escalate a chargeback\nowner: \"@a\"\naudience: internal\nverify_by: 2027-06-01\n---\n\nCall risk.\n";
    const synonyms = "- en: [two-factor authentication, 2FA]\n  ko: [2단계 인증]\n- en: [chargeback, dispute]\n  ko: [지불 거절]\n";
    const project = loadProject({ cwd: makeProject({ "content/security/2fa.md": CARD, "content/risk/chargebacks.md": internal, "style-guide/synonyms.yml": synonyms }), today: "2026-11-22" });
    const sites = prepareSites(project, ["public", "internal"], { history: { available: false, reason: "test" } });
    const words = (site: string) => sites.get(site as "public")!.search.glossary.map((entry) => entry.words.en![0]);
    expect(words("public")).toEqual(["two-factor authentication"]);
    expect(words("internal")).toEqual(["two-factor authentication", "chargeback"]);
    expect(JSON.stringify(sites.get("public")!.search)).not.toMatch(/chargeback|지불 거절/);
  });

  it("keeps the file's problem words to the thing they are about, and has the customers' words for what only English cards cover", () => {
    const { groups } = parseSynonyms(readFileSync(new URL("../../style-guide/synonyms.yml", import.meta.url), "utf8"), "synonyms.yml");
    // As on a site whose cards are all in English: every group in several languages is asked of English.
    const glossary = glossaryOf(groups, [...new Set(groups.map((g) => g.concept))].map((concept) => ({ lang: "en", concepts: [concept] })));
    const asked = (query: string, lang: string, fold?: Record<string, string>) => crossLanguageQueries(query, lang, glossary, fold).get("en") ?? "";
    // "Not received" is said of refunds, payouts and webhooks too: only an email or invoice not received is the email's.
    expect(asked("退款还没收到钱", "zh")).not.toContain("not delivered");
    expect(asked("Webhookが届かない", "ja")).not.toContain("not delivered");
    expect(asked("客户收不到发票", "zh")).toContain("not delivered");
    expect(asked("請求書メールが届かない", "ja")).toContain("not delivered");
    expect(asked("发票邮件收不到", "zh")).toContain("not delivered");
    expect(asked("請求書メール 届かない", "ja")).toContain("not delivered");
    expect(asked("匯出資料", "zh", { 匯: "汇" })).toContain("export");
    expect(asked("웹훅 서명 검증", "ko")).toContain("signature");
    // 서명 alone is also the Korean webhook card's "서명 시크릿" (signing secret): that question stays with it.
    expect(asked("서명 시크릿이 뭐예요", "ko")).not.toContain("signature");
    expect(asked("API 요청 제한", "ko")).toContain("rate limit");
    expect(asked("앱 설치", "ko")).toContain("mobile app");
    // The longer word names the thing: an authenticator app is 2FA's, not the mobile app's.
    expect(asked("인증 앱", "ko")).toBe("2fa");
  });

  it("has developers' words in the four languages: recovery codes, idempotency keys, pagination", () => {
    const { groups } = parseSynonyms(readFileSync(new URL("../../style-guide/synonyms.yml", import.meta.url), "utf8"), "synonyms.yml");
    const glossary = glossaryOf(groups, [...new Set(groups.map((g) => g.concept))].map((concept) => ({ lang: "en", concepts: [concept] })));
    const asked = (query: string, lang: string) => crossLanguageQueries(query, lang, glossary).get("en") ?? "";
    expect(asked("복구 코드 분실", "ko")).toBe("2fa");
    expect(asked("リカバリーコード なくした", "ja")).toBe("2fa");
    expect(asked("幂等键", "zh")).toContain("idempotency");
    expect(asked("멱등 키", "ko")).toContain("idempotency");
    const paging = groups.find((g) => g.lang === "en" && g.words.includes("pagination"));
    expect(paging?.words).toEqual(expect.arrayContaining(["starting_after", "has_more"]));
  });

  it("has the words of other products' and British readers for seats and 2FA, on the cards about them", () => {
    const { groups } = parseSynonyms(readFileSync(new URL("../../style-guide/synonyms.yml", import.meta.url), "utf8"), "synonyms.yml");
    const on = (card: { title: string; description?: string; tags?: string[]; headings?: string[] }) => {
      const terms = cardSearchTerms({ lang: "en", tags: [], keywords: [], headings: [], ...card }, groups);
      return [...terms.strong, ...terms.weak].map((word) => word.toLowerCase());
    };
    // Google Workspace's "2-Step Verification"; Microsoft 365's licenses, bought as seats are.
    expect(on({ title: "Turn on two-factor authentication" })).toContain("2-step verification");
    const seats = on({ title: "Manage seats", description: "Add or remove paid seats on your Lumen plan and see how seat changes appear on your next bill." });
    expect(seats).toEqual(expect.arrayContaining(["license", "licence", "buy seats"]));
    // A licence is a paid seat, bought on the seat card: not on every card tagged with seats (`licence seats for my team` found the invite card).
    const invite = on({ title: "Invite your team", description: "Invite colleagues to your workspace.", tags: ["onboarding", "seats", "roles"] });
    expect(invite).toContain("seat");
    expect(invite).not.toContain("license");
    expect(invite).not.toContain("buy seats");
  });
});

