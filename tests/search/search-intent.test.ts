/** What a question asks for (a fix or a setup) and how that reorders the first results (pure: no DOM, no Pagefind). */
import { describe, expect, it } from "vitest";
import { isProblemQuery, namedTags, preferIntentCards, queryIntent, sharesNamedTag, sharesTopic } from "../../src/client/search-intent.ts";

describe("reading a question's intent", () => {
  it("reads negations in the four languages as a problem", () => {
    for (const query of ["webhooks not arriving", "payout didn’t come", "can't log in", "cannot export csv", "웹훅이 안 와요", "결제가 안돼", "로그인 못 해요", "通知が届かない", "ログインできません", "收不到验证码", "无法登录", "發票沒有寄出", "메일이안가요", "인보이스 이메일이 안 가요", "앱이안열려요", "환불이 안 들어와요"]) {
      expect([query, isProblemQuery(query)]).toEqual([query, true]);
    }
  });

  it("reads Hong Kong's Cantonese negations as a problem, but not its \"please\" (`唔該`) or \"sorry\" (`唔好意思`)", () => {
    for (const query of ["個 webhook 唔 work", "客人電郵收唔到張單", "冇收到退款"]) expect([query, isProblemQuery(query)]).toEqual([query, true]);
    for (const query of ["唔該 點樣退款", "唔好意思 點樣開發票"]) expect([query, isProblemQuery(query)]).toEqual([query, false]);
  });

  it("reads a thing said to be disabled, bounced, blocked or locked out as a problem, and the verb that asks to do it as none", () => {
    for (const query of ["webhook endpoint disabled", "invoice email bounced", "blocked by firewall", "locked out of my account"]) expect([query, queryIntent(query)]).toEqual([query, "problem"]);
    expect(queryIntent("how to disable a key")).toBeUndefined();
    for (const query of ["change seats button greyed out", "save button grayed out"]) expect([query, queryIntent(query)]).toEqual([query, "problem"]);
  });

  it("reads a Korean failure reported (`웹훅 전송 실패`) as a problem, and one that might happen (`실패하면`, `실패 시`) as none", () => {
    for (const query of ["웹훅 전송 실패", "동기화 실패했어요"]) expect([query, isProblemQuery(query)]).toEqual([query, true]);
    for (const query of ["결제 실패 시 재시도", "갱신 결제가 실패할 경우"]) expect([query, isProblemQuery(query)]).toEqual([query, false]);
  });

  it("does not read a topic, a failure noun or a setup question as a problem", () => {
    for (const query of ["webhook signature", "automatic retries for failed renewals", "결제 실패하면", "常见问题", "notification settings", "안내", "設定方法", "보안 가이드", "보안가이드"]) {
      expect([query, isProblemQuery(query)]).toEqual([query, false]);
    }
    expect(queryIntent("set up webhooks")).toBe("setup");
    expect(queryIntent("웹훅 설정")).toBe("setup");
    expect(queryIntent("webhooks not arriving after set up")).toBe("problem");
    expect(queryIntent("refund")).toBeUndefined();
  });

  it("reads the Korean, Japanese and Chinese words for an error as a problem, but not an English error code", () => {
    for (const query of ["Okta SSO 로그인 오류", "동기화 에러", "Xero 連携 エラー", "401 错误", "同步報錯"]) expect([query, queryIntent(query)]).toEqual([query, "problem"]);
    expect(queryIntent("what does error 429 mean")).toBeUndefined();
  });
});

describe("putting the card of the intent first", () => {
  const hits = [
    { id: "setup", score: 10 },
    { id: "other", score: 9 },
    { id: "fix", score: 8 },
    { id: "far", score: 2 },
  ];
  const score = (hit: { score: number }) => hit.score;

  it("moves the best card of the intent among the first five to the front when it is on the same topic", () => {
    expect(preferIntentCards(hits, new Set(["fix"]), score).map((h) => h.id)).toEqual(["fix", "setup", "other", "far"]);
  });

  it("leaves the order when that card scores well below the first page, or lies beyond the pages with every word", () => {
    expect(preferIntentCards(hits, new Set(["far"]), score).map((h) => h.id)).toEqual(["setup", "other", "fix", "far"]);
    expect(preferIntentCards(hits, new Set(["fix"]), score, 2).map((h) => h.id)).toEqual(["setup", "other", "fix", "far"]);
    expect(preferIntentCards(hits, new Set(["setup"]), score)).toBe(hits);
  });

  it("moves a card that scores well below the first page when both carry a tag the question names", () => {
    const tagged = new Map([["sso", new Set(["setup", "far"])], ["api", new Set(["other", "far"])]]);
    expect(preferIntentCards(hits, new Set(["far"]), score, undefined, sharesNamedTag(tagged)).map((h) => h.id)).toEqual(["far", "setup", "other", "fix"]);
    // A tag only the intent card carries is no shared topic; nor is the topic a reason to look past the pages with every word.
    const alone = new Map([["api", new Set(["far"])]]);
    expect(preferIntentCards(hits, new Set(["far"]), score, undefined, sharesNamedTag(alone)).map((h) => h.id)).toEqual(["setup", "other", "fix", "far"]);
    expect(preferIntentCards(hits, new Set(["far"]), score, 3, sharesNamedTag(tagged)).map((h) => h.id)).toEqual(["setup", "other", "fix", "far"]);
  });

  it("names the tags of a question's Latin words, singular and plural, after width folding", () => {
    expect(namedTags(["ＳＳＯ", "設定"])).toEqual(["sso", "ssos"]);
    expect(namedTags(["webhooks", "api-keys"])).toEqual(["webhooks", "webhook", "api-keys", "api-key"]);
  });
});

describe("intent wording", () => {
  it("reads \"setting up\" and \"configuration\" as setup, and the colloquial 안옴 as a problem", () => {
    expect(queryIntent("hello, I need help setting up SSO with Okta")).toBe("setup");
    expect(queryIntent("sso configuration")).toBe("setup");
    expect(queryIntent("인보이스 메일 안옴")).toBe("problem");
  });
});

describe("two cards on one topic by their tags", () => {
  it("needs two tags in common, or the single tag of a card that has one: a section's tag alone is no topic", () => {
    expect(sharesTopic(["sso", "saml", "authentication"], ["sso", "saml", "sign-in"])).toBe(true);
    expect(sharesTopic(["api", "api-keys", "authentication"], ["webhooks", "api", "deliveries"])).toBe(false);
    expect(sharesTopic(["api", "webhooks"], ["webhooks", "api", "deliveries"])).toBe(true);
    expect(sharesTopic(["sso"], ["sso", "saml"])).toBe(true);
    expect(sharesTopic([], ["sso"])).toBe(false);
  });
});
