/**
 * A public file's text as the leak check reads it: gzip files (Pagefind's) decompressed, and HTML
 * entities, JSON escapes and URL escapes decoded, so no encoding hides a word.
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { decodeHTML } from "entities";

/** File text; gzip files (Pagefind's index, fragments and metadata) are decompressed first. */
export function readScannable(file: string): string {
  return decodeScannable(readFileSync(file)).text;
}

export function decodeScannable(bytes: Buffer): { text: string; gunzipped?: Buffer } {
  if (bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      // No more than a string holds (a public .gz that unpacks to gigabytes is scanned as it is).
      const gunzipped = gunzipSync(bytes, { maxOutputLength: 256 * 1024 * 1024 });
      return { text: gunzipped.toString("utf8").replace(/^pagefind_dcd/, ""), gunzipped };
    } catch {
      return { text: bytes.toString("utf8") };
    }
  }
  return { text: bytes.toString("utf8") };
}

/**
 * A file's text with what hides words decoded: HTML entities, JSON escapes and URL escapes. The
 * phrase search ignores case, punctuation and spacing itself, so this is all a file needs.
 */
export function decodeForScan(text: string): string {
  let out = text;
  if (out.includes("%")) {
    out = out.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
  if (out.includes("\\")) {
    out = out
      .replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
      .replace(/\\(["\\/])/g, "$1")
      .replace(/\\[nrt]/g, " ");
  }
  if (out.includes("&")) out = decodeHTML(out);
  return out;
}

/** A word no needle holds, put where the words on either side must not make one phrase. */
const PHRASE_BREAK = " verityleakscanbreak ";

/**
 * A file's text (before decoding) with the places no phrase crosses marked: in markup, each
 * element's name (in `…/subscription"/><updated>`, the tag is not a word after the URL's last
 * one); in text files (llms.txt, Markdown copies), a blank line, where a paragraph or heading
 * ends. Words within a paragraph, an attribute or a script still meet across punctuation and line
 * wrapping, as the phrase search means them to.
 */
export function withPhraseBreaks(text: string, file: string): string {
  if (/\.(x?html?|xml|svg)$/i.test(file)) return text.replace(/<\/?[A-Za-z][\w:.-]*/g, PHRASE_BREAK);
  if (/\.(txt|md|markdown)$/i.test(file)) return text.replace(/\r?\n[ \t]*\r?\n/g, PHRASE_BREAK);
  return text;
}

/** One spelling for comparing needles and short texts: decoded, lowercase, whitespace collapsed. */
export function normaliseForScan(text: string): string {
  return decodeForScan(text).toLowerCase().replace(/\s+/g, " ");
}

/** Text of rendered card HTML without tags, as the search index holds it. */
export function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, "");
}

/** Elements that sit inside a word without breaking it (`over<b>ride</b>` reads as one word). */
const INLINE = new Set(
  "a abbr b bdi bdo cite code data del dfn em font i ins kbd mark q rp rt ruby s samp small span strong sub sup time u var wbr".split(" "),
);

/**
 * HTML's text as a reader sees it: inline tags dropped (they do not split the word around them),
 * every other tag a space (a paragraph or cell ends its last word).
 */
export function readerText(html: string): string {
  return html.replace(/<\/?([a-zA-Z][\w:-]*)[^>]*>/g, (_, name: string) => (INLINE.has(name.toLowerCase()) ? "" : " "));
}
