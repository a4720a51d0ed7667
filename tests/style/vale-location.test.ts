/**
 * Where Vale puts the alerts of a block on one line (core/file.go AddAlert and assignLoc,
 * core/location.go initialPosition): by searching the line for the matched word, with the check's
 * earlier matches in the block masked, and one alert of a check per line and column.
 */
import { afterEach, describe, expect, it } from "vitest";
import { removeTemps } from "../helpers.ts";
import { placeInContext, substituteFirst, valeWordTokens } from "../../src/core/style/vale-location.ts";
import { lintText, styleProject } from "./vale-project.ts";

afterEach(removeTemps);

/** The column where Vale places `match` of a one-line block, or undefined when it drops the alert. */
function column(context: { text: string }, block: string, match: string): number | undefined {
  const place = placeInContext(context, block, [block], match, { kind: "line" });
  return place === "drop" ? undefined : place.column;
}

const IS = { Is: 'extends: existence\nmessage: "Avoid using \\"%s\\""\ntokens: [is]\n' };

describe("the search Vale places an alert by", () => {
  it("finds the first whole-word occurrence, from where the block's text starts on the line", () => {
    expect(column({ text: "This is it.\n" }, "This is it.", "is")).toBe(6);
    expect(column({ text: "- This is it.\n" }, "This is it.", "is")).toBe(8);
    // `_` counts as a boundary, and the column is after it; a hit next to a backtick or hyphen is passed over.
    expect(column({ text: "a_is b\n" }, "a_is b", "is")).toBe(3);
    expect(column({ text: "run `is` or is\n" }, "run ** or is", "is")).toBe(13);
    // Not a whole word anywhere: the first occurrence as written; not there at all: no placement.
    expect(column({ text: "This\n" }, "This", "is")).toBe(3);
    expect(placeInContext({ text: "Nothing\n" }, "Nothing", ["Nothing"], "is", { kind: "line" })).toBe("drop");
  });

  it("masks the first occurrence of the match after each alert, for the check's next alert in the block", () => {
    const line = { text: "This is it, is it, is it.\n" };
    expect(column(line, "This is it, is it, is it.", "is")).toBe(6);
    expect(line.text).toBe("Th## is it, is it, is it.\n");
    // The block's text is no longer on the line as written: the search starts at the line's start.
    expect(column(line, "This is it, is it, is it.", "is")).toBe(6);
    expect(column(line, "This is it, is it, is it.", "is")).toBe(13);
  });

  it("in a wrapped paragraph's lines, gives the line and the column on it", () => {
    expect(placeInContext({ text: "One line,\nThis is it.\n" }, "One line,\nThis is it.", ["One line,\nThis is it."], "is", { kind: "file" })).toEqual({ lines: 1, column: 6 });
    // An item over two lines is searched on its last line first, as Vale's walker gives its last line.
    expect(placeInContext({ text: "- The setup is easy and\n  the setup is fast.\n" }, "The setup is easy and\nthe setup is fast.", ["The setup is easy and\nthe setup is fast."], "setup", { kind: "last", line: 1 })).toEqual({ lines: 1, column: 7 });
  });

  it("counts columns in code points, masks keeping them", () => {
    expect(column({ text: "😀 is\n" }, "😀 is", "is")).toBe(3);
    expect(substituteFirst("a 😀 b", "😀 b", "#")).toBe("a ###");
  });
});

