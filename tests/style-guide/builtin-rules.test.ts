import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { STYLE_GUIDE_RULES } from "../../src/core/style/builtin/index.ts";
import { headingIncrement } from "../../src/core/style/builtin/heading-increment.ts";
import { imageAlt } from "../../src/core/style/builtin/image-alt.ts";
import { classifySentence, koreanSpeechLevel } from "../../src/core/style/builtin/korean-speech-level.ts";
import { linkText } from "../../src/core/style/builtin/link-text.ts";
import { countScripts, readSentences } from "../../src/core/style/builtin/prose-sentences.ts";
import { measureSentence, sentenceLength } from "../../src/core/style/builtin/sentence-length.ts";
import { parseMarkdown } from "../../src/core/cards/markdown.ts";
import { makeContext, REPO_ROOT, runRule } from "./builtin-context.ts";

const FIXTURES = path.join(REPO_ROOT, "tests/fixtures/style-guide");
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), "utf8");
const card = (body: string, extra = ""): string =>
  `---\ntitle: Test card\nowner: "@lumen/docs"\naudience: external\nverify_by: 2027-05-14\n${extra}---\n\n${body}\n`;

describe("built-in rule metadata", () => {
  it("gives every rule a stable kebab-case id, a level, a description and a guide link, and no fake fixes", () => {
    const ids = STYLE_GUIDE_RULES.map((rule) => rule.id);
    expect(ids).toEqual(["korean-speech-level", "sentence-length", "template-structure", "heading-increment", "image-alt", "link-text", "foreign-markup"]);
    for (const rule of STYLE_GUIDE_RULES) {
      expect(rule.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(["error", "warning", "suggestion"]).toContain(rule.defaultLevel);
      expect(rule.url).toMatch(/^style-guide\/README\.md#[a-z0-9-]+$/);
      expect(rule.fixable).toBe(false);
    }
  });
});

describe("korean-speech-level", () => {
  it("classifies final predicates", () => {
    expect(classifySentence("설정을 확인하십시오.")).toBe("formal");
    expect(classifySentence("환불이 완료됩니다.")).toBe("formal");
    expect(classifySentence("코드를 입력했습니까?")).toBe("formal");
    expect(classifySentence("함께 확인해 봅시다.")).toBe("formal");
    expect(classifySentence("새 키를 만듭시다.")).toBe("formal");
    expect(classifySentence("이 책을 읽읍시다.")).toBe("formal");
    expect(classifySentence("날씨가 덥다 싶다.")).toBeUndefined();
    expect(classifySentence("그것은 아시다시피 어렵다.")).toBeUndefined();
    expect(classifySentence("설정을 확인하세요.")).toBe("polite");
    expect(classifySentence("환불이 완료돼요.")).toBe("polite");
    expect(classifySentence("이건 무료예요.")).toBe("polite");
    expect(classifySentence("곧 처리되죠.")).toBe("polite");
    expect(classifySentence("관리자 권한 필요.")).toBeUndefined();
    expect(classifySentence("주요 기능 개요")).toBeUndefined();
    expect(classifySentence('고객에게 "잠시만 기다려 주세요"라고 안내합니다.')).toBe("formal");
    expect(classifySentence("Lumen API")).toBeUndefined();
  });

  it("reports a card that mixes 합니다체 and 해요체, naming both sentences with their lines", () => {
    const findings = runRule(koreanSpeechLevel, fixture("ko-mixed.md"));
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding!.line).toBe(12);
    expect(finding!.message).toContain('line 12 "엔드포인트 URL을 입력하고 저장하세…" (해요체)');
    expect(finding!.message).toContain('line 9 "웹훅을 사용하면 결제 이벤트를 실시간…" (합니다체)');
    expect(finding!.message).toContain("1 more 해요체 sentence follows.");
    expect(finding!.message).toContain("external cards use 합니다체");
  });

  it("ignores headings, bold UI labels, quotations, blockquotes, code and noun endings", () => {
    expect(runRule(koreanSpeechLevel, fixture("ko-formal.md"))).toEqual([]);
  });

  it("accepts an internal card written in 해요체 throughout", () => {
    expect(runRule(koreanSpeechLevel, fixture("ko-internal-polite.md"))).toEqual([]);
  });

  it("reports an external card written in 해요체 throughout", () => {
    const findings = runRule(koreanSpeechLevel, card("환불은 5영업일 안에 처리돼요. 결제 상태를 확인하세요.", "lang: ko\n"));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain("External cards speak to customers in 합니다체");
    expect(findings[0]!.line).toBe(9);
  });

  it("in an internal card keeps the majority style and reports the other one", () => {
    const body = "먼저 결제 상태를 확인해요. 그다음 환불을 진행해요. 고객에게 결과를 알려 주세요. 처리 후 티켓을 닫습니다.";
    const findings = runRule(koreanSpeechLevel, card(body, "lang: ko\n").replace("audience: external", "audience: internal"));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/^Mixed Korean speech levels: line 9 "처리 후 티켓을 닫습니다\." \(합니다체\) and line 9 "먼저 결제 상태를 확인해요\." \(해요체\)/);
    expect(findings[0]!.message).toContain("Write the whole card in 해요체.");
  });
});

