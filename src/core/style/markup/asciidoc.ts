/**
 * AsciiDoc, read as Vale reads it (lint/adoc.go): Asciidoctor converts the file to HTML (embedded,
 * secure, the document title kept, missing attributes dropped, no section numbers or table of
 * contents, plus the `[asciidoctor]` attributes of .vale.ini), and Vale's HTML walker reads the
 * prose. Curly quotes are made straight before and after the conversion (Asciidoctor turns `'` into
 * `’`), so rules read the apostrophes as written. The conversion is Asciidoctor's own
 * (`@asciidoctor/core`), loaded only when a file is AsciiDoc.
 */

import type { Worker } from "node:worker_threads";
import type { ConvertAnswer, ConvertJob } from "./asciidoc-worker.ts";
import type { MarkupPage } from "./markup-prose.ts";

/** The extensions Vale reads as AsciiDoc (core/format.go). */
export const ASCIIDOC_EXTENSIONS: ReadonlySet<string> = new Set(["adoc", "asciidoc", "asc"]);

/** Vale's adocSanitizer (lint/adoc.go #206). */
const SANITIZE: [RegExp, string][] = [
  [/[\u2018\u2019]/g, "&apos;"],
  [/\u201C/g, "&#8220;"],
  [/\u201D/g, "&#8221;"],
  [/&#8217;|&rsquo;/g, "&apos;"],
];

export function sanitizeAsciidoc(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SANITIZE) out = out.replace(pattern, replacement);
  return out;
}

/** Attributes Vale passes to Asciidoctor (adocArgs), then the configuration's (`name = YES` sets, `NO` unsets). */
export function asciidoctorAttributes(configured: ReadonlyMap<string, string>): Record<string, string> {
  const attributes: Record<string, string> = { "notitle!": "", "attribute-missing": "drop", "sectnums!": "", "toc!": "" };
  for (const [name, value] of configured) {
    if (value === "YES") attributes[name] = "";
    else if (value === "NO") attributes[`${name}!`] = "";
    else attributes[name] = value;
  }
  return attributes;
}

/** Milliseconds Asciidoctor may spend on a file: this, plus {@link MS_PER_MB} a megabyte of it. */
const CONVERT_MS = 20_000;
const MS_PER_MB = 4_000;
/** Memory the converting thread may take (its text and Asciidoctor's), in megabytes. */
const CONVERT_HEAP_MB = 1536;
/** The HTML may be this many times the file's size (plus a megabyte): beyond, attribute references multiplied it. */
const HTML_GROWTH = 64;

let thread: { worker: Worker; next: number } | undefined;

/**
 * Converts an AsciiDoc file's text to the HTML Vale lints, with Asciidoctor in its secure mode (no
 * include, no file read, no network), on a thread of its own that is stopped when it takes too long
 * or too much memory (the error says which).
 */
export async function convertAsciidoc(source: string, configured: ReadonlyMap<string, string>, ms = CONVERT_MS + Math.ceil((source.length / 1e6) * MS_PER_MB)): Promise<MarkupPage> {
  const job: Omit<ConvertJob, "id"> = { text: sanitizeAsciidoc(source), source, attributes: asciidoctorAttributes(configured), maxHtml: HTML_GROWTH * source.length + 1_000_000 };
  const { html, verbatim } = await onThread(job, ms);
  return { html: sanitizeAsciidoc(html), format: "adoc", verbatim };
}

function onThread(job: Omit<ConvertJob, "id">, ms: number): Promise<{ html: string; verbatim: [number, number][] }> {
  const { Worker: WorkerThread } = process.getBuiltinModule("node:worker_threads");
  thread ??= { worker: new WorkerThread(new URL("./asciidoc-worker.ts", import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: CONVERT_HEAP_MB } }), next: 0 };
  const current = thread;
  const id = current.next++;
  return new Promise((resolve, reject) => {
    const stop = (message: string) => {
      cleanup();
      if (thread === current) thread = undefined;
      void current.worker.terminate();
      reject(new Error(message));
    };
    const timer = setTimeout(() => stop(`it took more than ${Math.round(ms / 1000)} s`), ms);
    const onMessage = (answer: ConvertAnswer) => {
      if (answer.id !== id) return;
      cleanup();
      if ("error" in answer) reject(new Error(answer.error));
      else resolve(answer);
    };
    const onError = (error: Error) => stop((error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY" ? `it needed more than ${CONVERT_HEAP_MB} MB of memory` : error.message);
    const onExit = () => stop("Asciidoctor's thread stopped");
    const cleanup = () => {
      clearTimeout(timer);
      current.worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      current.worker.unref();
    };
    current.worker.ref();
    current.worker.on("message", onMessage).on("error", onError).on("exit", onExit);
    current.worker.postMessage({ ...job, id } satisfies ConvertJob);
  });
}

/**
 * The file's text where prose is looked for: verbatim blocks, comments (`// …` lines and `////` blocks)
 * and block attribute lines (`[source,java]`) are blanked, character for character, so the HTML's text is not
 * found in them (Vale masks line comments and `[source,…]` lists for the same reason, #296, #414).
 */
/** What a line comment's characters become in the searched text. */
const COMMENT_FILL = "\u0001";

export function searchableAsciidoc(source: string, verbatim: readonly (readonly [number, number])[] = []): string {
  const lines = source.split("\n");
  for (const [first, last] of verbatim) for (let i = Math.max(first, 1) - 1; i < Math.min(last, lines.length); i++) lines[i] = " ".repeat(lines[i]!.length);
  /** The delimiter of the comment block the line is in (`////`, or longer). */
  let comment: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trimEnd();
    const isDelimiter = /^\/{4,}$/.test(trimmed);
    // A line comment leaves the paragraph around it whole (Asciidoctor drops the line and goes on), so it is
    // filled with a character no text has, not blanked: a blank line ends a paragraph to the search (markup-prose.ts).
    if (comment === undefined && !isDelimiter && /^\/\/(?!\/)/.test(line)) lines[i] = COMMENT_FILL.repeat(line.length);
    else if (comment !== undefined || isDelimiter || /^\[[^\]]*\]$/.test(trimmed)) lines[i] = " ".repeat(line.length);
    if (isDelimiter) comment = comment === undefined ? trimmed : comment === trimmed ? undefined : comment;
  }
  return lines.join("\n");
}
