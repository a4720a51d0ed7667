/** Query understanding of the search client (pure: no DOM, no Pagefind). */
import { describe, expect, it } from "vitest";
import { analyseQuery, chineseWords, MAX_QUERY_WORDS, languageOrder, normaliseQuery, queryScript, relaxedTerms, sameStemWord, splitJoined, splitKorean, splitScripts, stripKoreanEnding, Vocabulary } from "../../src/client/search-query.ts";
import { crossingOrder, crossLanguageQueries, englishNames, type GlossaryEntry } from "../../src/core/site/glossary.ts";
import { queryIntent } from "../../src/client/search-intent.ts";

const EN = new Vocabulary(["api", "card", "customer", "customers", "declined", "do_not_honor", "honor", "key", "quickbooks", "refund", "refunds", "rotate", "seat", "xero", "insufficient_funds", "data", "export"].sort());
const KO = new Vocabulary(["결제", "등록", "사업자등록번호", "설정", "웹훅", "환불", "초대", "팀원", "방법"].sort());
const AVAILABLE = { en: 28, ko: 8, zh: 2, ja: 2 };

describe("language order", () => {
  it("follows the query's script, then the page language, then the larger indexes", () => {
    expect(queryScript("환불")).toBe("ko");
    expect(queryScript("APIキー")).toBe("ja");
    expect(queryScript("邀请团队成员")).toBe("zh");
    expect(queryScript("refund")).toBe("latin");
    expect(languageOrder("환불", "en", AVAILABLE)).toEqual(["ko", "en", "ja", "zh"]);
    expect(languageOrder("refund", "en", AVAILABLE)).toEqual(["en", "ko", "ja", "zh"]);
    expect(languageOrder("SSO", "ko", AVAILABLE)).toEqual(["ko", "en", "ja", "zh"]);
    expect(languageOrder("拒否", "en", AVAILABLE).slice(0, 2)).toEqual(["zh", "ja"]);
    expect(languageOrder("拒否", "ja", AVAILABLE).slice(0, 2)).toEqual(["ja", "zh"]);
    expect(languageOrder("refund", "fr", { en: 3 })).toEqual(["en"]);
  });
});

