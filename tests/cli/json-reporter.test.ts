import { describe, expect, it } from "vitest";
import { json } from "../../cli/reporters/json.ts";
import type { Finding } from "../../src/core/lint/findings.ts";

const finding = (file: string, severity: Finding["severity"], extra: Partial<Finding> = {}): Finding => ({ ruleId: "r", severity, message: 'say "x"', file, line: 2, column: 3, ...extra });

describe("the json reporter (ESLint's shape)", () => {
  it("lists every checked file in order, clean ones with empty counts, then files only a finding names", () => {
    const out = JSON.parse(
      json({
        files: ["/p/a.md", "/p/b\"q.md", "/p/c.md"],
        findings: [finding("/p/c.md", "error", { fix: [{ start: 0, end: 1, text: "y" }] }), finding("/p/verity.config.yml", "warning"), finding("/p/c.md", "suggestion", { endLine: 2, endColumn: 9 })],
        cwd: "/p",
      }),
    ) as Record<string, unknown>[];
    expect(out.map((r) => r.filePath)).toEqual(["/p/a.md", '/p/b"q.md', "/p/c.md", "/p/verity.config.yml"]);
    expect(out[0]).toEqual({ filePath: "/p/a.md", messages: [], errorCount: 0, fatalErrorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 });
    expect(out[2]).toEqual({
      filePath: "/p/c.md",
      messages: [
        { ruleId: "r", severity: 2, message: 'say "x"', line: 2, column: 3, fix: [{ start: 0, end: 1, text: "y" }] },
        { ruleId: "r", severity: 1, message: 'say "x"', line: 2, column: 3, endLine: 2, endColumn: 9 },
      ],
      errorCount: 1,
      fatalErrorCount: 0,
      warningCount: 1,
      fixableErrorCount: 1,
      fixableWarningCount: 0,
    });
    expect(out[3]).toMatchObject({ warningCount: 1, errorCount: 0 });
  });

  it("writes a file listed twice once, and an empty run as an empty array", () => {
    expect(JSON.parse(json({ files: ["/p/a.md", "/p/a.md"], findings: [], cwd: "/p" }))).toHaveLength(1);
    // Out of order, with a repeat apart from the first: still once each, in the order given.
    const unsorted = JSON.parse(json({ files: ["/p/b.md", "/p/a.md", "/p/b.md"], findings: [finding("/p/b.md", "error")], cwd: "/p" })) as { filePath: string; errorCount: number }[];
    expect(unsorted.map((r) => [r.filePath, r.errorCount])).toEqual([["/p/b.md", 1], ["/p/a.md", 0]]);
    expect(json({ files: [], findings: [], cwd: "/p" })).toBe("[]\n");
  });

  it("writes ASCII only, with the same values for a reader: non-ASCII paths and messages, quotes, backslashes, control characters", () => {
    const files = ["/p/결제-오류.md", "/p/a\\b.md", "/p/tab\there.md", "/p/café.md", "/p/plain.md"];
    const message = "Use \u2018sign in\u2019, not \u201clogin\u201d \u2014 \u{1F600} \"ok\"";
    const text = json({ files, findings: [finding("/p/café.md", "warning", { message })], cwd: "/p" });
    expect(text).toMatch(/^[\x00-\x7f]*$/);
    const out = JSON.parse(text) as { filePath: string; messages: { message: string }[] }[];
    expect(out.map((r) => r.filePath)).toEqual(files);
    expect(out[3]!.messages[0]!.message).toBe(message);
  });
});
