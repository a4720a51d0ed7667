/**
 * Every rule of the Verity style, run through the style engine with the repository's .vale.ini:
 * an example that triggers it and one that does not.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lintProse } from "../../src/core/style/style-engine.ts";
import { setupFromConfig } from "../../src/core/style/style-files.ts";
import { loadValeConfig } from "../../src/core/style/vale-ini.ts";
import { REPO_ROOT } from "./builtin-context.ts";

const setup = setupFromConfig(loadValeConfig(path.join(REPO_ROOT, ".vale.ini")));

function alerts(body: string, matchPath = "content/test/card.md"): { ruleId: string; message: string; line: number; column: number }[] {
  const source = `---\ntitle: Test\n---\n\n${body}\n`;
  return lintProse(
    { file: path.join(REPO_ROOT, matchPath), source, format: "md", matchPath },
    { vale: setup, minAlertLevel: "suggestion" },
  ).map(({ ruleId, message, line, column }) => ({ ruleId, message, line, column }));
}

interface Example {
  bad: string;
  /** Text the alert's message quotes, when it quotes the match. */
  quote?: string;
  good: string;
  matchPath?: string;
}

const EXAMPLES: Record<string, Example> = {
  "Verity.Headings": { bad: "## Rotate The Signing Secret", quote: "Rotate The Signing Secret", good: "## Rotate the signing secret in Lumen Payments\n\n## The Owner role\n\n## Change a member's role\n\n## About the owner role" },
  "Verity.HeadingPunctuation": { bad: "## Before you start:", quote: ":", good: "## Which currencies can I charge in?" },
  "Verity.Avoid": { bad: "Simply select **Save**.", quote: "Simply", good: "Select **Save**." },
  "Verity.Latin": { bad: "Use a test key, e.g. one for staging.", quote: "e.g.", good: "Use a test key, for example one for staging." },
  "Verity.Terms": { bad: "Send the receipt by e-mail and set up a web hook.", quote: "e-mail", good: "Send the receipt by email and set up a webhook. Webhooks retry." },
  "Verity.Contractions": { bad: "You can't undo a refund.", quote: "can't", good: "You cannot undo a refund." },
  "Verity.Exclamation": { bad: "Your invoice is on its way!", good: "Your invoice is on its way. ![The Payments tab](tab.png)" },
  "Verity.Passive": { bad: "The refund was sent by the bank.", quote: "was sent", good: "The bank sends the refund." },
  "Verity.DateFormat": { bad: "The price changes on May 14, 2027.", quote: "May 14, 2027", good: "The price changes on 14 May 2027 (2027-05-14)." },
  "Verity.MenuPath": { bad: "Go to **Settings -> Billing**.", good: "Go to **Settings > Billing**." },
  "Verity.Spacing": { bad: "Select Save.  Then close the dialog.", good: "Select Save. Then close the dialog." },
  "Verity.Repetition": { bad: "Select the the invoice.", quote: "the", good: "Select the invoice. The invoice opens." },
  "Verity.AverageSentenceLength": {
    bad: `${Array.from({ length: 3 }, () => `Refunds ${"word ".repeat(28)}end.`).join(" ")}`,
    quote: "30.00",
    good: "Select Refund. Enter the amount. Confirm the refund.",
  },
  "Verity.KoreanLoanwords": { bad: "웹후크를 등록합니다.", quote: "웹훅을' instead of '웹후크를", good: "웹훅을 등록합니다. 워크스페이스 메시지를 확인합니다." },
  "Verity.KoreanSpacing": { bad: "환불은 180일 안에만 할수 있습니다.", quote: "할수", good: "환불은 180일 안에만 할 수 있습니다. 수없이 많은 요청이 있습니다." },
  "Verity.ChinesePunctuation": { bad: "进入设置,选择创建密钥.", quote: "置,选", good: "进入设置，选择创建密钥。金额以 `12500` 表示 125.00 欧元。" },
  "Verity.ChineseSpacing": { bad: "创建API密钥。", quote: "建A", good: "创建 API 密钥。第 3 步。" },
};

const ruleNames = readdirSync(path.join(REPO_ROOT, "style-guide/styles/Verity"))
  .filter((name) => name.endsWith(".yml"))
  .map((name) => `Verity.${name.replace(/\.yml$/, "")}`);

