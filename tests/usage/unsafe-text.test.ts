/**
 * What request text may carry into the report and the log: invisible and reordering characters
 * are dropped from typed text (joiners and line breaks kept) and escaped in log lines.
 */
import { describe, expect, it } from "vitest";
import { dropUnsafeChars, escapeUnsafeChars, hasUnsafeChars } from "../../src/core/usage/unsafe-text.ts";

const HIDDEN = ["\u0000", "\u001b", "\u007f", "\u0085", "\u00ad", "\u061c", "\u180e", "\u200b", "\u200e", "\u200f", "\u202e", "\u2028", "\u2060", "\u2066", "\u206a", "\ufeff", "\ufff9", "\u{e0041}", "\u{e007f}"];

describe("unsafe text", () => {
  it.each(HIDDEN.map((char) => [char.codePointAt(0)!.toString(16), char]))("drops U+%s from typed text and escapes it in a log line", (_code, char) => {
    expect(dropUnsafeChars(`refund${char} policy`)).toBe("refund policy");
    expect(hasUnsafeChars(`id${char}`)).toBe(true);
    expect(escapeUnsafeChars(`a${char}b`)).toMatch(/^a\\u(\{[0-9a-f]+\}|[0-9a-f]{4})b$/);
  });

  it("keeps what typed text is written with: line breaks and tabs of a comment, joiners of emoji and Persian, every script", () => {
    const text = "첫 줄\n\t二行目 👨\u200d👩\u200d👧 می\u200cخواهم ünïcödé";
    expect(dropUnsafeChars(text)).toBe(text);
    expect(hasUnsafeChars("billing/환불-정책")).toBe(false);
  });

  it("writes a newline as an escape, so a request cannot start a log line of its own", () => {
    expect(escapeUnsafeChars("x\n2026-12-04 collect: stored")).toBe("x\\u000a2026-12-04 collect: stored");
    expect(escapeUnsafeChars("tag \u{e0041}")).toBe("tag \\u{e0041}");
  });
});