describe("sentences and counts", () => {
  const sentencesOf = (markdown: string): string[] => readSentences(makeContext(markdown)).map((sentence) => sentence.text);

  it("splits as Vale's sentence splitter does, after 。！？ always, and keeps closing quotes with the sentence", () => {
    expect(sentencesOf("Call Dr. Kim at 3.5 p.m. today. Then stop! Done?")).toEqual(["Call Dr. Kim at 3.5 p.m. today.", "Then stop!", "Done?"]);
    expect(sentencesOf("用中文提问吗？是的！好。下一步")).toEqual(["用中文提问吗？", "是的！", "好。", "下一步"]);
    expect(sentencesOf("设置完成。选择密钥！好")).toEqual(["设置完成。", "选择密钥！", "好"]);
    expect(sentencesOf('He said "Stop." Then he left.')).toEqual(['He said "Stop."', "Then he left."]);
    expect(sentencesOf("설정합니다. 확인하십시오.")).toEqual(["설정합니다.", "확인하십시오."]);
  });

  it("maps every sentence back to its place in the source, through bold text and links", () => {
    const markdown = "Intro.\n\nSelect **Save**. Then [open it](x.md).";
    const [, second, third] = readSentences(makeContext(markdown));
    expect(markdown.slice(second!.start, second!.end)).toBe("Select **Save**.");
    expect(markdown.slice(third!.start, third!.end)).toBe("Then [open it](x.md).");
  });

  it("reads the prose blocks the Vale rules read, but ends a sentence where Vale joins a tight item to its nested list", () => {
    const ctx = makeContext("- item two\n  - nested a\n  - nested b\n");
    expect(ctx.blocks.map((block) => block.text)).toContain("item two nested a");
    expect(readSentences(ctx).map((sentence) => sentence.text)).toEqual(["item two", "nested a", "nested b"]);
    const twenty = Array.from({ length: 20 }, () => "word").join(" ");
    expect(runRule(sentenceLength, card(`- Refunds ${twenty}\n  - Nested ${twenty}`))).toEqual([]);
  });

  it("reads a code span or a URL as one word, and a bold label as one when asked", () => {
    const markdown = "Run `npm ci --prefix ./a` now, see https://lumen.example/docs and select **Save as draft**.";
    expect(readSentences(makeContext(markdown)).map((sentence) => sentence.text)).toEqual(["Run X now, see X and select Save as draft."]);
    expect(readSentences(makeContext(markdown), { isMaskingLabels: true }).map((sentence) => sentence.text)).toEqual(["Run X now, see X and select X."]);
    const words = Array.from({ length: 33 }, () => "word").join(" ");
    expect(runRule(sentenceLength, card(`Refunds ${words} \`a b c d e f g h\`.`))).toEqual([]);
    expect(runRule(sentenceLength, card(`Refunds ${words} word \`a b c d e f g h\`.`))[0]!.message).toContain("has 36 words");
  });

  it("counts words with a letter or digit, and characters without spaces, a surrogate pair once", () => {
    expect(countScripts("Lumen 👍 API — ok, 25 €")).toMatchObject({ words: 4, latin: 10 });
    expect(countScripts("创建 API 密钥 𠀋")).toMatchObject({ characters: 8, hanKana: 5, latin: 3 });
    expect(countScripts("웹훅 설정")).toMatchObject({ hangul: 4, characters: 4, words: 2 });
  });
});

