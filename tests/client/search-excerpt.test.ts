/**
 * A result's excerpt is text and highlights: the words of the page as the page shows them, never
 * Pagefind's excerpt parsed as HTML (it leaves `&` as it is, so entities a page shows as text would
 * come back as the characters they name).
 */
import { describe, expect, it } from "vitest";
import { excerptParts } from "../../src/client/search-excerpt.ts";

describe("excerptParts", () => {
  it("keeps entities the page shows as text, and marks the words Pagefind marked", () => {
    const content = "Pages about HTML write &lt;b&gt; for <b> in text.";
    // What Pagefind 1.x gives: `<` and `>` escaped, `&` not, each matched word in <mark>.
    const excerpt = "Pages about HTML write &lt;b&gt; for <mark>&lt;b&gt;</mark> in text.";
    expect(excerptParts(excerpt, content)).toEqual([
      { text: "Pages about HTML write &lt;b&gt; for ", mark: false },
      { text: "<b>", mark: true },
      { text: " in text.", mark: false },
    ]);
  });

  it("finds the excerpt's words anywhere in the content, each marked word on its own", () => {
    const content = "  one two <script>x</script> three four five  ";
    expect(excerptParts("<mark>two</mark> <mark>&lt;script&gt;x&lt;/script&gt;</mark> three", content)).toEqual([
      { text: "two", mark: true },
      { text: " ", mark: false },
      { text: "<script>x</script>", mark: true },
      { text: " three", mark: false },
    ]);
  });

  it("reads the excerpt back as Pagefind wrote it when its words are not the content's (zero-width-space text)", () => {
    expect(excerptParts("退款<mark>流程</mark>&lt;b&gt;", "其他")).toEqual([
      { text: "退款", mark: false },
      { text: "流程", mark: true },
      { text: "<b>", mark: false },
    ]);
    expect(excerptParts("a <mark>b</mark>", undefined)).toEqual([
      { text: "a ", mark: false },
      { text: "b", mark: true },
    ]);
  });

  it("never gives markup but the highlights: a tag in the excerpt stays text", () => {
    const parts = excerptParts('<img src=x onerror="alert(1)"> <mark>word</mark>', undefined);
    expect(parts).toEqual([
      { text: '<img src=x onerror="alert(1)"> ', mark: false },
      { text: "word", mark: true },
    ]);
  });

  it("gives nothing for an empty excerpt", () => {
    expect(excerptParts("", "text")).toEqual([]);
  });
});
