/**
 * Rule files, templates, snippets and frontmatter are read on a fast path (js-yaml, YAML 1.2 core
 * schema) when they have no aliases, and by the `yaml` package otherwise. The two must give the
 * same value for every document the fast path accepts: random documents built from scalars where
 * YAML parsers are known to differ prove it.
 */
import { globSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { isMap, isScalar, LineCounter, parse, parseDocument } from "yaml";
import { createRandom } from "../../bench/lib/random.ts";
import { parsePlainYaml, parseYaml } from "../../src/core/cards/yaml-source.ts";

const REPO = path.resolve(import.meta.dirname, "../..");

/** Keys and scalars where parsers disagree: numbers in many bases, booleans of YAML 1.1, nulls, dates, quotes, escapes. */
const KEYS = ["extends", "message", "level", "tokens", "swap", "null", "~", "true", "1", "0o10", "0x1F", "1e3", "'quoted'", '"dq"', "a b", "x-y", "yes", "on", "2026-12-01", "é", "한국어"];
const SCALARS = [
  "error", "warning", "0", "-0", "+1", "007", "0o17", "0x1f", "0b101", "1_000", "1.5", ".5", "1e3", "1E-3", "+.inf", "-.Inf", ".NaN", ".nan",
  "true", "True", "TRUE", "false", "yes", "no", "on", "off", "y", "n", "null", "Null", "~", "", "2026-12-01", "2026-12-01T10:00:00Z", "12:30:45",
  "'single'", "'it''s'", '"double"', '"tab\\tnew\\nline"', '"\\u00e9\\x41"', '"\\U0001F600"', "plain text with spaces", "'#not a comment'", "value # comment",
  "\\b(?:foo|bar)\\b", "'\\b(?:foo|bar)\\b'", '"[A-Z]+"', "[a, b, 'c d']", "{a: 1, b: [x, y]}", "[]", "{}", "- dash", "'- quoted dash'", "@at", "`tick`", "%pct",
  "|-\n  literal\n  block", ">\n  folded\n  text", "|\n  kept\n", "über", "한국어 문장", "中文。",
  // Quoted text that looks like what the fast path declines outside quotes: an explicit key, a null key, underscored and binary numbers.
  "'\\d{1,2},? \\d{4}'", "'? q'", '"null: 1"', "'~: x'", "'0b101'", "'1_000'", "'[a]: b'", '"{a}: b"', "'a' # note", '"x" # note',
];

/** -0 and 0 are the same number to every rule and field (js-yaml reads "-0" as 0, the yaml package as -0). */
function sameZero(value: unknown): unknown {
  if (Object.is(value, -0)) return 0;
  if (Array.isArray(value)) return value.map(sameZero);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sameZero(v)]));
  return value;
}

function randomDocument(random: ReturnType<typeof createRandom>, depth = 0): string {
  const lines: string[] = [];
  const indent = "  ".repeat(depth);
  const keys = random.sample(KEYS, random.int(1, 6));
  for (const key of keys) {
    const shape = depth < 2 ? random.weighted([["scalar", 6], ["map", 1], ["list", 2], ["maplist", 1]] as const) : "scalar";
    if (shape === "scalar") {
      const scalar = random.pick(SCALARS);
      lines.push(`${indent}${key}: ${scalar.replace(/\n/g, `\n${indent}`)}`);
    } else if (shape === "list") {
      lines.push(`${indent}${key}:`);
      for (let i = random.int(1, 3); i > 0; i--) lines.push(`${indent}  - ${random.pick(SCALARS.filter((s) => !s.includes("\n")))}`);
    } else if (shape === "maplist") {
      // A list of mappings whose own lists may have empty items, then more items of the outer list.
      const one = () => random.pick(SCALARS.filter((s) => !s.includes("\n")));
      lines.push(`${indent}${key}:`);
      for (let i = random.int(1, 3); i > 0; i--) {
        lines.push(`${indent}  - ${random.pick(KEYS)}: ${one()}`);
        if (random.int(0, 1) === 1) {
          lines.push(`${indent}    ${random.pick(KEYS)}:`);
          for (let j = random.int(1, 3); j > 0; j--) lines.push(`${indent}      - ${random.pick(["", "#c", one()])}`.trimEnd());
        }
        if (random.int(0, 2) === 0) lines.push(`${indent}  - ${one()}`);
      }
    } else {
      lines.push(`${indent}${key}:`, randomDocument(random, depth + 1));
    }
  }
  return lines.join("\n");
}