describe("sentence-length", () => {
  it("counts words in Latin text and characters in Korean, Chinese and Japanese", () => {
    expect(measureSentence("Select Refund to open the dialog.")).toMatchObject({ unit: "words", count: 6, limit: 35 });
    expect(measureSentence("환불이 완료됩니다.")).toMatchObject({ unit: "characters", count: 9, limit: 100, script: "Korean" });
    expect(measureSentence("选择创建密钥。")).toMatchObject({ unit: "characters", count: 7, limit: 80, script: "Chinese/Japanese" });
    expect(measureSentence("キーを作成します。")).toMatchObject({ unit: "characters", limit: 80 });
  });

  it("reports an English sentence over 35 words and accepts one of 35", () => {
    const words = (n: number): string => `${Array.from({ length: n }, (_, i) => (i === 0 ? "Refunds" : "word")).join(" ")}.`;
    expect(runRule(sentenceLength, card(words(35)))).toEqual([]);
    const findings = runRule(sentenceLength, card(`Short one. ${words(36)}`));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 8, column: 12 });
    expect(findings[0]!.message).toContain("has 36 words; keep Latin sentences to 35 words or fewer");
  });

  it("reports the shortest sentences over a limit: 36 one-letter words, 81 Chinese characters", () => {
    // The rule skips measuring sentences of 70 characters or fewer; these are the shortest that are over.
    const tight = `${Array.from({ length: 36 }, () => "a").join(" ")}.`;
    expect(tight.length).toBe(72);
    expect(runRule(sentenceLength, card(tight))[0]!.message).toContain("has 36 words");
    expect(runRule(sentenceLength, card(`${Array.from({ length: 35 }, () => "a").join(" ")}.`))).toEqual([]);
    expect(runRule(sentenceLength, card(`${"字".repeat(81)}。`, "lang: zh\n"))[0]!.message).toContain("has 82 characters");
  });

  it("reports a Korean sentence over 100 characters, not spaces", () => {
    const long = `${"가".repeat(101)}습니다.`;
    const ok = `${"가 ".repeat(95)}습니다.`;
    expect(runRule(sentenceLength, card(ok, "lang: ko\n"))).toEqual([]);
    const findings = runRule(sentenceLength, card(long, "lang: ko\n"));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain("has 105 characters; keep Korean sentences to 100 characters or fewer");
  });

  it("reports a Chinese sentence over 80 characters, split at full-width stops", () => {
    const findings = runRule(sentenceLength, card(`短句。${"字".repeat(81)}。下一句。`, "lang: zh\n"));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 9, column: 4 });
    expect(findings[0]!.message).toContain("has 82 characters; keep Chinese/Japanese sentences to 80");
    expect(runRule(sentenceLength, card(`${"字".repeat(79)}。`, "lang: zh\n"))).toEqual([]);
  });

  it("leaves code blocks and headings alone", () => {
    const code = `\`\`\`\n${"word ".repeat(50)}\n\`\`\`\n\n## ${"Long heading ".repeat(20)}`;
    expect(runRule(sentenceLength, card(code))).toEqual([]);
  });
});

describe("heading-increment", () => {
  it("reports a skipped level with the expected level", () => {
    const findings = runRule(headingIncrement, card("## Steps\n\nText.\n\n#### Details\n\nText."));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 12, column: 1 });
    expect(findings[0]!.message).toBe("Unexpected heading level 4 after level 2, expected level 3 or less. Do not skip heading levels.");
  });

  it("reports an H1 in the body of a card and an H3 right after the title", () => {
    const findings = runRule(headingIncrement, card("# Again the title\n\n### Too deep"));
    expect(findings.map((f) => f.line)).toEqual([8, 10]);
    expect(findings[0]!.message).toContain("Unexpected H1 in the body");
  });

  it("accepts going back up any number of levels, and an H1 in a file without a title", () => {
    expect(runRule(headingIncrement, card("## A\n\n### B\n\n#### C\n\n## D\n\n### E"))).toEqual([]);
    expect(runRule(headingIncrement, "# Plain file\n\n## Section\n")).toEqual([]);
  });
});