describe("analyseQuery", () => {
  it("reads words the cards join by _ as that code, stop words and all", () => {
    expect(analyseQuery("do not honor", "en", { vocabulary: EN }).terms).toEqual(["do_not_honor"]);
    expect(analyseQuery("card declined do not honor", "en", { vocabulary: EN }).terms).toEqual(["card", "declined", "do_not_honor"]);
    expect(analyseQuery("not honor", "en", { vocabulary: EN }).terms).toEqual(["honor"]);
  });

  it("drops question words but keeps a query made only of them", () => {
    expect(analyseQuery("How do I refund a customer?", "en", { vocabulary: EN }).terms).toEqual(["refund", "customer"]);
    expect(analyseQuery("why was my customer's card declined", "en", { vocabulary: EN }).terms).toEqual(["customer", "card", "declined"]);
    expect(analyseQuery("how", "en").terms).toEqual(["how"]);
  });

  it("drops `mean` from a question asking what something means: the decline card's \"What it means\" led for `what does dunning mean`", () => {
    const vocabulary = new Vocabulary(["declined", "dunning", "mean", "means"]);
    expect(analyseQuery("what does dunning mean", "en", { vocabulary }).terms).toEqual(["dunning"]);
    expect(analyseQuery("what does declined means", "en", { vocabulary }).terms).toEqual(["declined"]);
  });

  it("drops pronouns and the verbs that only carry another word (make someone the owner, goes to spam)", () => {
    // "make" is in no card about ownership, and every word must match: the card about transferring it was left out.
    const vocabulary = new Vocabulary(["back", "client", "make", "money", "owner", "their"].sort());
    expect(analyseQuery("make someone else the owner", "en", { vocabulary }).terms).toEqual(["owner"]);
    expect(analyseQuery("my client wants their money back", "en", { vocabulary }).terms).toEqual(["client", "money", "back"]);
    // Every card says "Go to Settings": "go" matched them all, and "goes" none.
    expect(analyseQuery("invoice goes to spam", "en", { vocabulary: new Vocabulary(["go", "goes", "invoice", "spam"]) }).terms).toEqual(["invoice", "spam"]);
  });

  it("drops how much, how many and how long instead of correcting them to another word", () => {
    // No card says "much": it was corrected to "such", which half the cards use.
    const vocabulary = new Vocabulary(["add", "card", "cost", "extra", "long", "more", "refund", "seat", "seats", "such", "take"].sort());
    expect(analyseQuery("how much does an extra seat cost", "en", { vocabulary }).terms).toEqual(["extra", "seat", "cost"]);
    expect(analyseQuery("how many seats", "en", { vocabulary }).terms).toEqual(["seats"]);
    expect(analyseQuery("add more seats", "en", { vocabulary }).terms).toEqual(["add", "seats"]);
    expect(analyseQuery("how long does a refund take", "en", { vocabulary }).terms).toEqual(["refund"]);
    expect(analyseQuery("long card", "en", { vocabulary }).terms).toEqual(["long", "card"]);
  });

  it("corrects a typo to the closest indexed word, a swap of two letters counting as one", () => {
    const refnud = analyseQuery("refnud", "en", { vocabulary: EN });
    expect(refnud.terms).toEqual(["refund"]);
    expect(refnud.corrections).toEqual([{ from: "refnud", to: "refund" }]);
    expect(analyseQuery("quikbooks", "en", { vocabulary: EN }).terms).toEqual(["quickbooks"]);
    expect(analyseQuery("xeor", "en", { vocabulary: EN }).terms).toEqual(["xero"]);
  });

  it("leaves out a word no card uses instead of letting its prefix match, and suggests close words", () => {
    const result = analyseQuery("goodwill refund", "en", { vocabulary: EN });
    expect(result.terms).toEqual(["refund"]);
    expect(result.unknown).toEqual(["goodwill"]);
    expect(analyseQuery("refnud policy", "en", { vocabulary: EN, correct: false }).terms).toEqual([]);
  });

  it("keeps known words with endings, error codes and hyphenated tags", () => {
    expect(analyseQuery("refunding", "en", { vocabulary: EN }).terms).toEqual(["refunding"]);
    expect(analyseQuery("insufficient_funds", "en", { vocabulary: EN }).terms).toEqual(["insufficient_funds"]);
    expect(analyseQuery("data-export", "en", { vocabulary: EN }).terms).toEqual(["data-export"]);
  });

  it("searches the word the cards use for a form of it whose stem Pagefind would not match, before correcting typos", () => {
    const vocabulary = new Vocabulary(["arrive", "invoice", "modified", "notification", "notifications", "paid", "permissions", "refund"].sort());
    // "notified" was 2 edits from "modified" and 5 from "notification": it was left out, and the notifications card with it.
    expect(sameStemWord("notified", vocabulary)).toBe("notification");
    expect(analyseQuery("get notified when an invoice is paid", "en", { vocabulary }).terms).toEqual(["notification", "invoice", "paid"]);
    expect(analyseQuery("webhooks arriving", "en", { vocabulary }).terms).toContain("arrive");
    // A typo has no long enough start in common with a word: it is corrected by edit distance.
    expect(sameStemWord("refnud", vocabulary)).toBeUndefined();
    expect(analyseQuery("permisions", "en", { vocabulary }).terms).toEqual(["permissions"]);
    // Short words, and words only the same in their first four letters, are not read as the same word.
    expect(sameStemWord("notify", new Vocabulary(["notion"]))).toBeUndefined();
    expect(sameStemWord("refunds", new Vocabulary(["refuse"]))).toBeUndefined();
    expect(analyseQuery("notified", "en", { vocabulary, correct: false }).terms).toEqual([]);
    // An -ing verb that drops its `e` searches the cards' form of it, not the nearest spelling ("leaving" was "meaning").
    const leaves = new Vocabulary(["company", "leaves", "meaning"]);
    expect(analyseQuery("leaving the company", "en", { vocabulary: leaves }).terms).toEqual(["leaves", "company"]);
  });

  it("leaves out what a phone or a non-native reader types around the question", () => {
    const vocabulary = new Vocabulary(["body", "cancel", "first", "password", "payout", "subscription", "take", "team", "week"].sort());
    expect(analyseQuery("how 2 cancel sub pls", "en", { vocabulary }).terms).toEqual(["cancel", "sub"]);
    expect(analyseQuery("make sure nobody on the team logs in w just a password", "en", { vocabulary }).terms).not.toContain("body");
    // A duration after a duration verb says how long, not what.
    expect(analyseQuery("my first payout is taking a week", "en", { vocabulary }).terms).toEqual(["first", "payout"]);
    expect(analyseQuery("first payout taking ages", "en", { vocabulary }).terms).toEqual(["first", "payout"]);
  });

  it("cuts a word where Latin letters meet Han or kana, so each run is searched on its own", () => {
    expect(splitScripts("连接xero")).toEqual(["连接", "xero"]);
    expect(splitScripts("xero連携")).toEqual(["xero", "連携"]);
    // A particle left at the start of the cut-off run ties it to the Latin word; it is no word of its own.
    expect(splitScripts("webhookの署名検証")).toEqual(["webhook", "署名検証"]);
    expect(splitScripts("apiキー")).toEqual(["api", "キー"]);
    expect(splitScripts("sso로")).toEqual(["sso로"]);
    expect(splitScripts("退款")).toEqual(["退款"]);
    expect(analyseQuery("连接Xero", "zh").terms).toEqual(["连接", "xero"]);
    // A one-character joiner cut from a Latin word is no word of its own: `和Xero同步` is "sync with Xero".
    expect(splitScripts("和xero同步")).toEqual(["xero", "同步"]);
  });

  it("strips Korean particles and verb endings to a stem the cards use, and question words", () => {
    expect(stripKoreanEnding("환불하려면", KO)).toBe("환불");
    expect(stripKoreanEnding("팀원을", KO)).toBe("팀원");
    expect(stripKoreanEnding("웹훅", KO)).toBe("웹훅");
    expect(analyseQuery("환불하려면 어떻게 해야 하나요", "ko", { vocabulary: KO }).terms).toEqual(["환불"]);
    expect(analyseQuery("팀원을 초대하려면", "ko", { vocabulary: KO }).terms).toEqual(["팀원", "초대"]);
    // A past adjective ending (`결제한`), and the casual verbs and `거` that name nothing.
    expect(stripKoreanEnding("결제한", KO)).toBe("결제");
    expect(analyseQuery("환불 받은 거 얼마나 걸리나요", "ko", { vocabulary: KO }).terms).not.toContain("거");
  });

  it("searches the stem when a card also writes the word with its particle, so every card with the stem matches", () => {
    // The index holds `권한을` because one card writes it; searching it would miss the card titled `권한`.
    const vocabulary = new Vocabulary(["관리자", "권한", "권한을", "주소", "추가", "한", "키"].sort());
    expect(stripKoreanEnding("권한을", vocabulary)).toBe("권한");
    expect(stripKoreanEnding("추가", vocabulary)).toBe("추가");
    expect(stripKoreanEnding("키를", vocabulary)).toBe("키");
    // A one-syllable stem that is no word is only the start of others (`주` of `주소`): the word is left out instead.
    expect(stripKoreanEnding("주려면", vocabulary)).toBe("주려면");
    const result = analyseQuery("관리자 권한을 주려면", "ko", { vocabulary });
    expect(result.terms).toEqual(["관리자", "권한"]);
    expect(result.unknown).toEqual(["주려면"]);
  });

  it("joins or splits Korean compounds to the spelling the cards use", () => {
    expect(analyseQuery("사업자 등록 번호", "ko", { vocabulary: KO }).terms).toEqual(["사업자등록번호"]);
    expect(analyseQuery("웹훅설정", "ko", { vocabulary: KO }).terms).toEqual(["웹훅", "설정"]);
  });

  it("folds traditional Chinese and strips Chinese and Japanese question words", () => {
    const fold = { 請: "请", 團: "团", 隊: "队", 員: "员" };
    expect(normaliseQuery("邀請團隊", fold)).toBe("邀请团队");
    expect(analyseQuery("如何邀請團隊成員", "zh", { fold }).terms).toEqual(["邀请团队成员"]);
    expect(analyseQuery("APIキーの作り方", "ja").terms).toEqual(["api", "キー"]);
    expect(analyseQuery("カード決済が拒否されるのはなぜですか", "ja").terms).toEqual(["カード決済が拒否される"]);
    // "How much is the fee": 是多少 is no part of the word asked about.
    expect(analyseQuery("手续费是多少", "zh").terms).toEqual(["手续费"]);
    // Traditional question words whose characters no Chinese card uses, so the folding table leaves them.
    expect(analyseQuery("信用卡付款被拒絕怎麼辦", "zh", { fold: { 絕: "绝" } }).terms).toEqual(["信用卡付款被拒绝"]);
  });

  it("splits CJK phrases at particles for the retry with fewer words", () => {
    expect(relaxedTerms(["カード決済が拒否される"], "ja")).toEqual(["カード決済", "拒否"]);
    expect(relaxedTerms(["refund", "customer"], "en")).toEqual(["refund", "customer"]);
  });
});

