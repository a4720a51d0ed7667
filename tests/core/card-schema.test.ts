/** The frontmatter contract, field by field: what is accepted, what is rejected and what the message says. */
import { describe, expect, it } from "vitest";
import { FrontmatterSchema } from "../../src/core/cards/schema.ts";
import { suggestKey } from "../../src/core/cards/schema-issues.ts";

const VALID = { title: "Refund a card payment", owner: "@acme/billing", audience: "external", verify_by: "2027-02-15" };

function check(patch: Record<string, unknown>) {
  const input: Record<string, unknown> = { ...VALID, ...patch };
  for (const [key, value] of Object.entries(patch)) if (value === undefined) delete input[key];
  const result = FrontmatterSchema.safeParse(input);
  return result.success ? { ok: true as const, data: result.data } : { ok: false as const, messages: result.error.issues.map((i) => i.message) };
}

describe("accepted values", () => {
  it.each([
    ["owner", "@mina"],
    ["owner", "@acme/billing-team"],
    ["owner", "jordan@lumen.example"],
    ["audience", "internal"],
    ["verify_by", new Date(Date.UTC(2027, 1, 15))],
    ["verify_every", "30d"],
    ["verify_every", "12w"],
    ["verify_every", "6m"],
    ["verify_every", "1y"],
    ["tags", ["refunds", "결제", "two words"]],
    ["status", "draft"],
    ["lang", "ko"],
    ["lang", "zh-Hans"],
    ["id", "billing/refunds-v2"],
    ["aliases", ["/billing/old/", "/old-refunds"]],
    ["template", "how-to"],
    ["verified_on", "2026-11-17"],
    ["verified_by", "@mina"],
    ["description", "How to refund a payment."],
  ])("%s: %j", (field, value) => {
    const result = check({ [field]: value });
    expect(result.ok, JSON.stringify(result)).toBe(true);
  });

  it("normalises dates and fills defaults", () => {
    const result = check({ verify_by: new Date(Date.UTC(2027, 1, 15)), title: "  Padded  " });
    expect(result.ok && result.data).toMatchObject({ verify_by: "2027-02-15", status: "published", title: "Padded" });
  });
});

describe("rejected values", () => {
  it.each([
    ["title", undefined, /Missing required field "title"/],
    ["title", "", /"title" is empty/],
    ["title", 42, /"title" must be text, got 42/],
    // YAML's !!binary, !!set and !!timestamp were all "a mapping".
    ["description", new Uint8Array([104, 105]), /"description" must be text, got binary data \(!!binary\)/],
    ["description", new Set(["a"]), /"description" must be text, got a set \(!!set\)/],
    ["description", new Date(Date.UTC(2026, 0, 1)), /"description" must be text, got a timestamp \(2026-01-01T00:00:00\.000Z\)/],
    ["owner", undefined, /Missing required field "owner"/],
    ["owner", "", /"owner" is empty/],
    ["owner", "billing team", /neither a GitHub handle nor an email/],
    ["audience", undefined, /Missing required field "audience"/],
    ["audience", "Public", /allowed values are internal and external\. Did you mean audience: external\?/],
    ["audience", "External", /Write it in lowercase: audience: external/],
    ["audience", "private", /Did you mean audience: internal\?/],
    ["verify_by", undefined, /Missing required field "verify_by"/],
    ["verify_by", "2026-02-30", /February 2026 has 28 days/],
    ["verify_by", "next week", /not a date in YYYY-MM-DD form/],
    ["verify_by", 20270215, /expected a date, got 20270215/],
    ["verify_every", "90", /expected a number and a unit d, w, m or y/],
    ["verify_every", "quarterly", /expected a number and a unit/],
    ["tags", "a, b", /must be a YAML list, got "a, b".*comma-separated string is one value/],
    ["tags", [""], /"tags\[\]" is empty/],
    ["status", "live", /"status" is "live"; allowed values are draft and published/],
    ["lang", "Korean", /expected a language tag/],
    ["id", "Billing Refunds", /use lowercase letters/],
    ["aliases", "/old/", /"aliases" must be a YAML list/],
    ["aliases", ["old/"], /must be a site path starting with \//],
    ["aliases", ["//evil.example/x/"], /has an empty segment \(\/\/\)/],
    ["aliases", ["/billing//old/"], /has an empty segment/],
    ["verified_on", "yesterday", /"verified_on" is "yesterday"/],
  ])("%s: %j", (field, value, message) => {
    const result = check({ [field]: value });
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.messages.join("\n")).toMatch(message);
  });

  it("rejects unknown keys", () => {
    const result = check({ verifyBy: "2027-01-01" });
    expect(result.ok).toBe(false);
  });
});

describe("suggestKey", () => {
  const known = Object.keys(FrontmatterSchema.shape);
  it.each([
    ["verifyBy", "verify_by"],
    ["verify-by", "verify_by"],
    ["owners", "owner"],
    ["audiance", "audience"],
    ["Title", "title"],
    ["tag", "tags"],
    ["verifiedOn", "verified_on"],
  ])("%s -> %s", (key, expected) => {
    expect(suggestKey(key, known)).toBe(expected);
  });
  it("does not suggest for unrelated keys", () => {
    expect(suggestKey("category", known)).toBeUndefined();
  });
});

// A NUL, an escape or a right-to-left override in a title or description was accepted and reached
// the pages, the search index and the MCP answers as written (an override reorders text on screen).
describe("invisible control characters in a card's text fields", () => {
  it.each([
    ["title", "Refund\u0000 a payment", "U+0000, character 7"],
    ["title", "Refund a \u001b[31mpayment", "U+001B"],
    ["description", "Pay \u202Eylkeew\u202C or monthly.", "U+202E, character 5"],
    ["description", "Two\nlines", "U+000A"],
    ["keywords", ["money\u2066back"], "U+2066"],
    ["verified_by", "@mina\u{E0041}", "U+E0041"],
  ])("refuses %s %j, naming the character", (field, value, where) => {
    const result = check({ [field]: value });
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.messages.join("\n")).toContain(`holds an invisible control character (${where}`);
  });

  it("keeps soft hyphens, joiners and the direction marks that real text needs", () => {
    expect(check({ title: "Rück\u00ADerstattung", description: "\u200Fשלום\u200E ok, 👩\u200D💻 and می\u200Cخواهم" }).ok).toBe(true);
  });
});
