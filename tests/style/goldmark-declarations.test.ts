/**
 * goldmark v1.5.6 (the Markdown reader Vale 3.7 builds with) reads `<!` as an HTML declaration only
 * when an upper-case letter follows (parser/raw_html.go: `line[2] >= 'A' && line[2] <= 'Z'`), as
 * CommonMark 0.29 wrote it; CommonMark's later parsers take any letter. So Slack's `<!channel>` and
 * `<!here>` are text to Vale. Expectations are the blocks the walker oracle (scripts/vale-oracle/walk,
 * goldmark v1.5.6 and x/net v0.23.0) prints.
 */
import { afterEach, describe, expect, it } from "vitest";
import { removeTemps } from "../helpers.ts";
import { lintText, proseBlocks, styleProject } from "./vale-project.ts";

afterEach(removeTemps);

describe("an inline declaration, as goldmark v1.5.6 reads it", () => {
  it("`<!channel>` (a lower-case letter after `<!`) is text", () => {
    expect(proseBlocks("Mentions with <@userid>, <!channel>, <!all> and <!here> in posts.\n")).toEqual(["text.paragraph|Mentions with <@userid>, <!channel>, <!all> and <!here> in posts."]);
  });

  it("`<!DOCTYPE html>` (upper case) is still markup, not text; one over two lines in lower case is text", () => {
    expect(proseBlocks("A <!DOCTYPE html> here and <!x\ny> there.\n")).toEqual(["text.paragraph|Ahere and <!x\ny> there."]);
  });

  it("a rule matches the word inside it", () => {
    const project = styleProject({ Here: "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens:\n  - here\n" });
    expect(lintText(project, "Ping <!here> now.\n")).toEqual(["1:8:S.Here:Avoid 'here'."]);
  });
});

describe("a comment, processing instruction or declaration inside a paragraph", () => {
  it("is a token of its own: the texts around it are trimmed and clean() alone spaces them", () => {
    expect(proseBlocks("A <!-- c --> here.\n\nB <?php x ?> here.\n\nC <span>x</span> here.\n\nSee `x` <!-- c --> now.\n")).toEqual(["text.paragraph|Ahere.", "text.paragraph|Bhere.", "text.paragraph|C x here.", "text.paragraph|See * now."]);
  });
});

describe("a bare URL after `]`, `)` or `>` that ends no inline element", () => {
  // goldmark tries Linkify at a line's start, after white space or `*_~(`, and right after another inline
  // element (parser.go parseBlock's retry); a `]` that closes no link is text, and its parser gives up (link.go).
  it("is text, as goldmark leaves it unlinked (Kuma's `[Helm]https://helm.sh/)` in a Liquid tag)", () => {
    expect(proseBlocks("or [Helm]https://helm.sh/) here.\n\nor x]https://helm.sh/ here, a>https://a.io/b and a)https://a.io/c too.\n")).toEqual(["text.paragraph|or [Helm]https://helm.sh/) here.", "text.paragraph|or x]https://helm.sh/ here, a>https://a.io/b and a)https://a.io/c too."]);
  });

  it("is a link after a link, a code span, a tag or a reference link", () => {
    expect(proseBlocks("See [a](b)https://a.io/d, `x`https://a.io/e and <b>y</b>https://a.io/f and [r]https://a.io/g.\n\n[r]: https://r.io\n")).toEqual(["text.paragraph|See a **************, * ************** and y ************** and r **************."]);
  });
});

describe("a bare URL that goldmark's Linkify ends past Verity's parser", () => {
  // goldmark's URL pattern takes `"` and `}` (extension/linkify.go); the href it writes escapes `"` as %22, so
  // Vale reads the link's text unstarred, and the text after it is a token of its own (Snowplow's JSON in JSX).
  it("reads the URL with what goldmark took as one text, and what follows as the next token", () => {
    expect(proseBlocks('For more information https://web.dev/cls/." }, "fid": 1\n\nSee https://yauaa.basjes.nl/README-Output.html", "enum": 2\n\nSee (https://a.io/b)" }, x\n')).toEqual([
      'text.paragraph|For more information https://web.dev/cls/."}, "fid": 1',
      'text.paragraph|See https://yauaa.basjes.nl/README-Output.html", "enum": 2',
      'text.paragraph|See (https://a.io/b)"}, x',
    ]);
  });
});
