/**
 * HTML tags written inside a paragraph, heading, list item or table cell, as Vale's walker reads
 * them (lint/ast.go lintHTMLTokens over goldmark's HTML): the end tag of an element that is not
 * inline (`</p>`, `</li>`, `</div>`, `</Foo>`) lints the text gathered so far as a block of the
 * scope of the first scoped element opened since the last block ended (the cell, the item, an
 * inline `<li>`), and what follows is a new block, a paragraph unless a scoped element opens in it.
 * A skipped tag (`code`, `tt`, `kbd`) or an inline element with a skipped class stars only the first
 * text after it (clean() clears Vale's skip flag); `script`, `style`, `pre` and elements with a
 * skipped class that are not inline leave their text out. Expectations are the blocks goldmark
 * v1.5.6 and Vale's walker loop give (scripts/vale-oracle/walk).
 */
import { afterEach, describe, expect, it } from "vitest";
import { removeTemps } from "../helpers.ts";
import { lintText, proseBlocks as blocks, styleProject } from "./vale-project.ts";

afterEach(removeTemps);

const table = (cell: string) => `| A |\n| --- |\n| ${cell} |\n`;

describe("a block-level end tag inside inline text ends Vale's block there", () => {
  it("in a paragraph, the text after it is a paragraph of its own", () => {
    expect(blocks("Text <span>a</span> and <div>x</div> more words here.\n")).toEqual(["text.paragraph|Text a andx", "text.paragraph|more words here."]);
    expect(blocks("Para <Foo>x</Foo> y <Bar/> z.\n")).toEqual(["text.paragraph|Parax", "text.paragraph|yz."]);
    expect(blocks("**Bold <p>in</p> more** end.\n")).toEqual(["text.paragraph| Boldin", "text.paragraph|moreend."]);
  });

  it("in a list item, a quote and a heading, the first block keeps their scope and the rest is a paragraph", () => {
    expect(blocks("- Item <p>inner para</p> tail\n- Second\n")).toEqual(["text.list|Iteminner para", "text.paragraph|tail", "text.list|Second"]);
    expect(blocks("> Quote <p>inner</p> rest\n")).toEqual(["text.blockquote|Quoteinner", "text.paragraph|rest"]);
    expect(blocks("## Head <p>x</p> after\n")).toEqual(["text.heading.h2|Headx", "text.paragraph|after"]);
    expect(blocks("# Title <em>one</em> <p>two</p>\n")).toEqual(["text.heading.h1|Title onetwo"]);
  });

  it("in a table cell, HTML paragraphs and list items are blocks of their own (Grafana's and GitLab's tables)", () => {
    expect(blocks("| A | B |\n| --- | --- |\n| one<br>two | <p>First para.</p><p>Second para.</p> |\n")).toEqual([
      "text.table.header|A",
      "text.table.header|B",
      "text.table.cell|one two",
      "text.table.cell|First para.",
      "text.paragraph|Second para.",
    ]);
    expect(blocks(table("lead text <ul><li><b>Create</b></li><li>Create incident</li></ul>"))).toEqual([
      "text.table.header|A",
      "text.table.cell|lead text Create",
      "text.list|Create incident",
    ]);
    expect(blocks(table("<ul><li><b>Delete policy</b></li><li><p><b>Deleting this removes it.</p><p>Are you sure?</p><p><b>Yes, delete</b></p>"))).toEqual([
      "text.table.header|A",
      "text.table.cell|Delete policy",
      "text.list|Deleting this removes it.",
      "text.paragraph|Are you sure?",
      "text.paragraph| Yes, delete",
    ]);
  });

  it("a scoped element opened inline gives its scope to the block it ends", () => {
    expect(blocks("Text <li>x</li> more.\n")).toEqual(["text.list|Textx", "text.paragraph|more."]);
    expect(blocks("Intro <blockquote>quoted</blockquote> after <td>cell</td> end.\n")).toEqual([
      "text.blockquote|Introquoted",
      "text.table.cell|aftercell",
      "text.paragraph|end.",
    ]);
  });

  it("a tight item's text after the end tag runs on into its nested list, as Vale's walker gathers it", () => {
    expect(blocks("- Tight <p>a</p> b\n  - nested\n")).toEqual(["text.list|Tighta", "text.list|bnested"]);
  });
});

