/**
 * Vale's HTML walker (lint/ast.go lintHTMLTokens over x/net/html tokens) on HTML as written: each
 * expectation is what Vale's walker gives for the same HTML (checked against it with
 * scripts/vale-oracle/walk on HTML files of Vite's, DOMPurify's and the Rust book's repositories).
 */
import { describe, expect, it } from "vitest";
import { extractHtmlBlocks } from "../../src/core/style/html-prose.ts";

const OPTIONS = { skipClasses: new Set(["pre", "code"]), skippedTags: new Set<string>(), maskedTags: new Set(["code", "tt", "kbd"]) };
const texts = (html: string) => extractHtmlBlocks(html, OPTIONS).blocks.map((b) => `${b.scope.join(".")}|${b.runs.map((r) => r.text).join("")}`);

describe("Vale's HTML walker", () => {
  it("puts a space between two texts only by clean(): after an inline start tag, unless the text starts with a starter", () => {
    expect(texts("<p>\n  import x from 'y'\n  <span class=\"c\">.pong</span>\n  <span>.mode</span>\n</p>")).toEqual(["text.paragraph|import x from 'y'.pong.mode"]);
    expect(texts('<div>test: <span id="x">???</span></div>')).toEqual(["text.paragraph|test:???"]);
    expect(texts("<p>Hello <em>big</em> world</p>")).toEqual(["text.paragraph|Hello big world"]);
  });

  it("does nothing at a self-closing tag: the source's white space around `<br />` is no space", () => {
    expect(texts("<p>\n  worker emit chunk <br />\n  module and more <br />\n  <span>.x</span>\n</p>")).toEqual(["text.paragraph|worker emit chunkmodule and more.x"]);
  });

  it("reads the content of a raw-text element as one text: tags inside a textarea are text, and a script's `</p>` is no end tag (its own `</script>` ends the block)", () => {
    expect(texts("<p>Before</p><textarea><b>bold</b> and <i>more</i></textarea><p>After</p>")).toEqual(["text.paragraph|Before", "text.paragraph|<b>bold</b> and <i>more</i>", "text.paragraph|After"]);
    expect(texts("<p>One <script>if (a<b) { s = '</p><p>'; }</script>two</p>")).toEqual(["text.paragraph|One", "text.paragraph|two"]);
  });

  it("reads a doctype, a CDATA section and a processing instruction as no text", () => {
    expect(texts('<!DOCTYPE html>\n<?xml version="1.0"?><![CDATA[x]]><p>Text.</p>')).toEqual(["text.paragraph|Text."]);
  });

  it("keeps the line breaks of starred code", () => {
    expect(texts("<p>Run <code>a :=\nb</code> now.</p>")).toEqual(["text.paragraph|Run ****\n* now."]);
  });
});
