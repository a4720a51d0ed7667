/**
 * Messages formatted as Vale formats them: core.CondSprintf, Go's fmt.Sprintf with one extra empty
 * argument. Every expected string below is what Go 1.19 printed for the same call.
 */
import { describe, expect, it } from "vitest";
import { formatMessage } from "../../src/core/style/checks/common.ts";

describe("Go's Sprintf in messages", () => {
  it("verbs other than %s of a string argument, as Go prints them", () => {
    expect(formatMessage("Too short (%d).", "foo", "bar")).toBe("Too short (%!d(string=foo)).");
    expect(formatMessage("Too short (%d).", "3")).toBe("Too short (%!d(string=3)).");
    expect(formatMessage("Use %q here.", "foo", "bar")).toBe('Use "foo" here.');
    expect(formatMessage("Say %v and %s.", "foo", "bar")).toBe("Say foo and bar.");
    expect(formatMessage("%[2]s %d", "foo", "bar")).toBe("bar %!d(string=)");
    expect(formatMessage("%x is hex", "foo", "bar")).toBe("666f6f is hex");
    expect(formatMessage("%z odd", "foo", "bar")).toBe("%!z(string=foo) odd");
  });

  it("%%, missing and bad indexes, and a message that ends in %", () => {
    expect(formatMessage("It is 50%% done", "foo", "bar")).toBe("It is 50% done");
    expect(formatMessage("%s %s %s %s", "foo", "bar")).toBe("foo bar  %!s(MISSING)");
    expect(formatMessage("%[5]s bad", "foo", "bar")).toBe("%!s(BADINDEX) bad");
    expect(formatMessage("Trailing %", "foo", "bar")).toBe("Trailing %[3]s%!(EXTRA string=foo, string=bar, string=)");
  });

  it("an int argument (an occurrence rule's count, as Vale 3.15 passes it): %d and %v print it, %s is Go's error text", () => {
    expect(formatMessage("Long sentence: %d words.", 29)).toBe("Long sentence: 29 words.");
    expect(formatMessage("Found %v.", 0)).toBe("Found 0.");
    expect(formatMessage("%s commas.", 3)).toBe("%!s(int=3) commas.");
    expect(formatMessage("%x, %X", 255, 255)).toBe("ff, FF");
    expect(formatMessage("Trailing %", 3)).toBe("Trailing %[2]s%!(EXTRA int=3, string=)");
  });
});
