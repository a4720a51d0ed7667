/**
 * Whether a file a card links may be published: SVG, HTML, XHTML and XML files open in the reader's
 * browser as documents of the site's own origin, so one with script, event handlers, `javascript:`
 * URLs, foreign objects, entity declarations or a stylesheet instruction could read every page of
 * the wiki. Such files are refused: lint reports them at the link (`attachment-unsafe`) and the
 * build never copies them. Script files are refused outright: the sites' Content-Security-Policy
 * runs any script file of the site itself (`script-src 'self'`), so a card's `.js` file would run
 * with the site's rights from any document that loads it; and so is any file, of any type, whose
 * text is a JavaScript program, since a host without nosniff lets a page run it too (script-text.ts).
 * Files of the common passive types (images, media, PDFs, text, data, archives, office files) are
 * not documents and are read for nothing else. A
 * file of any other type is checked when its content is markup: hosts type names this module does
 * not list by their own tables (mime-db serves dozens of `+xml` types, such as `.kml`, and Chromium
 * opens every `+xml` type as an XML document), by its content (Go's file server, behind Caddy and
 * Hugo, sniffs a name it does not know and serves HTML as text/html), or by an earlier extension
 * (Apache serves `page.html.bak` as HTML).
 * Which files a site may publish by audience is decided elsewhere; this module only judges content.
 */
import { closeSync, statSync } from "node:fs";
import path from "node:path";
import type sax from "sax";
import type { Nodes as HastNodes } from "hast";
import { htmlToHast } from "satteri";
import { onFirstUse } from "../load-on-use.ts";
import { MAX_DOCUMENT_BYTES, openAttachment, readOpened } from "./attachment-read.ts";
import { mayStartScript, runsAsScript, SCRIPT_READ_BYTES, scriptReadings } from "./script-text.ts";

// Needed only for an attachment that looks like markup: the entity tables alone took a lint run's start-up 6 ms to build.
const entities = onFirstUse<typeof import("entities")>("entities");
const saxParser = onFirstUse<typeof sax>("sax");

/** `fix`, when set, replaces the usual advice (remove the script from the document). */
export type AttachmentVerdict = { safe: true } | { safe: false; reason: string; fix?: string };

/**
 * Every extension a common MIME table maps to a type browsers open as an XML document (text/xml,
 * application/xml, image/svg+xml, application/xhtml+xml, XSLT, MathML, RDF): mime-db, which
 * serve-static (`verity preview`) and most Node hosts use, serves .xsd and .rng as application/xml;
 * Debian's mime.types (Apache) .xhtm as XHTML; Python's mimetypes .rdf, .wsdl and .xpdl as
 * application/xml. A document is judged by the name it is served under, so every such name is checked.
 */
const XML_TYPES = new Set([".svg", ".xml", ".xhtml", ".xht", ".xhtm", ".xsl", ".xslt", ".xsd", ".rng", ".rdf", ".owl", ".wsdl", ".xpdl", ".mml", ".mathml", ".rss", ".atom"]);
const HTML_TYPES = new Set([".html", ".htm", ".shtml"]);
/** Documents whose content cannot be checked here: always refused. */
const OPAQUE_TYPES = new Set([".svgz", ".mht", ".mhtml", ".hta"]);
/** Files served as JavaScript (text/javascript, application/ecmascript): always refused. */
const SCRIPT_TYPES = new Set([".js", ".mjs", ".cjs", ".es", ".ecma"]);

/**
 * Types no browser opens as a document whatever the bytes: with these names a file is only checked for script text.
 * Only names the common MIME tables type: Apache and Go's file server (Caddy) read Debian's
 * /etc/mime.types, and a name it lacks gets no type, so the browser (or Go) sniffs the content and
 * a `settings.ini` holding `<!doctype html><script>` runs as a page. Such names (.ini, .conf, .env,
 * .jsonl, .jsx, .db, .bin, and .log, .yaml, .yml, .toml, .go, .cs, .kt, .php, .bz2, .img, .3gp, ...)
 * are not listed, so they are read like any other; nor is .rs, which both tables serve as
 * application/rls-services+xml (an XML type).
 * Whatever is not listed here or above is read, and checked as a document when it is markup.
 */