describe("Vale's skip flag on inline HTML", () => {
  it("a skipped tag stars only the first text after it, not the text of an element inside it or after that", () => {
    expect(blocks(table("<code>Omit<<a href=\"https://x.y\">Esb</a>, 'b'></code>"))).toEqual(["text.table.header|A", "text.table.cell|***** Esb, 'b'>"]);
    expect(blocks("Use <code>a <b>bold</b> c</code> here and <kbd>Ctrl</kbd>+<kbd>C</kbd>.\n")).toEqual(["text.paragraph|Use * **** c here and **** + *."]);
    expect(blocks("<code>x &lt; y <i>z</i> w</code> done.\n")).toEqual(["text.paragraph| ***** z w done."]);
  });

  it("an empty skipped element leaves the flag set for the next text", () => {
    expect(blocks("Press <kbd>Ctrl</kbd> <code></code> next <code> </code> word.\n")).toEqual(["text.paragraph|Press **** **** *****"]);
  });

  it("an inline element with a skipped class stars the text right after its start tag", () => {
    expect(blocks("Text <span class=\"code\">skip me</span> after.\n")).toEqual(["text.paragraph|Text ******* after."]);
    expect(blocks(table("x <span class=\"pre\">a <b>b</b></span> y"))).toEqual(["text.table.header|A", "text.table.cell|x * b y"]);
  });

  it("script, style and block elements with a skipped class leave their text out, and their end tag ends the block", () => {
    expect(blocks(table("a <script>var x</script> b"))).toEqual(["text.table.header|A", "text.table.cell|a", "text.paragraph|b"]);
    expect(blocks("Text <div class=\"code\">gone <div>in</div> x</div> after.\n")).toEqual(["text.paragraph|Text", "text.paragraph|after."]);
    expect(blocks("Text <p class=\"pre\">gone</p> after.\n")).toEqual(["text.paragraph|Text", "text.paragraph|after."]);
  });
});

describe("rules read the blocks as Vale does", () => {
  it("a rule on list items reads a cell's HTML list items after the first (the first is the cell's) one by one, and a script in a cell is not prose", () => {
    const project = styleProject({
      Items: "extends: capitalization\nmessage: \"'%s' should be sentence case.\"\nscope: list\nmatch: $sentence\n",
      Avoid: "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [var]\n",
    });
    const source = table("<ul><li>Intro</li><li>Create Incident</li></ul> <script>var x</script>");
    expect(lintText(project, source)).toEqual(["3:25:S.Items:'Create Incident' should be sentence case."]);
  });
});