describe("alerts of one-line blocks, as Vale prints them", () => {
  it("a repeated word on a line: Vale's 'Overwrite MinAlertLevel (suggestion)' scenario reports the first `is` only", () => {
    const project = styleProject(IS);
    expect(lintText(project, "This is a very important sentence. There is a sentence here too.\n")).toEqual(['1:6:S.Is:Avoid using "is"']);
    // The third hit lands past the two masked ones.
    expect(lintText(project, "This is it, is it, is it.\n")).toEqual(['1:6:S.Is:Avoid using "is"', '1:13:S.Is:Avoid using "is"']);
  });

  it("list items, quotes, headings and each cell of a row are searched on their own line, the row's other cells masked", () => {
    const project = styleProject(IS);
    expect(lintText(project, "- It is what is.\n\n- This is what is.\n\n> It is.\n\n## It is\n")).toEqual([
      '1:6:S.Is:Avoid using "is"',
      '1:14:S.Is:Avoid using "is"',
      // `This` takes the first mask, so the second alert lands on the first again and is dropped.
      '3:8:S.Is:Avoid using "is"',
      '5:6:S.Is:Avoid using "is"',
      '7:7:S.Is:Avoid using "is"',
    ]);
    expect(lintText(project, "| A is | B is |\n| --- | --- |\n| x | y |\n")).toEqual(['1:5:S.Is:Avoid using "is"', '1:12:S.Is:Avoid using "is"']);
  });

  it("a wrapped paragraph is searched over its lines, as Vale searches the file (FindLoc)", () => {
    const project = styleProject(IS);
    const before = `${"Some words here. ".repeat(60)}\n\n`;
    // The second `is` is searched after `This` took the mask: it lands on the first and is dropped.
    expect(lintText(project, `${before}This is it,\nis it.\n`)).toEqual(['3:6:S.Is:Avoid using "is"']);
    expect(lintText(project, `${before}It is it,\nis it.\n`)).toEqual(['3:4:S.Is:Avoid using "is"', '4:1:S.Is:Avoid using "is"']);
  });

  it("a wrapped paragraph in a file under 1,000 bytes and a line of more than 20,000 characters keep each match where it is", () => {
    const project = styleProject(IS);
    // Vale masks the words before the match in a small file first (AddAlert's Offset), which finds it where it is.
    expect(lintText(project, "This is it,\nis it.\n")).toEqual(['1:6:S.Is:Avoid using "is"', '2:1:S.Is:Avoid using "is"']);
    const long = `${"word ".repeat(4100)}is and is.\n`;
    expect(lintText(project, long)).toEqual(['1:20501:S.Is:Avoid using "is"', '1:20508:S.Is:Avoid using "is"']);
  });
});

describe("a match Vale cannot find as written (guessLocation)", () => {
  const FUTURE = { Future: "extends: existence\nmessage: \"Future tense '%s'\"\nignorecase: true\nraw:\n  - will\\s+\\w+\n" };

  it("goes to column 1 of a line holding every word of its sentence", () => {
    expect(lintText(styleProject(FUTURE), "As we will [see below](#x), it works.\n")).toEqual(["1:1:S.Future:Future tense 'will see'"]);
  });

  it("is dropped when its sentence is wrapped over lines, as Vale drops it (gitlab-runner's docs)", () => {
    const text = "You can create a group with the\nrules you need as we will\n[see below](#the-section). This way, you can customize it.\n\n- The image is used, and the container will\n  automatically install it.\n";
    expect(lintText(styleProject(FUTURE), text)).toEqual([]);
  });

  it("reads words as Vale's tokenizer does", () => {
    expect(valeWordTokens("“Don’t” (see e.g. the $5 docs), Mr. Smith!")).toEqual(["Don't", "see", "e.g.", "the", "docs", "Mr.", "Smith"]);
  });
});

describe("what Vale's walker has already masked, and where it puts a block", () => {
  const rule = (token: string) => ({ Word: `extends: existence\nmessage: "'%s'"\nnonword: true\ntokens: ['${token}']\n` });

  it("the destinations of the links and images it has passed", () => {
    expect(lintText(styleProject(rule("setup")), "See [the guide](setup.md) for setup.\n")).toEqual(["1:31:S.Word:'setup'"]);
    expect(lintText(styleProject(rule("setup")), "See ![a diagram](setup.png) of the setup.\n")).toEqual(["1:36:S.Word:'setup'"]);
  });

  it("an item over two lines is searched on its last line first (the line advance() gives it)", () => {
    expect(lintText(styleProject(rule("setup")), "- The setup is easy and\n  the setup is fast.\n")).toEqual(["2:7:S.Word:'setup'"]);
  });

  it("a wrapped paragraph's search goes on into the rest of the file past a hit before a backtick", () => {
    const filler = `${"Some other words here. ".repeat(50)}\n\n`;
    const text = `You can just \`npm install\` it and\nthen run it.\n\n${filler}It just works.\n`;
    expect(lintText(styleProject(rule("just")), text)).toEqual(["6:4:S.Word:'just'"]);
  });

  it("hits do not share an underscore (Go's FindAll resumes after the one a hit took)", () => {
    expect(lintText(styleProject(rule("foo")), "Use -foo_foo now.\n")).toEqual(["1:6:S.Word:'foo'", "1:10:S.Word:'foo'"]);
  });
});