const PASSIVE_TYPES = new Set(
  (
    "png jpg jpeg jpe gif webp avif bmp ico tif tiff heic heif jxl psd " +
    "pdf txt csv tsv md markdown json " +
    "zip gz tgz tar xz 7z rar zst cab jar dmg iso exe msi deb rpm apk " +
    "mp3 mp4 m4a m4v mov webm ogg ogv oga opus wav flac aac mkv avi wmv wma mpg mpeg " +
    "doc docx xls xlsx ppt pptx odt ods odp odg rtf epub pages numbers key " +
    "woff woff2 ttf otf css vtt srt ics vcf sql sh py rb java c h cpp pl ts diff patch " +
    "wasm pem crt cer p12 pub asc sig"
  )
    .split(" ")
    .map((ext) => `.${ext}`),
);

/** How a file is read, by its name as a server would type it. */
type Reading = "html" | "xml" | "opaque" | "script" | "passive" | "sniffed";

function readingOfExtension(ext: string): Reading | undefined {
  if (HTML_TYPES.has(ext)) return "html";
  if (XML_TYPES.has(ext)) return "xml";
  if (OPAQUE_TYPES.has(ext)) return "opaque";
  if (SCRIPT_TYPES.has(ext)) return "script";
  if (PASSIVE_TYPES.has(ext)) return "passive";
  return undefined;
}

/**
 * Every way a server may type the name. Apache skips extensions it does not know, so the last
 * extension this module knows decides; mime-db (serve-static, most Node hosts) and Go's file server
 * (Caddy, Hugo) look at the last extension only, and leave an unknown one to be sniffed: Go serves
 * `notes.txt.draft` with `<!doctype html>` in it as text/html. So a name that ends in an extension
 * this module does not know is also read by its content, whatever comes before it. With no
 * extension known, the content decides.
 */
function readingsOf(name: string): Reading[] {
  const extensions = path.basename(name).toLowerCase().split(".").slice(1);
  for (let i = extensions.length - 1; i >= 0; i--) {
    const reading = readingOfExtension(`.${extensions[i]}`);
    if (reading) return i === extensions.length - 1 ? [reading] : [reading, "sniffed"];
  }
  return ["sniffed"];
}

/** True when no reading of the name can make it a document (`page.html.txt`, `a.png`). */
function isPassiveName(name: string): boolean {
  return readingsOf(name).every((reading) => reading === "passive");
}

/**
 * XML and HTML start with `<` after white space (and a UTF-8 byte-order mark); a UTF-16 or UTF-32 mark may hide either.
 * White space as Chromium's sniffer skips it (base::kWhitespaceASCII): a vertical tab (0x0b) too.
 */
function looksLikeMarkup(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0 && bytes[1] === 0)) return true;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || (bytes[i]! >= 0x09 && bytes[i]! <= 0x0d))) i++;
  return bytes[i] === 0x3c;
}

/** Elements that run script or load other documents or plug-ins. */
const ACTIVE_ELEMENTS = new Set(["script", "foreignobject", "iframe", "frame", "frameset", "object", "embed", "applet", "portal", "base", "handler", "listener"]);

/**
 * The same things looked for in a document's raw text, wherever they are (in comments, CDATA,
 * attribute values, raw text): a browser and the parser used here may disagree about which text
 * is markup (`<noscript>` content is text for a browser that runs script, markup for a parser that
 * does not; Chromium reads a CDATA section in SVG inside HTML as text where the parser sees a
 * comment), so a document is refused when any reading of it holds script. `<noscript>` and, in
 * HTML, CDATA sections are refused for the same reason: they are where the readings part.
 */
