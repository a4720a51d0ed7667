/** Taiwan's words for what the mainland Chinese cards name otherwise (`登入` for 登录, `金鑰` for 密钥), folded with the characters. */
import { describe, expect, it } from "vitest";
import { buildSearchData } from "../../src/build/search-terms.ts";
import { phraseFolds } from "../../src/build/chinese-phrases.ts";
import { foldChinese } from "../../src/core/site/chinese-fold.ts";
import { crossLanguageQueries } from "../../src/core/site/glossary.ts";
import { analyseQuery } from "../../src/client/search-query.ts";

describe("phraseFolds", () => {
  it("folds a Taiwan word to the mainland word the Chinese cards use", () => {
    const folds = phraseFolds(["使用单点登录", "进入设置", "创建 API 密钥"]);
    expect(folds).toMatchObject({ 登入: "登录", 设定: "设置", 金钥: "密钥" });
  });

  it("leaves a word the cards use themselves, and words whose mainland form no card uses", () => {
    // 资料 is the cards' own word (企业资料, "business profile"), though Taiwan writes it for 数据 ("data").
    const folds = phraseFolds(["在设置 > 企业资料中添加地址", "数据区域"]);
    expect(folds["资料"]).toBeUndefined();
    expect(Object.values(folds)).not.toContain("数据");
    expect(folds).toMatchObject({ 设定: "设置", 新增: "添加", 位址: "地址" });
    expect(phraseFolds(["退款"])["登入"]).toBeUndefined();
  });

  it("is in the site's folding table with the characters", () => {
    const data = buildSearchData([{ lang: "zh", words: [], han: [..."单点登录设置"], runs: ["单点登录", "设置"], concepts: [] }]);
    expect(data.fold).toMatchObject({ 單: "单", 點: "点", 錄: "录", 登入: "登录", 设定: "设置" });
  });
});

describe("foldChinese", () => {
  const fold = { 單: "单", 設: "设", 登入: "登录", 设定: "设置" };
  it("folds the characters, then the words", () => {
    expect(foldChinese("單一登入 設定", fold)).toBe("单一登录 设置");
    expect(foldChinese("登入", {})).toBe("登入");
  });

  it("reads a Taiwan question as the cards' words, in the query and across languages", () => {
    expect(analyseQuery("單一登入 設定", "zh", { fold }).terms).toEqual(["单一登录", "设置"]);
    const glossary = [{ langs: ["en"], words: { en: ["sso"], zh: ["单一登录"] } }];
    expect(crossLanguageQueries("單一登入", "zh", glossary, fold).get("en")).toBe("sso");
  });
});

describe("Hong Kong's written Cantonese", () => {
  // What the search reads of a question: 唔 (not), 冇 (no), 咗 (done), 咭 (card), 電郵 (email), 點樣 (how).
  const data = buildSearchData([{ lang: "zh", words: [], han: [..."邮件没收到信用卡被拒绝了怎样设置双重验证客户"], runs: ["邮件", "收不到", "信用卡", "拒绝", "客户", "设置"], concepts: [] }]);

  it("is folded to the written Chinese the cards use", () => {
    expect(foldChinese("電郵收唔到", data.fold)).toBe("邮件收不到");
    expect(foldChinese("信用咭俾人拒絕咗", data.fold)).toBe("信用卡给人拒绝了");
    expect(foldChinese("冇收到", data.fold)).toBe("没收到");
  });

  it("asks what a Cantonese question names, and leaves out how it asks", () => {
    const glossary = [{ langs: ["en"], words: { en: ["not delivered"], zh: ["邮件收不到"] } }];
    expect(crossLanguageQueries("客人電郵收唔到張單", "zh", glossary, data.fold).get("en")).toBe("not delivered");
    expect(analyseQuery("點樣設定雙重驗證", "zh", { fold: data.fold }).terms.join("")).toBe("设置双重验证");
  });

  it("leaves a word the cards write themselves as it is", () => {
    const own = buildSearchData([{ lang: "zh", words: [], han: [..."电邮地址"], runs: ["电邮地址"], concepts: [] }]);
    expect(foldChinese("電郵地址", own.fold)).toBe("电邮地址");
  });
});