describe("questions across languages", () => {
  const glossary: GlossaryEntry[] = [
    { words: { en: ["2fa", "two-factor authentication"], ko: ["2단계 인증", "이중 인증"], zh: ["双重验证"] }, langs: ["en"] },
    { words: { en: ["refund", "money back"], ko: ["환불"], ja: ["返金"] }, langs: ["en", "ko"] },
    { words: { en: ["api key"], ko: ["api 키"] }, langs: ["en"] },
    { words: { en: ["key rotation"], ko: ["키"] }, langs: ["en"] },
  ];

  it("asks the languages whose cards cover what the question names, in their preferred words", () => {
    expect(crossLanguageQueries("2단계 인증 켜기", "ko", glossary)).toEqual(new Map([["en", "2fa"]]));
    expect(crossLanguageQueries("이중인증은 어떻게 켜나요", "ko", glossary)).toEqual(new Map([["en", "2fa"]]));
    expect(crossLanguageQueries("返金する方法", "ja", glossary)).toEqual(new Map([["en", "refund"], ["ko", "환불"]]));
    expect(crossLanguageQueries("雙重驗證", "zh", glossary, { 雙: "双", 驗: "验", 證: "证" })).toEqual(new Map([["en", "2fa"]]));
  });

  it("asks nothing when a card of the question's language covers it, or the question names nothing of the glossary", () => {
    expect(crossLanguageQueries("환불하려면", "ko", glossary).size).toBe(0);
    expect(crossLanguageQueries("refund", "en", glossary).size).toBe(0);
    expect(crossLanguageQueries("웹훅 설정", "ko", glossary).size).toBe(0);
    // Whole words in Latin script: "2fas" is a plural, "x2fa" is another word.
    expect(crossLanguageQueries("x2fa", "ko", glossary).size).toBe(0);
  });

  it("asks about what a card of the question's language covers too when told to (few of its cards answer)", () => {
    expect(crossLanguageQueries("환불하려면", "ko", glossary, undefined, true)).toEqual(new Map([["en", "refund"]]));
    expect(crossLanguageQueries("返金する方法", "ja", glossary, undefined, true)).toEqual(new Map([["en", "refund"], ["ko", "환불"]]));
    // Only the languages whose cards use the entry: no Japanese card is about refunds.
    expect(crossLanguageQueries("refund", "en", glossary, undefined, true)).toEqual(new Map([["ko", "환불"]]));
  });

  it("names a question's things in English whichever languages cover them, for the topic tags of a problem question", () => {
    // A Korean card covers refunds, so nothing is asked of English, but the question still names "refund" (tag `refunds`).
    expect(englishNames("환불 오류", "ko", glossary)).toEqual(["refund"]);
    expect(englishNames("2단계 인증이 안 돼요", "ko", glossary)).toEqual(["2fa"]);
    expect(englishNames("API 키 오류", "ko", glossary)).toEqual(["api key"]);
    expect(englishNames("refund error", "en", glossary)).toEqual([]);
    expect(englishNames("로그인 오류", "ko", glossary)).toEqual([]);
  });

  it("reads a Japanese phrase of the glossary whatever particle joins its words", () => {
    const delivery: GlossaryEntry[] = [{ words: { en: ["not delivered"], ja: ["メールが届かない", "迷惑メール"] }, langs: ["en"] }];
    for (const query of ["請求書がメールで届かない", "メール届かない", "請求書のメールも届かない"]) {
      expect([query, crossLanguageQueries(query, "ja", delivery)]).toEqual([query, new Map([["en", "not delivered"]])]);
    }
    // Only Japanese, and only the particles: another verb is another thing.
    expect(crossLanguageQueries("メールが送れない", "ja", delivery).size).toBe(0);
  });

  it("reads an English word written against Chinese or Japanese as a word, in the English words too", () => {
    const webhooks: GlossaryEntry[] = [{ words: { en: ["webhook"], ko: ["웹훅"], zh: ["网络钩子"], ja: ["ウェブフック", "webhook"] }, langs: ["en", "ko"] }];
    expect(crossLanguageQueries("webhook设置", "zh", webhooks)).toEqual(new Map([["en", "webhook"], ["ko", "웹훅"]]));
    expect(crossLanguageQueries("Webhooksの設定", "ja", webhooks)).toEqual(new Map([["en", "webhook"], ["ko", "웹훅"]]));
    expect(crossLanguageQueries("웹훅 webhook", "ko", webhooks).size).toBe(0);
    expect(crossLanguageQueries("xwebhook设置", "zh", webhooks).size).toBe(0);
    expect(crossLanguageQueries("webhookx设置", "zh", webhooks).size).toBe(0);
  });

  it("reads Han without kana as possibly Japanese when no Chinese or Japanese card covers what it names", () => {
    const glossary2: GlossaryEntry[] = [
      { words: { en: ["2fa"], zh: ["双重验证"], ja: ["二段階認証"] }, langs: ["en"] },
      { words: { en: ["declined"], zh: ["拒绝"], ja: ["拒否"] }, langs: ["en", "ja"] },
    ];
    expect(crossLanguageQueries("二段階認証", "zh", glossary2, { 認: "认", 証: "证", 階: "阶" })).toEqual(new Map([["en", "2fa"]]));
    // A Japanese card covers it: the Japanese index answers when the Chinese finds nothing.
    expect(crossLanguageQueries("拒否", "zh", glossary2).size).toBe(0);
  });

  it("asks the other languages for a Japanese word read as Chinese even when a Chinese card covers the thing", () => {
    // `返金` is Japanese for a refund; the Chinese card says 退款, so the Chinese index found nothing and nobody else was asked.
    const refunds: GlossaryEntry[] = [{ words: { en: ["refund"], ko: ["환불"], zh: ["退款"], ja: ["返金"] }, langs: ["en", "ko", "zh"] }];
    expect(crossLanguageQueries("返金方法", "zh", refunds)).toEqual(new Map([["en", "refund"], ["ko", "환불"]]));
    expect(crossLanguageQueries("退款方法", "zh", refunds).size).toBe(0);
  });

  it("reads a word inside a longer word of the question as part of it", () => {
    expect(crossLanguageQueries("API 키 발급", "ko", glossary)).toEqual(new Map([["en", "api key"]]));
  });

  it("lets English answer before Japanese a Chinese question that names its thing in a Chinese word", () => {
    const declined: GlossaryEntry[] = [{ words: { en: ["declined"], zh: ["拒绝"], ja: ["拒否"] }, langs: ["en", "ja"] }];
    expect(crossingOrder(["zh", "ja", "en", "ko"], "zh", "信用卡付款被拒绝了", declined)).toEqual(["zh", "en", "ko", "ja"]);
    // Han that may be Japanese (拒否 is no Chinese word) keeps the Japanese index second.
    expect(crossingOrder(["zh", "ja", "en", "ko"], "zh", "カード拒否", declined)).toEqual(["zh", "ja", "en", "ko"]);
    expect(crossingOrder(["zh", "ja", "en", "ko"], "zh", "拒否", declined)).toEqual(["zh", "ja", "en", "ko"]);
  });
});

