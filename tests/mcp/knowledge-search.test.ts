/**
 * The MCP knowledge base finds a card by what the sites' search finds it by: keywords, tags and
 * synonym groups, a swapped-letter typo, traditional Chinese, and a question in a language none of
 * whose cards covers the subject (through the synonyms file's groups in several languages).
 */
import { afterAll, describe, expect, it } from "vitest";
import { KnowledgeBase } from "../../src/app/knowledge/knowledge-base.ts";
import { makeProject, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

const card = (title: string, lang: string, extra = "", body = "Steps.") =>
  `---\ntitle: ${title}\nowner: "@acme/x"\naudience: external\nverify_by: 2030-01-01\nlang: ${lang}\n${extra}---\n\n${body}\n`;

const SYNONYMS = ["- en: [2FA, two-factor authentication]", "  ko: [2단계 인증, 이중 인증]", "- en: [refund, money back]", "  ko: [환불]", ""].join("\n");

function knowledge(): KnowledgeBase {
  const root = makeProject({
    "content/security/two-factor.md": card("Turn on two-factor authentication", "en", "", "Open Settings, then Security."),
    "content/billing/refund.md": card("Refund a payment", "en", "keywords: [chargeback reversal]\n"),
    "content/billing/refund-ko.md": card("카드 결제 환불하기", "ko", "", "설정에서 환불을 누르세요."),
    "content/start/quick-start-ko.md": card("Lumen 시작하기", "ko", "", "2단계: 팀원을 초대하고 알림을 켜기."),
    "content/start/invite-zh.md": card("邀请团队成员", "zh"),
    "style-guide/synonyms.yml": SYNONYMS,
  });
  return KnowledgeBase.load({ cwd: root, root, today: "2029-01-01", site: "public" });
}

const ids = (kb: KnowledgeBase, query: string) => kb.search(query).results.map((r) => r.id);

describe("knowledge base search", () => {
  it("finds a card by its keywords and by the synonym groups its title uses", () => {
    const kb = knowledge();
    expect(ids(kb, "chargeback reversal")[0]).toBe("billing/refund");
    expect(ids(kb, "money back")[0]).toBe("billing/refund");
    expect(ids(kb, "2FA")[0]).toBe("security/two-factor");
  });

  it("corrects two swapped letters and reads traditional Chinese as simplified", () => {
    const kb = knowledge();
    expect(ids(kb, "refnud")[0]).toBe("billing/refund");
    expect(ids(kb, "邀請團隊成員")[0]).toBe("start/invite-zh");
  });

  it("asks a question about something no card of its language covers of the language whose cards do", () => {
    const kb = knowledge();
    const answer = kb.search("2단계 인증 켜기");
    expect(answer.lang).toBe("ko");
    expect(answer.results.map((r) => r.id)).toContain("security/two-factor");
    expect(answer.results.find((r) => r.id === "security/two-factor")?.otherLanguage).toBe(true);
    expect(answer.widened).toBe(true);
    // A Korean card covers refunds: the question stays in Korean.
    expect(kb.search("환불하려면").results.map((r) => r.id)).toEqual(["billing/refund-ko"]);
  });
});

describe("a card too long for one call's arguments", () => {
  // Each pair of Chinese characters is a search token: a card of 300,000 of them gave 300,000 tokens,
  // gathered with push(...tokens), which overflowed the stack, so `verity mcp` exited with an internal
  // error at start-up and served no card at all.
  it("is indexed, and the other cards are still served", () => {
    const root = makeProject({
      "content/start/invite-zh.md": card("邀请团队成员", "zh"),
      "content/start/long-zh.md": card("很长的卡片", "zh", "", `${"设置选择".repeat(75_000)}。`),
    });
    const kb = KnowledgeBase.load({ cwd: root, root, today: "2029-01-01", site: "public" });
    expect(kb.search("邀请团队成员").results.map((r) => r.id)[0]).toBe("start/invite-zh");
    expect(kb.search("设置选择").results.map((r) => r.id)).toContain("start/long-zh");
  });
});
