/**
 * `readsOutsideContent` decides which cards' rule findings may be cached: a card linking by a
 * relative path to a file outside the content folder is always re-checked.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readsOutsideContent } from "../../src/core/lint/card-cache.ts";
import { relativePosix } from "../../src/core/cards/paths.ts";

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

describe("relativePosix", () => {
  it.each([
    ["/repo", "/repo/content/a/b.md", "content/a/b.md"],
    ["/repo", "/repo/content/../x.md", "x.md"],
    ["/repo", "/repo/./content/a.md", "content/a.md"],
    ["/repo", "/repository/a.md", "../repository/a.md"],
    ["/repo", "/repo", ""],
    ["/repo", "/other/a.md", "../other/a.md"],
    ["/repo/", "/repo/a.md", "a.md"],
    ["/repo", "/repo/a//b.md", "a/b.md"],
  ])("%s to %s is %s, as path.relative says", (dir, file, expected) => {
    expect(relativePosix(dir, file)).toBe(expected);
    expect(relativePosix(dir, file)).toBe(path.relative(dir, file));
  });
});
