import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lintProse } from "../../src/core/style/style-engine.ts";
import { setupFromConfig } from "../../src/core/style/style-files.ts";
import { loadValeConfig } from "../../src/core/style/vale-ini.ts";
import { checkpoint as checkpointOf, isBacktrackRisk } from "../../src/core/style/budget.ts";
import { REPO_ROOT, removeTemps } from "../helpers.ts";
import { lintText, styleProject } from "./vale-project.ts";

afterEach(removeTemps);

describe("every rule's work is bounded", () => {
  it("finds patterns that backtrack without bound", () => {
    expect(isBacktrackRisk("(a+)+b")).toBe(true);
    expect(isBacktrackRisk("(?:a|ab)*c")).toBe(true);
    expect(isBacktrackRisk(String.raw`(\w+\s?)*$`)).toBe(true);
    expect(isBacktrackRisk(String.raw`(?<![\p{L}])(?:utilize|leverage)(?![\p{L}])`)).toBe(false);
    expect(isBacktrackRisk(String.raw`\p{Han}{2,}[,.]`)).toBe(false);
  });

  // A repeated group that starts (or ends) with a character nothing else in it can match splits a text
  // one way only: each repetition begins at that character. The email TokenIgnores most configs carry.
  it("takes a repetition led or closed by its own separator as safe, and keeps every other nesting risky", () => {
    const safe = [String.raw`[\w-]+(?:\.[\w-]+)+`, String.raw`(?:[\w-]+\.)+[a-z]+`, String.raw`(?:/[\p{L}\p{Nd}_-]+)*`, String.raw`(?<name>:\d+){1,3}`];
    const risky = [String.raw`(?:\.[\w.]+)+`, String.raw`(?:-?\d+)+`, String.raw`(?:\.[\w-]+|x)+`, String.raw`(?:\.(a+)+)+`, String.raw`(?:a[a-z]+)+`, String.raw`(?:\.\w+\s?\.?)+`];
    for (const pattern of safe) expect([pattern, isBacktrackRisk(new RegExp(pattern, "u").source)]).toEqual([pattern, false]);
    for (const pattern of risky) expect([pattern, isBacktrackRisk(new RegExp(pattern, "u").source)]).toEqual([pattern, true]);
  });

  it("runs such an ignore pattern on every file without a time budget, and finds the same matches", async () => {
    const budget = await import("../../src/core/style/budget.ts");
    const { ignoredRanges } = await import("../../src/core/style/ignore-patterns.ts");
    const source = "Write to support@lumen.example or ops.team@mail.lumen.example today.";
    expect(budget.isBacktrackRisk(new RegExp(String.raw`([\p{L}.+-]+@[\p{L}-]+(?:\.[\p{L}-]+)+)`, "u").source)).toBe(false);
    expect(ignoredRanges(source, [String.raw`([\w.+-]+@[\w-]+(?:\.[\w-]+)+)`]).map(([start, end]) => source.slice(start, end))).toEqual(["support@lumen.example", "ops.team@mail.lumen.example"]);
  });

  // The budget is counted by the clock, so a busy machine (other processes taking the cores) stopped
  // rules that were well within it, and the findings of a file depended on the machine's load.
  it("runs again, with more time, work that the clock stopped while the thread had little of the processor", async () => {
    const { withBudgetOrUndo } = await import("../../src/core/style/budget.ts");
    const done: number[] = [];
    let calls = 0;
    const starved = () => {
      calls++;
      done.push(calls);
      // Waiting takes time on the clock and none of the processor, as when other work has the core.
      if (calls === 1) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400);
    };
    expect(withBudgetOrUndo(starved, () => checkpointOf(done), 100)).toBe(true);
    expect([calls, done]).toEqual([2, [2]]);

    let spins = 0;
    const busy = () => {
      spins++;
      for (;;);
    };
    const started = performance.now();
    expect(withBudgetOrUndo(busy, () => () => undefined, 100)).toBe(false);
    // Once, unless this thread was itself starved of the processor (a loaded machine): then twice at most.
    expect(spins).toBeLessThanOrEqual(2);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("a catastrophic pattern in a custom rule is stopped and reported with the rule and its file", () => {
    const project = styleProject({ Slow: "extends: existence\nmessage: x\nnonword: true\ntokens: ['(a+)+b']\n" });
    const started = performance.now();
    const findings = lintText(project, `${"a".repeat(40)}\n`);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(/^1:1:S\.Slow:The rule S\.Slow \(.*Slow\.yml\) was stopped after/);
  }, 30_000);

  it("the shipped Verity.ChinesePunctuation reads a long run of Han characters in linear time", () => {
    const setup = setupFromConfig(loadValeConfig(path.join(REPO_ROOT, ".vale.ini")));
    const text = `${"设置选择".repeat(50_000)}.\n`;
    const findings = lintProse({ file: path.join(REPO_ROOT, "x.md"), source: text, format: "md", matchPath: "x.md" }, { vale: setup });
    expect(findings.filter((f) => f.ruleId === "Verity.ChinesePunctuation").map((f) => f.message)).toHaveLength(1);
    expect(findings.some((f) => /was stopped/.test(f.message))).toBe(false);
  }, 60_000);
});

describe("many alerts in one block cost each the same", () => {
  // The shipped vocabulary holds phrases ("Lumen Payments"): an alert inside one is not reported. Each
  // alert used to search the whole block for them again, and the line for its column: on a 100 KB
  // line of 20,000 matches that spent the budget, and the rule was stopped instead of reporting them.
  it("the shipped Verity.Avoid reports 20,000 matches on one 100 KB line within its budget", () => {
    const setup = setupFromConfig(loadValeConfig(path.join(REPO_ROOT, ".vale.ini")));
    const text = `${"just ".repeat(20_000)}\n`;
    const findings = lintProse({ file: path.join(REPO_ROOT, "x.md"), source: text, format: "md", matchPath: "x.md" }, { vale: setup });
    expect(findings.filter((f) => /was stopped/.test(f.message)).map((f) => f.message)).toEqual([]);
    const avoid = findings.filter((f) => f.ruleId === "Verity.Avoid");
    expect(avoid).toHaveLength(20_000);
    expect(avoid.at(-1)).toMatchObject({ line: 1, column: 5 * 19_999 + 1 });
  }, 60_000);
});

describe("comments are found in linear time", () => {
  // Each `<!--` without a `-->` after it made the comment pattern read the rest of the block again:
  // 60,000 of them (240 KB) took 8 s, 120,000 37 s, and a card near maxCardBytes minutes.
  it("a block of 100,000 unclosed <!-- is read in a moment, and a closed comment after it is still a directive", () => {
    const project = styleProject({ Avoid: "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [utilize]\n" });
    const started = performance.now();
    const findings = lintText(project, `We utilize it.\n\n<div>\n${"<!--".repeat(100_000)}\n</div>\n\n<!-- vale off -->\n\nWe utilize it.\n`);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(findings).toEqual(["1:4:S.Avoid:Avoid 'utilize'."]);
  }, 60_000);
});

describe("nothing in the style engine recurses without bound", () => {
  const builtinLevels = new Map<string, "warning">();
  it.each([
    ["3,000 nested block quotes", `${">".repeat(3000)} utilize\n`],
    ["10,000 emphasis markers", `${"*".repeat(10_000)}utilize${"*".repeat(10_000)}\n`],
    ["3,000 nested lists", `${"- ".repeat(3000)}utilize\n`],
  ])("%s: the file gets a markdown-too-deep finding of its own, other rules still run", (_name, text) => {
    const project = styleProject({ Avoid: "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [utilize]\n" });
    const findings = lintProse({ file: path.join(project.dir, "deep.md"), source: `Please utilize it.\n\n${text}`, format: "md", matchPath: "deep.md" }, { vale: project.setup, builtinLevels });
    expect(findings.some((f) => f.ruleId === "markdown-too-deep" && /nested more than 100 levels/.test(f.message))).toBe(true);
    expect(findings.some((f) => f.ruleId === "S.Avoid" && f.line === 1)).toBe(true);
  });
});

describe("one time budget per file", () => {
  it("gives the findings of running each rule alone when a catastrophic rule is stopped among others", () => {
    const rules = {
      Slow: "extends: existence\nmessage: slow\nnonword: true\ntokens: ['(a+)+b']\n",
      Plain: "extends: existence\nmessage: \"plain '%s'\"\ntokens: [utilize]\n",
      Nested: "extends: existence\nmessage: \"nested '%s'\"\nnonword: true\ntokens: ['(?:x+y)+z']\n",
    };
    const text = `We utilize xyxyz here.\n\n${"a".repeat(40)}\n`;
    const findings = lintText(styleProject(rules), text);
    expect(findings.filter((f) => f.includes("S.Plain"))).toEqual(["1:4:S.Plain:plain 'utilize'"]);
    expect(findings.filter((f) => f.includes("S.Nested"))).toEqual(["1:12:S.Nested:nested 'xyxyz'"]);
    expect(findings.filter((f) => /S\.Slow.*was stopped after/.test(f))).toHaveLength(1);
    expect(findings).toHaveLength(3);
  }, 60_000);
});

describe("the message of a rule stopped by the budget", () => {
  // On a file over 20,000 characters every rule runs under the budget; a plain `foo` that alerts on
  // tens of thousands of paragraphs can spend it placing its alerts. Its pattern is not to blame.
  it("blames the pattern only for a risky one; a plain rule stopped on a long file is told to split the file", () => {
    const project = styleProject({ Plain: "extends: existence\nmessage: \"plain '%s'\"\ntokens: [foo]\n" });
    const text = Array.from({ length: 60_000 }, (_, i) => `Line ${i} foo.\n`).join("\n");
    const stopped = lintText(project, text).filter((f) => /was stopped after/.test(f));
    for (const finding of stopped) expect(finding).toMatch(/^1:1:S\.Plain:.*on a file over 20,000 characters every rule runs under a time budget.*Split the file/);
    expect(stopped.join("\n")).not.toMatch(/regular expression/);
  }, 120_000);
});
