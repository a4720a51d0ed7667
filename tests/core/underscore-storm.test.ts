/**
 * The Markdown parser (satteri, native code) takes time that grows with the underscores of a word
 * (a run without white space) of inline text times its length: 200 KB of `_a_a_a…` in a paragraph
 * took 20 s to parse, and a card of 1 MB (the card limit) some eight minutes, during which lint, the
 * build and the MCP server's reload stood still. Such a card gets a markdown-syntax error at that word,
 * at once, and every other card is still linted. The same word in a code block is no inline text: it
 * is parsed as before.
 */
import { afterAll, describe, expect, it } from "vitest";
import { MarkdownSyntaxError, parseMarkdown } from "../../src/core/cards/markdown.ts";
import { removeTemps } from "../helpers.ts";
import { BODY_LINE, lintStormCard } from "./storm-card.ts";

afterAll(removeTemps);

const WORD = "_a".repeat(150_000);

function syntaxError(text: string, format: "md" | "mdx" = "md"): MarkdownSyntaxError | undefined {
  try {
    parseMarkdown(text, format);
  } catch (error) {
    if (error instanceof MarkdownSyntaxError) return error;
    throw error;
  }
  return undefined;
}

describe("a card with a long word of many underscores", () => {
  it("is refused before the parser runs, at the word, and the other cards are linted", async () => {
    const storms = await lintStormCard(`Intro.\n\nSee ${WORD}\n`);
    expect(storms[0]!.line).toBe(BODY_LINE + 2);
    expect(storms[0]!.column).toBe(5);
    expect(storms[0]!.message).toMatch(/150,000 underscores in 300,000 characters/);
  }, 120_000);

  it("is refused in every kind of inline text, in MDX too, whatever ends the word", () => {
    for (const text of [WORD, `# ${WORD}`, `\`${WORD}\``, `[x](${WORD})`, `<http://x/${WORD}>`, `a${"_a\u00a0".repeat(100_000)}`, `${"_1.".repeat(100_000)}`]) {
      expect(syntaxError(`${text}\n`)?.line).toBe(1);
    }
    expect(syntaxError(`| a |\n| - |\n| ${WORD} |\n`)?.line).toBe(3);
    expect(syntaxError(`Intro.\n\n${WORD}\n`, "mdx")?.line).toBe(3);
  });

  it("parses as before in code blocks, HTML blocks and words that are short or few", () => {
    for (const text of ["```\n" + WORD + "\n```\n", `    ${WORD}\n`, `<div>\n${WORD}\n</div>\n`, `${"_a ".repeat(150_000)}\n`, `${"snake_case_name ".repeat(20_000)}\n`, `${"a".repeat(300_000)}\n`]) {
      expect(syntaxError(text)).toBeUndefined();
    }
  });
});
