/** Reading how verify_by, verified_on and status changed, from `git log -p -U0 --format=<mark>%H`. */
import { describe, expect, it } from "vitest";
import { parseFieldUpdates } from "../../src/core/git/verify-history.ts";

const A = "a".repeat(40);
const B = "b".repeat(40);

describe("parseFieldUpdates", () => {
  it("starts a commit only at a line of the mark and a hash: an added line holding \\x1e stays in its commit", () => {
    const out = [
      `\x1e${A}`,
      "",
      "diff --git a/content/a/x.md b/content/a/x.md",
      "--- a/content/a/x.md",
      "+++ b/content/a/x.md",
      "@@ -2,0 +3 @@",
      "+Note \x1e with a record separator",
      "@@ -5 +6 @@",
      "-verify_by: 2026-01-01",
      "+verify_by: 2027-01-01",
      "diff --git a/content/a/y.md b/content/a/y.md",
      "--- a/content/a/y.md",
      "+++ b/content/a/y.md",
      "@@ -4 +4 @@",
      "+status: draft",
      `\x1e${B}`,
      "",
      "diff --git a/content/a/x.md b/content/a/x.md",
      "--- a/content/a/x.md",
      "+++ b/content/a/x.md",
      "@@ -3 +3 @@",
      "+verified_on: 2026-02-02",
      "",
    ].join("\n");
    const updates = parseFieldUpdates(out);
    expect([...updates.keys()]).toEqual([A, B]);
    expect(Object.fromEntries(updates.get(A)!)).toEqual({ "content/a/x.md": { verifyBy: "2027-01-01" }, "content/a/y.md": { status: "draft" } });
    expect(Object.fromEntries(updates.get(B)!)).toEqual({ "content/a/x.md": { verifiedOn: "2026-02-02" } });
  });

  // git quotes a name holding " or \ (and control characters) in diff headers, with C escapes: the card's changes were kept
  // under the quoted name, and its verification history was lost from the report's trust-score history.
  it("reads the names git quotes in diff headers", () => {
    const out = [`\x1e${A}`, "", 'diff --git "a/content/a/q\\"x.md" "b/content/a/q\\"x.md"', '--- "a/content/a/q\\"x.md"', '+++ "b/content/a/q\\"x \\303\\251.md"', "@@ -1 +1 @@", "+verify_by: 2027-01-01", ""].join("\n");
    expect(Object.fromEntries(parseFieldUpdates(out).get(A)!)).toEqual({ 'content/a/q"x é.md': { verifyBy: "2027-01-01" } });
  });
});