describe("the fast YAML path", () => {
  it("gives the value the yaml package gives, as rule files read it and as frontmatter reads it", () => {
    const random = createRandom(11);
    let fast = 0;
    for (let i = 0; i < 3000; i++) {
      const text = `${randomDocument(random)}\n`;
      const plain = parsePlainYaml(text);
      if (!plain) continue;
      fast++;
      // As rule files are read when the fast path declines (Go-like: repeated keys allowed, lenient escapes).
      const lenient = parseDocument(text, { strict: false, uniqueKeys: false });
      expect(lenient.errors.filter((e) => e.code !== "BAD_DQ_ESCAPE"), text).toEqual([]);
      expect(sameZero(plain.value), text).toEqual(sameZero(lenient.toJS()));
      // As templates and snippets are read when it declines.
      expect(sameZero(plain.value), text).toEqual(sameZero(parse(text)));
    }
    // The bank is built to make the parsers disagree, so many documents are declined; enough must be taken to prove anything.
    expect(fast).toBeGreaterThan(1000);
  });

  it("gives the line of each top-level key, and none for a key the document lacks, as the yaml package reads them", () => {
    const random = createRandom(12);
    let checked = 0;
    for (let i = 0; i < 500; i++) {
      const text = `${randomDocument(random)}\n`;
      if (!parsePlainYaml(text)) continue;
      const lineCounter = new LineCounter();
      const doc = parseDocument(text, { lineCounter, version: "1.2" });
      const lineOfKey = (key: string) => {
        if (!isMap(doc.contents)) return undefined;
        const pair = doc.contents.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
        const offset = pair && (pair.key as { range?: number[] }).range?.[0];
        return offset === undefined ? undefined : lineCounter.linePos(offset).line;
      };
      const parsed = parseYaml(text);
      // Keys of the bank (present or not) and keys a schema adds with a default (never in the text).
      for (const key of [...KEYS.map((k) => k.replace(/^'(.*)'$|^"(.*)"$/, "$1$2")), "order", "defaults"]) {
        expect(parsed.lineOf([key]), `${key} in\n${text}`).toBe(lineOfKey(key));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("reads every rule file of the repository's style guide, so a lint run never loads the yaml package for them", () => {
    const files = globSync("style-guide/**/*.yml", { cwd: REPO });
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(path.join(REPO, file), "utf8");
      expect(parsePlainYaml(text), file).toEqual({ value: parse(text) });
    }
  });

  it("leaves documents with aliases, repeated keys, null keys and Go-only escapes to the yaml package", () => {
    expect(parsePlainYaml("a: &x 1\nb: *x\n")).toBeUndefined();
    expect(parsePlainYaml("a: [&x 1, *x]\n")).toBeUndefined();
    expect(parsePlainYaml("a: &x 1\n")).toBeUndefined();
    expect(parsePlainYaml("a: 1\na: 2\n")).toBeUndefined();
    expect(parsePlainYaml("null: 1\n")).toBeUndefined();
    expect(parsePlainYaml("~: 1\n")).toBeUndefined();
    expect(parsePlainYaml(String.raw`a: "it\'s"` + "\n")).toBeUndefined();
    expect(parsePlainYaml("a: [1\n")).toBeUndefined();
    // An empty item of an inner list: js-yaml read the outer list's next item into it.
    expect(parsePlainYaml("- a:\n    - x\n    -\n- b\n")).toBeUndefined();
    expect(parsePlainYaml("- a:\n    - #c\n- b\n")).toBeUndefined();
    // Quotes hide nothing that is outside them, nor a value that goes on past them.
    expect(parsePlainYaml("null: 'x'\n")).toBeUndefined();
    expect(parsePlainYaml("a: 'x' 'y'\n")).toBeUndefined();
    expect(parsePlainYaml("a: ['x', ? y]\n")).toBeUndefined();
    expect(parsePlainYaml("tokens:\n  - '\\d{1,2},? \\d{4}'\n")).toEqual({ value: { tokens: ["\\d{1,2},? \\d{4}"] } });
    // Asterisks and ampersands in text are not aliases.
    expect(parsePlainYaml(`message: "In **Settings > Billing** & more"\n`)).toEqual({ value: { message: "In **Settings > Billing** & more" } });
    // The position-keeping parser still says where the problem is.
    expect(parseYaml("title: ok\ntitle: again\n").problems[0]).toMatchObject({ line: 2 });
  });
});

describe("a key that is a list or a mapping", () => {
  it("is a problem at its line, without the parser's warning on stderr; js-yaml made text of it ([object Object]) and the yaml package a warning and a field at no line", () => {
    const warnings: string[] = [];
    const listen = (warning: Error) => void warnings.push(warning.message);
    process.on("warning", listen);
    const emit = vi.spyOn(process, "emitWarning");
    try {
      const cases: [string, number][] = [
        ["title: A\n? [complex, key]\n: value\n", 2],
        ["title: A\n{a: 1}: value\n", 2],
        ["title: A\ntags:\n  - {? [a]: b}\n", 3],
        ["base: &m {a: 1}\n*m : value\n", 2],
      ];
      for (const [text, line] of cases) {
        const parsed = parseYaml(text);
        expect(parsed.value, text).toBeUndefined();
        expect(parsed.problems, text).toEqual([expect.objectContaining({ line, message: expect.stringMatching(/a key is a list or a mapping, not a name/) })]);
      }
      expect(emit).not.toHaveBeenCalled();
      expect(warnings).toEqual([]);
      // A key that is an alias of a plain value is a plain key.
      expect(parseYaml("a: &x b\n*x : c\n")).toMatchObject({ value: { a: "b", b: "c" }, problems: [] });
    } finally {
      emit.mockRestore();
      process.off("warning", listen);
    }
  });

  it("in a snippet's frontmatter is the snippet's problem at its line, and the snippet stays internal", async () => {
    const { loadSnippets } = await import("../../src/core/cards/snippets.ts");
    const dir = mkdtempSync(path.join(tmpdir(), "verity-snippet-key-"));
    try {
      mkdirSync(path.join(dir, "content", "_snippets"), { recursive: true });
      writeFileSync(path.join(dir, "content", "_snippets", "keyed.md"), '---\nowner: "@acme/team"\n? [audience]\n: external\n---\n\nText.\n');
      const emit = vi.spyOn(process, "emitWarning");
      const snippet = loadSnippets(path.join(dir, "content")).get("keyed")!;
      expect(emit).not.toHaveBeenCalled();
      emit.mockRestore();
      expect(snippet.audience).toBe("internal");
      expect(snippet.problems).toEqual([expect.objectContaining({ line: 3, message: expect.stringMatching(/a key is a list or a mapping, not a name/) })]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