describe("words written without the spaces between them", () => {
  const JOINED = new Vocabulary(["on", "owner", "ownership", "sign", "signature", "signon", "single", "transfer", "webhook", "webhooks"].sort());
  const KOREAN = new Vocabulary(["웹훅", "이벤트", "이벤트를", "테스트", "환불", "환불은"].sort());

  it("cuts an English word no card uses into the words the cards use, two if two will do", () => {
    expect(splitJoined("webhooksignature", JOINED)).toEqual({ words: ["webhook", "signature"] });
    expect(splitJoined("singlesignon", JOINED)).toEqual({ words: ["single", "signon"] });
    expect(analyseQuery("transferownership", "en", { vocabulary: JOINED }).terms).toEqual(["transfer", "ownership"]);
    // Parts of fewer than three letters and words the cards do not use are not cut.
    expect(splitJoined("signon", new Vocabulary(["on", "sign"]))).toBeUndefined();
    expect(splitJoined("webhookzzz", JOINED)).toBeUndefined();
    // Not when widening to another language (no correction there either).
    expect(analyseQuery("webhooksignature", "en", { vocabulary: JOINED, correct: false }).terms).toEqual([]);
  });

  it("leaves out the parts of a cut word that are stop words: `anymore` is no subject", () => {
    const vocabulary = new Vocabulary(["any", "company", "more", "sign"].sort());
    expect(analyseQuery("sign in company anymore", "en", { vocabulary }).terms).toEqual(["sign", "company"]);
  });

  it("reads `log in` as the one word the cards write, not the API log", () => {
    const vocabulary = new Vocabulary(["log", "login", "logs", "phone", "sign", "signin"].sort());
    expect(analyseQuery("phone broke can't log in", "en", { vocabulary }).terms).toEqual(["phone", "login"]);
    expect(analyseQuery("sign in", "en", { vocabulary }).terms).toEqual(["sign"]);
    expect(analyseQuery("log in", "en", { vocabulary: new Vocabulary(["log"]) }).terms).toEqual(["log"]);
    // `sign up` is signing up where the cards write `signup`, not the `sign` of signing in.
    expect(analyseQuery("sign up for a new workspace", "en", { vocabulary: new Vocabulary(["sign", "signup", "up", "workspace"]) }).terms).toEqual(["signup", "workspace"]);
    expect(analyseQuery("sign up", "en", { vocabulary: new Vocabulary(["sign", "up"]) }).terms).toEqual(["sign", "up"]);
  });

  it("leaves out what only asks how long or says something appears, unless nothing else is left", () => {
    const vocabulary = new Vocabulary(["card", "have", "refund", "show", "take", "up"]);
    expect(analyseQuery("how long does a refund take to show up on the card", "en", { vocabulary }).terms).toEqual(["refund", "card"]);
    expect(analyseQuery("how long until the refund shows up", "en", { vocabulary }).terms).toEqual(["refund"]);
    expect(analyseQuery("how long do I have to refund?", "en", { vocabulary }).terms).toEqual(["refund"]);
    // "take" names nothing only in a "how long" question; a phrase left alone is searched as it is.
    expect(analyseQuery("take a card", "en", { vocabulary }).terms).toEqual(["take", "card"]);
    expect(analyseQuery("show up", "en", { vocabulary }).terms).toEqual(["show", "up"]);
  });

  it("leaves out what a formal Korean question asks (~습니까, how many, within when, the difference), under a particle too", () => {
    const vocabulary = new Vocabulary(["결제", "관리자", "번", "부분", "웹훅", "재시도", "차이", "카드", "환불"].sort());
    expect(analyseQuery("부분 환불도 가능합니까?", "ko", { vocabulary }).terms).toEqual(["부분", "환불"]);
    expect(analyseQuery("웹훅 재시도는 몇 번까지 합니까", "ko", { vocabulary }).terms).toEqual(["웹훅", "재시도"]);
    expect(analyseQuery("환불은 며칠 안에 카드로 들어옵니까", "ko", { vocabulary }).terms).toEqual(["환불", "카드"]);
    expect(analyseQuery("관리자와 결제 관리자의 차이가 무엇입니까", "ko", { vocabulary }).terms).toEqual(["관리자", "결제", "관리자"]);
    // Kept when nothing else is left.
    expect(analyseQuery("차이가", "ko", { vocabulary }).terms).toEqual(["차이"]);
    // "how late" asks when, as "how long" does.
    expect(analyseQuery("How late can I refund a payment?", "en", { vocabulary: new Vocabulary(["late", "payment", "refund"]) }).terms).toEqual(["refund", "payment"]);
  });

  it("leaves out when a reader says something happened: `a week later`, `3 days ago`", () => {
    const vocabulary = new Vocabulary(["3", "days", "payout", "refund", "week", "weekly"]);
    expect(analyseQuery("still no refund a week later", "en", { vocabulary }).terms).toEqual(["refund"]);
    expect(analyseQuery("payout 3 days ago", "en", { vocabulary }).terms).toEqual(["payout"]);
    // A unit that is not a time told names what it says.
    expect(analyseQuery("weekly payout", "en", { vocabulary }).terms).toEqual(["weekly", "payout"]);
    expect(analyseQuery("refund week", "en", { vocabulary }).terms).toEqual(["refund", "week"]);
  });

  it("leaves out a time named by `last`, `this` or `next` before its unit: `a payment from last year`", () => {
    const vocabulary = new Vocabulary(["4", "digits", "last", "month", "payment", "payout", "refund", "year"]);
    expect(analyseQuery("refund a payment from last year", "en", { vocabulary }).terms).toEqual(["refund", "payment"]);
    expect(analyseQuery("payout this month", "en", { vocabulary }).terms).toEqual(["payout"]);
    // `last` before something that is no time is what the cards mean by it ("last 4 digits", "the last retry").
    expect(analyseQuery("last 4 digits", "en", { vocabulary }).terms).toEqual(["last", "4", "digits"]);
    expect(analyseQuery("year", "en", { vocabulary }).terms).toEqual(["year"]);
  });

  it("leaves out words that only narrow, look for or ask how to set up: `refund only part`, `can't find`, `webhook setup`", () => {
    const vocabulary = new Vocabulary(["find", "only", "option", "part", "payment", "refund", "setup", "webhook"]);
    expect(analyseQuery("how do i refund only part of a payment", "en", { vocabulary }).terms).toEqual(["refund", "part", "payment"]);
    expect(analyseQuery("can't find the refund option", "en", { vocabulary }).terms).toEqual(["refund", "option"]);
    expect(analyseQuery("webhook setup", "en", { vocabulary }).terms).toEqual(["webhook"]);
    expect(analyseQuery("configure webhook", "en", { vocabulary }).terms).toEqual(["webhook"]);
    // The setup intent is read from the question itself (search-intent.ts), and a lone word is still searched.
    expect(queryIntent("webhook setup")).toBe("setup");
    expect(analyseQuery("setup", "en", { vocabulary }).terms).toEqual(["setup"]);
  });

  it("cuts a Korean run into as many words as it takes, or searches its start when the rest is no card's word", () => {
    expect(splitKorean("웹훅이벤트테스트", KOREAN)).toEqual({ words: ["웹훅", "이벤트", "테스트"] });
    expect(splitKorean("환불신청", KOREAN)).toEqual({ words: ["환불"], rest: "신청" });
    const analysed = analyseQuery("환불신청", "ko", { vocabulary: KOREAN });
    expect(analysed.terms).toEqual(["환불"]);
    expect(analysed.unknown).toEqual(["신청"]);
    expect(splitKorean("신청서", KOREAN)).toBeUndefined();
  });

  it("searches every word a Korean question typed without spaces starts with, leaving out its verb and stop words", () => {
    const vocabulary = new Vocabulary(["가격", "방법", "설정", "좌석", "초대", "추가", "팀원", "웹훅"].sort());
    // The whole run is no cut of the cards' words, but its start is: the verb and its ending are left out.
    expect(splitKorean("팀원초대어떻게해요", vocabulary)).toEqual({ words: ["팀원", "초대"], rest: "어떻게해요" });
    expect(analyseQuery("좌석추가하고싶어요", "ko", { vocabulary }).terms).toEqual(["좌석", "추가"]);
    // A stop word a cut gives is left out, as it is when written apart.
    expect(analyseQuery("웹훅설정방법", "ko", { vocabulary }).terms).toEqual(["웹훅", "설정"]);
    // One syllable is never searched on its own, even where a card word starts with it (`가격`).
    expect(splitKorean("팀원가나", vocabulary)).toEqual({ words: ["팀원"], rest: "가나" });
  });

  it("drops the words that ask to compare: `difference between admin and member`", () => {
    const vocabulary = new Vocabulary(["admin", "between", "difference", "differs", "member", "viewer"]);
    expect(analyseQuery("difference between admin and member", "en", { vocabulary }).terms).toEqual(["admin", "member"]);
    expect(analyseQuery("admin vs viewer", "en", { vocabulary }).terms).toEqual(["admin", "viewer"]);
  });

  it("drops the words that ask for a limit: `maximum api keys per workspace`, `how many webhook endpoints max`", () => {
    const vocabulary = new Vocabulary(["api", "endpoints", "keys", "maximum", "per", "webhook", "workspace"]);
    expect(analyseQuery("maximum api keys per workspace", "en", { vocabulary }).terms).toEqual(["api", "keys", "per", "workspace"]);
    expect(analyseQuery("how many webhook endpoints max", "en", { vocabulary }).terms).toEqual(["webhook", "endpoints"]);
  });

  it("drops `number of`, which asks how many as `how many` does, but keeps a number the cards name (`invoice number`)", () => {
    const vocabulary = new Vocabulary(["api", "invoice", "keys", "number", "per", "seats", "workspace"]);
    expect(analyseQuery("max number of api keys per workspace", "en", { vocabulary }).terms).toEqual(["api", "keys", "per", "workspace"]);
    expect(analyseQuery("the number of seats", "en", { vocabulary }).terms).toEqual(["seats"]);
    expect(analyseQuery("invoice number", "en", { vocabulary }).terms).toEqual(["invoice", "number"]);
  });

  it("drops `during`, which says when rather than what: `429s during bulk import`", () => {
    const vocabulary = new Vocabulary(["429", "during", "import"]);
    expect(analyseQuery("429 during import", "en", { vocabulary }).terms).toEqual(["429", "import"]);
  });

  it("drops `greyed`, which says a control is disabled, rather than correcting it to a card's word (`keyed`)", () => {
    const vocabulary = new Vocabulary(["change", "keyed", "seats"]);
    expect(analyseQuery("change seats greyed", "en", { vocabulary }).terms).toEqual(["change", "seats"]);
  });

  it("drops greetings and thanks around a question", () => {
    expect(analyseQuery("Hi, could you tell me how I can refund my customer please?", "en", { vocabulary: EN }).terms).toEqual(["refund", "customer"]);
    expect(analyseQuery("안녕하세요 혹시 환불은 어떻게 하나요?", "ko", { vocabulary: KO }).terms).toEqual(["환불"]);
  });
});

