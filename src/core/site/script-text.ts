/**
 * Whether a file of a site would run if a page loaded it with `<script src>`. The sites'
 * Content-Security-Policy (`script-src 'self'`) lets a page run any file of the site itself as a
 * script, and a browser runs a same-origin classic script whatever its Content-Type unless the host
 * sends `X-Content-Type-Options: nosniff`: Chromium refuses only image, audio, video and text/csv
 * types, and runs text/plain, text/markdown, application/json, text/css, text/html, application/pdf
 * and files with no type at all. The sites' `_headers` asks for nosniff, but a host that ignores it
 * (GitHub Pages, S3, a plain Apache or Caddy) does not send it, and then a card's `notes.txt` holding
 * `fetch("/wiki/…")`, or an HTML file whose first line is `<!-- … -->` (an HTML-like comment in a
 * script) followed by code, is a script of the site: a way round the second wall for any markup
 * that gets past the sanitizer.
 *
 * So the text is compiled (never run) with V8, the engine that would run it, as a classic script,
 * in every encoding a browser may read it in. Text that is not a program (prose, most CSV and
 * YAML, binary files) fails to compile. Text that compiles but has no way to act is no script
 * either: without a call, a tagged template, an assignment, `++`/`--`, `new`, `import` or `delete`
 * a program only reads names and values (`name: lumen` is a label and a name; a JSON document, a
 * word list, CSS with its brace on the next line), so sample YAML or CSS stays attachable.
 */
import { Script } from "node:vm";

/**
 * Most bytes of a file compiled to tell whether it is a script. A longer file (a log, an archive) is
 * judged by its start: a syntax error there, before the start's last line, is the whole file's error
 * too, whatever follows; anything else in a start this long is taken as a program.
 */
export const SCRIPT_READ_BYTES = 4 * 1024 * 1024;

/** Characters a classic script's first token may start with (after white space): anything else is a syntax error at once. */
const SCRIPT_START = /^[\p{ID_Start}\p{ID_Continue}$\\.'"`([{!~+\-/;<#@]/u;
/** White space and line terminators as JavaScript skips them before the first token. */
const JS_SPACE = /^[\s\uFEFF]*/u;
/**
 * What a program needs to act: a call or a tagged template, an assignment (`=`, `+=`, `>>>=`, `||=`:
 * an `=` that is not part of `==`, `!=`, `<=`, `>=` or `=>`), `++`/`--` (`-->` too, for safety),
 * or one of the keywords that do something without them. Looked for anywhere, strings and comments
 * included: a match in a string only refuses a file that compiles, never lets one through.
 */
const ACTS = /[(`]|(?<![=!<>])=(?![=>])|>>>?=|<<=|\+\+|--|(?<![\p{L}\p{N}_$])(?:new|import|delete)(?![\p{L}\p{N}_$])/u;

/** The texts a browser may decode the bytes to: by the byte-order mark, else UTF-8 and, for a host that declares a legacy charset, windows-1252. */
export function scriptReadings(bytes: Uint8Array): string[] {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return [new TextDecoder("utf-16be").decode(bytes)];
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return [new TextDecoder("utf-16le").decode(bytes)];
  const utf8 = new TextDecoder("utf-8").decode(bytes);
  return bytes.some((b) => b > 0x7f) && !(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ? [utf8, new TextDecoder("windows-1252").decode(bytes)] : [utf8];
}

/** False when the text's first token already makes it no script (a PNG, a PDF, a ZIP's `PK\x03`, `<svg`, `# Title`). */
export function mayStartScript(text: string): boolean {
  const rest = text.slice(JS_SPACE.exec(text)![0].length);
  if (rest === "") return false;
  if (rest.startsWith("#")) return rest.startsWith("#!");
  if (rest.startsWith("<")) return rest.startsWith("<!--");
  return SCRIPT_START.test(rest);
}

/**
 * The syntax error of `text` compiled (never run) as a classic script, or undefined. Any other error
 * (this parser's stack overflowing on deep brackets) proves nothing, since a browser with a larger
 * stack may run the text: it counts as no error.
 */
function syntaxErrorOf(text: string): Error | undefined {
  try {
    new Script(text, { filename: "attachment" });
  } catch (error) {
    if ((error as Error)?.name === "SyntaxError") return error as Error;
  }
  return undefined;
}

/** True when a browser loading `text` as a classic script would run code. A syntax error anywhere: the browser runs none of it. */
export function isRunnableScript(text: string): boolean {
  if (!mayStartScript(text) || syntaxErrorOf(text)) return false;
  return ACTS.test(text) && !isJson(text);
}

/** A JSON document compiles (an array, a string) and only ever builds a value, whatever its strings hold. */
function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The bytes run as a script in some reading of them (see {@link scriptReadings}); over {@link SCRIPT_READ_BYTES}, judged by their start. */
export function runsAsScript(bytes: Uint8Array): boolean {
  if (bytes.length > SCRIPT_READ_BYTES) return scriptReadings(bytes.subarray(0, SCRIPT_READ_BYTES)).some(startMayRun);
  return scriptReadings(bytes).some(isRunnableScript);
}

/** JavaScript's line terminators: a syntax error's line counts them. */
const LINE_TERMINATOR = /\r\n?|[\n\u2028\u2029]/g;

/** False only when the start of a longer text has a syntax error before its last line (see {@link SCRIPT_READ_BYTES}). */
function startMayRun(start: string): boolean {
  if (!mayStartScript(start)) return false;
  const error = syntaxErrorOf(start);
  if (!error) return true;
  const line = Number(/^attachment:(\d+)\n/.exec(String(error.stack))?.[1]);
  const lastLine = (start.match(LINE_TERMINATOR)?.length ?? 0) + 1;
  return !(line > 0 && line < lastLine);
}
