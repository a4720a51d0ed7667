/**
 * The thread Asciidoctor converts AsciiDoc files on (asciidoc.ts), so that a file it takes too long
 * on or needs too much memory for (inline markup it rescans for each mark, attribute references that
 * each expand to 4 KB) is stopped, and reported, instead of hanging or crashing the run. It imports
 * Asciidoctor only, so that it starts from the sources in the bundle too.
 */
import { parentPort } from "node:worker_threads";

export interface ConvertJob {
  id: number;
  /** The sanitized text, and the attributes given to Asciidoctor. */
  text: string;
  source: string;
  attributes: Record<string, string>;
  /** Largest HTML accepted, in characters. */
  maxHtml: number;
}

export type ConvertAnswer = { id: number; html: string; verbatim: [number, number][] } | { id: number; error: string };

/** Blocks whose text is code, never prose. A passthrough block is not one: its HTML is what Vale lints, written where the file has it. */
const VERBATIM = new Set(["listing", "literal", "stem"]);
/** The line that opens a delimited block (listing, literal, passthrough, example, sidebar, quote, open, fenced). */
const DELIMITER = /^(?:-{4,}|\.{4,}|\+{4,}|={4,}|\*{4,}|_{4,}|--|```.*)$/;

export async function convert({ text, source, attributes, maxHtml }: ConvertJob): Promise<{ html: string; verbatim: [number, number][] }> {
  const { load, LoggerManager, NullLogger } = await import("@asciidoctor/core");
  // Asciidoctor's own warnings (an unterminated block, a duplicate id) are not style findings.
  LoggerManager.setLogger(new NullLogger());
  const doc = await load(text, { safe: "secure", standalone: false, sourcemap: true, attributes });
  const verbatim: [number, number][] = [];
  const sourceLines = source.split("\n");
  for (const block of await doc.findBy((b) => VERBATIM.has(b.getContext()))) {
    const line = block.getLineNumber();
    if (line === undefined) continue;
    const lines = "getSourceLines" in block && typeof block.getSourceLines === "function" ? (block.getSourceLines() as string[]).length : 0;
    // A delimited block's line is its opening delimiter's (its closing one follows its lines); an indented literal paragraph's is its first line.
    const isDelimited = DELIMITER.test(sourceLines[line - 1]?.trimEnd() ?? "");
    verbatim.push([line, isDelimited ? line + lines + 1 : line + lines - 1]);
  }
  const converted = await doc.convert();
  const html = typeof converted === "string" ? converted : String(converted);
  if (html.length > maxHtml) throw new Error(`its attribute references expand it to ${html.length.toLocaleString("en-US")} characters of HTML, more than ${maxHtml.toLocaleString("en-US")}`);
  return { html, verbatim };
}

parentPort?.on("message", (job: ConvertJob) => {
  convert(job).then(
    ({ html, verbatim }) => parentPort!.postMessage({ id: job.id, html, verbatim } satisfies ConvertAnswer),
    (error: unknown) => parentPort!.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) } satisfies ConvertAnswer),
  );
});