describe("controls named by their button word", () => {
  it("leaves out a button named with its label and where it is: `预览按钮在哪`, `作成ボタンはどこ`, `환불 버튼`", () => {
    expect(analyseQuery("预览按钮在哪", "zh").terms).toEqual(["预览"]);
    expect(analyseQuery("作成ボタンはどこ", "ja").terms).toEqual(["作成"]);
    expect(analyseQuery("환불 버튼", "ko", { vocabulary: KO }).terms).toEqual(["환불"]);
  });
});

describe("pointer and touch verbs", () => {
  it("leaves out `click` and `tap`, which say how a control is used, rather than correcting them to a card's word (`clock`)", () => {
    const vocabulary = new Vocabulary(["clock", "pay", "refund"]);
    expect(analyseQuery("nothing happens when I click refund", "en", { vocabulary }).terms).not.toContain("clock");
    expect(analyseQuery("customer clicks pay", "en", { vocabulary: EN }).terms).toEqual(["customer"]);
    expect(analyseQuery("tapped refund", "en", { vocabulary }).terms).toEqual(["refund"]);
  });

  it("leaves out `become`, which names no topic (`become the owner`) and is German `bekommen` in `become my money`, rather than correcting it to `before`", () => {
    const vocabulary = new Vocabulary(["before", "owner", "workspace"]);
    expect(analyseQuery("how to become the owner of the workspace", "en", { vocabulary }).terms).toEqual(["owner", "workspace"]);
  });
});

