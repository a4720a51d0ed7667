import { describe, expect, it } from "vitest";
import { cjkPunctuation } from "../../src/core/site/cjk-punctuation.ts";

describe("CJK punctuation in descriptions", () => {
  it("makes half-width punctuation after Chinese text full-width, with no space after it", () => {
    expect(cjkPunctuation("创建 API 密钥. 发送第一个请求, 并了解限制.", "zh")).toBe("创建 API 密钥。发送第一个请求，并了解限制。");
    expect(cjkPunctuation("需要帮助? 联系我们!", "zh-TW")).toBe("需要帮助？联系我们！");
  });
  it("uses the Japanese comma in Japanese", () => {
    expect(cjkPunctuation("キーを作成し, 無効化します.", "ja")).toBe("キーを作成し、無効化します。");
  });
  it("leaves punctuation after Latin text, numbers in versions, and Korean alone", () => {
    expect(cjkPunctuation("使用 Lumen API. 版本 v2.1 可用", "zh")).toBe("使用 Lumen API. 版本 v2.1 可用");
    expect(cjkPunctuation("환불합니다. 카드로 돌아갑니다.", "ko")).toBe("환불합니다. 카드로 돌아갑니다.");
    expect(cjkPunctuation("Refund it. Then wait.", "en")).toBe("Refund it. Then wait.");
  });
});