const RAW_ACTIVE_TAG = new RegExp(`</?(?:[a-z][\\w.-]*:)?(${[...ACTIVE_ELEMENTS, "noscript"].join("|")})(?=[\\s/>]|$)`, "i");
/** `on...=` inside something tag-shaped (`<img src=x onerror=`), so prose such as "one=1" passes. */
const RAW_HANDLER = /<[a-z][^<>]*?[\s"'/](on[a-z]+)\s*=/i;
const RAW_HTTP_EQUIV = /<[a-z][^<>]*?[\s"'/]http-?equiv\s*=/i;
const RAW_CDATA = /<!\[CDATA\[/i;
const RAW_SSI = /<!--#/;
const SCRIPT_URL = /(javascript|vbscript|livescript):/;
/** Control characters no text document needs; ESC starts the ISO-2022 shifts a browser may decode. */
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

const cache = new Map<string, { stamp: string; verdict: AttachmentVerdict }>();

/** False for the passive file types, which pass unread; true for every file whose content may matter. */
export function isDocumentFile(file: string): boolean {
  return !isPassiveName(file);
}

/** The verdict on one file, cached by path, size and modification time. */
export function checkAttachment(file: string): AttachmentVerdict {
  let stamp: string;
  try {
    const stat = statSync(file);
    stamp = `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return { safe: false, reason: "it cannot be read" };
  }
  const hit = cache.get(file);
  if (hit && hit.stamp === stamp) return hit.verdict;
  const verdict = checkAttachmentCopy(file, file);
  cache.set(file, { stamp, verdict });
  return verdict;
}

/**
 * The verdict on the bytes of `file` when served under the name `name`: a build judges its own
 * copy of an attachment (the bytes it publishes) by the attachment's name. Not cached.
 */
export function checkAttachmentCopy(name: string, file: string): AttachmentVerdict {
  try {
    return judgeFile(name, file);
  } catch (error) {
    return { safe: false, reason: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})` };
  }
}

/**
 * Files a web server reads as its own settings for the folder they sit in: IIS applies a
 * `web.config` anywhere under the site (a `<mimeMap>` that serves `.png` as text/html, a
 * `<remove name="Content-Security-Policy">`), so a card's attachment could turn its neighbours into
 * pages of the site. (`.htaccess` and `.user.ini` start with a dot and are never published.)
 */
const SERVER_CONFIG_NAMES = new Set(["web.config"]);

/**
 * Extensions a web server runs as a program rather than serving the file: PHP (Debian's mod_php runs
 * `.php`, `.phar`, `.phtml`; many shared hosts any name with `.php` in it, `shot.php.png` too), ASP and
 * ASP.NET pages and handlers, Razor pages, JSP, ColdFusion and CGI. A static site has none of its own,
 * so a card's file with such a name would run on the server of a host that runs them.
 */
const SERVER_PROGRAM_TYPES = new Set(
  "php php3 php4 php5 php7 php8 phtml pht phar asp aspx asa asax ascx ashx asmx axd cshtml vbhtml jsp jspx jspf cfm cfml cfc cgi fcgi".split(" "),
);

/** Extensions a web server passes through server-side includes (`<!--#exec …-->`): Apache's `AddOutputFilter INCLUDES .shtml`, IIS's .stm and .shtm. */
const SERVER_INCLUDE_TYPES = new Set(["shtml", "shtm", "stm"]);

/**
 * The extension in a published file's name (any of its dotted parts, as mod_mime reads them) that
 * makes a web server run or process the file instead of serving it, or undefined. Card names ask it
 * too: a card's Markdown copy (`/help/shell.php.md`) holds its code blocks as written.
 */
export function serverProcessedExtension(name: string): string | undefined {
  return path
    .basename(name)
    .toLowerCase()
    .split(".")
    .slice(1)
    .find((ext) => SERVER_PROGRAM_TYPES.has(ext) || SERVER_INCLUDE_TYPES.has(ext));
}

function serverConfigVerdict(name: string): AttachmentVerdict | undefined {
  const base = path.basename(name).toLowerCase();
  if (SERVER_CONFIG_NAMES.has(base)) {
    return { safe: false, reason: "it is a web server's settings file for its folder (IIS reads web.config), which could change how the site's files are served", fix: "Rename it (web.config.txt) or attach it in a .zip file." };
  }
  const program = base.split(".").slice(1).find((ext) => SERVER_PROGRAM_TYPES.has(ext));
  if (program) {
    return { safe: false, reason: `its name has .${program}, which a web server may run as a program instead of serving the file`, fix: "Attach it in a .zip file, or rename it without that extension (script.php.txt is read as .php by some servers too: use script-php.txt)." };
  }
  return undefined;
}

function judgeFile(name: string, file: string): AttachmentVerdict {
  const config = serverConfigVerdict(name);
  if (config) return config;
  // One open file, read no further than the verdict needs: a FIFO, a folder or a device is refused unread (attachment-read.ts).
  const opened = openAttachment(file);
  if (!opened.ok) return { safe: false, reason: opened.reason, ...(opened.fix ? { fix: opened.fix } : {}) };
  try {
    return judgeOpened(name, opened.fd, opened.size);
  } finally {
    closeSync(opened.fd);
  }
}

const TOO_LARGE: AttachmentVerdict = {
  safe: false,
  reason: `it is over ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB, too large to be checked for script`,
  fix: "Attach it in a .zip file, or link a smaller file.",
};

function judgeOpened(name: string, fd: number, size: number): AttachmentVerdict {
  const whole = () => readOpened(fd, size, MAX_DOCUMENT_BYTES, true);
  const start = readStart(fd, size);
  if (!start) return TOO_LARGE;
  const byContent = readingsOf(name).every((reading) => reading === "sniffed" || reading === "passive");
  // Every file, a passive type too, may be loaded as a script of the site (see script-text.ts): only a
  // file whose first token rules that out is not read for it, and one read only for that at most its first megabytes.
  if (scriptReadings(start).some(mayStartScript)) {
    if (!isPassiveName(name) && !(byContent && !looksLikeMarkup(start))) {
      const bytes = whole();
      return bytes ? attachmentVerdict(name, bytes) : TOO_LARGE;
    }
    return runsAsScript(readOpened(fd, size, SCRIPT_READ_BYTES + 1)!) ? SCRIPT_TEXT : { safe: true };
  }
  if (byContent && !looksLikeMarkup(start)) return { safe: true };
  if (isPassiveName(name)) return { safe: true };
  const bytes = whole();
  return bytes ? attachmentVerdict(name, bytes) : TOO_LARGE;
}

/** The first bytes of a file, enough to tell markup (a large file of unknown type is not read whole for that); undefined when too large to tell. */
function readStart(fd: number, size: number): Uint8Array | undefined {
  const start = readOpened(fd, size, 64 * 1024)!;
  // All white space so far: markup may still follow, so the whole file is looked at.
  return start.length === 64 * 1024 && start.every((b) => b === 0x20 || (b >= 0x09 && b <= 0x0d)) ? readOpened(fd, size, MAX_DOCUMENT_BYTES, true) : start;
}

/** The verdict on a file's bytes; `name` decides how it is read (by extension, as web servers would): safe only when every reading is. */
export function attachmentVerdict(name: string, bytes: Uint8Array): AttachmentVerdict {
  const config = serverConfigVerdict(name);
  if (config) return config;
  const ext = path.extname(name).toLowerCase();
  for (const reading of readingsOf(name)) {
    const verdict = verdictAs(reading, ext, bytes);
    if (!verdict.safe) return verdict;
  }
  return runsAsScript(bytes) ? SCRIPT_TEXT : { safe: true };
}

/** A file whose text is a JavaScript program: a page of the site may run it (script-text.ts). */
const SCRIPT_TEXT: AttachmentVerdict = {
  safe: false,
  reason:
    "its text is a JavaScript program, and a browser runs any file of the site as a script when a page loads it with <script src> " +
    "and the host sends no X-Content-Type-Options: nosniff (the site's Content-Security-Policy allows the site's own files)",
  fix: "Put the code in the card as a code block, or attach it in a .zip file.",
};

function verdictAs(reading: Reading, ext: string, bytes: Uint8Array): AttachmentVerdict {
  if (reading === "passive") return { safe: true };
  if (reading === "sniffed" && !looksLikeMarkup(bytes)) return { safe: true };
  if (reading === "opaque") return { safe: false, reason: `a ${ext} file cannot be checked for script` };
  if (reading === "script") {
    return {
      safe: false,
      reason: `it is a script file (${ext}), and the site's Content-Security-Policy lets its pages run the site's own script files, so it would run with the site's rights`,
      fix: "Put the code in the card as a code block, or attach it in a .zip file.",
    };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return { safe: false, reason: "it is not UTF-8 text, so it cannot be checked for script" };
  }
  if (CONTROL.test(text)) return { safe: false, reason: "it contains control characters (such as ESC), which a browser may read as another encoding" };
  if (reading === "sniffed") return sniffedVerdict(text);
  const html = reading === "html";
  const parsed = html ? htmlVerdict(text) : xmlVerdict(text);
  return parsed.safe ? rawVerdict(text, html) : parsed;
}

/**
 * Markup under a name of no known type may be served as HTML (sniffed) or as XML (a host's `+xml`
 * type), so it is checked both ways; it need not be well-formed XML, but a browser's XML parser
 * runs what comes before the first error, so everything up to there is checked as XML.
 */
function sniffedVerdict(text: string): AttachmentVerdict {
  const asHtml = htmlVerdict(text);
  if (!asHtml.safe) return asHtml;
  const asXml = xmlVerdict(text, { wellFormed: false });
  if (!asXml.safe) return asXml;
  return rawVerdict(text, !/^\s*<\?xml\s/.test(text));
}

/** The raw text looked at as a browser might read it, whatever the parser above made of it. */
function rawVerdict(text: string, html: boolean): AttachmentVerdict {
  if (html && RAW_CDATA.test(text)) return { safe: false, reason: "it has a CDATA section, which browsers and checkers read differently in HTML" };
  // Apache's Debian configuration runs server-side includes in .shtml (AddOutputFilter INCLUDES): an include pastes another file, unchecked, into the page.
  if (RAW_SSI.test(text)) return { safe: false, reason: "it has a server-side include directive (<!--#...), which a server may replace with another file's markup" };
  const tag = RAW_ACTIVE_TAG.exec(text);
  if (tag) return { safe: false, reason: `it contains a <${tag[1]!.toLowerCase()}> tag` };
  const handler = RAW_HANDLER.exec(text);
  if (handler) return { safe: false, reason: `it has an event handler (${handler[1]!.toLowerCase()})` };
  if (RAW_HTTP_EQUIV.test(text)) return { safe: false, reason: "it has a <meta http-equiv> instruction" };
  const flat = entities().decodeHTML(text).replace(/[\s\u0000-\u001f]/g, "").toLowerCase();
  const url = SCRIPT_URL.exec(flat);
  if (url) return { safe: false, reason: `it has a ${url[1]}: URL` };
  // Style loads other hosts too: `@import` and `url(...)` with a scheme or `//` (inline raster images aside).
  const unescaped = flat.replace(/\\/g, "");
  if (unescaped.includes("@import")) return { safe: false, reason: "its style has an @import, which loads another stylesheet" };
  const styleUrl = /url\(['"]?((?:\/\/|(?!data:image\/(?:png|gif|jpeg|webp|avif)[;,])[a-z][a-z0-9+.-]*:)[^'")]*)/.exec(unescaped);
  if (styleUrl) return { safe: false, reason: `its style loads ${styleUrl[1]} from another host, which a page of the site never does` };
  return { safe: true };
}

/** The encoding a document declares (`<meta charset>`, `<?xml encoding?>`), when it is not UTF-8: it is checked as UTF-8 only. */
function otherEncoding(declared: string | undefined): string | undefined {
  const name = declared?.trim().toLowerCase();
  return name && name !== "utf-8" && name !== "utf8" ? name : undefined;
}

function htmlVerdict(text: string): AttachmentVerdict {
  // An HTML file may also be sniffed as XML by nothing, but its inline <svg> is checked as part of it.
  const stack: HastNodes[] = [htmlToHast(text) as unknown as HastNodes];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "element") {
      const found = elementProblem(node.tagName);
      if (found) return found;
      const encoding = node.tagName === "meta" ? otherEncoding(typeof node.properties.charSet === "string" ? node.properties.charSet : undefined) : undefined;
      if (encoding) return { safe: false, reason: `it declares the encoding ${encoding}, and only UTF-8 documents can be checked for script` };
      for (const [key, value] of Object.entries(node.properties)) {
        const text = Array.isArray(value) ? value.join(key === "srcSet" ? ", " : " ") : String(value);
        const problem = attributeProblem(key, text) ?? remoteLoadProblem(node.tagName, key, text);
        if (problem) return problem;
      }
    }
    if ("children" in node) stack.push(...node.children);
    if (node.type === "element" && node.content) stack.push(node.content as unknown as HastNodes);
  }
  return { safe: true };
}

function xmlVerdict(text: string, options: { wellFormed: boolean } = { wellFormed: true }): AttachmentVerdict {
  const parser = saxParser().parser(true, { xmlns: true, position: true });
  let verdict: AttachmentVerdict = { safe: true };
  const refuse = (reason: string) => {
    if (verdict.safe) verdict = { safe: false, reason };
  };
  parser.onerror = (error) => {
    if (options.wellFormed) refuse(`it is not well-formed XML (${error.message.split("\n")[0]})`);
    throw error;
  };
  parser.ondoctype = (doctype) => {
    if (/\[|<!ENTITY/i.test(doctype)) refuse("it declares entities in its DOCTYPE");
  };
  parser.onprocessinginstruction = (pi) => {
    if (/stylesheet/i.test(pi.name)) refuse(`it has an <?${pi.name}?> instruction`);
    const encoding = pi.name.toLowerCase() === "xml" ? otherEncoding(/\bencoding\s*=\s*["']([^"']*)["']/i.exec(pi.body)?.[1]) : undefined;
    if (encoding) refuse(`it declares the encoding ${encoding}, and only UTF-8 documents can be checked for script`);
  };
  parser.onopentag = (tag) => {
    const node = tag as sax.QualifiedTag;
    const problem = elementProblem(node.local.toLowerCase());
    if (problem) refuse(problem.reason);
    for (const attribute of Object.values(node.attributes)) {
      if (attribute.prefix === "xmlns" || attribute.name === "xmlns") continue;
      const attributeProblemFound = attributeProblem(attribute.local, attribute.value) ?? remoteLoadProblem(node.local, attribute.local, attribute.value);
      if (attributeProblemFound) refuse(attributeProblemFound.reason);
    }
    // <set attributeName="onclick"> or <animate attributeName="href"> write script into another attribute.
    const target = Object.values(node.attributes).find((a) => a.local === "attributeName")?.value ?? "";
    if (/^(on|.*:?href$)/i.test(target.trim())) refuse(`an <${node.local}> element animates ${target}`);
  };
  try {
    parser.write(text).close();
  } catch {
    // onerror recorded the reason
  }
  return verdict;
}

function elementProblem(name: string): { safe: false; reason: string } | undefined {
  const local = name.toLowerCase().replace(/^.*:/, "");
  if (local === "form") return { safe: false, reason: "it contains a <form>, which can send what a reader types to any address from the site's own origin" };
  return ACTIVE_ELEMENTS.has(local) ? { safe: false, reason: `it contains a <${local}> element` } : undefined;
}

/** Attributes whose URL the browser loads (or posts to) by itself, on any element. */
const LOAD_ATTRIBUTES = new Set(["src", "srcset", "data", "poster", "background", "action", "formaction", "ping", "manifest", "codebase", "lowsrc", "dynsrc", "longdesc"]);
/** A URL that leaves the document's own site: a scheme (other than data:, mailto: or tel:), `//` or `\\`. */
const REMOTE_URL = /^(?:\/\/|\\\\|(?!(?:data|mailto|tel):)[a-z][a-z0-9+.-]*:)/i;

/**
 * A published document is a page of the site's own origin, which never loads other hosts (the
 * sites' promise, and their Content-Security-Policy, which a host may not send for a file): an
 * attribute that loads a URL of another host, or `href` on anything but a link (`<link>`, SVG
 * `<image>` and `<use>`), is refused. A link (`<a href>`) stays: the reader chooses to follow it.
 */
function remoteLoadProblem(element: string, name: string, value: string): { safe: false; reason: string } | undefined {
  const local = name.toLowerCase().replace(/^.*:/, "");
  const tag = element.toLowerCase().replace(/^.*:/, "");
  const loads = LOAD_ATTRIBUTES.has(local) || (local === "href" && tag !== "a");
  if (!loads) return undefined;
  const urls = local === "srcset" || local === "ping" ? value.split(/[,\s]+/) : [value];
  const remote = urls.map((url) => url.trim()).find((url) => REMOTE_URL.test(url));
  return remote ? { safe: false, reason: `it loads ${remote} (${tag} ${local}) from another host, which a page of the site never does` } : undefined;
}

function attributeProblem(name: string, value: string): { safe: false; reason: string } | undefined {
  const local = name.replace(/^.*:/, "");
  if (/^on/i.test(local)) return { safe: false, reason: `it has an event handler (${local.toLowerCase()})` };
  if (/^http-?equiv$/i.test(local)) return { safe: false, reason: "it has a <meta http-equiv> instruction" };
  const flat = value.replace(/[\s\u0000-\u001f]/g, "").toLowerCase();
  if (/(javascript|vbscript|livescript):/.test(flat)) return { safe: false, reason: `it has a script URL in ${local}` };
  if (/(^|[^a-z])data:(?!image\/(png|gif|jpeg|webp|avif)[;,])/.test(flat)) return { safe: false, reason: `it has a data: URL in ${local}` };
  return undefined;
}