describe("what else Vale's walker reads from the HTML goldmark writes", () => {
  it("an <img> written inline (in a paragraph, a cell, a quote, over several lines) has its alt text linted", () => {
    expect(blocks("Text <img src=\"a.png\" class=\"center\" alt=\"A cat on a mat\"/> after.\n")).toEqual(["text.attr.alt|A cat on a mat", "text.paragraph|Textafter."]);
    expect(blocks(table("<img src=\"x.svg\" alt=\"Ferris with a question mark\"/>"))).toEqual(["text.table.header|A", "text.attr.alt|Ferris with a question mark"]);
    expect(blocks("<img alt=\"Two tables: the first\ntable here.\" src=\"img/t.svg\" class=\"center\"\nstyle=\"width: 50%;\" />\n\nNext.\n")).toEqual([
      "text.attr.alt|Two tables: the first\ntable here.",
      "text.paragraph|Next.",
    ]);
    expect(blocks("> Quote with <img alt=\"quoted alt\" src=\"q.png\"> inside.\n")).toEqual(["text.attr.alt|quoted alt", "text.blockquote|Quote with inside."]);
  });

  it("a reference link whose text is its URL is starred, as an inline one is", () => {
    expect(blocks("Go to [https://www.rust-lang.org/tools/install][install] and follow.\n\n[install]: https://www.rust-lang.org/tools/install\n")).toEqual([
      "text.paragraph|Go to *************************************** and follow.",
    ]);
    expect(blocks("See [https://x.y/a][] and [https://x.y/b][other].\n\n[https://x.y/a]: https://x.y/a\n[other]: https://x.y/c\n")).toEqual([
      "text.paragraph|See ************* and https://x.y/b.",
    ]);
  });

  it("a code block (or front matter) leaves the skip flag set: HTML text after it with no start tag first is starred", () => {
    expect(blocks("```ts\nlet a = 1\n```\n\n</details>\n:::\n\n## Next\n")).toEqual(["text.heading.h2|***Next"]);
    expect(blocks("---\ntitle: x\n---\n\n</div>\nafter front matter\n\n# Head\n")).toEqual(["text.heading.h1|******************Head"]);
    expect(blocks("Para.\n\n---\n\n</div>\ntext after rule\n\n# H\n")).toEqual(["text.paragraph|Para.", "text.heading.h1|text after ruleH"]);
    expect(blocks("```\ncode\n```\n\n<div>inside div</div>\n")).toEqual(["text.paragraph|inside div"]);
  });

  it("in an HTML block, any start tag clears the skip flag an empty skipped element left", () => {
    expect(blocks("<div><code></code><p>text here</p></div>\n")).toEqual(["text.paragraph|text here"]);
    expect(blocks("<div><kbd></kbd> <span>inline</span> more</div>\n")).toEqual(["text.paragraph| inline more"]);
    expect(blocks("<p>a <script>x</script> b</p>\n")).toEqual(["text.paragraph|a", "text.paragraph|b"]);
  });
});

describe("an element Vale leaves out, opened by one HTML block and closed by a later one", () => {
  it("<figure> … </figure> with blank lines between: no caption or text inside is read, images' alt text is", () => {
    expect(blocks("Intro.\n\n<figure>\n\n<img src=\"a.svg\" alt=\"A diagram\" />\n\n<figcaption>Figure 1: A caption</figcaption>\n\n</figure>\n\nAfter.\n")).toEqual([
      "text.paragraph|Intro.",
      "text.attr.alt|A diagram",
      "text.paragraph|After.",
    ]);
    expect(blocks("<figure>\n\n![Alt md](x.png)\n\nSome *text* here.\n\n</figure>\n\nAfter.\n")).toEqual(["text.attr.alt|Alt md", "text.paragraph|After."]);
    expect(blocks("- item\n\n  <figure>\n\n  <figcaption>cap</figcaption>\n\n  </figure>\n\n- next item\n")).toEqual(["text.list|item", "text.list|next item"]);
  });

  it("an end tag written inside a paragraph closes it, and the rest of the paragraph is read", () => {
    expect(blocks("<figure>\n\nText </figure> more.\n\nAfter.\n")).toEqual(["text.paragraph|more.", "text.paragraph|After."]);
  });
});

describe("each text token trimmed as Go's strings.TrimSpace trims it", () => {
  it("a no-break space at a block's start or end (a line of &nbsp; before a paragraph, `Done.&nbsp;`) is not read; one inside is", () => {
    expect(blocks("First line.\n\u00a0\nSecond para here.\u00a0 \n\n\u00a0 \nStarts with nbsp.\n")).toEqual([
      "text.paragraph|First line.\n\u00a0\nSecond para here.",
      "text.paragraph|Starts with nbsp.",
    ]);
    expect(blocks("Done.\u00a0\n")).toEqual(["text.paragraph|Done."]);
    expect(blocks("Text &nbsp;\n\n&nbsp; Lead.\n")).toEqual(["text.paragraph|Text", "text.paragraph|Lead."]);
  });
});
