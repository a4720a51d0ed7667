/** The character a pattern's every match needs, which lets an ignore pattern skip a file without it. */
import { describe, expect, it } from "vitest";
import { compileGoRegex } from "../../src/core/style/go-regex.ts";
import { ignoredRanges } from "../../src/core/style/ignore-patterns.ts";
import { requiredChar } from "../../src/core/style/required-char.ts";

const required = (goPattern: string) => requiredChar(compileGoRegex(goPattern, "g").source);

describe("requiredChar", () => {
  it("finds a literal outside every optional part, alternation and lookaround", () => {
    expect(required(String.raw`([\w.+-]+@[\w-]+(?:\.[\w-]+)+)`)).toBe("@");
    expect(required(String.raw`\{\{[^}]+\}\}`)).toBe("{");
    expect(required(String.raw`\$[^$]+\$`)).toBe("$");
    expect(required(String.raw`(?:foo)+:`)).toBe(":");
    expect(required(String.raw`(?<n>\.\w+)`)).toBe(".");
  });

  it("finds none where a match may lack it, or where case could change it", () => {
    for (const pattern of [String.raw`(a|b@c)`, String.raw`x?@?y`, String.raw`(?:@x)?y`, String.raw`(?=@)\w+`, String.raw`[@]x`, String.raw`a{0,3}`, "(?i)kelvin", "x*"]) {
      expect([pattern, required(pattern)]).toEqual([pattern, undefined]);
    }
  });

  it("gives the same ignored ranges with the shortcut as a full scan would", () => {
    const pattern = String.raw`([\w.+-]+@[\w-]+(?:\.[\w-]+)+)`;
    const re = compileGoRegex(pattern, "g");
    for (const source of ["No address here.", "Mail support@lumen.example, or a.b+c@d-e.f.g now.", "", "@", "x@y"]) {
      const full = [...source.matchAll(re)].filter((m) => m[0] !== "").map((m) => [m.index, m.index + m[0].length]);
      expect(ignoredRanges(source, [pattern])).toEqual(full);
    }
  });
});
