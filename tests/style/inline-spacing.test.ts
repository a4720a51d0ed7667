/**
 * White space at the edges of inline elements, as Vale's walker reads it (lint/ast.go, walk.go): each
 * text token of the rendered HTML is trimmed, and clean() puts one space before text that follows an
 * inline start tag (a, code, em, strong, br, img, span…), none before unmasked text starting with
 * `.` `?` `!` `,` `:` `;` `)` `]` `}` `—` `–`, none after `(` `[` `{` `—` `–`, and none after a tag that
 * is not inline. So the source's white space there (a line break, two spaces, the space before a
 * colon) is not what Vale reads. Expectations are the blocks goldmark v1.5.6 and Vale's walker loop give.
 */
import { afterEach, describe, expect, it } from "vitest";
import { removeTemps } from "../helpers.ts";
import { lintText, proseBlocks, styleProject } from "./vale-project.ts";

afterEach(removeTemps);

const blocks = proseBlocks;

describe("white space at inline edges", () => {
  it("the space before a colon or a period after inline code or a link is not read", () => {
    expect(blocks("1. `*-stable` : [Delivery team](https://x.y/d), [Release](https://x.y/r)\n")).toEqual(["text.list|********: Delivery team, Release"]);
    expect(blocks("The job includes [.generate-base](https://x.y/a) job.\n")).toEqual(["text.paragraph|The job includes.generate-base job."]);
    expect(blocks("Following [!9359](https://x.y) and **bold** text.\n")).toEqual(["text.paragraph|Following!9359 and bold text."]);
  });

  it("a line break at an element's edge reads as one space", () => {
    expect(blocks("See the\n[guide](x.md)\nfor details.\n")).toEqual(["text.paragraph|See the guide for details."]);
  });

  it("after a tag that is not inline, the text is joined with none", () => {
    expect(blocks('A task <input type="checkbox"> done and <wbr> more.\n')).toEqual(["text.paragraph|A taskdone andmore."]);
  });

  it("a link whose text is its href is starred, spaced by its first character; a self-closing tag changes nothing", () => {
    expect(blocks("Add tokens to [.github/x.txt](.github/x.txt)\n")).toEqual(["text.paragraph|Add tokens to*************"]);
    // goldmark percent-encodes [ ] and non-ASCII in the href, which is then not the link's text.
    expect(blocks("Handled by [pages/[...slug].tsx](pages/[...slug].tsx):\n")).toEqual(["text.paragraph|Handled by pages/[...slug].tsx:"]);
    expect(blocks("See [https://example.com/über](https://example.com/über) and <https://example.com/a>.\n")).toEqual(["text.paragraph|See https://example.com/über and *********************."]);
    expect(blocks("A mutual NDA <br/>\nHIPAA: yes\n")).toEqual(["text.paragraph|A mutual NDAHIPAA: yes"]);
  });

  it("a bare URL is starred to where goldmark's Linkify ends it: `(see https://x.y/z).` takes the `)`, a non-ASCII path ends it", () => {
    const text = "Visit the docs (see https://example.com/docs). And more.\n\nA link https://example.com/über here.\n\nEnd https://example.com/a_b_.\n";
    expect(blocks(text)).toEqual(["text.paragraph|Visit the docs (see *************************. And more.", "text.paragraph|A link ******************** über here.", "text.paragraph|End *********************** _."]);
    // Google.Parens (`\(.+\)`) finds no closing parenthesis there, as in Vale.
    const project = styleProject({ Parens: "extends: existence\nmessage: Use parentheses judiciously.\nnonword: true\nlevel: suggestion\ntokens:\n  - '\\(.+\\)'\n" });
    expect(lintText(project, "Visit the docs (see https://example.com/docs). And more.\n\nSee (the docs) here.\n")).toEqual(["3:5:S.Parens:Use parentheses judiciously."]);
  });

  it("a bare URL after a character that does not trigger goldmark's Linkify (a quote, a colon) is text", () => {
    // extension/linkify.go Trigger: white space or a line's start, `*` `_` `~` `(`, or the end of another inline element.
    expect(blocks('A url="https://x.org/d" here, x:https://z.org/f and (https://y.org/e).\n')).toEqual(['text.paragraph|A url="https://x.org/d" here, x:https://z.org/f and (****************.']);
    expect(blocks("See *https://w.org/a* and `c`https://v.org/b too.\n")).toEqual(["text.paragraph|See *************** and * *************** too."]);
  });

  it("an email address after a character that does not trigger goldmark's Linkify is text, with no clean() spaces around it (Doc Detective's \"type\":\"a@b.com\")", () => {
    expect(blocks('Mail "a.b@c.com" and x:d@e.org and (f@g.io) and h@i.com.\n')).toEqual(['text.paragraph|Mail "a.b@c.com" and x:d@e.org and (f@g.io) and h@i.com.']);
  });

  it("a `<` that starts no tag in raw HTML is text, as x/net/html reads it", () => {
    expect(blocks('<div>\n  <p>If a < b and {{< alias x="y" >}} then</p>\n</div>\n')).toEqual(['text.paragraph|If a < b and {{< alias x="y" >}} then']);
  });

  it("a rule for a space before a colon does not fire after inline code, as Vale reads no space there", () => {
    const project = styleProject({ Colon: `extends: existence\nmessage: "No space before a colon."\nnonword: true\ntokens: ['\\S :']\n` });
    expect(lintText(project, "Set `master` : Maintainers.\n\nSet it : now.\n")).toEqual(["3:6:S.Colon:No space before a colon."]);
  });
});
