/** The fast path before micromark's normalizeUri gives the library's own result for every URL. */
import { normalizeUri } from "micromark-util-sanitize-uri";
import { describe, expect, it } from "vitest";
import { markdownLinkHref } from "../../src/core/site/page-href.ts";

describe("markdownLinkHref", () => {
  it("equals normalizeUri on written URLs, escapes, percent signs, controls and non-ASCII", () => {
    const urls = [
      "https://example.com/a/b?c=d&e=f#g",
      "../billing/refund.md#steps",
      "java\tscript:alert(1)",
      "a b",
      "100%",
      "%41%zz%",
      "é/ü",
      "\u{1F600}",
      "\uD800x",
      "[x](y)",
      "<>\"'`{}|\\^",
      "",
    ];
    for (const url of urls) expect(markdownLinkHref(url), JSON.stringify(url)).toBe(normalizeUri(url));
  });

  it("equals normalizeUri on every ASCII character and pair", () => {
    for (let a = 0; a < 128; a++) {
      for (let b = 0; b < 128; b += 7) {
        const url = String.fromCharCode(a) + String.fromCharCode(b) + "x";
        expect(markdownLinkHref(url)).toBe(normalizeUri(url));
      }
    }
  });
});