describe("Chinese words for the retry with fewer words", () => {
  it("reads characters the segmenter leaves one by one side by side as one word", () => {
    expect(chineseWords("接口限流")).toEqual(["接口", "限流"]);
  });
});

describe("verbs that carry no subject", () => {
  it("drops reporting verbs and Korean 받다 (\"get\") rather than correcting them to a card's word", () => {
    expect(analyseQuery("the customer said the card was declined", "en", { vocabulary: EN }).terms).toEqual(["customer", "card", "declined"]);
    expect(analyseQuery("환불 받을 수 있나요", "ko", { vocabulary: KO }).terms).toEqual(["환불"]);
    // A word that only says something is wrong is read as the question's intent, not searched.
    expect(analyseQuery("xero missing data", "en", { vocabulary: EN }).terms).toEqual(["xero", "data"]);
  });
});

describe("a long query", () => {
  it("reads only its first MAX_QUERY_WORDS words: a pasted page is not compared word by word with the index", () => {
    const pasted = Array.from({ length: 1000 }, (_, i) => `zq${i}x`).join(" ");
    const read = analyseQuery(`refund ${pasted}`, "en", { vocabulary: EN });
    expect(read.terms).toEqual(["refund"]);
    expect(read.unknown).toHaveLength(MAX_QUERY_WORDS - 1);
  });
});