describe("Verity style rules", () => {
  it("has an example for every rule file", () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...ruleNames].sort());
  });

  it.each(Object.entries(EXAMPLES))("%s triggers on its bad example and not on its good one", (rule, example) => {
    const bad = alerts(example.bad, example.matchPath).filter((a) => a.ruleId === rule);
    expect(bad.length, `${rule} did not trigger on: ${example.bad}`).toBeGreaterThan(0);
    // A metric is about the whole file, so its alert sits on line 1.
    expect(bad[0]!.line).toBe(rule === "Verity.AverageSentenceLength" ? 1 : 5);
    if (example.quote) expect(bad[0]!.message).toContain(rule === "Verity.AverageSentenceLength" ? `average ${example.quote} words` : `'${example.quote}`);
    const good = alerts(example.good, example.matchPath).filter((a) => a.ruleId === rule);
    expect(good, `${rule} triggered on: ${example.good}`).toEqual([]);
  });

  it("does not run the Chinese spacing rule on Japanese cards", () => {
    const japanese = "キーは1回だけ表示されます。最大25個まで作成できます。";
    expect(alerts(japanese, "content/api/keys-ja.md").filter((a) => a.ruleId === "Verity.ChineseSpacing")).toEqual([]);
    expect(alerts(japanese, "content/api/keys.md").filter((a) => a.ruleId === "Verity.ChineseSpacing")).not.toEqual([]);
  });

  it("leaves a Japanese title inside English text alone, and reports a Chinese sentence that ends in a half-width stop", () => {
    const english = "A Japanese version is available: [カード決済が拒否される場合](card-ja.md).";
    expect(alerts(english).filter((a) => a.ruleId === "Verity.ChinesePunctuation")).toEqual([]);
    const chinese = alerts("完整密钥只显示一次.").filter((a) => a.ruleId === "Verity.ChinesePunctuation");
    expect(chinese.map((a) => a.column)).toEqual([1]);
  });

  it("does not read code, URLs or front matter as prose", () => {
    const body = "Run `curl -X POST e-mail` and open https://example.com/e-mail.\n\n```\nsimply e.g. e-mail\n```";
    expect(alerts(body)).toEqual([]);
  });
});

function applyFixes(body: string): string {
  const source = `---\ntitle: Test\n---\n\n${body}\n`;
  const findings = lintProse({ file: path.join(REPO_ROOT, "content/t/card.md"), source, format: "md", matchPath: "content/t/card.md" }, { vale: setup });
  let fixed = source;
  for (const edit of findings.flatMap((f) => f.fix ?? []).sort((a, b) => b.start - a.start)) fixed = fixed.slice(0, edit.start) + edit.text + fixed.slice(edit.end);
  return fixed.slice(source.indexOf(body));
}

describe("fixes", () => {
  it("keeps a capital letter at the start of a sentence", () => {
    expect(applyFixes("E-mail the receipt. Web hooks and API Keys live in the work space, e.g. here.")).toBe(
      "Email the receipt. Webhooks and API keys live in the workspace, for example here.\n",
    );
  });


  it("keeps Korean particles right when a loanword gains a final consonant", () => {
    expect(applyFixes("웹후크를 등록하고 웹후크에서 리펀드가 오면 리펀드 내역과 메세지를 확인합니다.")).toBe(
      "웹훅을 등록하고 웹훅에서 환불이 오면 환불 내역과 메시지를 확인합니다.\n",
    );
  });
});

describe("the vocabulary", () => {
  it("enforces the spelling of accepted terms (Vale.Terms) and rejects rejected ones (Vale.Avoid)", () => {
    const found = alerts("Connect lumen to Xero. Add the address to the whitelist.");
    expect(found).toContainEqual(expect.objectContaining({ ruleId: "Vale.Terms", message: "Use 'Lumen' instead of 'lumen'." }));
    expect(found).toContainEqual(expect.objectContaining({ ruleId: "Vale.Avoid", message: "Avoid using 'whitelist'." }));
    expect(alerts("Connect Lumen to Xero. Add the address to the allowlist.")).toEqual([]);
  });
});
