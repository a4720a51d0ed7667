import { describe, expect, it } from "vitest";
import { createRandom } from "../../bench/lib/random.ts";
import { compileGoRegex, translateGoRegex } from "../../src/core/style/go-regex.ts";
import { boundarySides } from "../../src/core/style/regex-edges.ts";

const W = String.raw`[\p{L}\p{Mn}\p{Nd}\p{Pc}\u200C\u200D]`;
const FULL = `(?:(?<=${W})(?!${W})|(?<!${W})(?=${W}))`;

/** Every match (index, text, groups) of a regex. */
/** What `text.matchAll(re)` gives, on `re` itself: matchAll copies the pattern, which compiles it again on every call. */
function allMatches(re: RegExp, text: string): string {
  const found: unknown[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    found.push([m.index, ...m]);
    if (m[0] === "") re.lastIndex = m.index + (re.unicode && (text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
  }
  return JSON.stringify(found);
}


const ATOMS = ["a", "b", "Z", "1", "_", "한", "é", "-", " ", ".", "'", String.raw`\.`, String.raw`\-`, String.raw`\d`, String.raw`\w`, String.raw`\s`, String.raw`\x2D`, String.raw`\x41`, String.raw`\x{D55C}`, "[a-c]", "[^a]", "[-.]", String.raw`\Qa.\E`, "^", "$", "(?i)"];
const QUANTIFIERS = ["", "", "", "?", "*", "+", "{2}", "{0,2}", "{1,}", "+?", "??"];
const TEXT = ["a", "b", "Z", "z", "1", "_", "한", "é", "e\u0301", " ", "-", ".", "'", "\n", "A"];

function pattern(next: () => number, depth: number): string {
  const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const alternatives: string[] = [];
  const count = next() < 0.75 ? 1 : 2;
  for (let a = 0; a < count; a++) {
    let sequence = "";
    const length = 1 + Math.floor(next() * 4);
    for (let k = 0; k < length; k++) {
      const roll = next();
      if (roll < 0.3) sequence += next() < 0.8 ? "\\b" : "\\B";
      else if (roll < 0.45 && depth < 3) sequence += `${pick(["(?:", "(", "(?=", "(?i:"])}${pattern(next, depth + 1)})${pick(QUANTIFIERS)}`;
      else {
        const atom = pick(ATOMS);
        sequence += atom === "^" || atom === "$" || atom === "(?i)" ? atom : atom + pick(QUANTIFIERS);
      }
    }
    alternatives.push(sequence);
  }
  return alternatives.join("|");
}

describe("word boundaries next to a known character", () => {
  it("use one lookaround where the neighbour decides", () => {
    expect(translateGoRegex(String.raw`\bfoo\b`).source).toBe(`(?<!${W})foo(?!${W})`);
    expect(translateGoRegex(String.raw`(?i)\b(e\.g\.|i\.e\.)\b`).source).toBe(`(?<!${W})(e\\.g\\.|i\\.e\\.)(?=${W})`);
    expect(translateGoRegex(String.raw`\d{4}\b`).source).toBe(`\\p{Nd}{4}(?!${W})`);
    expect(translateGoRegex(String.raw`\Bfoo`).source).toBe(`(?<=${W})foo`);
    expect(translateGoRegex(String.raw`\x2D\b`).source).toBe(`\\x2D(?=${W})`);
  });

  it("keep the full test where a neighbour may be absent or is not known", () => {
    for (const source of [String.raw`\d{0,4}\b`, String.raw`(?:ab)*\b`, String.raw`\b(a|)`, String.raw`[a-z]\b`, String.raw`.\b`, String.raw`^\b`, String.raw`\b\b`]) {
      expect(translateGoRegex(source).source, source).toContain(FULL);
    }
    // A pattern the reader does not follow keeps every boundary whole.
    expect(boundarySides(String.raw`\b(a`).size).toBe(0);
  });

  // V8 compiles each of the 1,200 patterns (Unicode classes, case folding) in 5-20 ms: a loaded machine needs more than the default 30 s.
  it("match exactly what the full test matches, on random patterns and texts", { timeout: 120_000 }, () => {
    const next = createRandom(20261202).next;
    let compared = 0;
    for (let p = 0; p < 600; p++) {
      const source = pattern(next, 0);
      let full: RegExp;
      try {
        full = compileGoRegex(source, "g", { fullBoundaries: true });
      } catch {
        continue; // not a valid pattern (e.g. nothing to repeat)
      }
      const short = compileGoRegex(source, "g");
      for (let t = 0; t < 16; t++) {
        let text = "";
        const length = Math.floor(next() * 10);
        for (let c = 0; c < length; c++) text += TEXT[Math.floor(next() * TEXT.length)];
        expect(allMatches(short, text), `${source} on ${JSON.stringify(text)}`).toBe(allMatches(full, text));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(5_000);
  });
});
