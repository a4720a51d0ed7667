/**
 * Whether a file a card links may be published: SVG, HTML, XHTML and XML files open in the reader's
 * browser as documents of the site's own origin, so one with script, event handlers, `javascript:`
 * URLs, foreign objects, entity declarations or a stylesheet instruction could read every page of
 * the wiki. Such files are refused: lint reports them at the link (`attachment-unsafe`) and the
 * build never copies them. Other files (images, PDFs, text) are not documents and pass.
 * Which files a site may publish by audience is decided elsewhere; this module only judges content.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import sax from "sax";
import type { Nodes as HastNodes } from "hast";
import { htmlToHast } from "satteri";

export type AttachmentVerdict = { safe: true } | { safe: false; reason: string };

const XML_TYPES = new Set([".svg", ".xml", ".xhtml", ".xht", ".xsl", ".xslt", ".rss", ".atom"]);
const HTML_TYPES = new Set([".html", ".htm", ".shtml"]);
/** Documents whose content cannot be checked here: always refused. */
const OPAQUE_TYPES = new Set([".svgz", ".mht", ".mhtml", ".hta"]);

/** Elements that run script or load other documents or plug-ins. */
const ACTIVE_ELEMENTS = new Set(["script", "foreignobject", "iframe", "frame", "frameset", "object", "embed", "applet", "portal", "base", "handler", "listener"]);

const cache = new Map<string, { stamp: string; verdict: AttachmentVerdict }>();

/** True for the file types this module inspects (or refuses outright). */
export function isDocumentFile(file: string): boolean {
  const ext = path.extname(file).toLowerCase();
  return XML_TYPES.has(ext) || HTML_TYPES.has(ext) || OPAQUE_TYPES.has(ext);
}

/** The verdict on one file, cached by path, size and modification time. */
export function checkAttachment(file: string): AttachmentVerdict {
  if (!isDocumentFile(file)) return { safe: true };
  let stamp: string;
  try {
    const stat = statSync(file);
    stamp = `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return { safe: false, reason: "it cannot be read" };
  }
  const hit = cache.get(file);
  if (hit && hit.stamp === stamp) return hit.verdict;
  const verdict = attachmentVerdict(file, readFileSync(file));
  cache.set(file, { stamp, verdict });
  return verdict;
}

/** The verdict on a file's bytes; `name` decides how it is read (by extension, as a web server would). */
export function attachmentVerdict(name: string, bytes: Uint8Array): AttachmentVerdict {
  const ext = path.extname(name).toLowerCase();
  if (!isDocumentFile(name)) return { safe: true };
  if (OPAQUE_TYPES.has(ext)) return { safe: false, reason: `a ${ext} file cannot be checked for script` };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return { safe: false, reason: "it is not UTF-8 text, so it cannot be checked for script" };
  }
  return HTML_TYPES.has(ext) ? htmlVerdict(text) : xmlVerdict(text);
}

function htmlVerdict(text: string): AttachmentVerdict {
  // An HTML file may also be sniffed as XML by nothing, but its inline <svg> is checked as part of it.
  const stack: HastNodes[] = [htmlToHast(text) as unknown as HastNodes];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "element") {
      const found = elementProblem(node.tagName);
      if (found) return found;
      for (const [key, value] of Object.entries(node.properties)) {
        const problem = attributeProblem(key, Array.isArray(value) ? value.join(" ") : String(value));
        if (problem) return problem;
      }
    }
    if ("children" in node) stack.push(...node.children);
    if (node.type === "element" && node.content) stack.push(node.content as unknown as HastNodes);
  }
  return { safe: true };
}

function xmlVerdict(text: string): AttachmentVerdict {
  const parser = sax.parser(true, { xmlns: true, position: true });
  let verdict: AttachmentVerdict = { safe: true };
  const refuse = (reason: string) => {
    if (verdict.safe) verdict = { safe: false, reason };
  };
  parser.onerror = (error) => {
    refuse(`it is not well-formed XML (${error.message.split("\n")[0]})`);
    throw error;
  };
  parser.ondoctype = (doctype) => {
    if (/\[|<!ENTITY/i.test(doctype)) refuse("it declares entities in its DOCTYPE");
  };
  parser.onprocessinginstruction = (pi) => {
    if (/stylesheet/i.test(pi.name)) refuse(`it has an <?${pi.name}?> instruction`);
  };
  parser.onopentag = (tag) => {
    const node = tag as sax.QualifiedTag;
    const problem = elementProblem(node.local.toLowerCase());
    if (problem) refuse(problem.reason);
    for (const attribute of Object.values(node.attributes)) {
      const attributeProblemFound = attributeProblem(attribute.local, attribute.value);
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
  return ACTIVE_ELEMENTS.has(local) ? { safe: false, reason: `it contains a <${local}> element` } : undefined;
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