describe("image-alt", () => {
  it("reports Markdown and HTML images without alt text", () => {
    const findings = runRule(imageAlt, fixture("zh-card.md"));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 13, column: 1 });
    const html = runRule(imageAlt, card('Text.\n\n<img src="a.png">\n\n<img src="b.png" alt="">\n\n![ ](c.png)'));
    expect(html.map((f) => f.line)).toEqual([10, 12, 14]);
    expect(html[0]!.message).toContain("alt attribute");
  });

  it("accepts images with alt text in any language", () => {
    const ok = card('![The Payments tab](a.png)\n\n![결제 탭](b.png)\n\n<img src="c.png" alt="付款页面">');
    expect(runRule(imageAlt, ok)).toEqual([]);
  });

  it("reads HTML as a browser does: an <img> in an attribute value or a comment is no image, data-alt is no alt", () => {
    const quiet = card(
      [
        '<a title="<img src=x.png>" href="a.md">Payments tab</a>',
        "",
        "<!-- <img src=\"old.png\"> -->",
        "",
        '<span data-note="see <img src=y.png> below">Note</span>',
      ].join("\n"),
    );
    expect(runRule(imageAlt, quiet)).toEqual([]);
    const missing = runRule(imageAlt, card('Intro.\n\n<img src="a.png" data-alt="The Payments tab">\n\n<IMG SRC="b.png" title="alt=x">'));
    expect(missing.map((f) => [f.line, f.column])).toEqual([[10, 1], [12, 1]]);
    expect(missing.every((f) => f.message.includes("alt attribute"))).toBe(true);
  });

  it("points at the <img> itself inside a block of HTML", () => {
    const findings = runRule(imageAlt, card('<figure>\n  <p>Caption first</p>\n  <img src="a.png">\n</figure>'));
    expect(findings.map((f) => [f.line, f.column])).toEqual([[10, 3]]);
  });

  it("checks an MDX card's <img />, where an expression counts as alt text", () => {
    const mdx = card('<img src="a.png" />\n\n<img src="b.png" alt="" />\n\n<img src="c.png" alt={caption} />\n\n<img src="d.png" alt="Payments tab" />');
    const findings = runRule(imageAlt, mdx, { file: path.join(REPO_ROOT, "content/fixture/card.mdx"), format: "mdx" });
    expect(findings.map((f) => [f.line, f.message.includes("alt attribute")])).toEqual([[8, true], [10, false]]);
  });
});

describe("link-text", () => {
  it("reports vague link text in English, Korean, Chinese and Japanese", () => {
    const body = [
      "To refund, [click here](../billing/refund.md).",
      "See [this link](https://example.com) or [Read more…](x.md).",
      "자세한 내용은 [여기](x.md)를 참고하십시오.",
      "请[点击这里](x.md)。详情见[这里](y.md)。",
      "[こちら](z.md)を参照してください。",
      "[here][ref]",
      "",
      "[ref]: x.md",
    ].join("\n");
    const findings = runRule(linkText, card(body));
    expect(findings.map((f) => `${f.line}:${f.column}`)).toEqual(["8:12", "9:5", "9:41", "10:9", "11:2", "11:18", "12:1", "13:1"]);
    expect(findings[0]!.message).toContain('Link text "click here" does not say where the link goes');
  });

  it("accepts descriptive link text and does not flag the words outside links", () => {
    const ok = card("See [Refund a card payment](x.md). Click here and here again. 여기를 보십시오. [환불 정책](y.md), [退款政策](z.md).");
    expect(runRule(linkText, ok)).toEqual([]);
  });
});
