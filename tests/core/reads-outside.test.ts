/**
 * `readsOutsideContent` decides which cards' rule findings may be cached: a card linking by a
 * relative path to a file outside the content folder is always re-checked.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readsOutsideContent } from "../../src/core/lint/card-cache.ts";

const contentDir = path.resolve("/repo/content");
const card = (file: string, ...urls: string[]) => ({ file: path.join(contentDir, file), links: urls.map((url) => ({ url })) as never });

describe("readsOutsideContent", () => {
  it.each([
    ["a/card.md", "../b/other.md", false],
    ["a/card.md", "../../README.md", true],
    ["a/card.md", "..", true], // the content folder itself
    ["a/card.md", "../", true],
    ["a/deep/card.md", "../../b/x.md", false],
    ["a/deep/card.md", "../../../x.md", true],
    ["a/card.md", "../../content/b/x.md", false], // leaves and comes back in
    ["a/card.md", "../../other/x.md", true],
    ["a/card.md", "./../b/x.md?v=1#top", false],
    ["a/card.md", "..%2F..%2FREADME.md", true],
    ["a/card.md", "%2e%2e/%2e%2e/x.md", true],
    ["a/card.md", "x.md", false],
    ["a/card.md", "https://example.com/../x", false],
    ["a/card.md", "#..", false],
  ])("%s linking %s: %s", (file, url, expected) => {
    expect(readsOutsideContent(card(file, url), contentDir)).toBe(expected);
  });
});
