/**
 * `link-text`: link text that does not say where the link goes ("click here", "read more", "여기",
 * "点击这里"). Screen readers list links by their text, and readers scan for it.
 */
import { toString } from "mdast-util-to-string";
import type { Finding } from "../../lint/findings.ts";
import type { BuiltinProseRule, BuiltinRuleContext } from "../builtin-rules.ts";
import { guideLink } from "./guide-link.ts";
import { walkTree } from "../../cards/tree-walk.ts";

/** Link texts that say nothing about the target, compared after trimming, lower-casing and dropping end punctuation. */
export const VAGUE_LINK_TEXTS: readonly string[] = [
  "click here", "click", "here", "this link", "link", "this", "this page", "this article", "read more", "more", "learn more", "more info", "go", "see here",
  "여기", "이곳", "여기를 클릭", "여기를 클릭하세요", "여기를 클릭하십시오", "이 링크", "링크", "자세히", "자세히 보기", "더 보기", "더보기",
  "点击这里", "点击此处", "这里", "此处", "这个链接", "链接", "了解更多", "更多",
  "ここ", "こちら", "ここをクリック", "詳細",
];

const VAGUE = new Set(VAGUE_LINK_TEXTS);

export function isVagueLinkText(text: string): boolean {
  const normalised = text.replace(/\s+/gu, " ").trim().toLowerCase().replace(/[.!?,:;。！？，：；…»›>]+$/u, "").trim();
  return VAGUE.has(normalised);
}

function check(ctx: BuiltinRuleContext): Finding[] {
  const findings: Finding[] = [];
  walkTree(ctx.tree, (node) => {
    if (node.type !== "link" && node.type !== "linkReference") return;
    const text = toString(node);
    if (!isVagueLinkText(text)) return;
    const start = node.position?.start.offset ?? 0;
    findings.push(
      ctx.report(
        start,
        node.position?.end.offset ?? start,
        `Link text "${text.trim()}" does not say where the link goes. Use the title of the target as the link text, ` +
          `for example "see [Refund a card payment](…)".`,
      ),
    );
  });
  return findings;
}

export const linkText: BuiltinProseRule = {
  id: "link-text",
  description: 'Link text such as "click here", "read more", "여기" or "点击这里" that does not name the target.',
  defaultLevel: "error",
  url: guideLink("link-text"),
  fixable: false,
  check,
};
